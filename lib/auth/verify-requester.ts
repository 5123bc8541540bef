import { importJWK, importSPKI, jwtVerify, type JWK, type JWTPayload } from 'jose';
import type { RequesterFacts } from '../policy/decide-proposal';

/** Asymmetric algorithms only: the agent's backend signs, Warden holds just the public key (no alg confusion with HS*). */
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/**
 * Verifies the signed assertion of the end user an agent acts for (a JWT, checked with `jose`): signature with the
 * agent's configured public key, expiry (required), issuer when configured. Claims: `sub` (or `email`) names the
 * requester, `roles` (string array) their roles, every other string claim is an attribute grants may require.
 * Never throws: anything wrong is an "invalid" requester, which the gate turns into a block.
 */
export async function verifyRequester(
  assertion: string,
  agent: { requesterKey: string | null; requesterIssuer: string | null },
  now = Date.now(),
): Promise<RequesterFacts> {
  if (!agent.requesterKey) return { status: 'invalid', error: 'this agent has no requester key configured' };
  try {
    const { payload } = await jwtVerify(assertion, (header) => importRequesterKey(agent.requesterKey!, header.alg), {
      algorithms: ALGORITHMS,
      issuer: agent.requesterIssuer ?? undefined,
      requiredClaims: ['exp'],
      currentDate: new Date(now),
      clockTolerance: 30,
    });
    const subject = stringClaim(payload, 'sub') ?? stringClaim(payload, 'email');
    if (!subject) return { status: 'invalid', error: 'the assertion names no requester (sub or email)' };
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
    const attributes = Object.fromEntries(
      Object.entries(payload).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !REGISTERED.has(entry[0])),
    );
    return { status: 'verified', subject, roles, attributes };
  } catch (error) {
    return { status: 'invalid', error: describeJoseError(error) };
  }
}

const REGISTERED = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']);

function stringClaim(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** The key is stored as PEM (SPKI) or as a JWK in JSON. */
export async function importRequesterKey(stored: string, alg: string | undefined) {
  if (!alg || !ALGORITHMS.includes(alg)) throw new Error(`algorithm ${alg ?? '(none)'} is not accepted`);
  const text = stored.trim();
  return text.startsWith('{') ? importJWK(JSON.parse(text) as JWK, alg) : importSPKI(text, alg);
}

function describeJoseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'the assertion has expired';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'signature verification failed';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `claim check failed: ${(error as Error).message}`;
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'not a valid JWT';
    default:
      return error instanceof Error ? error.message : 'could not be verified';
  }
}

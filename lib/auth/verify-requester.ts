import { importJWK, importSPKI, jwtVerify, type JWK, type JWTPayload } from 'jose';
import type { RequesterFacts } from '../policy/decide-proposal';

/** Asymmetric algorithms only: the agent's backend signs, Warden holds just the public key (no alg confusion with HS*). */
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/** An assertion is for one proposal, made just before it: it lives at most five minutes (clocks may differ by 60 s). */
const MAX_AGE_SECONDS = 300;
const CLOCK_SKEW_SECONDS = 60;

/**
 * The `aud` an assertion must carry: this Warden instance. WARDEN_ASSERTION_AUDIENCE when set, else the origin of
 * NEXTAUTH_URL (the console's public address, e.g. "https://warden.example.com"). A token minted for another service
 * (or another Warden) is refused, as is any token when neither is configured (fail closed).
 */
export function assertionAudience(): string | null {
  const configured = process.env.WARDEN_ASSERTION_AUDIENCE?.trim();
  if (configured) return configured;
  try {
    return process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : null;
  } catch {
    return null;
  }
}

/**
 * Verifies the signed assertion of the end user an agent acts for (a JWT, checked with `jose`): signature with the
 * agent's configured public key; `aud` this instance (assertionAudience); `iat` and `exp` required, issued at most
 * five minutes ago and expiring at most five minutes after issue (a token valid for a century is no assertion of
 * what a user asked just now); issuer when configured. Claims: `sub` (or `email`) names the
 * requester, `roles` (string array) their roles, every other string claim is an attribute grants may require.
 * Never throws: anything wrong is an "invalid" requester, which the gate turns into a block.
 */
export async function verifyRequester(
  assertion: string,
  agent: { requesterKey: string | null; requesterIssuer: string | null },
  now = Date.now(),
): Promise<RequesterFacts> {
  if (!agent.requesterKey) return { status: 'invalid', error: 'this agent has no requester key configured' };
  const audience = assertionAudience();
  if (!audience)
    return {
      status: 'invalid',
      error: 'this Warden has no assertion audience configured (WARDEN_ASSERTION_AUDIENCE or NEXTAUTH_URL)',
    };
  try {
    const { payload } = await jwtVerify(assertion, (header) => importRequesterKey(agent.requesterKey!, header.alg), {
      algorithms: ALGORITHMS,
      issuer: agent.requesterIssuer ?? undefined,
      audience,
      requiredClaims: ['exp', 'iat'],
      maxTokenAge: MAX_AGE_SECONDS,
      currentDate: new Date(now),
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    if (payload.exp! - payload.iat! > MAX_AGE_SECONDS) {
      return {
        status: 'invalid',
        error: `the assertion lives longer than ${MAX_AGE_SECONDS / 60} minutes (exp too far after iat)`,
      };
    }
    const subject = stringClaim(payload, 'sub') ?? stringClaim(payload, 'email');
    if (!subject) return { status: 'invalid', error: 'the assertion names no requester (sub or email)' };
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
    const attributes = Object.fromEntries(
      Object.entries(payload).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string' && !REGISTERED.has(entry[0]),
      ),
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

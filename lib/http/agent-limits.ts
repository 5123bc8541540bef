import { env } from '../env';
import { DEFAULT_JSON_LIMITS, type JsonLimits } from './scan-json';

export type BodyLimits = JsonLimits & { maxBytes: number };

/** Proposals and results: 256 KiB and 32 levels unless WARDEN_MAX_BODY_BYTES / WARDEN_MAX_JSON_DEPTH say otherwise. */
export function agentBodyLimits(): BodyLimits {
  const { WARDEN_MAX_BODY_BYTES, WARDEN_MAX_JSON_DEPTH } = env();
  return { ...DEFAULT_JSON_LIMITS, maxBytes: WARDEN_MAX_BODY_BYTES, maxDepth: WARDEN_MAX_JSON_DEPTH };
}

/** A claim carries at most a params hash: 16 KiB is generous. */
export function claimBodyLimits(): BodyLimits {
  return { ...agentBodyLimits(), maxBytes: Math.min(16 * 1024, env().WARDEN_MAX_BODY_BYTES) };
}

/**
 * The evidence bundle: one uncompressed tar with these files, so any tool opens it. manifest.json lists every other
 * file with its size and SHA-256 and is signed (manifest.sig, Ed25519, base64) with the instance's audit signing key,
 * whose public key the manifest names: `evidence verify` checks the signature against a trusted key, then every hash,
 * and that nothing was added or removed.
 */
export const EVIDENCE_FORMAT = 'warden-evidence/v1';
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const DATA_FILES = ['actions.jsonl', 'audit.jsonl', 'actions.csv'] as const;
/** Only in an incident's bundle (`evidence export --incident`): the incident record, its notes, marks and own events. */
export const INCIDENT_FILE = 'incident.json';

export type EvidenceSelection = {
  agents: { id: string; name: string }[];
  from: string;
  /** Exclusive. */
  to: string;
  /** Set when the bundle is an incident's: its agents and window are the selection. */
  incidentId?: string;
};

export type EvidenceManifest = {
  format: typeof EVIDENCE_FORMAT;
  createdAt: string;
  createdBy: string;
  selection: EvidenceSelection;
  counts: { actions: number; auditEvents: number; notes?: number; marks?: number };
  /** Sensitive parameters are masked in every file, whoever exported: evidence leaves the box. */
  masking: 'sensitive fields masked';
  files: { name: string; bytes: number; sha256: string }[];
  signer: { publicKey: string; keyId: string };
};

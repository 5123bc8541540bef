import { createHash } from 'node:crypto';
import { list as listTar, type ReadEntry } from 'tar';
import { keyIdOf, verifyMessage } from '../audit/chain/signing-key';
import {
  DATA_FILES,
  EVIDENCE_FORMAT,
  INCIDENT_FILE,
  MANIFEST,
  SIGNATURE,
  type EvidenceManifest,
} from './evidence-format';

const EXPECTED = new Set<string>([MANIFEST, SIGNATURE, ...DATA_FILES]);
/** Entries a bundle may hold; whether incident.json must be there is the signed manifest's to say. */
const KNOWN = new Set<string>([...EXPECTED, INCIDENT_FILE]);
const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;

export type EvidenceVerdict = { ok: true; manifest: EvidenceManifest; keyId: string } | { ok: false; problem: string };

/**
 * Checks an evidence bundle offline: exactly the expected files (regular files, each once); a manifest in the known
 * format whose signature verifies with a trusted public key (`trustedKeys`: this instance's own and any pinned with
 * --public-key); and every listed file's size and SHA-256. Names the first thing that fails. Reads the tar in one
 * pass, keeping only the entries' bytes (bounded), never writing them to disk.
 */
export async function verifyEvidenceBundle(file: string, trustedKeys: ReadonlySet<string>): Promise<EvidenceVerdict> {
  const contents = new Map<string, Buffer>();
  const problems: string[] = [];
  try {
    await listTar({
      file,
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        const name = entry.path;
        if (!KNOWN.has(name)) problems.push(`an unexpected entry "${name}"`);
        else if (entry.type !== 'File') problems.push(`"${name}" is not a regular file`);
        else if (contents.has(name)) problems.push(`"${name}" appears twice`);
        else if (entry.size > MAX_ENTRY_BYTES) problems.push(`"${name}" is too large`);
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => contents.set(name, Buffer.concat(chunks)));
      },
    });
  } catch (error) {
    return {
      ok: false,
      problem: `not a readable evidence bundle: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const [problem] = problems;
  if (problem) return { ok: false, problem };
  for (const name of EXPECTED) if (!contents.has(name)) return { ok: false, problem: `"${name}" is missing` };

  const manifestText = contents.get(MANIFEST)!.toString('utf8');
  let manifest: EvidenceManifest;
  try {
    manifest = JSON.parse(manifestText) as EvidenceManifest;
  } catch {
    return { ok: false, problem: 'manifest.json is not JSON' };
  }
  if (manifest.format !== EVIDENCE_FORMAT)
    return { ok: false, problem: `manifest.json is not a ${EVIDENCE_FORMAT} manifest` };
  const publicKey = manifest.signer?.publicKey ?? '';
  const keyId = keyIdOf(publicKey);
  if (!verifyMessage(publicKey, manifestText, contents.get(SIGNATURE)!.toString('utf8').trim()))
    return { ok: false, problem: 'the manifest signature does not verify: manifest.json was changed or re-signed' };
  if (!trustedKeys.has(publicKey))
    return {
      ok: false,
      problem: `signed by key ${keyId}, which is not trusted here (pass the instance's public key with --public-key)`,
    };

  const listed = new Map((manifest.files ?? []).map((entry) => [entry.name, entry]));
  const incidentBundle = listed.has(INCIDENT_FILE);
  if (incidentBundle && !contents.has(INCIDENT_FILE)) return { ok: false, problem: `"${INCIDENT_FILE}" is missing` };
  if (!incidentBundle && contents.has(INCIDENT_FILE))
    return { ok: false, problem: `an unexpected entry "${INCIDENT_FILE}"` };
  for (const name of incidentBundle ? [...DATA_FILES, INCIDENT_FILE] : DATA_FILES) {
    const entry = listed.get(name);
    if (!entry) return { ok: false, problem: `the manifest does not list "${name}"` };
    const bytes = contents.get(name)!;
    if (bytes.length !== entry.bytes || createHash('sha256').update(bytes).digest('hex') !== entry.sha256) {
      return { ok: false, problem: `"${name}" does not match its SHA-256 in the manifest` };
    }
  }
  return { ok: true, manifest, keyId };
}

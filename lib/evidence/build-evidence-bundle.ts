import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { create as createTar } from 'tar';
import { auditActor, type Actor } from '../auth/actor';
import { loadSigningKey, signMessage } from '../audit/chain/signing-key';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { collectEvidence, type EvidenceInput } from './collect-evidence';
import type { IncidentRecord } from './collect-incident-record';
import {
  DATA_FILES,
  EVIDENCE_FORMAT,
  INCIDENT_FILE,
  MANIFEST,
  SIGNATURE,
  type EvidenceManifest,
} from './evidence-format';
import { csvLine } from './to-csv';

const CSV_COLUMNS = [
  'id',
  'createdAt',
  'agent',
  'tool',
  'status',
  'summary',
  'decidedBy',
  'decidedAt',
  'downstreamRef',
  'traceId',
] as const;

/**
 * Writes the evidence bundle of a window to `outFile` (see evidence-format.ts) and returns its manifest. The files are
 * built in a private temporary directory, hashed, listed in the manifest, the manifest signed, then all packed.
 */
export async function buildEvidenceBundle(
  actor: Actor,
  input: EvidenceInput,
  outFile: string,
  incident?: IncidentRecord,
): Promise<EvidenceManifest> {
  const collected = await collectEvidence(actor, input);
  const { actions, events } = collected;
  const selection = incident ? { ...collected.selection, incidentId: incident.id } : collected.selection;
  const key = loadSigningKey({ create: true })!;
  const files: Record<string, string> = {
    'actions.jsonl': actions.map((action) => `${JSON.stringify(action)}\n`).join(''),
    'audit.jsonl': events.map((event) => `${JSON.stringify(event)}\n`).join(''),
    'actions.csv':
      csvLine([...CSV_COLUMNS]) +
      actions.map((action) => csvLine(CSV_COLUMNS.map((column) => action[column]))).join(''),
    ...(incident ? { [INCIDENT_FILE]: `${JSON.stringify(incident, null, 2)}\n` } : {}),
  };
  const names = incident ? [...DATA_FILES, INCIDENT_FILE] : [...DATA_FILES];
  const contentOf = (name: string): string => {
    const content = files[name];
    if (content === undefined) throw new Error(`evidence bundle: no content for ${name}`);
    return content;
  };
  const { actorType, actorId } = auditActor(actor);
  const manifest: EvidenceManifest = {
    format: EVIDENCE_FORMAT,
    createdAt: new Date().toISOString(),
    createdBy: `${actorType}:${actorId ?? ''}`,
    selection,
    counts: {
      actions: actions.length,
      auditEvents: events.length,
      ...(incident ? { notes: incident.notes.length, marks: incident.marks.length } : {}),
    },
    masking: 'sensitive fields masked',
    files: names.map((name) => ({ name, bytes: Buffer.byteLength(contentOf(name)), sha256: sha256(contentOf(name)) })),
    signer: { publicKey: key.publicKey, keyId: key.keyId },
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  // Recorded before the file is written, like audit exports: a bundle that leaves the box is never unaccounted for.
  await db().$transaction((tx) =>
    recordAuditEvent(tx, {
      actor,
      type: 'evidence.exported',
      payload: { selection, counts: manifest.counts, manifestSha256: sha256(manifestText) },
    }),
  );

  const dir = mkdtempSync(path.join(tmpdir(), 'warden-evidence-'));
  try {
    for (const name of names) writeFileSync(path.join(dir, name), contentOf(name), { mode: 0o600 });
    writeFileSync(path.join(dir, MANIFEST), manifestText, { mode: 0o600 });
    writeFileSync(path.join(dir, SIGNATURE), `${signMessage(key, manifestText)}\n`, { mode: 0o600 });
    await createTar({ file: outFile, cwd: dir, portable: true }, [MANIFEST, SIGNATURE, ...names]);
    chmodSync(outFile, 0o600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return manifest;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

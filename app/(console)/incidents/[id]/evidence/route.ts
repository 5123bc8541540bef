import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { NextResponse } from 'next/server';
import { getUserActor } from '@/lib/session/get-user-actor';
import { isWardenError } from '@/lib/errors';
import { buildIncidentEvidenceBundle } from '@/lib/evidence/build-incident-evidence-bundle';

export const dynamic = 'force-dynamic';

/**
 * The incident's evidence bundle as one download: the same signed tar as `warden evidence export --incident ID`,
 * built in a private temporary directory and removed once sent. `warden evidence verify FILE` checks it offline.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getUserActor();
  if (!actor)
    return NextResponse.json(
      { error: { code: 'unauthenticated', message: 'Sign in to export evidence.' } },
      { status: 401 },
    );
  const { id } = await params;
  const dir = await mkdtemp(path.join(tmpdir(), 'warden-incident-evidence-'));
  const file = path.join(dir, 'evidence.tar');
  const cleanUp = () => rm(dir, { recursive: true, force: true });
  try {
    await buildIncidentEvidenceBundle(actor, id, file);
  } catch (error) {
    await cleanUp();
    if (isWardenError(error))
      return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status });
    throw error;
  }
  const stream = createReadStream(file);
  stream.once('close', () => void cleanUp());
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '');
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': 'application/x-tar',
      'Content-Disposition': `attachment; filename="warden-incident-${id.slice(-8)}-evidence-${stamp}.tar"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

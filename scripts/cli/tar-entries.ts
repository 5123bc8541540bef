import { list } from 'tar';

/** For the evidence CLI tests: every entry of a tar file, by path, as text. */
export async function tarEntries(tarFile: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  await list({
    file: tarFile,
    onReadEntry: (entry) => {
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () => (found[entry.path] = Buffer.concat(chunks).toString('utf8')));
    },
  });
  return found;
}

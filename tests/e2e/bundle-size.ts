import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function gzipKb(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

/** Everything an extension page loads: its HTML, the scripts and styles it names, and the chunks they import. */
export function gzipKbOfPage(extensionDir: string, page: string): { files: string[]; kb: number } {
  const seen = new Set<string>([page]);
  const queue = [page];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const text = readFileSync(join(extensionDir, file), 'utf8');
    const references = file.endsWith('.html')
      ? [...text.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((match) => match[1] as string)
      : [...text.matchAll(/from\s*"\.\/([^"]+\.js)"/g)].map((match) => join(file, '..', match[1] as string));
    for (const reference of references) {
      if (seen.has(reference) || !existsSync(join(extensionDir, reference))) continue;
      seen.add(reference);
      queue.push(reference);
    }
  }
  const files = [...seen];
  return { files, kb: files.reduce((sum, file) => sum + gzipKb(join(extensionDir, file)), 0) };
}

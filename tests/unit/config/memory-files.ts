import type { ReadTextFile } from '../../../src/desktop/config/read-text-file';

/** A ReadTextFile over an in-memory map: path → text (or an Error to simulate an unreadable file). */
export function memoryFiles(files: Record<string, string | Error>): ReadTextFile {
  return (filePath) => {
    const entry = files[filePath];
    if (entry === undefined) return { kind: 'missing' };
    if (entry instanceof Error) return { kind: 'unreadable', reason: entry.message };
    return { kind: 'found', text: entry };
  };
}

import { readFileSync } from 'node:fs';

/**
 * Reading a settings file, as a port: resolve-settings takes a ReadTextFile so
 * tests hand it files from memory and the shell hands it the real disk.
 */
export type FileRead =
  { kind: 'found'; text: string } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

export type ReadTextFile = (filePath: string) => FileRead;

/** The real disk. Missing files are normal (unmanaged machine, first run); anything else is reported. */
export const readTextFileFromDisk: ReadTextFile = (filePath) => {
  try {
    return { kind: 'found', text: readFileSync(filePath, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
};

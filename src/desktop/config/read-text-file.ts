import { readFileSync } from 'node:fs';
import type { Result } from '../../shared/domain/result';
import { err, ok } from '../../shared/domain/result';

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

/** JSON text → value, tolerating the UTF-8 byte-order mark Windows Notepad writes. */
export function parseJsonText(text: string): Result<unknown> {
  try {
    return ok(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err('settings.bad_json', `is not valid JSON: ${reason}`);
  }
}

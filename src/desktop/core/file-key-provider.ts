import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeyProvider } from './key-provider';

const KEY_BYTES = 32;

/**
 * A key in a file only its owner may read (0600) — for the browser host, which
 * has no OS keychain. Created on first use; loosened permissions are tightened.
 */
export function fileKeyProvider(file: string): KeyProvider {
  return {
    async loadKey() {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      try {
        writeFileSync(file, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
      if (key.length !== KEY_BYTES)
        throw new Error(`the key file ${file} does not hold a ${KEY_BYTES}-byte key`);
      return key;
    },
  };
}

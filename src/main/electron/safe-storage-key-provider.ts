import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeyProvider } from '../../desktop/core/key-provider';

/** The part of Electron's safeStorage this needs (a port, so it is tested without Electron). */
export interface SafeStoragePort {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The cache key, sealed by the OS (DPAPI on Windows, Keychain on macOS, libsecret
 * on Linux) and stored next to the cache. Without OS encryption the app refuses
 * to keep customer data rather than store the key in the clear.
 */
export function safeStorageKeyProvider(safeStorage: SafeStoragePort, file: string): KeyProvider {
  return {
    async loadKey() {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error(
          'the operating system offers no protected storage for the cache key (safeStorage unavailable)',
        );
      }
      if (existsSync(file)) {
        const key = Buffer.from(safeStorage.decryptString(readFileSync(file)), 'base64');
        if (key.length !== 32) throw new Error(`the sealed key in ${file} is not a 32-byte key`);
        return key;
      }
      const key = randomBytes(32);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, safeStorage.encryptString(key.toString('base64')), { mode: 0o600 });
      return key;
    },
  };
}

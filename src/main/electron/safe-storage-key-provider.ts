import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeyProvider } from '../../desktop/core/key-provider';
import { writeFileAtomic } from './write-file-atomic';

/**
 * The part of Electron's safeStorage this needs (a port, so it is tested without
 * Electron). The asynchronous API: Electron 45 deprecates the synchronous calls,
 * and decryptStringAsync reads what encryptString wrote.
 */
export interface SafeStoragePort {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plain: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  /** Linux only: which secret store Chromium picked. */
  getSelectedStorageBackend(): string;
}

const KEY_BYTES = 32;

/**
 * Linux's fallback "basic_text" store encrypts with a key built into Chromium: as
 * good as plain text. Customer data is not kept under it.
 */
const NO_KEYRING =
  'this Linux session has no keyring, so Agent Desk could only store the key in plain text (Chromium’s basic_text store); it refuses to. Sign in to a desktop with GNOME Keyring or KWallet running; on a desktop Chromium does not recognise, start Agent Desk with --password-store=gnome-libsecret (or kwallet5/kwallet6)';

function unavailable(platform: NodeJS.Platform): string {
  const store =
    platform === 'darwin' ? 'the login keychain' : platform === 'win32' ? 'Windows DPAPI' : 'the keyring';
  return `the operating system offers no protected storage for the cache key (${store} is not available to Agent Desk)`;
}

/** What to do when the sealed key is there but cannot be opened: the cause and the way out. */
function unreadable(file: string, reason: string): string {
  return `the sealed key ${file} cannot be opened (${reason}). That happens when an administrator reset the Windows password, the macOS login keychain was reset, or the folder came from another computer or account. If the old password or keychain can be restored, restore it and start Agent Desk again: nothing is lost. Otherwise quit Agent Desk, rename the folder ${dirname(file)} (for example to "cache-unreadable") and start it again: it downloads your work from the server. Changes made on this computer and not yet sent stay unreadable in the renamed folder`;
}

/**
 * The cache key, sealed by the OS (DPAPI on Windows, the Keychain on macOS, the
 * Secret Service / KWallet on Linux) and stored next to the cache, written
 * atomically. Without real OS protection the app refuses to keep customer data
 * rather than store the key in the clear.
 */
export function safeStorageKeyProvider(
  safeStorage: SafeStoragePort,
  file: string,
  platform: NodeJS.Platform,
): KeyProvider {
  const seal = async (key: Buffer) =>
    writeFileAtomic(file, await safeStorage.encryptStringAsync(key.toString('base64')));
  return {
    async loadKey() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new Error(unavailable(platform));
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
        throw new Error(NO_KEYRING);
      let sealed: Buffer;
      try {
        sealed = readFileSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        const key = randomBytes(KEY_BYTES);
        await seal(key);
        return key;
      }
      let opened: { shouldReEncrypt: boolean; result: string };
      try {
        opened = await safeStorage.decryptStringAsync(sealed);
      } catch (error) {
        throw new Error(unreadable(file, error instanceof Error ? error.message : String(error)), {
          cause: error,
        });
      }
      const key = Buffer.from(opened.result, 'base64');
      if (key.length !== KEY_BYTES)
        throw new Error(unreadable(file, `it does not hold a ${KEY_BYTES}-byte key`));
      // The OS rotated its own key (or offers a better one): seal ours again with it.
      if (opened.shouldReEncrypt) await seal(key);
      return key;
    },
  };
}

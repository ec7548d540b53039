/**
 * Where the cache's 32-byte encryption key comes from. Electron keeps it sealed
 * with safeStorage (the OS keychain / DPAPI); the browser host in a 0600 file in
 * its data folder. The core never sees how.
 */
export interface KeyProvider {
  loadKey(): Promise<Buffer>;
}

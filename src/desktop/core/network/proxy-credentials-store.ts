import { z } from 'zod';
import { META_KEYS, type MetaStore } from '../../store/meta';
import type { PiiCipher } from '../../store/pii-cipher';
import type { ProxyCredentials } from './proxy-choice';

const PLACE = 'meta/proxy-credentials';
const storedSchema = z.object({ username: z.string(), password: z.string() });

/**
 * The agent's proxy credentials in the cache, encrypted like the session token
 * (the same key, from the operating system's keychain), so a restart does not ask
 * again. They go with the session: sign-out wipes the cache's meta.
 */
export function loadProxyCredentials(meta: MetaStore, cipher: PiiCipher): ProxyCredentials | undefined {
  const raw = meta.get(META_KEYS.proxyCredentials);
  if (raw === undefined) return undefined;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(cipher.decrypt(Buffer.from(raw, 'base64'), PLACE)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveProxyCredentials(
  meta: MetaStore,
  cipher: PiiCipher,
  credentials: ProxyCredentials,
): void {
  meta.set(META_KEYS.proxyCredentials, cipher.encrypt(JSON.stringify(credentials), PLACE).toString('base64'));
}

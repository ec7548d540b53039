import { z } from 'zod';
import { policySchema, type Policy } from '../../shared/domain/policy';
import {
  noticeChannelsSchema,
  sessionUserSchema,
  type NoticeChannels,
  type SessionUser,
} from '../../shared/sync/protocol';
import { META_KEYS, type MetaStore } from '../store/meta';
import type { PiiCipher } from '../store/pii-cipher';

/** The signed-in session as the cache keeps it (encrypted: the token is a credential). */
export interface StoredSession {
  token: string;
  expiresAt: number;
  user: SessionUser;
  policy: Policy;
  /** Server time minus local time, estimated at sign-in. */
  serverOffsetMs: number;
  /** The server ended it; the agent must sign in again (local work is kept). */
  expired: boolean;
  /** Who signed in (the unlock after the server ended the session signs in again as them). */
  username?: string | undefined;
  /** Why the server ended it (its error code): decides between the lock screen and the sign-in screen. */
  endedBy?: string | undefined;
  /** The notice channels the server has a provider for (absent: it did not say). */
  noticeChannels?: NoticeChannels | undefined;
  /** Signed in through single sign-on with this provider (its display name): no password is kept. */
  ssoName?: string | undefined;
}

/**
 * Ends the agent resumes at the lock screen with one password entry (the same user signs in
 * again and the waiting changes go out). Any other end (account disabled, signed out
 * elsewhere) shows the sign-in screen; the cache and outbox stay for the same user.
 */
const RESUMABLE_ENDS: ReadonlySet<string> = new Set(['auth.session_idle', 'auth.session_expired']);

/** True when the server ended the session for a reason the lock screen can resume from. */
export function resumableEnd(session: StoredSession): boolean {
  return session.expired && RESUMABLE_ENDS.has(session.endedBy ?? '');
}

const storedSessionSchema = z.object({
  token: z.string(),
  expiresAt: z.number(),
  user: sessionUserSchema,
  policy: policySchema,
  serverOffsetMs: z.number(),
  expired: z.boolean(),
  username: z.string().optional(),
  endedBy: z.string().optional(),
  noticeChannels: noticeChannelsSchema.optional(),
  ssoName: z.string().optional(),
});

const PLACE = 'meta/session';

export function loadSession(meta: MetaStore, cipher: PiiCipher): StoredSession | undefined {
  const raw = meta.get(META_KEYS.session);
  if (raw === undefined) return undefined;
  try {
    const parsed = storedSessionSchema.safeParse(
      JSON.parse(cipher.decrypt(Buffer.from(raw, 'base64'), PLACE)),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(meta: MetaStore, cipher: PiiCipher, session: StoredSession): void {
  meta.set(META_KEYS.session, cipher.encrypt(JSON.stringify(session), PLACE).toString('base64'));
}

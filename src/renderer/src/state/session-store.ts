import { create } from 'zustand';
import { DEFAULT_POLICY, type Policy } from '../../../shared/domain/policy';
import type { ConnectionState, Rejection, SessionState, SyncProgress } from '../../../shared/ipc';
import type { NoticeChannel } from '../../../shared/sync/rows';

interface SessionStore {
  /** Null until the host answered `session.get`. */
  session: SessionState | null;
  connection: ConnectionState | null;
  progress: SyncProgress | null;
  rejections: Rejection[];
  setSession(session: SessionState): void;
  setConnection(connection: ConnectionState): void;
  setProgress(progress: SyncProgress | null): void;
  setRejections(rejections: Rejection[]): void;
  addRejection(rejection: Rejection): void;
  removeRejection(mutationId: string): void;
}

export const useSessionStore = create<SessionStore>()((set) => ({
  session: null,
  connection: null,
  progress: null,
  rejections: [],
  setSession: (session) => set({ session }),
  setConnection: (connection) => set({ connection, progress: connection.firstSync }),
  setProgress: (progress) => set({ progress }),
  setRejections: (rejections) => set({ rejections }),
  addRejection: (rejection) =>
    set((s) => ({
      rejections: [...s.rejections.filter((r) => r.mutationId !== rejection.mutationId), rejection],
    })),
  removeRejection: (mutationId) =>
    set((s) => ({ rejections: s.rejections.filter((r) => r.mutationId !== mutationId) })),
}));

/** The policy the server published at sign-in; the defaults until then. */
export function usePolicy(): Policy {
  return useSessionStore((s) => s.session?.policy ?? DEFAULT_POLICY);
}

/**
 * Whether the server can send notices by `channel` (it said at sign-in which channels have a
 * provider). Unknown (an older server, or not said yet): true, and the notice's own state tells.
 */
export function useNoticeChannel(channel: NoticeChannel): boolean {
  return useSessionStore((s) => s.session?.noticeChannels?.[channel] ?? true);
}

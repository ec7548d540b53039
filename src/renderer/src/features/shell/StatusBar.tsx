import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { formatInstant } from '../../i18n/format';
import { usePolicy, useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { PROXY_CREDENTIAL_ERRORS } from '../../../../shared/ipc/network-errors';
import type { ConnectionState } from '../../../../shared/ipc';
import { ProxySignIn } from './ProxySignIn';

const ICON = { online: '●', offline: '○', syncing: '↻', 'signed-out': '–', connecting: '↻' } as const;

/**
 * What the bar says: the core's state, except that an offline connection with no failure
 * and no retry scheduled is the first connection being made (just after sign-in), not
 * an outage.
 */
export function shownConnectionState(connection: ConnectionState | null): keyof typeof ICON {
  const state = connection?.state ?? 'offline';
  return state === 'offline' && connection !== null && !connection.error && connection.retryAt === null
    ? 'connecting'
    : state;
}

async function lockToSignInAgain(): Promise<void> {
  const result = await invoke('session.lock', {});
  if (result.ok) useSessionStore.getState().setSession(result.value);
}

/** Connection state, pending changes and the first-sync progress; read politely to screen readers. */
export function StatusBar() {
  const t = useT();
  const policy = usePolicy();
  const connection = useSessionStore((s) => s.connection);
  const progress = useSessionStore((s) => s.progress);
  const announcement = useUiStore((s) => s.announcement);
  const expired = useSessionStore((s) => s.session?.expired ?? false);
  const pending = connection?.pending ?? 0;
  const zone = policy.callbackHours.timeZone;
  const state = shownConnectionState(connection);
  const label = {
    online: t.connection.online,
    offline: t.connection.offline,
    syncing: t.connection.syncing,
    'signed-out': t.connection.signedOut,
    connecting: t.connection.connecting,
  }[state];

  return (
    <section className={`status-bar status-bar--${state}`} aria-label={t.connection.region}>
      <p className="status-line">
        {/* Only the state and the counts are live: the sync time changes too often to read out. */}
        <span role="status">
          <span aria-hidden="true" className="status-icon">
            {ICON[state]}
          </span>{' '}
          <strong data-testid="connection-state" data-state={state}>
            {label}
          </strong>
          {' · '}
          <span data-testid="pending-count" data-pending={connection?.pending ?? 0}>
            {/* While the first download runs, "All changes synced" would say the opposite of what is happening. */}
            {progress && pending === 0 ? t.connection.firstSync : t.connection.pending(pending)}
          </span>
          {connection && connection.rejected > 0 ? (
            <> · {t.connection.rejected(connection.rejected)}</>
          ) : null}
        </span>
        {connection?.lastSyncedAt ? (
          <> · {t.connection.lastSynced(formatInstant(connection.lastSyncedAt, zone))}</>
        ) : null}
        {state === 'offline' && connection?.retryAt ? (
          <> · {t.connection.retryAt(formatInstant(connection.retryAt, zone))}</>
        ) : null}
      </p>
      {expired ? (
        // The server ended the session: the lock screen's one password entry signs in again and sends what waits.
        <button type="button" className="primary" onClick={() => void lockToSignInAgain()}>
          {t.connection.signInAgain(pending)}
        </button>
      ) : null}
      {state === 'offline' && connection?.error ? (
        // Why it is offline, in the agent's language: the proxy or certificate problem names itself.
        <p className="status-error" data-testid="connection-error" data-code={connection.error.code}>
          {errorText(connection.error, t)}
        </p>
      ) : null}
      {state === 'offline' && connection?.error && PROXY_CREDENTIAL_ERRORS.has(connection.error.code) ? (
        <ProxySignIn />
      ) : null}
      {state === 'offline' && !expired ? (
        <button type="button" onClick={() => void invoke('sync.now', {})}>
          {t.connection.syncNow}
        </button>
      ) : null}
      {progress ? (
        <div className="first-sync">
          <label htmlFor="first-sync-progress">{t.connection.firstSync}</label>{' '}
          <progress
            id="first-sync-progress"
            max={progress.total ?? undefined}
            value={progress.total ? progress.done : undefined}
          />{' '}
          <span>{t.connection.firstSyncProgress(progress.done, progress.total)}</span>
        </div>
      ) : null}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement?.text}
      </p>
    </section>
  );
}

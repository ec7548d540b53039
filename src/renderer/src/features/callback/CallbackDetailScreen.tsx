import { useEffect, useMemo, useRef, useState } from 'react';
import { formatUsPhone } from '../../../../shared/domain/phones';
import { slaInputFor } from '../../../../shared/domain/sla-input';
import type { CallbackDetail } from '../../../../shared/ipc';
import { invoke } from '../../api/agent-desk';
import { SlaCountdown } from '../../components/SlaCountdown';
import { textIn, useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy, useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { AttemptPanel } from './AttemptPanel';
import { HandoffPanel } from './HandoffPanel';
import { PhoneNumbers } from './PhoneNumbers';
import { PlanPanel } from './PlanPanel';
import { SchedulePanel } from './SchedulePanel';
import { SlaWindow } from './SlaWindow';
import { NoticesPanel } from '../notices/NoticesPanel';
import { WaitingBanner } from '../notices/WaitingBanner';
import { useCallbackDetail } from './use-callback-detail';
import './CallbackDetail.css';
import { errorText } from '../../i18n/error-text';
import { personName } from '../../i18n/person-name';

// Over ~80 lines: left whole while its reloads (issue 12, item 8) is reworked on another branch; split it after that lands.
export function CallbackDetailScreen({ callbackId }: { callbackId: string }) {
  const t = useT();
  const navigate = useUiStore((s) => s.navigate);
  // No reload after this screen's own commands: the core announces their change (dataChanged) first.
  const { detail, error } = useCallbackDetail(callbackId);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Focus the heading once per callback opened, not on every reload.
  const loadedId = detail?.callback.id;
  useEffect(() => {
    if (loadedId) headingRef.current?.focus();
  }, [loadedId]);

  const back = (
    <button type="button" onClick={() => navigate({ name: 'worklist' })}>
      ← {t.callback.back} <kbd aria-hidden="true">Esc</kbd>
    </button>
  );
  const errorBox = error ? (
    <p role="alert" className="error-box">
      {errorText(error, t)}
    </p>
  ) : null;
  if (!detail) {
    return (
      <section>
        {back}
        {errorBox ?? <p role="status">{t.app.loading}</p>}
      </section>
    );
  }
  const { callback } = detail;
  return (
    <section className="callback-detail" aria-labelledby="callback-title">
      <div className="actions">{back}</div>
      <h1 id="callback-title" ref={headingRef} tabIndex={-1}>
        {t.callback.title(detail.customer?.name ?? t.worklist.noName)}
      </h1>
      <WaitingBanner until={callback.customerWaitingUntil} />
      {detail.pendingSync ? <p className="notice">{t.callback.pendingSync}</p> : null}
      {errorBox}
      <div className="cb-grid">
        <div>
          <CustomerPanel detail={detail} />
          <HandoffPanel detail={detail} />
          <PlanPanel detail={detail} />
          <AttemptPanel detail={detail} />
        </div>
        <div>
          <PhoneNumbers detail={detail} />
          <HistoryPanel detail={detail} />
          <SchedulePanel key={`${callback.id}-${callback.version}`} detail={detail} />
          <NoticesPanel detail={detail} />
        </div>
      </div>
    </section>
  );
}

/** Who the customer is, the callback's state and owner, and claim / release. */
function CustomerPanel({ detail }: { detail: CallbackDetail }) {
  const t = useT();
  const zone = usePolicy().callbackHours.timeZone;
  const myId = useSessionStore((s) => s.session?.user?.id);
  const language = useUiStore((s) => s.language);
  const { callback, customer, inquiry } = detail;
  const assignee =
    callback.assigneeId === null
      ? t.callback.nobody
      : callback.assigneeId === myId
        ? t.worklist.claimedByMe
        : personName(detail.names, callback.assigneeId, t);
  return (
    <section className="panel" aria-labelledby="customer-title">
      <h2 id="customer-title">{t.callback.customer}</h2>
      <dl className="facts">
        <dt>{t.callback.customer}</dt>
        <dd>{customer?.name ?? t.worklist.noName}</dd>
        {customer ? (
          <>
            <dt>{t.callback.preferredLanguage}</dt>
            <dd>{t.languages[customer.preferredLanguage]}</dd>
          </>
        ) : null}
        {inquiry?.receiptNumber ? (
          <>
            <dt>{t.callback.receipt}</dt>
            <dd>{inquiry.receiptNumber}</dd>
          </>
        ) : null}
        {customer?.aNumber ? (
          <>
            <dt>{t.callback.aNumber}</dt>
            <dd>{customer.aNumber}</dd>
          </>
        ) : null}
        {inquiry ? (
          <>
            <dt>{t.callback.topic}</dt>
            <dd>{textIn(language, { en: inquiry.topic, es: inquiry.topicEs })}</dd>
          </>
        ) : null}
        <CallbackFacts detail={detail} zone={zone} />
        <dt>{t.callback.assignee}</dt>
        <dd data-testid="assignee">{assignee}</dd>
      </dl>
      <ClaimActions detail={detail} />
    </section>
  );
}

/** Claim or release the open callback (buttons, and c / u). */
function ClaimActions({ detail }: { detail: CallbackDetail }) {
  const t = useT();
  const announce = useUiStore((s) => s.announce);
  const [actionError, setActionError] = useState<string | null>(null);
  const { callback, permissions } = detail;
  const act = async (channel: 'callback.claim' | 'callback.release') => {
    const result = await invoke(channel, { callbackId: callback.id });
    if (!result.ok) return setActionError(errorText(result.error, t));
    setActionError(null);
    announce(channel === 'callback.claim' ? t.worklist.claimed : t.worklist.released);
  };
  return (
    <>
      <div className="actions">
        {callback.status === 'open' && callback.assigneeId === null ? (
          <button
            type="button"
            className="primary"
            disabled={!permissions.claim?.allowed}
            onClick={() => void act('callback.claim')}
          >
            {t.callback.claim} <kbd aria-hidden="true">c</kbd>
          </button>
        ) : null}
        {callback.status === 'open' && callback.assigneeId !== null ? (
          <button
            type="button"
            disabled={!permissions.release?.allowed}
            onClick={() => void act('callback.release')}
          >
            {t.callback.release} <kbd aria-hidden="true">u</kbd>
          </button>
        ) : null}
        {permissions.claim && !permissions.claim.allowed && callback.assigneeId === null ? (
          <span className="field-hint">
            {permissions.claim.reason ? errorText(permissions.claim.reason, t) : null}
          </span>
        ) : null}
      </div>
      <div role="alert" className={actionError ? 'error-box' : undefined}>
        {actionError}
      </div>
      <CallbackShortcuts
        onClaim={() => void act('callback.claim')}
        onRelease={() => void act('callback.release')}
      />
    </>
  );
}

/** Urgency, tier, status, created and due (with the live countdown while open). */
function CallbackFacts({ detail, zone }: { detail: CallbackDetail; zone: string }) {
  const t = useT();
  const policy = usePolicy();
  const { callback, customer } = detail;
  // The whole SLA rule: the customer's local hours and the attempts still needed count too.
  const slaInput = useMemo(
    () => slaInputFor(callback, customer ?? undefined, policy),
    [callback, customer, policy],
  );
  return (
    <>
      <dt>{t.worklist.urgency}</dt>
      <dd>
        {t.urgency[callback.urgency]} · {t.tier[callback.tier]} · {t.callbackStatus[callback.status]}
      </dd>
      <dt>{t.callback.created}</dt>
      <dd>{formatInstant(callback.createdAt, zone)}</dd>
      <dt>{t.callback.due}</dt>
      <dd>
        {formatInstant(callback.dueAt, zone)} —{' '}
        {callback.status === 'open' ? (
          <>
            <SlaCountdown dueAt={callback.dueAt} urgency={callback.urgency} input={slaInput} />
            <SlaWindow sla={detail.sla} now={detail.now} />
          </>
        ) : (
          t.callbackStatus[callback.status]
        )}
      </dd>
    </>
  );
}

/** Every attempt so far: when, the number dialed, the outcome. */
function HistoryPanel({ detail }: { detail: CallbackDetail }) {
  const t = useT();
  const zone = usePolicy().callbackHours.timeZone;
  const { attempts } = detail.callback;
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t.callback.history}</h2>
      {attempts.length === 0 ? (
        <p>{t.callback.noAttempts}</p>
      ) : (
        <ol className="history" data-testid="attempt-history">
          {attempts.map((a, i) => {
            const [e164 = a.numberDialed, ext] = a.numberDialed.split(';ext=');
            return (
              <li key={a.id}>
                {t.callback.attemptLine(
                  i + 1,
                  formatInstant(a.at, zone),
                  formatUsPhone(e164, ext),
                  t.outcomes[a.outcome],
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** c / u claim and release the open callback (not while typing). */
function CallbackShortcuts({ onClaim, onRelease }: { onClaim(): void; onRelease(): void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (
        target &&
        (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')
      )
        return;
      if (event.key === 'c') onClaim();
      if (event.key === 'u') onRelease();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClaim, onRelease]);
  return null;
}

import { useEffect, useState } from 'react';
import type { ContactChannel } from '../../../../shared/domain/contact-channels';
import {
  afterCallWorkClock,
  afterCallWorkModeFor,
  afterCallWorkOnCallEnd,
  dispositionsFor,
  finishAfterCallWork,
  mayBecomeAvailable,
  startAfterCallWork,
  type AfterCallWork,
} from '../../../../shared/domain/wrap-up';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { useNow } from '../../state/clock-store';
import { usePolicy, useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { reportPresence } from '../shell/presence';

/** The contact a wrap-up closes, and the call's times (the desktop's estimate of server time). */
export interface WrapUpContact {
  about: { table: 'inquiries' | 'callbacks'; id: string };
  customerId: string;
  channel: ContactChannel;
  callStartedAt: number;
  callEndedAt: number;
}

/**
 * After the call (issue 14 item 5): the wrap-up code from the policy's list for this
 * role and channel, an optional note, and after-call work in the team's mode — its
 * visible timer, presence "After-call work" while it counts, Available again when the
 * wrap-up is recorded or the time box runs out. `onBlocking` says whether the agent
 * may move on yet (a mandatory team records the wrap-up first).
 */
export function WrapUpPanel(props: { contact: WrapUpContact; onBlocking(blocking: boolean): void }) {
  const t = useT();
  const policy = usePolicy();
  const user = useSessionStore((s) => s.session?.user);
  const now = useNow();
  const { contact } = props;
  const mode = afterCallWorkModeFor(policy.wrapUp.afterCallWork, user?.team ?? '');
  const [work, setWork] = useState<AfterCallWork | null>(() =>
    afterCallWorkOnCallEnd(mode, contact.callEndedAt),
  );
  const [done, setDone] = useState(false);
  const clock = work ? afterCallWorkClock(work, now) : null;
  const counting = !done && clock?.running === true;

  // Presence follows the clock: After-call work while it counts, Available when it stops.
  useEffect(() => {
    reportPresence(counting ? 'after-call' : 'available');
  }, [counting]);
  const blocking = !done && !mayBecomeAvailable(work, now);
  useEffect(() => props.onBlocking(blocking), [blocking]);

  if (done) {
    return (
      <p role="status" className="notice" data-testid="wrap-up-done">
        ✔ {t.record.wrapUp.recorded}
      </p>
    );
  }
  return (
    <section className="panel" aria-labelledby="wrap-up-title" data-testid="wrap-up">
      <h2 id="wrap-up-title">{t.record.wrapUp.title}</h2>
      <p className="field-hint">
        {mode.kind === 'optional'
          ? t.record.wrapUp.optional
          : mode.kind === 'time-boxed'
            ? t.record.wrapUp.timeBoxed(duration(mode.limitSeconds * 1000))
            : t.record.wrapUp.mandatory}
      </p>
      {clock ? (
        <p data-testid="acw-timer" aria-live="off">
          {clock.running
            ? `${t.record.wrapUp.acwRunning(duration(clock.elapsedMs))}${clock.remainingMs !== null ? ` · ${t.record.wrapUp.acwLeft(duration(clock.remainingMs))}` : ''}`
            : t.record.wrapUp.acwEnded}
        </p>
      ) : (
        <button type="button" onClick={() => setWork(startAfterCallWork(mode, now))}>
          {t.record.wrapUp.takeAcw}
        </button>
      )}
      <WrapUpForm
        contact={contact}
        codes={dispositionsFor(policy.wrapUp.dispositions, user?.role ?? 'tier1', contact.channel)}
        finish={() => (work ? finishAfterCallWork(work, Math.max(now, contact.callEndedAt)) : null)}
        onRecorded={() => setDone(true)}
      />
    </section>
  );
}

/** m:ss */
function duration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function WrapUpForm(props: {
  contact: WrapUpContact;
  codes: ReturnType<typeof dispositionsFor>;
  finish(): ReturnType<typeof finishAfterCallWork> | null;
  onRecorded(): void;
}) {
  const t = useT();
  const ui = useUiStore((s) => s.language);
  const announce = useUiStore((s) => s.announce);
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { contact } = props;
  const record = async () => {
    let noteId: string | null = null;
    if (note.trim() !== '') {
      const about = { table: contact.about.table, id: contact.about.id };
      const written = await invoke('note.add', {
        customerId: contact.customerId,
        about,
        text: note,
        corrects: null,
      });
      if (!written.ok) return setError(errorText(written.error, t));
      noteId = written.value.noteId;
    }
    const result = await invoke('wrapUp.record', {
      about: contact.about,
      disposition: code,
      callStartedAt: contact.callStartedAt,
      callEndedAt: contact.callEndedAt,
      afterCallWork: props.finish(),
      noteId,
    });
    if (!result.ok) return setError(errorText(result.error, t));
    announce(t.record.wrapUp.recorded);
    props.onRecorded();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}
    >
      <div className="field">
        <label htmlFor="wrap-up-code">{t.record.wrapUp.code}</label>
        <select id="wrap-up-code" value={code} onChange={(e) => setCode(e.target.value)}>
          <option value="">{t.inquiry.choose}</option>
          {props.codes.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label[ui]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="wrap-up-note">{t.record.wrapUp.note}</label>
        <textarea id="wrap-up-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error ? (
        <p role="alert" className="error-box">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={code === ''}>
          {t.record.wrapUp.record}
        </button>
      </div>
    </form>
  );
}

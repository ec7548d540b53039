import { useState } from 'react';
import { HANDOFF_REASON_MAX_CHARS } from '../../../../shared/domain/handoff';
import type { CallbackDetail } from '../../../../shared/ipc';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { HandoffList } from '../customer/HandoffList';
import { ScriptAnswers } from '../customer/TimelinePanel';

/**
 * What the next agent needs before claiming (issue 14 item 6): why it was escalated
 * (or handed back), the Tier 1 note, who and when, the script's answers, and the
 * customer's record; a Tier 2 officer can hand it back to Tier 1 with a reason.
 */
export function HandoffPanel({ detail }: { detail: CallbackDetail }) {
  const t = useT();
  const navigate = useUiStore((s) => s.navigate);
  const role = useSessionStore((s) => s.session?.user?.role);
  const { callback, inquiry } = detail;
  const handoffs = callback.handoffs ?? [];
  const canHandBack =
    callback.status === 'open' && callback.tier === 2 && (role === 'tier2' || role === 'lead');
  return (
    <section className="panel" aria-labelledby="handoff-title">
      <h2 id="handoff-title">{t.record.handoff.title}</h2>
      <HandoffList handoffs={handoffs} names={detail.names} notes={detail.handoffNotes} titled={false} />
      {inquiry?.script ? (
        <>
          <h3>{t.record.handoff.answers}</h3>
          <ScriptAnswers answers={inquiry.script.answers} />
        </>
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => navigate({ name: 'customer', customerId: callback.customerId })}>
          {t.record.handoff.customerRecord}
        </button>
      </div>
      {canHandBack ? <HandBackForm callbackId={callback.id} /> : null}
    </section>
  );
}

function HandBackForm({ callbackId }: { callbackId: string }) {
  const t = useT();
  const announce = useUiStore((s) => s.announce);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const handBack = async () => {
    const result = await invoke('callback.handBack', { callbackId, reason, code: null, noteId: null });
    if (!result.ok) return setError(errorText(result.error, t));
    setError(null);
    setReason('');
    announce(t.record.handoff.handedBackDone);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void handBack();
      }}
    >
      <div className="field">
        <label htmlFor="hand-back-reason">{t.record.handoff.handBackReason}</label>
        <input
          id="hand-back-reason"
          value={reason}
          maxLength={HANDOFF_REASON_MAX_CHARS}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {error ? (
        <p role="alert" className="error-box">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={reason.trim() === ''}>
          {t.record.handoff.handBack}
        </button>
      </div>
    </form>
  );
}

import { useId, useState } from 'react';
import {
  ADMIN_REASONS,
  ticketSchema,
  type AdminReason,
  type AdminReasonCode,
} from '../../../../shared/admin/reason';
import { useT } from '../../i18n';

export interface ReasonState {
  /** The reason to send, or null when none is chosen yet or the ticket is not valid. */
  reason: AdminReason | null;
  ticketError: string | null;
  fields: React.ReactNode;
}

/**
 * Why an administrator makes a change: a reason from the fixed list and an optional
 * ticket reference (never free text: the audit trail holds codes and ids only).
 */
export function useReason(suggested?: AdminReasonCode): ReasonState {
  const t = useT();
  const m = t.admin.reason;
  const id = useId();
  const [code, setCode] = useState<AdminReasonCode | ''>(suggested ?? '');
  const [ticket, setTicket] = useState('');
  const trimmed = ticket.trim();
  const ticketCheck = trimmed === '' ? null : ticketSchema.safeParse(trimmed);
  const ticketError =
    ticketCheck && !ticketCheck.success ? (ticketCheck.error.issues[0]?.message ?? '') : null;
  const reason: AdminReason | null =
    code === '' || ticketError ? null : { code, ...(trimmed ? { ticket: trimmed } : {}) };
  const fields = (
    <fieldset className="admin-reason">
      <legend>{m.legend}</legend>
      <div className="field">
        <label htmlFor={`${id}-code`}>{m.code}</label>
        <select
          id={`${id}-code`}
          value={code}
          required
          onChange={(e) => setCode(e.target.value as AdminReasonCode | '')}
        >
          <option value="">{m.choose}</option>
          {ADMIN_REASONS.map((r) => (
            <option key={r} value={r}>
              {m.codes[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-ticket`}>{m.ticket}</label>
        <input
          id={`${id}-ticket`}
          value={ticket}
          maxLength={40}
          aria-invalid={ticketError ? true : undefined}
          aria-describedby={`${id}-ticket-hint${ticketError ? ` ${id}-ticket-error` : ''}`}
          onChange={(e) => setTicket(e.target.value)}
        />
        <span id={`${id}-ticket-hint`} className="field-hint">
          {m.ticketHint}
        </span>
        {ticketError ? (
          <span id={`${id}-ticket-error`} className="field-error">
            {ticketError}
          </span>
        ) : null}
      </div>
    </fieldset>
  );
  return { reason, ticketError, fields };
}

import { useState } from 'react';
import { formatDateInput, parseDateInput } from '../../../../shared/domain/language';
import { zonedParts, zonedTimeToInstant, type LocalDate } from '../../../../shared/domain/time/zoned';
import { minutesOfDay } from '../../../../shared/domain/time/clock-time';
import type { CallbackDetail } from '../../../../shared/ipc';
import { invoke } from '../../api/agent-desk';
import { DateField } from '../../components/DateField';
import { useT } from '../../i18n';
import { formatInstant, formatZone } from '../../i18n/format';
import { useNoticeChannel, usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { errorText } from '../../i18n/error-text';

function clockOf(instant: number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** The slot typed in the callback-hours zone as instants, or null when it is not a valid slot. */
function slotOf(
  day: LocalDate,
  start: string,
  end: string,
  zone: string,
): { start: number; end: number } | null {
  const clock = /^\d{2}:\d{2}$/;
  if (!clock.test(start) || !clock.test(end) || minutesOfDay(start) >= minutesOfDay(end)) return null;
  const at = (time: string) =>
    zonedTimeToInstant({ ...day, hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) }, zone);
  return { start: at(start), end: at(end) };
}

/**
 * A slot the customer chose (inside callback hours, before the due time — the
 * server's schedule rule says why when not) and whether a text-ahead notice goes out.
 * Times are entered in the callback-hours zone.
 */
export function SchedulePanel({ detail }: { detail: CallbackDetail }) {
  const t = useT();
  const zone = usePolicy().callbackHours.timeZone;
  const announce = useUiStore((s) => s.announce);
  const language = useUiStore((s) => s.language);
  const { callback } = detail;
  const slot = callback.scheduledSlot;
  const [error, setError] = useState<string | null>(null);
  const permission = detail.permissions.schedule;

  if (callback.status !== 'open') return null;

  // The panel is keyed by the callback's version: the saved slot comes back as a fresh panel.
  const save = async (typed: { date: string; start: string; end: string; textAhead: boolean } | null) => {
    let args: { callbackId: string; slot: { start: number; end: number } | null; textAhead: boolean };
    if (!typed) args = { callbackId: callback.id, slot: null, textAhead: false };
    else {
      // The date is typed the screen language's way (DateField); its own mistake says what is wrong.
      const day = parseDateInput(typed.date, language);
      if (!day.ok) return setError(errorText(day.error, t));
      const chosen = slotOf(day.value, typed.start, typed.end, zone);
      if (!chosen) return setError(t.callback.slotInvalid);
      args = { callbackId: callback.id, slot: chosen, textAhead: typed.textAhead };
    }
    const result = await invoke('callback.schedule', args);
    if (!result.ok) return setError(errorText(result.error, t));
    setError(null);
    announce(t.callback.scheduleSaved);
  };

  return (
    <section className="panel" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t.callback.schedule}</h2>
      <p>{t.callback.scheduleExplain}</p>
      <p>
        {slot
          ? t.callback.scheduledFor(formatInstant(slot.start, zone), formatInstant(slot.end, zone))
          : t.callback.notScheduled}
        {callback.textAhead.enabled && callback.textAhead.sendAt
          ? ` ${t.callback.textAheadSendAt(formatInstant(callback.textAhead.sendAt, zone))}`
          : ''}
      </p>
      {!permission?.allowed ? (
        <p className="notice">
          {t.callback.notAllowed} {permission?.reason ? errorText(permission.reason, t) : null}
        </p>
      ) : (
        <ScheduleForm detail={detail} error={error} onSave={save} />
      )}
    </section>
  );
}

interface ScheduleFormProps {
  detail: CallbackDetail;
  error: string | null;
  /** The typed slot, or null to clear the schedule. */
  onSave(typed: { date: string; start: string; end: string; textAhead: boolean } | null): Promise<void>;
}

/** Date, start and end in the callback-hours zone, and the text-ahead choice. */
function ScheduleForm({ detail, error, onSave }: ScheduleFormProps) {
  const t = useT();
  const policy = usePolicy();
  const zone = policy.callbackHours.timeZone;
  const language = useUiStore((s) => s.language);
  const { callback } = detail;
  const slot = callback.scheduledSlot;
  const [date, setDate] = useState(slot ? formatDateInput(zonedParts(slot.start, zone), language) : '');
  const [start, setStart] = useState(slot ? clockOf(slot.start, zone) : policy.callbackHours.daily.start);
  const [end, setEnd] = useState(slot ? clockOf(slot.end, zone) : policy.callbackHours.daily.end);
  const [textAhead, setTextAhead] = useState(callback.textAhead.enabled);
  // A text-ahead goes by the first channel with consent; with no channel at all nothing can go.
  const sms = useNoticeChannel('sms');
  const email = useNoticeChannel('email');
  const canNotify = sms || email;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void onSave({ date, start, end, textAhead: textAhead && canNotify });
      }}
    >
      <p className="field-hint">{t.callback.slotZone(formatZone(zone, detail.now))}</p>
      <div className="slot-fields">
        <DateField id="slot-date" label={t.callback.slotDate} value={date} onChange={setDate} />
        <div className="field">
          <label htmlFor="slot-start">{t.callback.slotStart}</label>
          <input id="slot-start" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="slot-end">{t.callback.slotEnd}</label>
          <input id="slot-end" type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
        </div>
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={textAhead && canNotify}
          disabled={!canNotify}
          aria-describedby={canNotify ? undefined : 'text-ahead-unavailable'}
          onChange={(e) => setTextAhead(e.target.checked)}
        />
        {t.callback.textAhead}
      </label>
      {canNotify ? null : (
        <p className="field-hint" id="text-ahead-unavailable">
          {t.callback.textAheadUnavailable}
        </p>
      )}
      <div role="alert" className={error ? 'error-box' : undefined}>
        {error}
      </div>
      <div className="actions">
        <button type="submit">{t.callback.saveSchedule}</button>
        {slot ? (
          <button type="button" onClick={() => void onSave(null)}>
            {t.callback.clearSchedule}
          </button>
        ) : null}
      </div>
    </form>
  );
}

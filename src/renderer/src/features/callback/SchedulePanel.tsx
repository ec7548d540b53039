import { useState } from 'react';
import {
  zonedParts,
  zonedTimeToInstant,
  formatLocalDate,
  parseLocalDate,
} from '../../../../shared/domain/time/zoned';
import { minutesOfDay } from '../../../../shared/domain/time/clock-time';
import type { CallbackDetail } from '../../../../shared/ipc';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { errorText } from '../../i18n/error-text';

function clockOf(instant: number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/**
 * A slot the customer chose (inside callback hours, before the due time — the
 * server's schedule rule says why when not) and whether a text-ahead notice goes out.
 * Times are entered in the callback-hours zone.
 */
// Over ~80 lines: left whole while the detail screen's reloads after saving (issue 12, item 8) is reworked on another branch; split it after that lands.
export function SchedulePanel({ detail, onSaved }: { detail: CallbackDetail; onSaved(): void }) {
  const t = useT();
  const policy = usePolicy();
  const announce = useUiStore((s) => s.announce);
  const zone = policy.callbackHours.timeZone;
  const { callback } = detail;
  const slot = callback.scheduledSlot;
  const [date, setDate] = useState(slot ? formatLocalDate(zonedParts(slot.start, zone)) : '');
  const [start, setStart] = useState(slot ? clockOf(slot.start, zone) : policy.callbackHours.daily.start);
  const [end, setEnd] = useState(slot ? clockOf(slot.end, zone) : policy.callbackHours.daily.end);
  const [textAhead, setTextAhead] = useState(callback.textAhead.enabled);
  const [error, setError] = useState<string | null>(null);
  const permission = detail.permissions.schedule;

  if (callback.status !== 'open') return null;

  const save = async (clear: boolean) => {
    let args: { callbackId: string; slot: { start: number; end: number } | null; textAhead: boolean };
    if (clear) args = { callbackId: callback.id, slot: null, textAhead: false };
    else {
      const day = parseLocalDate(date);
      if (
        !day ||
        !/^\d{2}:\d{2}$/.test(start) ||
        !/^\d{2}:\d{2}$/.test(end) ||
        minutesOfDay(start) >= minutesOfDay(end)
      ) {
        setError(t.callback.slotInvalid);
        return;
      }
      const at = (clock: string) =>
        zonedTimeToInstant(
          { ...day, hour: Number(clock.slice(0, 2)), minute: Number(clock.slice(3, 5)) },
          zone,
        );
      args = { callbackId: callback.id, slot: { start: at(start), end: at(end) }, textAhead };
    }
    const result = await invoke('callback.schedule', args);
    if (!result.ok) {
      setError(errorText(result.error, t));
      return;
    }
    setError(null);
    announce(t.callback.scheduleSaved);
    onSaved();
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
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(false);
          }}
        >
          <p className="field-hint">{t.callback.slotZone(zone)}</p>
          <div className="slot-fields">
            <div className="field">
              <label htmlFor="slot-date">{t.callback.slotDate}</label>
              <input id="slot-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </div>
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
            <input type="checkbox" checked={textAhead} onChange={(e) => setTextAhead(e.target.checked)} />
            {t.callback.textAhead}
          </label>
          <div role="alert" className={error ? 'error-box' : undefined}>
            {error}
          </div>
          <div className="actions">
            <button type="submit">{t.callback.saveSchedule}</button>
            {slot ? (
              <button type="button" onClick={() => void save(true)}>
                {t.callback.clearSchedule}
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import type { ForecastView } from '../../../../shared/ipc';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { forecastRequest, type ForecastFieldErrors, type ForecastFields } from './forecast-form';
import { errorText } from '../../i18n/error-text';

/** Breaches listed on screen at most (the counts above the table are complete). */
const SHOWN_BREACHES = 50;
const DEFAULT_HANDLE_MINUTES = '12';

/**
 * "At this staffing, which callbacks breach and when, and how many agent-hours
 * would prevent it?" — the lead enters handle time and agents on shift; the answer
 * is said in sentences first, then listed, with the method and its limits.
 */
export function Forecast({ agentsOnline }: { agentsOnline: number }) {
  const t = useT();
  const m = t.supervisor.forecast;
  const zone = usePolicy().callbackHours.timeZone;
  const [fields, setFields] = useState<ForecastFields>({
    handleMinutes: DEFAULT_HANDLE_MINUTES,
    agents: '',
    unreachedPercent: '0',
  });
  const [errors, setErrors] = useState<ForecastFieldErrors>({});
  const [result, setResult] = useState<ForecastView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = forecastRequest(fields, m);
    if (!request.ok) {
      setErrors(request.errors);
      return;
    }
    setErrors({});
    setRunning(true);
    const answer = await invoke('supervisor.forecast', request.value);
    setRunning(false);
    if (!answer.ok) {
      setFailure(errorText(answer.error, t));
      setResult(null);
      return;
    }
    setFailure(null);
    setResult(answer.value);
    useUiStore.getState().announce(headline(answer.value, m));
  };

  const field = (key: keyof ForecastFields, label: string, hint: string, step?: string) => (
    <ForecastField
      name={key}
      label={label}
      hint={hint}
      step={step}
      value={fields[key]}
      error={errors[key]}
      onChange={(value) => setFields({ ...fields, [key]: value })}
    />
  );

  return (
    <section className="panel sv-forecast" aria-labelledby="sv-forecast-title">
      <h2 id="sv-forecast-title">{m.title}</h2>
      <p>{m.intro}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {field('handleMinutes', m.handle, m.handleHint)}
        {field('agents', m.agents, m.agentsHint(agentsOnline), '1')}
        {field('unreachedPercent', m.unreached, m.unreachedHint)}
        <button type="submit" className="primary" disabled={running}>
          {running ? m.running : m.run}
        </button>
      </form>
      {failure ? (
        <p role="alert" className="error-box">
          {failure}
        </p>
      ) : null}
      {result ? <ForecastResult result={result} zone={zone} /> : null}
      <details className="sv-method">
        <summary>{m.methodTitle}</summary>
        <ul>
          {m.method.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** One number field of the forecast form, with its hint and (after a submit) its error. */
function ForecastField(props: {
  name: keyof ForecastFields;
  label: string;
  hint: string;
  step: string | undefined;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  const id = `sv-forecast-${props.name}`;
  const { error } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min="0"
        step={props.step ?? 'any'}
        value={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span id={`${id}-hint`} className="field-hint">
        {props.hint}
      </span>
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

function headline(result: ForecastView, m: ReturnType<typeof useT>['supervisor']['forecast']): string {
  const { agentsOnShift, averageHandleMinutes } = result.settings;
  return result.counts.total === 0
    ? m.noBreach(result.openCallbacks, agentsOnShift, averageHandleMinutes)
    : m.breaches(result.counts.total, result.openCallbacks, agentsOnShift, averageHandleMinutes);
}

function ForecastResult({ result, zone }: { result: ForecastView; zone: string }) {
  const t = useT();
  const m = t.supervisor.forecast;
  const shown = result.breaches.slice(0, SHOWN_BREACHES);
  return (
    <div className="sv-forecast-result" data-testid="forecast-result">
      <h3>{m.resultTitle}</h3>
      <p>{headline(result, m)}</p>
      {result.counts.total > 0 ? (
        <p>{m.causes(result.counts['already-overdue'], result.counts.capacity, result.counts.hours)}</p>
      ) : null}
      {result.counts.capacity > 0 ? (
        <p data-testid="forecast-prevention">
          {result.prevention
            ? m.prevention(
                result.prevention.extraAgents,
                Math.round(result.prevention.agentHours * 10) / 10,
                formatInstant(result.prevention.until, zone),
              )
            : m.noPrevention}
        </p>
      ) : null}
      {result.clearsAt !== null ? <p>{m.clears(formatInstant(result.clearsAt, zone))}</p> : null}
      {shown.length > 0 ? (
        <div className="sv-table-wrap">
          <table className="sv-table">
            <caption>{m.tableCaption(shown.length, result.breaches.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.customer}</th>
                <th scope="col">{m.urgency}</th>
                <th scope="col">{m.breachAt}</th>
                <th scope="col">{m.closeAt}</th>
                <th scope="col">{m.cause}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((b) => (
                <tr key={b.callbackId}>
                  <th scope="row">{b.customerName ?? t.supervisor.drill.noName}</th>
                  <td>{t.urgency[b.urgency]}</td>
                  <td>{formatInstant(b.dueAt, zone)}</td>
                  <td>
                    {b.projectedCloseAt === null ? m.notClosed : formatInstant(b.projectedCloseAt, zone)}
                  </td>
                  <td>{m.causeNames[b.cause]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

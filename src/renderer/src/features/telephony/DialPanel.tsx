import { useEffect, useState } from 'react';
import { zoneAbbreviation } from '../../../../shared/domain/calendar/business-calendar';
import { formatUsPhone } from '../../../../shared/domain/phones';
import type { CustomerHoursException } from '../../../../shared/domain/phones/customer-hours-exception';
import type { DialPreview, DialResult } from '../../../../shared/ipc';
import { attemptFromCall, type ProposedAttempt } from '../../../../shared/telephony/attempt-from-call';
import type { DeskCallEvent } from '../../../../shared/telephony/desk-events';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { formatInstant } from '../../i18n/format';
import { useTelephonyStore } from '../../state/telephony-store';

const pad = (n: number) => String(n).padStart(2, '0');

/** Where a placed call stands, from its latest event (none yet: being placed). */
function callStatus(
  call: DeskCallEvent | undefined,
): 'placed' | 'initiated' | 'ringing' | 'answered' | 'ended' {
  if (!call || call.kind === 'offered') return 'placed';
  return call.kind === 'progress' ? call.status : call.kind;
}

/**
 * Before the dial (docs/telephony.md, "Dialing"): the number, the customer's local time
 * there and the rules that apply, from the same check the attempt will meet; then the
 * dial by the port IT chose, and for `cti` the call's progress until it ends and
 * proposes the attempt (`onProposal`). Outside the customer's hours the dial carries
 * the attempt's exception (what the customer asked for), checked here and on the server.
 */
export function DialPanel(props: {
  callbackId: string;
  numberDialed: string;
  now: number;
  exception: CustomerHoursException | null;
  onProposal(proposal: ProposedAttempt | null): void;
}) {
  const t = useT();
  const { callbackId, numberDialed, exception, onProposal } = props;
  const [preview, setPreview] = useState<DialPreview | null>(null);
  const [dialed, setDialed] = useState<DialResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const call = useTelephonyStore((s) => (dialed?.callId ? s.calls[dialed.callId] : undefined));

  useEffect(() => {
    setDialed(null);
    setError(null);
    void invoke('telephony.dialCheck', { callbackId, numberDialed, exception }).then((result) => {
      if (result.ok) setPreview(result.value);
      else setError(errorText(result.error, t));
    });
  }, [callbackId, numberDialed, exception, t]);

  useEffect(() => {
    if (call?.kind === 'ended') onProposal(attemptFromCall(call));
  }, [call, onProposal]);

  const dial = async () => {
    setBusy(true);
    const result = await invoke('telephony.dial', {
      callbackId,
      numberDialed,
      exception,
      attemptId: crypto.randomUUID(),
    });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error, t));
    setError(null);
    setDialed(result.value);
  };

  if (!preview) return <div role="alert">{error}</div>;
  return (
    <section aria-labelledby="dial-title" className="dial-panel">
      <h3 id="dial-title">{t.telephony.beforeDialing}</h3>
      <DialFacts preview={preview} now={props.now} />
      {preview.refusal ? (
        <p id="dial-refused" className="notice">
          {t.telephony.dialRefused} {errorText(preview.refusal, t)}
        </p>
      ) : null}
      {preview.warning ? <p className="notice">{errorText(preview.warning, t)}</p> : null}
      {preview.port === 'manual' ? (
        <p>{t.telephony.manualHint}</p>
      ) : (
        <button
          type="button"
          className="primary"
          disabled={!preview.allowed || busy || dialed !== null}
          aria-describedby={preview.refusal ? 'dial-refused' : undefined}
          onClick={() => void dial()}
        >
          {t.telephony.dial[preview.port]}
        </button>
      )}
      <div role="status" data-testid="call-status">
        {dialed?.port === 'uri' ? (dialed.opened ? t.telephony.uriOpened : t.telephony.uriNotOpened) : null}
        {dialed?.port === 'cti' ? t.telephony.status[callStatus(call)] : null}
        {call?.kind === 'ended' ? ` ${t.telephony.endReasons[call.reason]}` : null}
      </div>
      <div role="alert" className={error ? 'error-box' : undefined}>
        {error}
      </div>
    </section>
  );
}

/** The number, the customer's local time and the rules, as a description list. */
function DialFacts({ preview, now }: { preview: DialPreview; now: number }) {
  const t = useT();
  const [e164, ext] = preview.numberDialed.split(';ext=');
  const { callbackHours, customerLocalHours, attemptWindow } = preview.rules;
  const local = preview.customerLocal;
  const zone = zoneAbbreviation(now, callbackHours.timeZone);
  return (
    <dl className="dial-facts">
      <dt>{t.telephony.number}</dt>
      <dd data-testid="dial-number">{formatUsPhone(e164 ?? preview.numberDialed, ext)}</dd>
      <dt>{t.telephony.customerTime}</dt>
      <dd data-testid="dial-local-time">
        {local
          ? t.telephony.customerTimeValue(
              `${pad(local.hour)}:${pad(local.minute)}`,
              zoneAbbreviation(now, local.timeZone),
              local.approximate,
            )
          : t.telephony.customerTimeUnknown}
      </dd>
      <dt>{t.telephony.callbackHours}</dt>
      <dd>{t.telephony.hoursValue(callbackHours.start, callbackHours.end, zone)}</dd>
      <dt>{t.telephony.customerHours}</dt>
      <dd>{t.telephony.localHoursValue(customerLocalHours.start, customerLocalHours.end)}</dd>
      <dt>{t.telephony.attemptWindow}</dt>
      <dd>
        {attemptWindow
          ? t.telephony.windowValue(
              formatInstant(attemptWindow.earliest, callbackHours.timeZone),
              formatInstant(attemptWindow.latest, callbackHours.timeZone),
            )
          : t.telephony.noWindow}
      </dd>
    </dl>
  );
}

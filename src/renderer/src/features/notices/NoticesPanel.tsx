import { useState } from 'react';
import type { CallbackDetail } from '../../../../shared/ipc';
import type { CustomerRow, NoticeChannel, NoticeSummary } from '../../../../shared/sync/rows';
import { CONSENT_METHODS } from '../../../../shared/sync/rows/customer';
import { formatUsPhone } from '../../../../shared/domain/phones';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { formatInstant } from '../../i18n/format';
import { useNoticeChannel, usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';

/**
 * The customer's consent per channel (when, how), this callback's notices with their
 * state (queued / sent / delivered / failed with why / replied / opted out), and the
 * "available now?" text. The server sends; this screen records and shows.
 */
export function NoticesPanel({ detail }: { detail: CallbackDetail }) {
  const t = useT();
  const { callback, customer } = detail;
  return (
    <section className="panel" aria-labelledby="notices-title">
      <h2 id="notices-title">{t.notices.title}</h2>
      {customer ? (
        <>
          <h3>{t.notices.consentTitle}</h3>
          <ConsentForm key={`sms-${customer.version}`} customer={customer} channel="sms" />
          <ConsentForm key={`email-${customer.version}`} customer={customer} channel="email" />
        </>
      ) : null}
      <h3>{t.notices.listTitle}</h3>
      {callback.notices.length === 0 ? (
        <p>{t.notices.none}</p>
      ) : (
        <ul className="notice-list" aria-label={t.notices.listTitle}>
          {[...callback.notices].reverse().map((n) => (
            <NoticeItem key={n.id} notice={n} />
          ))}
        </ul>
      )}
      {callback.status === 'open' ? <AskAvailability detail={detail} /> : null}
    </section>
  );
}

function NoticeItem({ notice }: { notice: NoticeSummary }) {
  const t = useT();
  const zone = usePolicy().callbackHours.timeZone;
  const status = notice.reply === 'stop' ? t.notices.optedOut : t.notices.status[notice.status];
  const reason = notice.reason
    ? (t.notices.reason[notice.reason] ?? t.notices.otherReason(notice.reason))
    : null;
  return (
    <li data-testid="notice-item" data-status={notice.status}>
      <strong>{t.notices.kind[notice.kind]}</strong> · {t.notices.channel[notice.channel]} ·{' '}
      <span className={notice.status === 'failed' ? 'notice-failed' : undefined}>{status}</span>{' '}
      {t.notices.at(formatInstant(notice.updatedAt, zone))}
      {notice.reply && notice.reply !== 'stop' ? <> · {t.notices.reply[notice.reply]}</> : null}
      {reason ? <div className="field-hint">{reason}</div> : null}
    </li>
  );
}

/** An address as agents read it everywhere else: a number as (202) 555-0143, an e-mail as it is. */
function shown(channel: NoticeChannel, address: string): string {
  return channel === 'sms' ? formatUsPhone(address) : address;
}

/** The addresses consent may name: the customer's own numbers without an extension, or their e-mail. */
function addressesOf(customer: CustomerRow, channel: NoticeChannel): string[] {
  if (channel === 'email') return customer.email ? [customer.email] : [];
  return customer.phones.filter((p) => p.ext === null).map((p) => p.e164);
}

function ConsentForm({ customer, channel }: { customer: CustomerRow; channel: NoticeChannel }) {
  const t = useT();
  const zone = usePolicy().callbackHours.timeZone;
  const announce = useUiStore((s) => s.announce);
  const consent = customer.noticeConsent[channel];
  const addresses = addressesOf(customer, channel);
  const [address, setAddress] = useState(consent?.address ?? addresses[0] ?? '');
  const [how, setHow] = useState<(typeof CONSENT_METHODS)[number]>('verbal-on-call');
  const [error, setError] = useState<string | null>(null);
  const active = consent !== null && consent.revokedAt === null;
  const available = useNoticeChannel(channel);
  // Only the actions that change something: recording what is already recorded is not offered.
  const canRecord = addresses.length > 0 && !(active && consent.address === address);
  const save = async (to: string | null) => {
    const result = await invoke('customer.setNoticeConsent', {
      customerId: customer.id,
      channel,
      address: to,
      how,
    });
    if (!result.ok) return setError(errorText(result.error, t));
    setError(null);
    announce(t.notices.consentSaved);
  };
  const id = `consent-${channel}`;
  return (
    <fieldset className="consent">
      <legend>{t.notices.channel[channel]}</legend>
      <p data-testid={`${id}-state`}>
        {!consent
          ? t.notices.consentNone
          : consent.revokedAt !== null
            ? t.notices.consentRevoked(
                formatInstant(consent.revokedAt, zone),
                t.notices.revokedHow[consent.revokedHow ?? 'agent'] ?? '',
              )
            : t.notices.consentGiven(
                shown(channel, consent.address),
                formatInstant(consent.at, zone),
                t.notices.how[consent.how] ?? '',
              )}
      </p>
      {available ? null : <p className="notice">{t.notices.channelUnavailable(channel)}</p>}
      {addresses.length === 0 ? (
        <p className="field-hint">{t.notices.noAddress(channel)}</p>
      ) : (
        <div className="slot-fields">
          <div className="field">
            <label htmlFor={`${id}-address`}>{t.notices.consentAddress(channel)}</label>
            <select id={`${id}-address`} value={address} onChange={(e) => setAddress(e.target.value)}>
              {addresses.map((a) => (
                <option key={a} value={a}>
                  {shown(channel, a)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-how`}>{t.notices.consentHow}</label>
            <select
              id={`${id}-how`}
              value={how}
              onChange={(e) => setHow(e.target.value as (typeof CONSENT_METHODS)[number])}
            >
              {CONSENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t.notices.how[m]}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <div role="alert" className={error ? 'error-box' : undefined}>
        {error}
      </div>
      <div className="actions">
        {canRecord ? (
          <button type="button" onClick={() => void save(address)}>
            {t.notices.recordConsent(channel)}
          </button>
        ) : null}
        {active ? (
          <button type="button" onClick={() => void save(null)}>
            {t.notices.withdrawConsent(channel)}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

function AskAvailability({ detail }: { detail: CallbackDetail }) {
  const t = useT();
  const policy = usePolicy();
  const announce = useUiStore((s) => s.announce);
  const [error, setError] = useState<string | null>(null);
  const permission = detail.permissions.askAvailability;
  // "Available now?" goes by text only.
  const canText = useNoticeChannel('sms');
  const ask = async () => {
    const result = await invoke('callback.askAvailability', { callbackId: detail.callback.id });
    if (!result.ok) return setError(errorText(result.error, t));
    setError(null);
    announce(t.notices.asked);
  };
  return (
    <div>
      <p className="field-hint" id="ask-explain">
        {t.notices.askExplain(policy.notices.availabilityReplyMinutes)}
      </p>
      <button
        type="button"
        aria-describedby="ask-explain"
        disabled={!canText || !permission?.allowed}
        onClick={() => void ask()}
      >
        {t.notices.askAvailability}
      </button>
      {!canText ? (
        <p className="notice">{t.notices.askUnavailable}</p>
      ) : permission && !permission.allowed && permission.reason ? (
        <p className="notice">{errorText(permission.reason, t)}</p>
      ) : null}
      <div role="alert" className={error ? 'error-box' : undefined}>
        {error}
      </div>
    </div>
  );
}

import { customerLocalTime, formatUsPhone } from '../../../../shared/domain/phones';
import type { CallbackDetail } from '../../../../shared/ipc';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { useNow } from '../../state/clock-store';
import { usePolicy } from '../../state/session-store';
import { phoneAdvice, phoneWords } from './phone-sentences';

/**
 * Every number with the customer's local time now, its best-time window and whether
 * it may be called now; the core ranks them with the shared suggestNumber rule.
 */
export function PhoneNumbers({ detail }: { detail: CallbackDetail }) {
  const t = useT();
  const now = useNow();
  const hours = usePolicy().customerLocalHours;
  const ctx = { detail, now, hours, t };
  const { numbers, customer } = detail;
  return (
    <section className="panel" aria-labelledby="phones-title">
      <h2 id="phones-title">{t.callback.phones}</h2>
      <p data-testid="phone-advice">{phoneAdvice(ctx)}</p>
      <ul className="phone-list">
        {numbers.phones.map((phone, index) => {
          const stored = customer?.phones.find((p) => p.e164 === phone.e164 && p.ext === phone.ext);
          const local = customerLocalTime(phone.e164, now, customer?.timeZone ?? undefined);
          const suggested = numbers.suggested === index;
          const words = phoneWords(phone, ctx);
          return (
            <li
              key={`${phone.e164}-${phone.ext ?? ''}`}
              className={suggested ? 'phone phone--suggested' : 'phone'}
            >
              <div className="phone-head">
                <strong>{t.customer.labels[phone.label]}</strong>{' '}
                <span className="phone-number">{formatUsPhone(phone.e164, phone.ext ?? undefined)}</span>{' '}
                {suggested ? <span className="badge badge--ok">✔ {t.callback.suggested}</span> : null}
                {!phone.callable ? (
                  <span className="badge badge--warn">✖ {t.callback.notCallable}</span>
                ) : null}
              </div>
              <div className="phone-meta">
                <span>{words.localTime}</span>
                {' · '}
                <span>
                  {stored?.bestTime
                    ? t.callback.bestTime(stored.bestTime.start, stored.bestTime.end)
                    : t.callback.noBestTime}
                </span>
                {phone.callableFrom && local ? (
                  <>
                    {' · '}
                    <span>{t.callback.callableFrom(formatInstant(phone.callableFrom, local.timeZone))}</span>
                  </>
                ) : null}
              </div>
              <div className="phone-reason">{words.sentence}</div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

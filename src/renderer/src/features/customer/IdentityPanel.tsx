import { customerLocalTime, formatUsPhone } from '../../../../shared/domain/phones';
import type { CustomerRecord } from '../../../../shared/ipc/customer-views';
import { useT } from '../../i18n';
import { formatClock } from '../../i18n/format';
import { useNow } from '../../state/clock-store';

/**
 * Identity and contact data: name, A-number, language, e-mail, phones with the customer's
 * local time. `level` 3 where it sits inside another panel (the caller's record beside an inquiry).
 */
export function IdentityPanel({ record, level = 2 }: { record: CustomerRecord; level?: 2 | 3 }) {
  const t = useT();
  const now = useNow();
  const { customer } = record;
  const Heading = level === 2 ? 'h2' : 'h3';
  const id = `identity-title-${level}`;
  return (
    <section className="panel" aria-labelledby={id}>
      <Heading id={id}>{t.record.page.identity}</Heading>
      <dl className="facts">
        <dt>{t.record.page.name}</dt>
        <dd>{customer.name}</dd>
        <dt>{t.record.page.aNumber}</dt>
        <dd data-testid="customer-a-number">{customer.aNumber ?? t.record.page.none}</dd>
        <dt>{t.record.page.language}</dt>
        <dd>{t.languages[customer.preferredLanguage]}</dd>
        <dt>{t.record.page.email}</dt>
        <dd>{customer.email ?? t.record.page.none}</dd>
        <dt>{t.record.page.phones}</dt>
        <dd>
          {customer.phones.length === 0 ? (
            t.record.page.none
          ) : (
            <ul className="plain-list">
              {customer.phones.map((p) => {
                const local = customerLocalTime(p.e164, now, p.timeZone ?? customer.timeZone ?? undefined);
                return (
                  <li key={`${p.e164}-${p.ext ?? ''}`}>
                    {t.customer.labels[p.label]}: {formatUsPhone(p.e164, p.ext ?? undefined)}
                    {local ? ` (${t.record.page.localTime(formatClock(now, local.timeZone))})` : ''}
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}

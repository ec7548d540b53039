import type { Policy } from '../../../../shared/domain/policy';
import { customerLocalTime, formatUsPhone } from '../../../../shared/domain/phones';
import type { CallbackDetail } from '../../../../shared/ipc';
import type { Messages } from '../../i18n';
import { formatClock, formatInstant, formatZone } from '../../i18n/format';

type Phone = CallbackDetail['numbers']['phones'][number];

/** What the phone panel says, in the screen language, from the rule's verdict per number (not its English sentence). */
export interface PhoneWords {
  /** "likely 5:02 AM local time (Atlantic Standard Time)", or that it is unknown. */
  localTime: string;
  /** Why this number may or may not be called now. */
  sentence: string;
}

interface Context {
  detail: CallbackDetail;
  now: number;
  hours: Policy['customerLocalHours'];
  t: Messages;
}

function localOf(phone: Phone, { detail, now }: Context) {
  return customerLocalTime(phone.e164, now, detail.customer?.timeZone ?? undefined);
}

export function phoneWords(phone: Phone, ctx: Context): PhoneWords {
  const { detail, now, hours, t } = ctx;
  const local = localOf(phone, ctx);
  const stored = detail.customer?.phones.find((p) => p.e164 === phone.e164 && p.ext === phone.ext);
  const window = stored?.bestTime ? `${stored.bestTime.start}–${stored.bestTime.end}` : '';
  const words = t.callback.phoneStatus;
  if (!local) {
    const sentence =
      phone.status === 'invalid-number'
        ? words.invalidNumber
        : words.localTimeUnknown(hours.start, hours.end);
    return { localTime: t.callback.localTimeUnknown, sentence };
  }
  const zone = formatZone(local.timeZone, now);
  const clock = formatClock(now, local.timeZone);
  const it = words.it(clock, zone, local.approximate);
  const sentence = (() => {
    switch (phone.status) {
      case 'best-time':
        return words.bestTime(it, window);
      case 'in-hours-outside-best-time':
        return words.outsideBestTime(it, window);
      case 'outside-hours':
        return words.outsideHours(it, hours.start, hours.end);
      case 'invalid-number':
        return words.invalidNumber;
      default:
        return words.inHours(it);
    }
  })();
  return { localTime: t.callback.localTime(clock, zone, local.approximate), sentence };
}

/** The panel's advice: the number to call and why, or when the first one opens. */
export function phoneAdvice(ctx: Context): string {
  const { detail, t } = ctx;
  const { phones, suggested } = detail.numbers;
  const describe = (p: Phone) => `${t.customer.labels[p.label]} ${formatUsPhone(p.e164, p.ext ?? undefined)}`;
  const pick = suggested === null ? undefined : phones[suggested];
  if (pick) return t.callback.phoneAdvice.call(describe(pick), phoneWords(pick, ctx).sentence);
  if (phones.length === 0) return t.callback.phoneAdvice.none;
  const first = phones
    .filter((p) => p.callableFrom !== null)
    .sort((a, b) => (a.callableFrom ?? 0) - (b.callableFrom ?? 0))[0];
  const local = first ? localOf(first, ctx) : undefined;
  if (!first?.callableFrom || !local) return t.callback.phoneAdvice.noneDialable;
  const when = `${formatInstant(first.callableFrom, local.timeZone)} (${formatZone(local.timeZone, ctx.now)})`;
  return t.callback.phoneAdvice.earliest(describe(first), when);
}

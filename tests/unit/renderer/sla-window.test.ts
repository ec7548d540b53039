import { describe, expect, it } from 'vitest';
import { slaRanker, slaStateOf } from '../../../src/desktop/core/queries/sla-rank';
import { slaWindowText } from '../../../src/renderer/src/features/callback/SlaWindow';
import { messages } from '../../../src/renderer/src/i18n';
import { businessDateOf } from '../../../src/shared/domain/calendar/business-calendar';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { assessSla } from '../../../src/shared/domain/sla';
import { sameDate } from '../../../src/shared/domain/time/zoned';
import { ny } from '../domain/helpers';

const policy = DEFAULT_POLICY;
const zone = policy.callbackHours.timeZone;
const sameDay = (a: number, b: number) => sameDate(businessDateOf(a, policy), businessDateOf(b, policy));
// Issue 13: an urgent callback created Friday 06:33 is due Monday 06:33 (72 h).
const item = { dueAt: ny('2026-12-07 06:33'), urgency: 'urgent' as const };
const friday = ny('2026-12-04 06:33');

describe('SLA state in words (issue 13)', () => {
  it('says the last callable window is today until 6:30 PM, in English and Spanish', () => {
    const sla = assessSla(item, friday, policy);
    expect(sla.state).toBe('due-today');
    expect(slaWindowText(sla, friday, zone, messages('en'), sameDay)).toBe(
      'Last callable window: today until 6:30 PM',
    );
    expect(slaWindowText(sla, friday, zone, messages('es'), sameDay)).toBe(
      'Última ventana para llamar: hoy hasta las 6:30 PM',
    );
  });

  it('names the day when the last window is not today, and says when none is left', () => {
    const thursday = ny('2026-12-03 10:00');
    expect(slaWindowText(assessSla(item, thursday, policy), thursday, zone, messages('en'), sameDay)).toBe(
      'Last callable window: Fri, Dec 4, 7:00 AM EST until 6:30 PM',
    );
    const saturday = ny('2026-12-05 10:00');
    const none = assessSla(item, saturday, policy);
    expect(none.reason).toBe('no-callable-time');
    expect(slaWindowText(none, saturday, zone, messages('en'), sameDay)).toBe(
      messages('en').sla.noCallableTime,
    );
  });

  it('ranks it due today in the worklist, where the wall-clock rule said on track', () => {
    const entry = { ...item, zones: [], attemptsLeft: 1, nextAttemptFrom: 0 };
    expect(slaStateOf(slaRanker(friday, policy).rankOf(entry))).toBe('due-today');
    // Its rank holds until the due time (already due today since Friday 00:00).
    expect(slaRanker(friday, policy).nextChange(entry)).toBe(item.dueAt);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../src/desktop/core/backoff';
import { detectDueSoon } from '../../../src/desktop/core/due-soon';
import { isAllowedExternalUrl } from '../../../src/desktop/core/external-links';
import { IdleLock } from '../../../src/desktop/core/idle-lock';
import { checkVerifier, makeVerifier } from '../../../src/desktop/core/password-verifier';
import { planInquirySubmit } from '../../../src/desktop/core/inquiry-submit';
import { createPiiCipher } from '../../../src/desktop/store/pii-cipher';
import { DEFAULT_POLICY, HOUR_MS, MINUTE_MS } from '../../../src/shared/domain/policy';
import { inquirySubmitArgsSchema } from '../../../src/shared/ipc/channels';
import { ny } from '../domain/helpers';

describe('backoff', () => {
  it('stays within [ (1-jitter)·exp, exp ] and never exceeds the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (attempt, r) => {
          const exp = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** attempt);
          const d = backoffDelay(attempt, DEFAULT_BACKOFF, () => r);
          return d >= Math.floor(exp * (1 - DEFAULT_BACKOFF.jitter)) && d <= exp;
        },
      ),
    );
  });
  it('grows exponentially without jitter', () => {
    const o = { baseMs: 100, maxMs: 1000, factor: 2, jitter: 0 };
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, o))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});

describe('due-soon detection', () => {
  const now = Date.UTC(2025, 2, 12, 14, 0); // Wed 10:00 New York
  it('reports each callback once when it gets worse, and counts overdue + due today', () => {
    const mine = [
      { id: 'a', dueAt: now - 1, urgency: 'urgent' as const },
      { id: 'b', dueAt: now + 2 * HOUR_MS, urgency: 'urgent' as const },
      { id: 'c', dueAt: now + 30 * HOUR_MS, urgency: 'non-urgent' as const },
      { id: 'd', dueAt: now + 10 * 24 * HOUR_MS, urgency: 'non-urgent' as const },
    ];
    const first = detectDueSoon(new Map(), mine, now, DEFAULT_POLICY);
    expect(first.items.map((i) => [i.callbackId, i.state])).toEqual([
      ['a', 'overdue'],
      ['b', 'due-today'],
      ['c', 'at-risk'],
    ]);
    expect(first.dueCount).toBe(2);
    const again = detectDueSoon(first.states, mine, now + MINUTE_MS, DEFAULT_POLICY);
    expect(again.items).toEqual([]);
    const later = detectDueSoon(first.states, mine, now + 3 * HOUR_MS, DEFAULT_POLICY);
    expect(later.items.map((i) => [i.callbackId, i.state])).toEqual([['b', 'overdue']]);
  });
});

describe('due-soon by callable time (issue 13)', () => {
  it('announces the Friday-06:33 urgent callback due Monday 06:33 as due today, with its badge count', () => {
    const mine = [{ id: 'fri', dueAt: ny('2026-12-07 06:33'), urgency: 'urgent' as const }];
    const check = detectDueSoon(new Map(), mine, ny('2026-12-04 06:33'), DEFAULT_POLICY);
    expect(check.items.map((i) => [i.callbackId, i.state])).toEqual([['fri', 'due-today']]);
    expect(check.dueCount).toBe(1);
  });

  it("counts the customer's local hours: a Honolulu customer's Monday ends before the due time can be met", () => {
    const due = { id: 'hnl', dueAt: ny('2026-12-07 12:00'), urgency: 'urgent' as const };
    const friday = ny('2026-12-04 10:00');
    // Callback hours alone leave Monday 07:00–12:00 ET: not due today on Friday.
    expect(detectDueSoon(new Map(), [due], friday, DEFAULT_POLICY).dueCount).toBe(0);
    // 08:00 in Honolulu is 13:00 ET: Monday's callable time starts after the due time, today's is the last.
    const withZone = detectDueSoon(
      new Map(),
      [{ ...due, zones: ['Pacific/Honolulu'] }],
      friday,
      DEFAULT_POLICY,
    );
    expect(withZone.items.map((i) => [i.callbackId, i.state])).toEqual([['hnl', 'due-today']]);
  });
});

describe('idle lock', () => {
  it('locks after the policy minutes without activity, and activity restarts the clock', () => {
    let t = 0;
    const lock = new IdleLock(
      () => 15,
      () => t,
    );
    t = 14 * MINUTE_MS;
    expect(lock.check()).toBe(false);
    lock.touch();
    t += 14 * MINUTE_MS;
    expect(lock.check()).toBe(false);
    t += MINUTE_MS;
    expect(lock.check()).toBe(true);
    expect(lock.isLocked).toBe(true);
    expect(lock.check()).toBe(false);
    lock.unlock();
    expect(lock.isLocked).toBe(false);
  });
});

describe('external links', () => {
  it.each([
    ['https://www.uscis.gov/forms', true],
    ['http://www.uscis.gov/forms', false],
    ['https://www.uscis.gov.evil.com/', false],
    ['https://user:pw@www.uscis.gov/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => expect(isAllowedExternalUrl(url)).toBe(allowed));
});

describe('password verifier', () => {
  it('accepts the password it was made from and nothing else', () => {
    const v = makeVerifier('correct horse');
    expect(checkVerifier('correct horse', v)).toBe(true);
    expect(checkVerifier('correct horsE', v)).toBe(false);
    expect(checkVerifier('x', 'garbage')).toBe(false);
  });
});

describe('PII cipher', () => {
  const cipher = createPiiCipher(Buffer.alloc(32, 7));
  it('round-trips, hides the plaintext, and binds a blob to its place', () => {
    if (!cipher.ok) throw new Error('no cipher');
    const blob = cipher.value.encrypt('María García +13055550100', 'row/customers/c1');
    expect(blob.includes(Buffer.from('García'))).toBe(false);
    expect(cipher.value.decrypt(blob, 'row/customers/c1')).toBe('María García +13055550100');
    expect(() => cipher.value.decrypt(blob, 'row/customers/c2')).toThrow();
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => cipher.value.decrypt(tampered, 'row/customers/c1')).toThrow();
  });
  it('refuses a key of the wrong size', () => {
    expect(createPiiCipher(Buffer.alloc(16)).ok).toBe(false);
  });
});

describe('inquiry submit plan', () => {
  let n = 0;
  let seq = 0;
  const id = { newId: () => `id-${++n}`, reference: (kind: string) => `${kind}-${++seq}` };
  const base = {
    customer: { customerId: 'cu-1' },
    inquiry: {
      receiptNumber: null,
      topic: 'x',
      channel: 'phone',
      ivr: null,
      urgency: 'urgent',
      tier: 1,
      script: null,
    },
  };
  it('orders the mutations: inquiry, follow-up record, outcome (with a callback id only for callbacks)', () => {
    const args = inquirySubmitArgsSchema.parse({ ...base, outcome: 'callback' });
    const plan = planInquirySubmit(args, id);
    expect(plan.ok && plan.value.mutations.map((m) => m.name)).toEqual([
      'inquiry.create@2',
      'inquiry.record-outcome@2',
    ]);
    expect(plan.ok && plan.value.ids.callbackId).not.toBeNull();
    const resolved = planInquirySubmit(inquirySubmitArgsSchema.parse({ ...base, outcome: 'resolved' }), id);
    expect(resolved.ok && resolved.value.ids.callbackId).toBeNull();
  });

  it('gives every record its reference number and returns them', () => {
    const args = inquirySubmitArgsSchema.parse({
      ...base,
      outcome: 'service-request',
      serviceRequest: { category: 'address-change', description: 'Moved' },
    });
    const plan = planInquirySubmit(args, id);
    if (!plan.ok) throw new Error(plan.error.message);
    const refs = plan.value.ids.references;
    expect(refs.inquiry).toMatch(/^inquiry-/);
    expect(refs.serviceRequest).toMatch(/^service-request-/);
    expect(refs.callback).toBeNull();
    const byName = new Map(plan.value.mutations.map((m) => [m.name, m.args as Record<string, unknown>]));
    expect(byName.get('inquiry.create@2')?.['reference']).toBe(refs.inquiry);
    expect(byName.get('service-request.create@2')?.['reference']).toBe(refs.serviceRequest);
  });

  it('an escalation carries its reason, and its note is written first on the inquiry', () => {
    const args = inquirySubmitArgsSchema.parse({
      ...base,
      outcome: 'tier2-escalation',
      escalation: { code: 'repeat-contact', reason: 'Third call this month', note: 'Caller has the notice.' },
    });
    const plan = planInquirySubmit(args, id);
    if (!plan.ok) throw new Error(plan.error.message);
    const names = plan.value.mutations.map((m) => m.name);
    expect(names).toEqual(['inquiry.create@2', 'note.add@1', 'inquiry.record-outcome@2']);
    const note = plan.value.mutations[1]?.args as { noteId: string; about: unknown; text: string };
    expect(note.about).toEqual({ table: 'inquiries', id: plan.value.ids.inquiryId });
    expect(plan.value.mutations[2]?.args).toMatchObject({
      escalation: { code: 'repeat-contact', reason: 'Third call this month', noteId: note.noteId },
      callbackReference: plan.value.ids.references.callback,
    });
    const missing = planInquirySubmit(
      inquirySubmitArgsSchema.parse({ ...base, outcome: 'tier2-escalation' }),
      id,
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'inquiry.missing_part' } });
  });
  it('refuses an expedite outcome without its checklist', () => {
    const plan = planInquirySubmit(
      inquirySubmitArgsSchema.parse({ ...base, outcome: 'expedite-intake' }),
      id,
    );
    expect(plan).toMatchObject({ ok: false, error: { code: 'inquiry.missing_part' } });
  });
});

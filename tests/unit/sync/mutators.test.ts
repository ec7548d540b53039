import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../../../src/shared/domain/policy';
import { MUTATORS } from '../../../src/shared/sync/registry';
import type { RowOf } from '../../../src/shared/sync/rows';
import { attemptRecord, callbackRow, customerRow, inquiryRow, userRow } from '../../fixtures/rows';
import { mutatorContext, NOW, rowMap, runMutation } from './fixtures';

const ctx = mutatorContext;
const map = rowMap;
const cb = callbackRow;
const inq = inquiryRow;
const customer = customerRow();
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('callback mutators', () => {
  it('claim: takes an open callback, no-ops for the owner, refuses another owner', () => {
    const r = runMutation('callback.claim@1', { callbackId: 'cb' }, map(['callbacks', cb()]), ctx());
    expect(r).toMatchObject({
      ok: true,
      value: [{ table: 'callbacks', row: { assigneeId: 'u-a', claimedAt: NOW } }],
    });
    expect(
      runMutation(
        'callback.claim@1',
        { callbackId: 'cb' },
        map(['callbacks', cb({ assigneeId: 'u-a' })]),
        ctx(),
      ),
    ).toEqual({ ok: true, value: [] });
    expect(
      code(
        runMutation(
          'callback.claim@1',
          { callbackId: 'cb' },
          map(['callbacks', cb({ assigneeId: 'u-b' })]),
          ctx(),
        ),
      ),
    ).toBe('callback.already_claimed');
    expect(
      code(
        runMutation(
          'callback.claim@1',
          { callbackId: 'cb' },
          map(['callbacks', cb({ tier: 2 })]),
          ctx({ role: 'tier1' }),
        ),
      ),
    ).toBe('auth.forbidden');
    expect(code(runMutation('callback.claim@1', { callbackId: 'cb' }, map(), ctx()))).toBe(
      'callback.not_found',
    );
  });

  it('release: only the owner or a lead', () => {
    const mine = map(['callbacks', cb({ assigneeId: 'u-a' })]);
    expect(code(runMutation('callback.release@1', { callbackId: 'cb' }, mine, ctx()))).toBe('ok');
    expect(code(runMutation('callback.release@1', { callbackId: 'cb' }, mine, ctx({ userId: 'u-b' })))).toBe(
      'auth.forbidden',
    );
    expect(
      code(
        runMutation('callback.release@1', { callbackId: 'cb' }, mine, ctx({ userId: 'u-l', role: 'lead' })),
      ),
    ).toBe('ok');
  });

  it('reassign: leads only, to an active agent of the team with the right tier', () => {
    const user = (role: RowOf<'users'>['role'], team = 'alpha') =>
      userRow({ id: 'u-x', team, name: 'X', role });
    const lead = ctx({ role: 'lead' });
    const args = { callbackId: 'cb', assigneeId: 'u-x' };
    expect(
      code(
        runMutation('callback.reassign@1', args, map(['callbacks', cb()], ['users', user('tier1')]), ctx()),
      ),
    ).toBe('auth.forbidden');
    expect(
      code(
        runMutation('callback.reassign@1', args, map(['callbacks', cb()], ['users', user('tier1')]), lead),
      ),
    ).toBe('ok');
    expect(
      code(
        runMutation(
          'callback.reassign@1',
          args,
          map(['callbacks', cb({ tier: 2 })], ['users', user('tier1')]),
          lead,
        ),
      ),
    ).toBe('callback.tier_mismatch');
    expect(code(runMutation('callback.reassign@1', args, map(['callbacks', cb()]), lead))).toBe(
      'user.not_found',
    );
  });

  it('record-attempt: stamps server time; a second failure closes as unable to reach', () => {
    const args = (id: string) => ({
      callbackId: 'cb',
      attemptId: id,
      numberDialed: '+12125550123',
      outcome: 'no-answer-message-left',
      messageLeft: true,
    });
    const first = runMutation(
      'callback.record-attempt@1',
      args('a1'),
      map(['callbacks', cb({ assigneeId: 'u-a' })], ['customers', customer]),
      ctx(),
    );
    if (!first.ok) throw new Error(first.error.message);
    const after = { ...(first.value[0]?.row as RowOf<'callbacks'>), version: 4 };
    expect(after).toMatchObject({ status: 'open', attempts: [{ at: NOW, agentId: 'u-a' }] });
    expect(
      code(
        runMutation(
          'callback.record-attempt@1',
          args('a2'),
          map(['callbacks', after], ['customers', customer]),
          ctx({ now: NOW + 30 * MINUTE_MS }),
        ),
      ),
    ).toBe('attempt.too_early');
    const second = runMutation(
      'callback.record-attempt@1',
      args('a2'),
      map(['callbacks', after], ['customers', customer]),
      ctx({ now: NOW + 70 * MINUTE_MS }),
    );
    expect(second).toMatchObject({ ok: true, value: [{ row: { status: 'closed-unable-to-reach' } }] });
    expect(
      code(
        runMutation(
          'callback.record-attempt@1',
          args('a1'),
          map(['callbacks', cb()], ['customers', customer]),
          ctx(),
        ),
      ),
    ).toBe('callback.not_claimed_by_you');
    expect(
      code(
        runMutation(
          'callback.record-attempt@1',
          { ...args('a1'), messageLeft: false },
          map(['callbacks', cb()], ['customers', customer]),
          ctx(),
        ),
      ),
    ).toBe('mutation.invalid_args');
  });

  it('grant-extra-attempt: leads, only after every attempt failed', () => {
    const closed = cb({
      attempts: [attemptRecord({ id: 'a' }), attemptRecord({ id: 'b' })],
      status: 'closed-unable-to-reach',
      closedAt: NOW,
    });
    expect(
      runMutation(
        'callback.grant-extra-attempt@1',
        { callbackId: 'cb' },
        map(['callbacks', closed]),
        ctx({ role: 'lead' }),
      ),
    ).toMatchObject({
      ok: true,
      value: [{ row: { status: 'open', extraAttemptsGranted: 1 } }],
    });
    expect(
      code(
        runMutation(
          'callback.grant-extra-attempt@1',
          { callbackId: 'cb' },
          map(['callbacks', cb()]),
          ctx({ role: 'lead' }),
        ),
      ),
    ).toBe('attempt.grant_not_needed');
    expect(
      code(
        runMutation(
          'callback.grant-extra-attempt@1',
          { callbackId: 'cb' },
          map(['callbacks', closed]),
          ctx(),
        ),
      ),
    ).toBe('auth.forbidden');
  });

  it('schedule: a slot inside hours before due, text-ahead 1–2 business days before', () => {
    const slotStart = Date.UTC(2025, 2, 14, 14); // Friday 10:00 EDT
    const args = { callbackId: 'cb', slot: { start: slotStart, end: slotStart + HOUR_MS }, textAhead: true };
    const r = runMutation('callback.schedule@1', args, map(['callbacks', cb({ assigneeId: 'u-a' })]), ctx());
    expect(r).toMatchObject({
      ok: true,
      value: [
        {
          row: { scheduledSlot: args.slot, textAhead: { enabled: true, sendAt: Date.UTC(2025, 2, 13, 11) } },
        },
      ],
    });
    const night = {
      ...args,
      slot: { start: Date.UTC(2025, 2, 14, 2), end: Date.UTC(2025, 2, 14, 3) },
      textAhead: false,
    };
    expect(
      code(runMutation('callback.schedule@1', night, map(['callbacks', cb({ assigneeId: 'u-a' })]), ctx())),
    ).toBe('callback.slot_outside_hours');
  });
});

describe('inquiry, customer and request mutators', () => {
  it('inquiry.create normalizes the receipt number and uses server time', () => {
    const args = {
      inquiryId: 'in2',
      customerId: 'cu',
      receiptNumber: 'eac-22-123-45678',
      topic: 'x',
      channel: 'phone',
      ivr: null,
      urgency: 'urgent',
      tier: 1,
      script: null,
    };
    const customer = customerRow({ preferredLanguage: 'es', phones: [] });
    expect(runMutation('inquiry.create@1', args, map(['customers', customer]), ctx())).toMatchObject({
      ok: true,
      value: [{ row: { receiptNumber: 'EAC2212345678', createdAt: NOW, team: 'alpha', status: 'open' } }],
    });
    // A topic with a Spanish side keeps it (a Spanish screen shows it; issue 13 item 5).
    expect(
      runMutation(
        'inquiry.create@1',
        { ...args, topic: 'Case status', topicEs: 'Estado del caso' },
        map(['customers', customer]),
        ctx(),
      ),
    ).toMatchObject({ ok: true, value: [{ row: { topic: 'Case status', topicEs: 'Estado del caso' } }] });
    expect(code(runMutation('inquiry.create@1', args, map(), ctx()))).toBe('customer.not_found');
    expect(
      code(
        runMutation(
          'inquiry.create@1',
          { ...args, tier: 2 },
          map(['customers', customer]),
          ctx({ role: 'tier1' }),
        ),
      ),
    ).toBe('auth.forbidden');
  });

  it('customer.upsert refuses an unknown time zone and keeps the existing team', () => {
    const args = {
      customerId: 'cu',
      name: 'N',
      preferredLanguage: 'en',
      phones: [],
      email: null,
      aNumber: null,
      timeZone: 'Mars/Base',
    };
    expect(code(runMutation('customer.upsert@1', args, map(), ctx()))).toBe('mutation.invalid_args');
    expect(
      runMutation('customer.upsert@1', { ...args, timeZone: 'America/Chicago' }, map(), ctx()),
    ).toMatchObject({ ok: true, value: [{ row: { team: 'alpha' } }] });
  });

  it('inquiry.record-outcome creates a callback due from the inquiry creation time', () => {
    const args = {
      inquiryId: 'in',
      outcome: 'tier2-escalation',
      script: null,
      callbackId: 'cb-n',
      urgency: 'urgent',
    };
    const r = runMutation(
      'inquiry.record-outcome@1',
      args,
      map(['inquiries', inq()]),
      ctx({ role: 'tier1' }),
    );
    expect(r).toMatchObject({
      ok: true,
      value: [
        { row: { status: 'completed', tier: 2 } },
        { table: 'callbacks', row: { tier: 2, dueAt: NOW - 2 * HOUR_MS + 72 * HOUR_MS } },
      ],
    });
    expect(
      code(
        runMutation(
          'inquiry.record-outcome@1',
          { ...args, callbackId: null },
          map(['inquiries', inq()]),
          ctx(),
        ),
      ),
    ).toBe('mutation.invalid_args');
    expect(
      code(
        runMutation(
          'inquiry.record-outcome@1',
          args,
          map(['inquiries', inq({ status: 'completed' })]),
          ctx(),
        ),
      ),
    ).toBe('inquiry.already_completed');
  });

  it('expedite.record requires documentation per criterion; refer is Tier 2 and one-way', () => {
    const args = {
      expediteId: 'ex',
      inquiryId: 'in',
      criteria: ['severe-financial-loss', 'clear-uscis-error'],
      explanation: 'e',
      documentation: {
        'clear-uscis-error': { 'notice-with-error': 'will-send', 'evidence-of-error': 'provided' },
      },
      routing: 'field-operations',
    };
    expect(code(runMutation('expedite.record@2', args, map(['inquiries', inq()]), ctx()))).toBe(
      'expedite.documentation_not_recorded',
    );
    const ok = runMutation(
      'expedite.record@2',
      { ...args, criteria: ['clear-uscis-error'] },
      map(['inquiries', inq()]),
      ctx(),
    );
    expect(ok).toMatchObject({
      ok: true,
      value: [{ row: { status: 'recorded', receiptNumber: 'EAC2212345678' } }],
    });
    expect(Object.keys((ok as unknown as { value: [{ row: object }] }).value[0].row)).not.toContain(
      'decision',
    );
    expect(
      code(
        runMutation(
          'expedite.record@2',
          { ...args, criteria: ['clear-uscis-error'] },
          map(['inquiries', inq({ receiptNumber: null })]),
          ctx(),
        ),
      ),
    ).toBe('expedite.receipt_required');
    const recorded = {
      ...(ok as unknown as { value: [{ row: RowOf<'expedite_requests'> }] }).value[0].row,
      version: 1,
    };
    expect(
      code(
        runMutation(
          'expedite.refer@1',
          { expediteId: 'ex' },
          map(['expedite_requests', recorded]),
          ctx({ role: 'tier1' }),
        ),
      ),
    ).toBe('auth.forbidden');
    expect(
      runMutation('expedite.refer@1', { expediteId: 'ex' }, map(['expedite_requests', recorded]), ctx()),
    ).toMatchObject({ ok: true, value: [{ row: { status: 'referred', referredAt: NOW } }] });
    expect(
      code(
        runMutation(
          'expedite.refer@1',
          { expediteId: 'ex' },
          map(['expedite_requests', { ...recorded, status: 'referred' }]),
          ctx(),
        ),
      ),
    ).toBe('expedite.already_referred');
  });

  it('appointment.request: urgent goes to review, others queue; service-request.create copies the receipt', () => {
    const base = { appointmentId: 'ap', inquiryId: 'in', explanation: 'Needs a document reviewed.' };
    expect(
      runMutation(
        'appointment.request@1',
        { ...base, urgent: true, urgentReason: 'medical-emergency' },
        map(['inquiries', inq()]),
        ctx(),
      ),
    ).toMatchObject({ ok: true, value: [{ row: { status: 'under-review' } }] });
    expect(
      runMutation(
        'appointment.request@1',
        { ...base, urgent: false, urgentReason: null },
        map(['inquiries', inq()]),
        ctx(),
      ),
    ).toMatchObject({ ok: true, value: [{ row: { status: 'queued' } }] });
    expect(
      code(
        runMutation(
          'appointment.request@1',
          { ...base, urgent: true, urgentReason: null },
          map(['inquiries', inq()]),
          ctx(),
        ),
      ),
    ).toBe('mutation.invalid_args');
    expect(
      runMutation(
        'service-request.create@1',
        { serviceRequestId: 'sr', inquiryId: 'in', type: 'other', description: 'd' },
        map(['inquiries', inq()]),
        ctx(),
      ),
    ).toMatchObject({ ok: true, value: [{ row: { receiptNumber: 'EAC2212345678', status: 'open' } }] });
  });

  it('presence.set: only your own row; admins too', () => {
    expect(
      runMutation(
        'presence.set@1',
        { userId: 'u-a', status: 'break', currentItem: null },
        map(),
        ctx({ role: 'admin' }),
      ),
    ).toMatchObject({ ok: true, value: [{ row: { id: 'u-a', status: 'break', updatedAt: NOW } }] });
    expect(
      code(
        runMutation('presence.set@1', { userId: 'u-b', status: 'break', currentItem: null }, map(), ctx()),
      ),
    ).toBe('auth.forbidden');
  });
});

describe('runMutation guards', () => {
  it("answers another team's row exactly like a missing one, and never lets a create take its id", () => {
    const claimOf = (rows: ReturnType<typeof map>) =>
      runMutation('callback.claim@1', { callbackId: 'cb' }, rows, ctx());
    expect(claimOf(map(['callbacks', cb({ team: 'bravo' })]))).toEqual(claimOf(map()));
    expect(code(claimOf(map()))).toBe('callback.not_found');
    const upsert = runMutation(
      'customer.upsert@1',
      {
        customerId: 'cu',
        name: 'Someone',
        preferredLanguage: 'en',
        phones: [],
        email: null,
        aNumber: null,
        timeZone: null,
      },
      map(['customers', customerRow({ team: 'bravo' })]),
      ctx(),
    );
    expect(code(upsert)).toBe('row.already_exists');
  });
  it('names an unknown mutation and keeps admins off case work', () => {
    expect(code(runMutation('nope@1', {}, map(), ctx()))).toBe('mutation.unknown');
    for (const name of Object.keys(MUTATORS).filter((n) => n !== 'presence.set@1')) {
      const m = MUTATORS[name];
      expect(m?.authorize(ctx({ role: 'admin' }), {} as never, map()).ok, name).toBe(false);
    }
  });
});

describe('callback.ask-availability', () => {
  it('refuses a third check with the policy limit as a param (the screen says it in the agent language)', () => {
    const consented = customerRow({
      noticeConsent: {
        sms: {
          address: '+13125550142',
          at: NOW,
          how: 'written',
          by: 'u-a',
          revokedAt: null,
          revokedHow: null,
        },
        email: null,
      },
    });
    const asked = (id: string) => ({
      id,
      kind: 'available-now' as const,
      channel: 'sms' as const,
      status: 'replied' as const,
      reason: null,
      sendAt: NOW,
      updatedAt: NOW,
      reply: 'no' as const,
    });
    const rows = map(
      ['callbacks', cb({ assigneeId: 'u-a', customerId: consented.id, notices: [asked('n1'), asked('n2')] })],
      ['customers', consented],
    );
    const r = runMutation('callback.ask-availability@1', { callbackId: 'cb' }, rows, ctx());
    expect(r).toMatchObject({ ok: false, error: { code: 'notice.too_many_checks', params: { max: 2 } } });
  });

  it('asks only when a "yes" can be called: inside callback hours and the customer\'s daytime', () => {
    const consentedAt = (address: string, timeZone: string | null) =>
      customerRow({
        timeZone,
        noticeConsent: {
          sms: { address, at: NOW, how: 'written', by: 'u-a', revokedAt: null, revokedHow: null },
          email: null,
        },
      });
    const ask = (customerRowValue: ReturnType<typeof customerRow>, now: number) =>
      runMutation(
        'callback.ask-availability@1',
        { callbackId: 'cb' },
        map(
          ['callbacks', cb({ assigneeId: 'u-a', customerId: customerRowValue.id })],
          ['customers', customerRowValue],
        ),
        ctx({ now }),
      );
    const chicago = consentedAt('+13125550142', null);
    // Tuesday 2026-03-03: 10:00 Eastern is open; 19:00 Eastern is after callback hours (18:30).
    expect(code(ask(chicago, Date.UTC(2026, 2, 3, 15, 0)))).toBe('ok');
    expect(code(ask(chicago, Date.UTC(2026, 2, 4, 0, 0)))).toBe('notice.outside_callback_hours');
    // 07:30 Eastern (open) is 04:30 in Los Angeles: before the customer's 08:00.
    const losAngeles = consentedAt('+12135550142', 'America/Los_Angeles');
    const early = ask(losAngeles, Date.UTC(2026, 2, 3, 12, 30));
    expect(early).toMatchObject({
      ok: false,
      error: {
        code: 'notice.customer_daytime',
        params: { opensAt: Date.UTC(2026, 2, 3, 16, 0), start: '08:00', end: '21:00' },
      },
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECEIPT_OFFICES } from '../../../src/shared/domain/identifiers';
import { HOUR_MS } from '../../../src/shared/domain/policy';
import { receiptNumberArgSchema } from '../../../src/shared/sync/mutators/receipt-arg';
import { findMutator } from '../../../src/shared/sync/registry';
import {
  customerRowSchema,
  rowKey,
  storedReceiptNumberSchema,
  type AnyRow,
  type TableName,
} from '../../../src/shared/sync/rows';
import { applyMutation, prepareMutation, readMutationRows } from '../../../src/shared/sync/run-mutation';
import { callbackRow, customerRow, inquiryRow } from '../../fixtures/rows';
import { recordCallbackAttempt } from '../../../src/shared/sync/mutators/callback-record-attempt';
import { mutatorContext, NOW, rowMap, runMutation } from './fixtures';

const ctx = mutatorContext;
const map = rowMap;
const failure = (r: { ok: boolean; error?: { code: string; message: string } }) =>
  r.ok ? { code: 'ok', message: '' } : (r.error as { code: string; message: string });

const customer = customerRow({
  name: 'María López',
  preferredLanguage: 'es',
  phones: [
    { label: 'mobile', e164: '+13125550142', ext: null, bestTime: { start: '09:00', end: '11:00' } },
    { label: 'attorney', e164: '+12065550111', ext: '12', bestTime: null, timeZone: 'America/Los_Angeles' },
  ],
  aNumber: 'A012345678',
  timeZone: 'America/Chicago',
});
const callback = callbackRow({ assigneeId: 'u-a', claimedAt: NOW - HOUR_MS });
const inquiry = (receiptNumber: string | null) => inquiryRow({ receiptNumber });

describe('receipt numbers and A-numbers use domain/identifiers', () => {
  it('stores only receipts with a known prefix and a real workday', () => {
    expect(storedReceiptNumberSchema.safeParse('EAC2212345678').success).toBe(true);
    const unknown = storedReceiptNumberSchema.safeParse('ABC2212345678');
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toContain('unknown receipt prefix ABC');
    expect(storedReceiptNumberSchema.safeParse('EAC2200012345').success).toBe(false);
    expect(storedReceiptNumberSchema.safeParse('eac2212345678').success).toBe(false);
  });

  it('property: any accepted spelling of a receipt argument stores the normalized form', () => {
    const prefix = fc.constantFrom(...RECEIPT_OFFICES.map((o) => o.prefix));
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(
        prefix,
        digits(2),
        fc.integer({ min: 1, max: 999 }),
        digits(5),
        fc.boolean(),
        (p, fy, day, seq, lower) => {
          const normalized = `${p}${fy.join('')}${String(day).padStart(3, '0')}${seq.join('')}`;
          const typed = `${p}-${fy.join('')}-${String(day).padStart(3, '0')}-${seq.join('')}`;
          const parsed = receiptNumberArgSchema.safeParse(lower ? typed.toLowerCase() : typed);
          expect(parsed.success && parsed.data).toBe(normalized);
          expect(storedReceiptNumberSchema.safeParse(normalized).success).toBe(true);
        },
      ),
    );
  });

  it('inquiry.create refuses an unknown receipt prefix with the domain message', () => {
    const args = {
      inquiryId: 'in-2',
      customerId: 'cu',
      receiptNumber: 'XYZ-22-123-45678',
      topic: 't',
      channel: 'phone',
      ivr: null,
      urgency: 'urgent',
      tier: 1,
      script: null,
    };
    const r = failure(runMutation('inquiry.create@1', args, map(['customers', customer]), ctx()));
    expect(r.code).toBe('mutation.invalid_args');
    expect(r.message).toContain('unknown receipt prefix XYZ');
  });

  it('customer.upsert normalizes the A-number and refuses a bad one', () => {
    const { id: _id, team: _team, version: _version, ...fields } = customer;
    const r = runMutation(
      'customer.upsert@1',
      { ...fields, customerId: 'cu-2', aNumber: 'a-12-345-678' },
      map(),
      ctx(),
    );
    expect(r).toMatchObject({ ok: true, value: [{ row: { aNumber: 'A012345678' } }] });
    const bad = failure(
      runMutation('customer.upsert@1', { ...fields, customerId: 'cu-2', aNumber: '12345678' }, map(), ctx()),
    );
    expect(bad.code).toBe('mutation.invalid_args');
    expect(bad.message).toContain('add the A: A12345678');
  });
});

describe('customer phones use domain/phones customerPhoneSchema', () => {
  const phoneRow = (phone: object) => customerRowSchema.safeParse({ ...customer, phones: [phone] });
  const base = { label: 'home', e164: '+13125550142', ext: null, bestTime: null };

  it('accepts fictional 555-01XX numbers, extensions and a per-number zone', () => {
    expect(customerRowSchema.safeParse(customer).success).toBe(true);
    expect(phoneRow({ ...base, e164: '+17875550100', timeZone: 'America/Puerto_Rico' }).success).toBe(true);
  });

  it('refuses what parseUsPhone refuses, a backwards best time and an unknown zone', () => {
    const unassigned = phoneRow({ ...base, e164: '+12005550123' });
    expect(unassigned.error?.issues[0]).toMatchObject({ path: ['phones', 0, 'e164'] });
    expect(unassigned.error?.issues[0]?.message).toContain('area code 200');
    expect(phoneRow({ ...base, e164: '+19005550123' }).error?.issues[0]?.message).toContain('premium-rate');
    expect(phoneRow({ ...base, bestTime: { start: '17:00', end: '09:00' } }).success).toBe(false);
    expect(phoneRow({ ...base, timeZone: 'Mars/Base' }).success).toBe(false);
    expect(customerRowSchema.safeParse({ ...customer, timeZone: 'Mars/Base' }).success).toBe(false);
  });
});

describe('callback.record-attempt dials only numbers on file', () => {
  const args = (numberDialed: string) => ({
    callbackId: 'cb',
    attemptId: 'a1',
    numberDialed,
    outcome: 'busy',
    messageLeft: false,
  });
  const rows = map(['callbacks', callback], ['customers', customer]);

  it('records an attempt to a number on file, with or without its extension', () => {
    // 12:00 in New York, 09:00 in Seattle (+1 206): inside every customer's hours.
    const noon = ctx({ now: NOW + 2 * HOUR_MS });
    expect(runMutation('callback.record-attempt@1', args('+13125550142'), rows, noon).ok).toBe(true);
    expect(runMutation('callback.record-attempt@1', args('+12065550111;ext=12'), rows, noon).ok).toBe(true);
    expect(runMutation('callback.record-attempt@1', args('+12065550111'), rows, noon).ok).toBe(true);
  });

  it('refuses a number or an extension that is not on file, naming it', () => {
    const other = failure(runMutation('callback.record-attempt@1', args('+12125550199'), rows, ctx()));
    expect(other).toEqual({
      code: 'callback.number_not_on_file',
      message:
        '(212) 555-0199 is not on file for this customer; dial one of their numbers, or add this one to the customer first.',
    });
    expect(
      failure(runMutation('callback.record-attempt@1', args('+12065550111;ext=99'), rows, ctx())).code,
    ).toBe('callback.number_not_on_file');
    expect(
      failure(runMutation('callback.record-attempt@1', args('+13125550142;ext=1'), rows, ctx())).code,
    ).toBe('callback.number_not_on_file');
  });

  it('refuses a number parseUsPhone refuses before looking at the rows', () => {
    const r = failure(runMutation('callback.record-attempt@1', args('+12005550123'), rows, ctx()));
    expect(r.code).toBe('mutation.invalid_args');
    expect(r.message).toContain('area code 200');
  });

  it('reads the customer as a follow-up; a host that read follow-ups refuses when it is missing', () => {
    const prepared = prepareMutation('callback.record-attempt@1', args('+13125550142'));
    if (!prepared.ok) throw new Error(prepared.error.message);
    const store = map(['callbacks', callback], ['customers', customer]);
    const read = readMutationRows(prepared.value, (keys) =>
      map(
        ...keys.flatMap((k) =>
          store.get(rowKey(k.table, k.id))
            ? [[k.table, store.get(rowKey(k.table, k.id)) as AnyRow] as [TableName, AnyRow]]
            : [],
        ),
      ),
    );
    expect([...read.keys()].sort()).toEqual(['callbacks/cb', 'customers/cu']);
    const onlyCallback = map(['callbacks', callback]);
    expect(failure(applyMutation(prepared.value, onlyCallback, ctx(), { followUpsRead: true })).code).toBe(
      'row.not_found',
    );
    // A desktop that has not started reading follow-ups still runs it optimistically; the server decides.
    expect(applyMutation(prepared.value, onlyCallback, ctx()).ok).toBe(true);
  });
});

describe('expedite.record@2 is the domain checklist', () => {
  const complete = {
    expediteId: 'ex',
    inquiryId: 'in',
    criteria: ['severe-financial-loss'],
    explanation: 'Lost job offer while the work permit is pending.',
    documentation: {
      'severe-financial-loss': { 'proof-of-loss': 'will-send', 'not-own-failure': 'provided' },
    },
  };
  const run = (args: object, receipt: string | null = 'EAC2212345678') =>
    runMutation('expedite.record@2', args, map(['inquiries', inquiry(receipt)]), ctx());

  it('defaults routing from the receipt prefix and says so', () => {
    expect(run(complete)).toMatchObject({
      ok: true,
      value: [{ row: { routing: 'service-center-operations', routingSource: 'receipt-default' } }],
    });
    expect(run(complete, 'MSC2212345678')).toMatchObject({
      ok: true,
      value: [{ row: { routing: 'field-operations' } }],
    });
    expect(run({ ...complete, routing: 'field-operations' })).toMatchObject({
      ok: true,
      value: [{ row: { routing: 'field-operations', routingSource: 'agent' } }],
    });
  });

  it('an IOE receipt needs the agent to choose the component', () => {
    const r = failure(run(complete, 'IOE2212345678'));
    expect(r.code).toBe('expedite.routing_required');
    expect(r.message).toContain('does not tell which component handles the case');
    expect(run({ ...complete, routing: 'field-operations' }, 'IOE2212345678').ok).toBe(true);
  });

  it('refuses missing documentation with the domain messages', () => {
    const unanswered = failure(
      run({ ...complete, documentation: { 'severe-financial-loss': { 'proof-of-loss': 'provided' } } }),
    );
    expect(unanswered.code).toBe('expedite.documentation_not_recorded');
    expect(unanswered.message).toContain("proof the loss is not from the customer's own delay");
    const none = failure(
      run({
        ...complete,
        documentation: {
          'severe-financial-loss': { 'proof-of-loss': 'not-available', 'not-own-failure': 'not-available' },
        },
      }),
    );
    expect(none.code).toBe('expedite.documentation_required');
    expect(none.message).toMatch(/^Documentation is required for 'Severe financial loss'/);
    expect(failure(run({ ...complete, explanation: '   ' })).code).toBe('expedite.explanation_required');
  });

  it('refuses documentation for a criterion not chosen, and unknown items', () => {
    const stray = failure(
      run({
        ...complete,
        documentation: {
          ...complete.documentation,
          'clear-uscis-error': { 'notice-with-error': 'provided' },
        },
      }),
    );
    expect(stray.code).toBe('expedite.documentation_mismatch');
    expect(stray.message).toContain('which is not a chosen criterion');
    const unknown = failure(
      run({
        ...complete,
        documentation: {
          'severe-financial-loss': {
            ...complete.documentation['severe-financial-loss'],
            'a-selfie': 'provided',
          },
        },
      }),
    );
    expect(unknown.message).toContain("has no documentation item 'a-selfie'");
  });

  it('accepts the old criterion id from a queued outbox and refuses a decision field', () => {
    const r = run({
      ...complete,
      criteria: ['compelling-us-government-interests'],
      documentation: {
        'compelling-government-interests': {
          'agency-request-letter': 'will-send',
          'agency-official-contact': 'provided',
        },
      },
    });
    expect(r).toMatchObject({
      ok: true,
      value: [{ row: { criteria: ['compelling-government-interests'] } }],
    });
    expect(findMutator('expedite.record@1')).toBeUndefined();
    const written = (r as unknown as { ok: true; value: [{ row: object }] }).value[0].row;
    expect(Object.keys(written)).not.toContain('decision');
  });
});

describe('appointment.request uses domain/appointments', () => {
  const base = { appointmentId: 'ap', inquiryId: 'in', explanation: 'Needs a card reviewed in person.' };
  const run = (args: object) =>
    runMutation('appointment.request@1', args, map(['inquiries', inquiry('EAC2212345678')]), ctx());

  it('stores the priority and the receipt; urgent requests go to review first', () => {
    expect(
      run({ ...base, urgent: true, urgentReason: 'medical-emergency', preferredOffice: 'Miami' }),
    ).toMatchObject({
      ok: true,
      value: [
        {
          row: {
            status: 'under-review',
            priority: { band: 0, createdAt: NOW, handling: 'review-individually' },
            preferredOffice: 'Miami',
            receiptNumber: 'EAC2212345678',
          },
        },
      ],
    });
    expect(run({ ...base, urgent: false, urgentReason: null })).toMatchObject({
      ok: true,
      value: [{ row: { status: 'queued', priority: { band: 1, handling: 'next-available-slot' } } }],
    });
  });

  it('maps the old financial reason id and refuses what the domain refuses', () => {
    expect(run({ ...base, urgent: true, urgentReason: 'financial-hardship' })).toMatchObject({
      ok: true,
      value: [{ row: { urgentReason: 'financial-loss-employment-or-benefits' } }],
    });
    const noReason = failure(run({ ...base, urgent: true, urgentReason: null }));
    expect(noReason.code).toBe('mutation.invalid_args');
    expect(noReason.message).toContain('an urgent appointment request needs a reason');
    const blank = failure(run({ ...base, explanation: ' ', urgent: false, urgentReason: null }));
    expect(blank.message).toContain('explanation is required');
    expect(failure(run({ ...base, urgent: false, urgentReason: 'medical-emergency' })).message).toContain(
      'must not carry an urgent reason',
    );
  });
});

// Issue 13 item 2: customer-local hours (08:00–21:00) hold in the mutator the server
// runs, with one exception the customer asked for, recorded on the attempt and audited.
describe('callback.record-attempt holds the customer-local hours', () => {
  // NOW is 10:00 in New York and 07:00 in Seattle: the +1 206 number is before its 08:00.
  const args = (exception?: unknown) => ({
    callbackId: 'cb',
    attemptId: 'a1',
    numberDialed: '+12065550111',
    outcome: 'busy',
    messageLeft: false,
    at: NOW,
    ...(exception === undefined ? {} : { exception }),
  });
  const rows = map(['callbacks', callback], ['customers', customer]);
  const attemptsOf = (r: ReturnType<typeof runMutation>) =>
    r.ok ? (r.value.find((w) => w.table === 'callbacks')?.row as { attempts: unknown[] }).attempts : [];

  it('refuses a call before the customer-local 08:00, in every version', () => {
    expect(failure(runMutation('callback.record-attempt@2', args(), rows, ctx())).code).toBe(
      'attempt.outside_customer_hours',
    );
    const { at: _at, ...v1 } = args();
    expect(failure(runMutation('callback.record-attempt@1', v1, rows, ctx())).code).toBe(
      'attempt.outside_customer_hours',
    );
  });

  it('accepts it when the customer asked, recording the exception on the attempt', () => {
    const note = 'Customer asked for 7 am before work';
    const asked = runMutation(
      'callback.record-attempt@2',
      args({ kind: 'customer-request', note }),
      rows,
      ctx(),
    );
    expect(attemptsOf(asked)).toEqual([
      expect.objectContaining({ customerHoursException: { kind: 'customer-request', note } }),
    ]);
    expect(recordCallbackAttempt.auditDetail?.(args({ kind: 'customer-request', note }) as never)).toEqual({
      customerHoursException: 'customer-request',
    });
  });

  it('takes "the customer chose this slot" only inside a slot they chose; a short note is refused', () => {
    expect(
      failure(runMutation('callback.record-attempt@2', args({ kind: 'scheduled-slot' }), rows, ctx())).code,
    ).toBe('attempt.exception_no_slot');
    expect(
      failure(
        runMutation('callback.record-attempt@2', args({ kind: 'customer-request', note: 'ok' }), rows, ctx()),
      ).code,
    ).toBe('mutation.invalid_args');
  });

  it('records no exception for a call inside the hours', () => {
    const inside = {
      ...args({ kind: 'customer-request', note: 'not needed here' }),
      numberDialed: '+13125550142',
    };
    const [attempt] = attemptsOf(runMutation('callback.record-attempt@2', inside, rows, ctx()));
    expect(attempt).not.toHaveProperty('customerHoursException');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, HOUR_MS } from '../../../src/shared/domain/policy';
import { TELEPHONY_EVENTS, type DeskCallEvent } from '../../../src/shared/telephony/desk-events';
import type { Ack } from '../../../src/shared/sync/protocol';
import { callback, customer, inquiry } from '../server/fixtures';
import {
  connectAgent,
  nextEvent,
  startTestServer,
  writeFixture,
  type Agent,
  type TestServer,
} from '../server/helpers';
import { StandInPlatform, callEvent } from '../../telephony/stand-in-platform';

const SECRET = 'stand-in-secret-0123456789abcdef-0123';
const TIMEOUT_MS = 300;

describe('telephony: place-call (cti port) through the platform', () => {
  let test: TestServer;
  let platform: StandInPlatform;
  let alice: Agent;

  beforeEach(async () => {
    const holder: { server?: TestServer } = {};
    platform = new StandInPlatform(
      'stand-in',
      SECRET,
      () => holder.server?.server.url ?? '',
      () => holder.server?.clock.now ?? 0,
    );
    const url = await platform.listen();
    test = await startTestServer({
      policy: {
        ...DEFAULT_POLICY,
        telephony: { ...DEFAULT_POLICY.telephony, placeCallTimeoutMs: TIMEOUT_MS },
      },
      telephony: { platforms: [{ id: 'stand-in', secret: SECRET, placeCall: { url, headers: {} } }] },
    });
    holder.server = test;
    await writeFixture(test.server, [
      { table: 'customers', row: customer('cu-1', 'alpha') },
      { table: 'inquiries', row: inquiry('in-1', 'alpha', 'cu-1') },
      {
        table: 'callbacks',
        row: callback('cb-1', 'alpha', {
          assigneeId: 'u-tier1-alice',
          claimedAt: test.clock.now,
          createdAt: test.clock.now - 24 * HOUR_MS,
        }),
      },
      { table: 'callbacks', row: callback('cb-2', 'alpha') },
    ]);
    alice = await connectAgent(test.server, 'tier1.alice', 'demo-password-1');
  });
  afterEach(async () => {
    alice.socket.close();
    await test.dispose();
    await platform.close();
  });

  const placeCall = (args: Record<string, unknown>) =>
    alice.socket.timeout(10_000).emitWithAck(TELEPHONY_EVENTS.placeCall, args) as Promise<
      Ack<{ callId: string }>
    >;
  const dial = { callbackId: 'cb-1', attemptId: 'at-1', numberDialed: '+12125550123' };

  it('asks the platform to place the call, signed, and follows the call’s events with the attempt', async () => {
    const placed = await placeCall(dial);
    expect(placed.ok).toBe(true);
    expect(platform.placed).toHaveLength(1);
    const request = platform.placed[0];
    expect(request?.signatureValid).toBe(true);
    expect(request?.body).toMatchObject({
      agent: 'tier1.alice',
      to: '+12125550123',
      extension: null,
      reference: { callbackId: 'cb-1', attemptId: 'at-1' },
    });
    expect(placed.ok && placed.value.callId).toBe(`stand-in:${request?.callId}`);
    const ended = nextEvent<DeskCallEvent>(alice.socket, TELEPHONY_EVENTS.call);
    test.clock.advance(30_000);
    await platform.send(callEvent('call.ended', request?.callId ?? ''));
    expect(await ended).toMatchObject({
      kind: 'ended',
      reason: 'no-answer',
      startedAt: test.clock.now - 30_000,
      attempt: { callbackId: 'cb-1', attemptId: 'at-1', numberDialed: '+12125550123' },
    });
  });

  it('tells the agent clearly when the platform does not answer in time, and records nothing', async () => {
    platform.mode = 'hang';
    const placed = await placeCall(dial);
    expect(placed).toMatchObject({ ok: false, error: { code: 'telephony.platform_timeout' } });
    expect(!placed.ok && placed.error.message).toContain('not placed');
    expect(await test.server.db.selectFrom('telephony_calls').selectAll().execute()).toEqual([]);
  });

  it('reports a platform that refuses', async () => {
    platform.mode = 'refuse';
    const placed = await placeCall(dial);
    expect(placed).toMatchObject({ ok: false, error: { code: 'telephony.platform_refused' } });
  });

  it('refuses the dial by the rules of recording an attempt, without calling the platform', async () => {
    // Not claimed by Alice.
    expect(await placeCall({ ...dial, callbackId: 'cb-2' })).toMatchObject({
      ok: false,
      error: { code: 'callback.not_claimed_by_you' },
    });
    // A number not on file.
    expect(await placeCall({ ...dial, numberDialed: '+12025550199' })).toMatchObject({
      ok: false,
      error: { code: 'callback.number_not_on_file' },
    });
    // Outside callback hours (22:00 in New York); a new sign-in, as the idle lock ended the session.
    test.clock.advance(12 * HOUR_MS);
    alice.socket.close();
    alice = await connectAgent(test.server, 'tier1.alice', 'demo-password-1');
    expect(await placeCall(dial)).toMatchObject({ ok: false, error: { code: 'attempt.outside_hours' } });
    expect(platform.placed).toEqual([]);
  });

  describe('before the customer’s local hours open (07:30 in New York, 04:30 in Los Angeles)', () => {
    const slot = () => ({ start: test.clock.now - 15 * 60_000, end: test.clock.now + 45 * 60_000 });
    // 07:30 in New York is inside callback hours (from 07:00 there) but 04:30 for a customer in Los Angeles.
    beforeEach(() => test.clock.advance(-2.5 * HOUR_MS));
    const atLosAngelesDawn = async (callbackFields: Record<string, unknown> = {}) => {
      await writeFixture(test.server, [
        { table: 'customers', row: { ...customer('cu-1', 'alpha'), timeZone: 'America/Los_Angeles' } },
        {
          table: 'callbacks',
          row: callback('cb-1', 'alpha', {
            assigneeId: 'u-tier1-alice',
            claimedAt: test.clock.now,
            createdAt: test.clock.now - 24 * HOUR_MS,
            ...callbackFields,
          }),
        },
      ]);
      alice.socket.close();
      alice = await connectAgent(test.server, 'tier1.alice', 'demo-password-1');
    };
    const placeCallAudit = async () =>
      (
        await test.server.db
          .selectFrom('audit_events')
          .select(['outcome', 'detail'])
          .where('action', '=', 'telephony.place-call')
          .orderBy('id')
          .execute()
      ).map((row) => ({ outcome: row.outcome, detail: JSON.parse(row.detail ?? 'null') as unknown }));

    it('refuses the dial as recording the attempt would, and audits the refusal', async () => {
      await atLosAngelesDawn();
      expect(await placeCall(dial)).toMatchObject({
        ok: false,
        error: { code: 'attempt.outside_customer_hours' },
      });
      expect(platform.placed).toEqual([]);
      expect(await placeCallAudit()).toEqual([
        { outcome: 'rejected', detail: { code: 'attempt.outside_customer_hours' } },
      ]);
    });

    it('places the call the customer asked for, auditing the exception’s kind but never its note', async () => {
      await atLosAngelesDawn();
      const note = 'Asked for a call before her 5 am shift';
      const placed = await placeCall({ ...dial, exception: { kind: 'customer-request', note } });
      expect(placed.ok).toBe(true);
      expect(platform.placed).toHaveLength(1);
      const audit = await placeCallAudit();
      expect(audit).toEqual([
        { outcome: 'applied', detail: { platform: 'stand-in', customerHoursException: 'customer-request' } },
      ]);
      expect(JSON.stringify(audit)).not.toContain('shift');
    });

    it('accepts "the customer chose this slot" only inside the slot they chose', async () => {
      await atLosAngelesDawn();
      const chosen = { ...dial, exception: { kind: 'scheduled-slot' } };
      expect(await placeCall(chosen)).toMatchObject({
        ok: false,
        error: { code: 'attempt.exception_no_slot' },
      });
      await atLosAngelesDawn({ scheduledSlot: slot() });
      expect((await placeCall(chosen)).ok).toBe(true);
      expect(platform.placed).toHaveLength(1);
      expect((await placeCallAudit()).map((a) => a.detail)).toEqual([
        { code: 'attempt.exception_no_slot', customerHoursException: 'scheduled-slot' },
        { platform: 'stand-in', customerHoursException: 'scheduled-slot' },
      ]);
    });

    it('refuses a malformed exception before anything is checked or placed', async () => {
      await atLosAngelesDawn();
      const placed = await placeCall({ ...dial, exception: { kind: 'customer-request', note: 'ok' } });
      expect(placed.ok).toBe(false);
      expect(!placed.ok && placed.error.message).toContain('at least');
      expect(platform.placed).toEqual([]);
      expect(await placeCallAudit()).toEqual([]);
    });
  });
});

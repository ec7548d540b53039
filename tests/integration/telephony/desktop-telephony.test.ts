import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, HOUR_MS } from '../../../src/shared/domain/policy';
import type { DeskCallEvent } from '../../../src/shared/telephony/desk-events';
import { attemptFromCall } from '../../../src/shared/telephony/attempt-from-call';
import { callback, customer, inquiry } from '../server/fixtures';
import { startTestServer, writeFixture, type TestServer } from '../server/helpers';
import {
  ALICE,
  openDesktop,
  serverRow,
  signIn,
  waitFor,
  waitSynced,
  type TestDesktop,
} from '../desktop/desktop-helpers';
import { StandInPlatform, callEvent, offered } from '../../telephony/stand-in-platform';

const SECRET = 'stand-in-secret-0123456789abcdef-0123';

/** A real desktop core (cti port) against a real server connected to the stand-in platform. */
describe('desktop telephony: cti port end to end (core, server, stand-in platform)', () => {
  let test: TestServer;
  let platform: StandInPlatform;
  let desk: TestDesktop;
  const calls: DeskCallEvent[] = [];

  beforeEach(async () => {
    calls.length = 0;
    const holder: { server?: TestServer } = {};
    platform = new StandInPlatform(
      'stand-in',
      SECRET,
      () => holder.server?.server.url ?? '',
      () => holder.server?.clock.now ?? 0,
    );
    const url = await platform.listen();
    test = await startTestServer({
      telephony: { platforms: [{ id: 'stand-in', secret: SECRET, placeCall: { url, headers: {} } }] },
    });
    holder.server = test;
    await writeFixture(test.server, [
      { table: 'customers', row: customer('cu-1', 'alpha') },
      { table: 'inquiries', row: inquiry('in-1', 'alpha', 'cu-1') },
      {
        table: 'callbacks',
        row: callback('cb-1', 'alpha', { assigneeId: 'u-tier1-alice', claimedAt: test.clock.now - 60_000 }),
      },
    ]);
    desk = await openDesktop(test, undefined, { telephony: { port: 'cti', uriTemplate: null } });
    desk.core.events.on('telephonyCall', (event) => calls.push(event));
    await signIn(desk.core, ALICE);
    await waitSynced(desk.core);
  });
  afterEach(async () => {
    await desk.dispose();
    await test.dispose();
    await platform.close();
  });

  it('shows the number, the customer’s local time and the rules before dialing, and refuses what recording would refuse', () => {
    const preview = desk.core.telephony.dialCheck({ callbackId: 'cb-1', numberDialed: '+12125550123' });
    expect(preview.ok && preview.value).toMatchObject({
      port: 'cti',
      allowed: true,
      refusal: null,
      // 10:00 in New York (the fixture customer's zone).
      customerLocal: { hour: 10, minute: 0, timeZone: 'America/New_York' },
      rules: {
        callbackHours: {
          ...DEFAULT_POLICY.callbackHours.daily,
          timeZone: DEFAULT_POLICY.callbackHours.timeZone,
        },
        customerLocalHours: DEFAULT_POLICY.customerLocalHours,
      },
    });
    const wrong = desk.core.telephony.dialCheck({ callbackId: 'cb-1', numberDialed: '+12025550199' });
    expect(wrong.ok && wrong.value).toMatchObject({
      allowed: false,
      refusal: { code: 'callback.number_not_on_file' },
    });
  });

  it('places the call, follows its events, and records the attempt the agent confirms from them', async () => {
    const dialed = await desk.core.telephony.dial({
      callbackId: 'cb-1',
      attemptId: 'at-cti-1',
      numberDialed: '+12125550123',
    });
    expect(dialed.ok && dialed.value.port).toBe('cti');
    expect(platform.placed).toHaveLength(1);
    const callId = platform.placed[0]?.callId ?? '';
    test.clock.advance(40_000);
    await platform.send(callEvent('call.ended', callId, { reason: 'no-answer', durationSeconds: 0 }));
    await waitFor(() => calls.some((c) => c.kind === 'ended'), 'the call-ended event on the desktop');
    const proposed = attemptFromCall(calls.find((c) => c.kind === 'ended') as DeskCallEvent);
    expect(proposed).toMatchObject({
      callbackId: 'cb-1',
      attemptId: 'at-cti-1',
      numberDialed: '+12125550123',
    });
    // The agent confirms the proposed outcome: nothing retyped.
    const recorded = desk.core.commands.run('callback.recordAttempt', {
      callbackId: proposed?.callbackId ?? '',
      attemptId: proposed?.attemptId ?? '',
      numberDialed: proposed?.numberDialed ?? '',
      outcome: proposed?.choices[0] ?? 'busy',
      at: proposed?.at ?? 0,
    });
    expect(recorded.ok).toBe(true);
    await waitSynced(desk.core);
    const row = await serverRow(test, 'callbacks', 'cb-1');
    expect(row['attempts']).toEqual([
      {
        id: 'at-cti-1',
        at: test.clock.now - 40_000,
        agentId: 'u-tier1-alice',
        numberDialed: '+12125550123',
        outcome: 'no-answer-no-message',
        messageLeft: false,
      },
    ]);
  });

  it('tells the agent when the platform does not answer, and records nothing', async () => {
    platform.mode = 'refuse';
    const dialed = await desk.core.telephony.dial({
      callbackId: 'cb-1',
      attemptId: 'at-x',
      numberDialed: '+12125550123',
    });
    expect(dialed).toMatchObject({ ok: false, error: { code: 'telephony.platform_refused' } });
    expect((await serverRow(test, 'callbacks', 'cb-1'))['attempts']).toEqual([]);
  });

  it('pops the screen: a call offered to the agent reaches the desktop with the customer and the IVR data', async () => {
    await platform.send(
      offered({ callId: 'in-1', from: '+12125550123', ivr: { language: 'es', menuPath: ['case-status'] } }),
    );
    await waitFor(() => calls.some((c) => c.kind === 'offered'), 'the screen pop on the desktop');
    expect(calls.find((c) => c.kind === 'offered')).toMatchObject({
      customerId: 'cu-1',
      from: '+12125550123',
      ivr: { language: 'es', menuPath: ['case-status'] },
    });
  });
});

/** The uri port checks the dial, with the attempt's customer-hours exception, before the OS sees the number. */
describe('desktop telephony: uri port, before the customer’s local hours open', () => {
  let test: TestServer;
  let desk: TestDesktop;
  const opened: string[] = [];

  beforeEach(async () => {
    opened.length = 0;
    test = await startTestServer();
    // 07:30 in New York: inside callback hours, but 04:30 for the customer in Los Angeles.
    test.clock.advance(-2.5 * HOUR_MS);
    await writeFixture(test.server, [
      { table: 'customers', row: { ...customer('cu-1', 'alpha'), timeZone: 'America/Los_Angeles' } },
      { table: 'inquiries', row: inquiry('in-1', 'alpha', 'cu-1') },
      {
        table: 'callbacks',
        row: callback('cb-1', 'alpha', {
          assigneeId: 'u-tier1-alice',
          claimedAt: test.clock.now - 60_000,
          createdAt: test.clock.now - 24 * HOUR_MS,
        }),
      },
    ]);
    desk = await openDesktop(test, undefined, {
      telephony: { port: 'uri', uriTemplate: 'tel:{number}' },
      openExternal: (url) => {
        opened.push(url);
        return true;
      },
    });
    await signIn(desk.core, ALICE);
    await waitSynced(desk.core);
  });
  afterEach(async () => {
    await desk.dispose();
    await test.dispose();
  });

  const dial = { callbackId: 'cb-1', attemptId: 'at-uri-1', numberDialed: '+12125550123' };

  it('refuses the dial without the exception, and hands nothing to the softphone', async () => {
    const preview = desk.core.telephony.dialCheck({ callbackId: 'cb-1', numberDialed: dial.numberDialed });
    expect(preview.ok && preview.value).toMatchObject({
      allowed: false,
      refusal: { code: 'attempt.outside_customer_hours' },
      customerLocal: { hour: 4, minute: 30, timeZone: 'America/Los_Angeles' },
    });
    expect(await desk.core.telephony.dial(dial)).toMatchObject({
      ok: false,
      error: { code: 'attempt.outside_customer_hours' },
    });
    expect(opened).toEqual([]);
  });

  it('opens the softphone for a call the customer asked for, and refuses a slot they did not choose', async () => {
    const slotClaim = await desk.core.telephony.dial({ ...dial, exception: { kind: 'scheduled-slot' } });
    expect(slotClaim).toMatchObject({ ok: false, error: { code: 'attempt.exception_no_slot' } });
    expect(opened).toEqual([]);
    const asked = { kind: 'customer-request' as const, note: 'Asked for a call before her shift' };
    const preview = desk.core.telephony.dialCheck({ ...dial, exception: asked });
    expect(preview.ok && preview.value).toMatchObject({ allowed: true, refusal: null });
    const dialed = await desk.core.telephony.dial({ ...dial, exception: asked });
    expect(dialed.ok && dialed.value).toEqual({ port: 'uri', opened: true, callId: null });
    expect(opened).toHaveLength(1);
    expect(opened[0]).toContain('2125550123');
  });
});

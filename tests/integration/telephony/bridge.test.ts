import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type Policy } from '../../../src/shared/domain/policy';
import type { DeskCallEvent } from '../../../src/shared/telephony/desk-events';
import { TELEPHONY_EVENTS } from '../../../src/shared/telephony/desk-events';
import { customer, inquiry } from '../server/fixtures';
import { connectAgent, nextEvent, startTestServer, writeFixture, type TestServer } from '../server/helpers';
import { StandInPlatform, callEvent, callbackRequested, offered } from '../../telephony/stand-in-platform';

const SECRET = 'stand-in-secret-0123456789abcdef-0123';

async function start(policy: Policy = DEFAULT_POLICY) {
  const holder: { server?: TestServer } = {};
  const platform = new StandInPlatform(
    'stand-in',
    SECRET,
    () => holder.server?.server.url ?? '',
    () => holder.server?.clock.now ?? 0,
  );
  holder.server = await startTestServer({
    policy,
    telephony: { platforms: [{ id: 'stand-in', secret: SECRET, placeCall: null }] },
  });
  return { test: holder.server, platform };
}

async function count(test: TestServer, table: 'telephony_events' | 'callbacks' | 'telephony_calls') {
  const rows = await test.server.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .execute();
  return Number(rows[0]?.n ?? 0);
}

async function auditOutcomes(test: TestServer) {
  return test.server.db
    .selectFrom('audit_events')
    .select(['action', 'outcome', 'detail'])
    .where('action', 'like', 'telephony.%')
    .execute();
}

describe('telephony bridge: POST /telephony/v1/events', () => {
  let test: TestServer;
  let platform: StandInPlatform;
  beforeEach(async () => {
    ({ test, platform } = await start());
  });
  afterEach(async () => {
    await test.dispose();
  });

  it('pops the screen on the agent’s desktop: the customer found by the IVR’s receipt number, and the IVR data', async () => {
    await writeFixture(test.server, [
      { table: 'customers', row: customer('cu-1', 'alpha') },
      { table: 'inquiries', row: inquiry('in-1', 'alpha', 'cu-1') },
    ]);
    const alice = await connectAgent(test.server, 'tier1.alice', 'demo-password-1');
    const popped = nextEvent<DeskCallEvent>(alice.socket, TELEPHONY_EVENTS.call);
    const sent = await platform.send(offered({ callId: 'c-1', from: '(305) 555-0100' }));
    expect(sent).toMatchObject({ status: 200, json: { ok: true, value: { status: 'accepted' } } });
    const event = await popped;
    expect(event).toMatchObject({
      kind: 'offered',
      callId: 'stand-in:c-1',
      at: test.clock.now,
      from: '+13055550100',
      customerId: 'cu-1',
      ivr: { language: 'es', receiptNumber: 'EAC2212345678', menuPath: ['case-status', 'agent'] },
    });
    alice.socket.close();
  });

  it('finds the caller by A-number, then by the calling number, in the agent’s team only', async () => {
    const phone = (e164: string) => [{ label: 'mobile' as const, e164, ext: null, bestTime: null }];
    await writeFixture(test.server, [
      {
        table: 'customers',
        row: { ...customer('cu-a', 'alpha'), aNumber: 'A012345678', phones: phone('+13125550101') },
      },
      { table: 'customers', row: { ...customer('cu-p', 'alpha'), phones: phone('+13125550102') } },
      { table: 'customers', row: { ...customer('cu-b', 'bravo'), phones: phone('+13125550103') } },
    ]);
    const alice = await connectAgent(test.server, 'tier1.alice', 'demo-password-1');
    const popFor = async (from: string, ivr: Record<string, unknown>) => {
      const popped = nextEvent<DeskCallEvent>(alice.socket, TELEPHONY_EVENTS.call);
      await platform.send(offered({ from, ivr: { language: 'en', ...ivr } }));
      return (await popped) as Extract<DeskCallEvent, { kind: 'offered' }>;
    };
    expect((await popFor('+13125550199', { aNumber: 'A-012-345-678' })).customerId).toBe('cu-a');
    expect((await popFor('+13125550102', {})).customerId).toBe('cu-p');
    // Another team's customer would not open on Alice's desktop: none is found.
    expect((await popFor('+13125550103', {})).customerId).toBeNull();
    alice.socket.close();
  });

  it('matches the calling number in any formatting, and names nobody when several customers share it', async () => {
    const phone = (e164: string) => [{ label: 'home' as const, e164, ext: null, bestTime: null }];
    await writeFixture(test.server, [
      { table: 'customers', row: { ...customer('cu-one', 'alpha'), phones: phone('+17875550112') } },
      { table: 'customers', row: { ...customer('cu-mom', 'alpha'), phones: phone('+17875550150') } },
      { table: 'customers', row: { ...customer('cu-son', 'alpha'), phones: phone('+17875550150') } },
    ]);
    const alice = await connectAgent(test.server, 'tier1.alice', 'demo-password-1');
    const popFor = async (from: string) => {
      const popped = nextEvent<DeskCallEvent>(alice.socket, TELEPHONY_EVENTS.call);
      await platform.send(offered({ from, ivr: { language: 'en' } }));
      return (await popped) as Extract<DeskCallEvent, { kind: 'offered' }>;
    };
    for (const from of ['7875550112', '(787) 555-0112', '+1 787-555-0112'])
      expect((await popFor(from)).customerId).toBe('cu-one');
    // A family's number: the desktop opens the search with it and the agent chooses.
    const shared = await popFor('(787) 555-0150');
    expect(shared.customerId).toBeNull();
    expect(shared.from).toBe('+17875550150');
    alice.socket.close();
  });

  it('refuses a wrong signature, changes nothing, and audits the refusal', async () => {
    const sent = await platform.send(offered(), { secret: 'not-the-secret-0123456789abcdefghij' });
    expect(sent.status).toBe(401);
    expect(sent.json.error.code).toBe('telephony.bad_signature');
    expect(await count(test, 'telephony_events')).toBe(0);
    expect(await auditOutcomes(test)).toEqual([
      {
        action: 'telephony.event',
        outcome: 'rejected',
        detail: JSON.stringify({ code: 'telephony.bad_signature' }),
      },
    ]);
  });

  it('refuses a body changed after signing', async () => {
    const event = offered();
    const timestamp = Math.floor(test.clock.now / 1000);
    const { sign } = await import('../../telephony/stand-in-platform');
    const signature = sign(SECRET, String(timestamp), JSON.stringify(event));
    const sent = await platform.send(event, {
      timestamp,
      signature,
      rawBody: JSON.stringify({ ...event, agent: 'tier1.bruno' }),
    });
    expect(sent.json.error.code).toBe('telephony.bad_signature');
  });

  it('refuses a timestamp outside the replay window, either side', async () => {
    const window = DEFAULT_POLICY.telephony.replayWindowSeconds;
    const now = Math.floor(test.clock.now / 1000);
    for (const timestamp of [now - window - 1, now + window + 1]) {
      const sent = await platform.send(offered(), { timestamp });
      expect(sent.status).toBe(401);
      expect(sent.json.error.code).toBe('telephony.stale_timestamp');
    }
    expect((await platform.send(offered(), { timestamp: now - window + 1 })).status).toBe(200);
    expect(await count(test, 'telephony_events')).toBe(1);
  });

  it('answers a replayed event id as a duplicate and applies it once', async () => {
    const alice = await connectAgent(test.server, 'tier1.alice', 'demo-password-1');
    let pops = 0;
    alice.socket.on(TELEPHONY_EVENTS.call, () => {
      pops += 1;
    });
    const event = offered();
    expect((await platform.send(event)).json.value.status).toBe('accepted');
    expect((await platform.send(event)).json.value.status).toBe('duplicate');
    // The replay is signed again with a fresh timestamp: still the same event id.
    test.clock.advance(60_000);
    expect((await platform.send(event)).json.value.status).toBe('duplicate');
    expect(await count(test, 'telephony_events')).toBe(1);
    const applied = (await auditOutcomes(test)).filter((a) => a.outcome === 'applied');
    expect(applied).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pops).toBe(1);
    alice.socket.close();
  });

  it('refuses an event for an unknown (or admin) agent and records nothing', async () => {
    for (const agent of ['nobody.here', 'admin.grace']) {
      const sent = await platform.send(offered({ agent }));
      expect(sent.status).toBe(422);
      expect(sent.json.error.code).toBe('telephony.unknown_agent');
    }
    expect(await count(test, 'telephony_events')).toBe(0);
    expect(await count(test, 'telephony_calls')).toBe(0);
  });

  it('refuses a malformed body and an invalid event with what is wrong', async () => {
    const notJson = await platform.send(undefined, { rawBody: '{"eventId": ' });
    expect(notJson).toMatchObject({ status: 400, json: { error: { code: 'telephony.malformed_body' } } });
    const badPhone = await platform.send(offered({ from: '+44 20 7946 0958' }));
    expect(badPhone.status).toBe(400);
    expect(badPhone.json.error.code).toBe('telephony.invalid_event');
    expect(badPhone.json.error.message).toContain('from');
    const unknownType = await platform.send(offered({ type: 'call.teleported' }));
    expect(unknownType.json.error.code).toBe('telephony.invalid_event');
    const extraField = await platform.send(offered({ ssn: '123-45-6789' }));
    expect(extraField.json.error.code).toBe('telephony.invalid_event');
    expect(await count(test, 'telephony_events')).toBe(0);
  });

  it('refuses an unknown platform before anything else', async () => {
    const sent = await platform.send(offered(), { platformId: 'someone-else' });
    expect(sent).toMatchObject({ status: 401, json: { error: { code: 'telephony.unknown_platform' } } });
  });

  it('creates one callback from an IVR request, routed by language, due by policy, idempotent by call id', async () => {
    const request = callbackRequested({ callId: 'ivr-1' });
    expect((await platform.send(request)).json.value.status).toBe('accepted');
    // The platform resends the request under a new event id: still one callback.
    expect((await platform.send({ ...request, eventId: 'ev-again' })).json.value.status).toBe('accepted');
    const callbacks = await test.server.db.selectFrom('callbacks').select(['team', 'data']).execute();
    expect(callbacks).toHaveLength(1);
    const row = JSON.parse(callbacks[0]?.data ?? '{}');
    expect(callbacks[0]?.team).toBe(DEFAULT_POLICY.telephony.ivrCallback.teamByLanguage.es);
    expect(row).toMatchObject({
      status: 'open',
      urgency: DEFAULT_POLICY.telephony.ivrCallback.urgency,
      createdAt: test.clock.now,
      dueAt: test.clock.now + DEFAULT_POLICY.sla.nonUrgentDueDays * 24 * 3_600_000,
      assigneeId: null,
    });
    const customers = await test.server.db.selectFrom('customers').select('data').execute();
    expect(JSON.parse(customers[0]?.data ?? '{}')).toMatchObject({
      preferredLanguage: 'es',
      phones: [{ e164: '+13055550188' }],
    });
    const inquiries = await test.server.db.selectFrom('inquiries').select('data').execute();
    expect(JSON.parse(inquiries[0]?.data ?? '{}')).toMatchObject({
      outcome: 'callback',
      ivr: { language: 'es', intent: 'case status' },
    });
  });

  it('shows an IVR callback on the worklist of the routed team like any other (pull)', async () => {
    const bruno = await connectAgent(test.server, 'tier1.bruno', 'demo-password-2');
    const poked = nextEvent(bruno.socket, 'poke');
    await platform.send(callbackRequested({ callId: 'ivr-2' }));
    await poked;
    const pulled = await bruno.pullAll();
    expect(pulled.rows.filter((r) => r.table === 'callbacks')).toHaveLength(1);
    bruno.socket.close();
  });

  it('takes 1,000 events in a burst: nothing lost, nothing doubled, health still answers', async () => {
    const requests = Array.from({ length: 1000 }, (_, i) => callbackRequested({ callId: `burst-${i}` }));
    // A tenth are resent at once (a platform retrying): they must be answered as duplicates.
    const resends = requests.slice(0, 100);
    const health = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return fetch(`${test.server.url}/health`).then((r) => r.status);
    })();
    const answers = await platform.sendAll([...requests, ...resends], 100);
    expect(await health).toBe(200);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const statuses = answers.map((a) => a.json.value.status as string);
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(1000);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(100);
    expect(await count(test, 'telephony_events')).toBe(1000);
    expect(await count(test, 'callbacks')).toBe(1000);
  }, 120_000); // 1,100 signed requests: a generous bound for a shared, loaded machine, not a timing assertion

  it('forwards the progress of a call to the agent who has it', async () => {
    const alice = await connectAgent(test.server, 'tier1.alice', 'demo-password-1');
    // Each event in turn: on PostgreSQL a room's message may reach the socket after the HTTP answer.
    const popped = nextEvent<DeskCallEvent>(alice.socket, TELEPHONY_EVENTS.call);
    await platform.send(offered({ callId: 'c-9' }));
    expect(await popped).toMatchObject({ kind: 'offered', callId: 'stand-in:c-9' });
    const answered = nextEvent<DeskCallEvent>(alice.socket, TELEPHONY_EVENTS.call);
    await platform.send(callEvent('call.answered', 'c-9'));
    expect(await answered).toMatchObject({ kind: 'answered', callId: 'stand-in:c-9', attempt: null });
    const ended = nextEvent<DeskCallEvent>(alice.socket, TELEPHONY_EVENTS.call);
    await platform.send(callEvent('call.ended', 'c-9', { reason: 'completed', durationSeconds: 300 }));
    expect(await ended).toMatchObject({ kind: 'ended', reason: 'completed', durationSeconds: 300 });
    alice.socket.close();
  });
});

describe('telephony bridge: rate limit', () => {
  it('answers 429 with Retry-After past the burst, and audits nothing for it', async () => {
    const policy = {
      ...DEFAULT_POLICY,
      telephony: { ...DEFAULT_POLICY.telephony, eventBurst: 3, eventsPerSecond: 1 },
    };
    const { test, platform } = await start(policy);
    try {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await platform.send(callbackRequested()));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(answers[3]?.json.error.code).toBe('telephony.rate_limited');
      expect(Number(answers[3]?.retryAfter)).toBeGreaterThanOrEqual(1);
      expect((await auditOutcomes(test)).filter((a) => a.outcome === 'rejected')).toEqual([]);
    } finally {
      await test.dispose();
    }
  });
});

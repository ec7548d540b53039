import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyPreviewSchema, policyStateSchema } from '../../../src/shared/admin/policy';
import { DAY_MS, DEFAULT_POLICY, HOUR_MS, type Policy } from '../../../src/shared/domain/policy';
import { EVENTS } from '../../../src/shared/sync/protocol';
import { baseWorld } from './fixtures';
import {
  ADMIN_REASON,
  connectAgent,
  nextEvent,
  postJson,
  signIn,
  startTestServer,
  writeFixture,
  type Agent,
  type TestServer,
} from './helpers';

const withSla = (sla: Partial<Policy['sla']>): Policy => ({
  ...DEFAULT_POLICY,
  sla: { ...DEFAULT_POLICY.sla, ...sla },
});

let serial = 0;
/** Opens an inquiry and ends it with a callback; answers the callback's due time as the server stored it. */
async function newCallbackDue(agent: Agent, urgency: 'urgent' | 'non-urgent'): Promise<number> {
  serial += 1;
  const inquiryId = `in-policy-${serial}`;
  const callbackId = `cb-policy-${serial}`;
  const pushed = await agent.push(
    {
      name: 'inquiry.create@1',
      args: {
        inquiryId,
        customerId: 'cu-1',
        receiptNumber: null,
        topic: 'Case status',
        channel: 'phone',
        ivr: null,
        urgency,
        tier: 1,
        script: null,
      },
    },
    {
      name: 'inquiry.record-outcome@1',
      args: { inquiryId, outcome: 'callback', script: null, callbackId, urgency: null },
    },
  );
  if (!pushed.ok || pushed.value.results.some((r) => r.status !== 'applied'))
    throw new Error(`could not create a callback: ${JSON.stringify(pushed)}`);
  const row = (await agent.pullAll(0)).rows.find((r) => r.id === callbackId);
  return (row?.data as { dueAt: number }).dueAt;
}

describe('administrators edit the policy', () => {
  let t: TestServer;
  let admin: string;
  let alice: Agent;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, baseWorld());
    admin = (await signIn(t.server, 'admin.grace', 'demo-password-7')).token;
    alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
  });
  afterAll(async () => {
    alice.socket.close();
    await t.dispose();
  });

  it('previews a change on today’s open callbacks and on new ones, changing nothing', async () => {
    const answer = await postJson(
      `${t.server.url}/api/admin/policy/preview`,
      { policy: withSla({ urgentDueHours: 48 }) },
      admin,
    );
    const preview = policyPreviewSchema.parse(answer.json.value);
    expect(preview.changes).toEqual([{ path: 'sla.urgentDueHours', from: 72, to: 48 }]);
    expect(preview.newCallbacks).toContainEqual({
      urgency: 'urgent',
      dueInForce: t.clock.now + 72 * HOUR_MS,
      dueProposed: t.clock.now + 48 * HOUR_MS,
    });
    // cb-1 and cb-2 are alpha's open callbacks, cb-9 bravo's: previews look at every team.
    expect(preview.open.total).toBe(3);
    const state = policyStateSchema.parse((await getState()).json.value);
    expect(state.inForce.id).toBeNull();
    expect(state.versions).toEqual([]);
  });

  it('refuses an invalid number or an effective time in the past, with the reason', async () => {
    const invalid = await postJson(
      `${t.server.url}/api/admin/policy`,
      { policy: withSla({ urgentDueHours: -1 }), reason: ADMIN_REASON },
      admin,
    );
    expect(invalid).toMatchObject({ status: 400, json: { error: { code: 'policy.invalid' } } });
    expect(invalid.json.error.message).toContain('sla.urgentDueHours');
    const past = await postJson(
      `${t.server.url}/api/admin/policy`,
      { policy: DEFAULT_POLICY, effectiveFrom: t.clock.now - DAY_MS, reason: ADMIN_REASON },
      admin,
    );
    expect(past).toMatchObject({ status: 400, json: { error: { code: 'policy.effective_in_past' } } });
  });

  it('publishes now: new callbacks get the new due time, existing ones keep theirs, desktops are told', async () => {
    const before = await newCallbackDue(alice, 'urgent');
    const told = nextEvent<{ policy: Policy }>(alice.socket, EVENTS.policy);
    const published = await postJson(
      `${t.server.url}/api/admin/policy`,
      { policy: withSla({ urgentDueHours: 48 }), reason: { code: 'policy-update', ticket: 'MEMO-2026-14' } },
      admin,
    );
    expect(published.status).toBe(201);
    expect((await told).policy.sla.urgentDueHours).toBe(48);
    const after = await newCallbackDue(alice, 'urgent');
    // Both inquiries were opened at the same (test) instant: only the target differs.
    expect(after - before).toBe(-24 * HOUR_MS);
    const pulled = (await alice.pullAll(0)).rows.find((r) => r.id === `cb-policy-${serial - 1}`);
    expect((pulled?.data as { dueAt: number }).dueAt).toBe(before);
    const signedIn = await signIn(t.server, 'tier2.carmen', 'demo-password-3');
    expect((signedIn.policy as Policy).sla.urgentDueHours).toBe(48);
    const audit = await t.server.db
      .selectFrom('audit_events')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'admin.policy.publish')
      .execute();
    expect(audit).toEqual([
      {
        actor_id: 'u-admin-grace',
        detail: JSON.stringify({
          reason: 'policy-update',
          ticket: 'MEMO-2026-14',
          effectiveFrom: t.clock.now,
          changes: [['sla.urgentDueHours', 72, 48]],
        }),
      },
    ]);
  });

  it('schedules a version: in force from its effective time, and kept across a restart', async () => {
    const effectiveFrom = t.clock.now + 2 * HOUR_MS;
    const scheduled = await postJson(
      `${t.server.url}/api/admin/policy`,
      {
        policy: {
          ...withSla({ urgentDueHours: 48 }),
          sla: { ...withSla({ urgentDueHours: 48 }).sla, nonUrgentDueDays: 7 },
        },
        effectiveFrom,
        reason: { code: 'policy-update' },
      },
      admin,
    );
    expect(scheduled.status).toBe(201);
    const early = await newCallbackDue(alice, 'non-urgent');
    expect(early).toBe(t.clock.now + DEFAULT_POLICY.sla.nonUrgentDueDays * DAY_MS);
    const state = policyStateSchema.parse((await getState()).json.value);
    expect(state.versions.map((v) => v.effectiveFrom)).toEqual([t.clock.now, effectiveFrom]);

    alice.socket.close();
    await t.restart();
    // Two hours on (a new sign-in: the old session went idle meanwhile), the scheduled version is in force.
    t.clock.advance(2 * HOUR_MS);
    admin = (await signIn(t.server, 'admin.grace', 'demo-password-7')).token;
    alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    expect((await signIn(t.server, 'tier2.carmen', 'demo-password-3')).policy).toMatchObject({
      sla: { nonUrgentDueDays: 7 },
    });
    const late = await newCallbackDue(alice, 'non-urgent');
    expect(late).toBe(t.clock.now + 7 * DAY_MS);
  });

  async function getState() {
    const response = await fetch(`${t.server.url}/api/admin/policy`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    return { status: response.status, json: (await response.json()) as { value: unknown } };
  }
});

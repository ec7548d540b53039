import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowData } from '../../../src/shared/sync/rows';
import { MUTATOR_NAMES } from '../../../src/shared/sync/registry';
import { formatReference, type ReferenceKind } from '../../../src/shared/domain/identifiers/reference-number';
import {
  connectAgent,
  newInstallationKey,
  startTestServer,
  T0,
  writeFixture,
  type TestServer,
} from './helpers';
import { baseWorld, callback, customer, inquiry } from './fixtures';

const USERS = {
  tier1: ['tier1.alice', 'demo-password-1', 'u-tier1-alice'],
  tier2: ['tier2.carmen', 'demo-password-3', 'u-tier2-carmen'],
  lead: ['lead.erin', 'demo-password-5', 'u-lead-erin'],
  admin: ['admin.grace', 'demo-password-7', 'u-admin-grace'],
} as const;
type RoleName = keyof typeof USERS;

/** The spec (PRODUCT.md "Tiers", issue 3): who may run what. Independent of the code under test. */
const ALLOWED: Record<string, RoleName[]> = {
  'customer.upsert@1': ['tier1', 'tier2', 'lead'],
  'inquiry.create@1': ['tier1', 'tier2', 'lead'],
  'inquiry.record-outcome@1': ['tier1', 'tier2', 'lead'], // on a Tier 1 inquiry
  'callback.claim@1': ['tier2', 'lead'], // on a Tier 2 callback
  'callback.release@1': ['tier1', 'tier2', 'lead'],
  'callback.reassign@1': ['lead'],
  'callback.record-attempt@1': ['tier2', 'lead'], // on a Tier 2 callback
  'callback.record-attempt@2': ['tier2', 'lead'], // on a Tier 2 callback
  'callback.grant-extra-attempt@1': ['lead'],
  'callback.schedule@1': ['lead'], // on a callback nobody claimed
  'expedite.record@2': ['tier1', 'tier2', 'lead'],
  'expedite.refer@1': ['tier2', 'lead'],
  'appointment.request@1': ['tier1', 'tier2', 'lead'],
  'service-request.create@1': ['tier1', 'tier2', 'lead'],
  'presence.set@1': ['tier1', 'tier2', 'lead', 'admin'],
  // Issue 14: the versions with reference numbers, notes, wrap-ups, handoffs, service-request statuses.
  'inquiry.create@2': ['tier1', 'tier2', 'lead'],
  'inquiry.record-outcome@2': ['tier1', 'tier2', 'lead'], // on a Tier 1 inquiry
  'expedite.record@3': ['tier1', 'tier2', 'lead'],
  'appointment.request@2': ['tier1', 'tier2', 'lead'],
  'service-request.create@2': ['tier1', 'tier2', 'lead'],
  'service-request.set-status@1': ['tier2', 'lead'],
  'note.add@1': ['tier1', 'tier2', 'lead'],
  'wrap-up.record@1': ['tier1', 'tier2', 'lead'],
  'callback.escalate@1': ['tier1', 'tier2', 'lead'], // a Tier 1 callback
  'callback.hand-back@1': ['tier2', 'lead'], // a Tier 2 callback
  // Issue 20: customer notices.
  'customer.set-notice-consent@1': ['tier1', 'tier2', 'lead'],
  'callback.ask-availability@1': ['tier1', 'tier2', 'lead'], // on their own callback
};

/** The pushing desktop's next reference number of `kind` (its desk code from sign-in). */
let nextSeq = 0;
let desk = 0;
const ref = (kind: ReferenceKind) => formatReference({ kind, desk, seq: nextSeq++ }).canonical;

/** Mutations whose rule depends on the row: who may run them on a Tier 2 row. */
const ALLOWED_ON_TIER2: Record<string, RoleName[]> = {
  'inquiry.record-outcome@1': ['tier2', 'lead'],
};

/** A refused mutation: admins see no team's rows (as if missing) and do no case work (forbidden). */
function refusal(role: RoleName) {
  return role === 'admin'
    ? expect.stringMatching(/^(auth\.forbidden|[a-z_]+\.not_found)$/)
    : 'auth.forbidden';
}

function argsFor(name: string, role: RoleName, userId: string): unknown {
  const s = role;
  switch (name) {
    case 'customer.upsert@1':
      return {
        customerId: `cu-${s}`,
        name: 'A Person',
        preferredLanguage: 'en',
        phones: [],
        email: null,
        aNumber: null,
        timeZone: null,
      };
    case 'inquiry.create@1':
      return {
        inquiryId: `in-${s}`,
        customerId: 'cu-1',
        receiptNumber: null,
        topic: 'x',
        channel: 'phone',
        ivr: null,
        urgency: 'urgent',
        tier: 1,
        script: null,
      };
    case 'inquiry.record-outcome@1':
      return { inquiryId: `inq-${s}`, outcome: 'resolved', script: null, callbackId: null, urgency: null };
    case 'callback.claim@1':
      return { callbackId: `t2-${s}` };
    case 'callback.release@1':
      return { callbackId: `t1-mine-${s}` };
    case 'callback.reassign@1':
      return { callbackId: `t1-${s}`, assigneeId: 'u-tier2-carmen' };
    case 'callback.record-attempt@1':
      return {
        callbackId: `t2-mine-${s}`,
        attemptId: `at-${s}`,
        numberDialed: '+12125550123',
        outcome: 'busy',
        messageLeft: false,
      };
    case 'callback.record-attempt@2':
      // Its own callback: @1 above already made this one's attempt (the next is too early).
      return {
        callbackId: `t2-mine2-${s}`,
        attemptId: `at2-${s}`,
        numberDialed: '+12125550123',
        outcome: 'busy',
        messageLeft: false,
        at: T0, // the test server's clock
      };
    case 'callback.grant-extra-attempt@1':
      return { callbackId: `utr-${s}` };
    case 'callback.schedule@1':
      return { callbackId: `t1-${s}`, slot: null, textAhead: false };
    case 'expedite.record@2':
      return {
        expediteId: `ex-${s}`,
        inquiryId: 'in-1',
        criteria: ['clear-uscis-error'],
        explanation: 'Wrong date on card',
        documentation: {
          'clear-uscis-error': { 'notice-with-error': 'provided', 'evidence-of-error': 'will-send' },
        },
      };
    case 'expedite.refer@1':
      return { expediteId: `ex-ref-${s}` };
    case 'appointment.request@1':
      return {
        appointmentId: `ap-${s}`,
        inquiryId: 'in-1',
        urgent: false,
        urgentReason: null,
        explanation: 'Needs a document reviewed',
      };
    case 'service-request.create@1':
      return {
        serviceRequestId: `sr-${s}`,
        inquiryId: 'in-1',
        type: 'other',
        description: 'Needs follow-up',
      };
    case 'presence.set@1':
      return { userId, status: 'available', currentItem: null };
    default:
      return argsForIssue14(name, role);
  }
}

function argsForIssue14(name: string, s: RoleName): unknown {
  switch (name) {
    case 'inquiry.create@2':
      return {
        ...(argsFor('inquiry.create@1', s, '') as object),
        inquiryId: `inr-${s}`,
        reference: ref('inquiry'),
      };
    case 'inquiry.record-outcome@2':
      return {
        inquiryId: `inq3-${s}`,
        outcome: 'resolved',
        script: null,
        callbackId: null,
        urgency: null,
        callbackReference: null,
        escalation: null,
      };
    case 'expedite.record@3':
      return {
        ...(argsFor('expedite.record@2', s, '') as object),
        expediteId: `ex3-${s}`,
        reference: ref('expedite'),
      };
    case 'appointment.request@2':
      return {
        ...(argsFor('appointment.request@1', s, '') as object),
        appointmentId: `ap2-${s}`,
        reference: ref('appointment'),
      };
    case 'service-request.create@2':
      return {
        serviceRequestId: `sr2-${s}`,
        inquiryId: 'in-1',
        category: 'other',
        description: 'Needs follow-up',
        routing: 'service-center-operations',
        reference: ref('service-request'),
      };
    case 'service-request.set-status@1':
      return { serviceRequestId: `sr2-${s}`, status: 'sent-to-office' };
    case 'note.add@1':
      return {
        noteId: `no-${s}`,
        customerId: 'cu-1',
        about: null,
        text: 'Called about the card',
        corrects: null,
      };
    case 'wrap-up.record@1':
      return {
        wrapUpId: `wu-${s}`,
        about: { table: 'inquiries', id: 'in-1' },
        disposition: 'general-information',
        callStartedAt: T0 - 60_000,
        callEndedAt: T0 - 30_000,
        afterCallWork: null,
        noteId: null,
      };
    case 'callback.escalate@1':
      return { callbackId: `t1-esc-${s}`, reason: 'Needs an officer', code: null, noteId: null };
    case 'callback.hand-back@1':
      return { callbackId: `t2-hb-${s}`, reason: 'Tier 1 can answer this', code: null, noteId: null };
    case 'customer.set-notice-consent@1':
      return { customerId: 'cu-1', channel: 'sms', address: '+12125550123', how: 'verbal-on-call' };
    case 'callback.ask-availability@1':
      return { callbackId: `av-mine-${s}` };
    default:
      throw new Error(`no args for ${name}`);
  }
}

describe('authorization matrix (every role × every mutation) and pull scope', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    const failed = {
      id: 'a1',
      at: 0,
      agentId: 'u-tier2-carmen',
      numberDialed: '+12125550123',
      outcome: 'busy' as const,
      messageLeft: false,
    };
    const world = baseWorld();
    await writeFixture(t.server, world);
    const consent = {
      address: '+12125550123',
      at: T0,
      how: 'verbal-on-call' as const,
      by: 'u-tier1-alice',
      revokedAt: null,
      revokedHow: null,
    };
    await writeFixture(t.server, [
      {
        table: 'customers',
        row: { ...customer('cu-sms', 'alpha'), noticeConsent: { sms: consent, email: null } },
      },
    ]);
    const expedite = world.find((w) => w.table === 'expedite_requests')?.row as RowData<'expedite_requests'>;
    for (const [role, [, , userId]] of Object.entries(USERS)) {
      await writeFixture(t.server, [
        { table: 'callbacks', row: callback(`t1-${role}`, 'alpha') },
        { table: 'callbacks', row: callback(`t2-${role}`, 'alpha', { tier: 2 }) },
        { table: 'expedite_requests', row: { ...expedite, id: `ex-ref-${role}` } },
        { table: 'callbacks', row: callback(`t1-mine-${role}`, 'alpha', { assigneeId: userId }) },
        { table: 'callbacks', row: callback(`t2-mine-${role}`, 'alpha', { tier: 2, assigneeId: userId }) },
        { table: 'callbacks', row: callback(`t2-mine2-${role}`, 'alpha', { tier: 2, assigneeId: userId }) },
        {
          table: 'callbacks',
          row: callback(`utr-${role}`, 'alpha', {
            attempts: [failed, { ...failed, id: 'a2' }],
            status: 'closed-unable-to-reach',
          }),
        },
        {
          table: 'inquiries',
          row: inquiry(`inq-${role}`, 'alpha', 'cu-1'),
        },
        { table: 'inquiries', row: { ...inquiry(`inq2-${role}`, 'alpha', 'cu-1'), tier: 2 } },
        { table: 'inquiries', row: inquiry(`inq3-${role}`, 'alpha', 'cu-1') },
        { table: 'callbacks', row: callback(`t1-esc-${role}`, 'alpha') },
        { table: 'callbacks', row: callback(`t2-hb-${role}`, 'alpha', { tier: 2 }) },
        {
          table: 'callbacks',
          row: callback(`av-mine-${role}`, 'alpha', { customerId: 'cu-sms', assigneeId: userId }),
        },
      ]);
    }
  });
  afterAll(async () => t.dispose());

  it('covers every registered mutator', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...MUTATOR_NAMES].sort());
  });

  for (const role of Object.keys(USERS) as RoleName[]) {
    it(`enforces the matrix for ${role}`, async () => {
      const [username, password, userId] = USERS[role];
      const agent = await connectAgent(t.server, username, password, newInstallationKey());
      desk = agent.desk ?? 0;
      for (const name of MUTATOR_NAMES) {
        const result = await agent.push({ name, args: argsFor(name, role, userId) });
        if (!result.ok) throw new Error(result.error.message);
        const r = result.value.results[0];
        const allowed = ALLOWED[name]?.includes(role) ?? false;
        expect({ name, role, status: r?.status, code: r?.error?.code }).toEqual(
          allowed
            ? { name, role, status: 'applied', code: undefined }
            : { name, role, status: 'rejected', code: refusal(role) },
        );
      }
      agent.socket.close();
    });

    it(`enforces the Tier 2 row rules for ${role}`, async () => {
      const [username, password] = USERS[role];
      const agent = await connectAgent(t.server, username, password);
      const args: Record<string, unknown> = {
        'inquiry.record-outcome@1': {
          inquiryId: `inq2-${role}`,
          outcome: 'resolved',
          script: null,
          callbackId: null,
          urgency: null,
        },
      };
      for (const [name, roles] of Object.entries(ALLOWED_ON_TIER2)) {
        const result = await agent.push({ name, args: args[name] });
        if (!result.ok) throw new Error(result.error.message);
        const r = result.value.results[0];
        expect({ name, role, status: r?.status, code: r?.error?.code }).toEqual(
          roles.includes(role)
            ? { name, role, status: 'applied', code: undefined }
            : { name, role, status: 'rejected', code: refusal(role) },
        );
      }
      agent.socket.close();
    });
  }

  it("never delivers another team's rows; admins get users and global rows, no customer data", async () => {
    const bruno = await connectAgent(t.server, 'tier1.bruno', 'demo-password-2');
    const rows = (await bruno.pullAll(0)).rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect((row.data as { team: string }).team).toMatch(/^(bravo|\*)$/);
    const admin = await connectAgent(t.server, 'admin.grace', 'demo-password-7');
    const adminRows = (await admin.pullAll(0)).rows;
    const users = adminRows.filter((r) => r.table === 'users');
    expect(new Set(users.map((r) => (r.data as { team: string }).team))).toEqual(
      new Set(['alpha', 'bravo', 'it']),
    );
    for (const row of adminRows.filter((r) => r.table !== 'users'))
      expect({ table: row.table, team: (row.data as { team: string }).team }).toEqual({
        table: row.table,
        team: '*',
      });
    expect(adminRows.some((r) => r.table === 'customers' || r.table === 'callbacks')).toBe(false);
    bruno.socket.close();
    admin.socket.close();
  });

  it("answers another team's row, even named by id, exactly like one that does not exist", async () => {
    const bruno = await connectAgent(t.server, 'tier1.bruno', 'demo-password-2');
    const other = await bruno.push({ name: 'callback.claim@1', args: { callbackId: 'cb-1' } });
    const missing = await bruno.push({ name: 'callback.claim@1', args: { callbackId: 'cb-never' } });
    const answer = (r: typeof other) =>
      r.ok ? r.value.results.map(({ status, error }) => ({ status, error })) : r;
    expect(answer(other)).toEqual([
      { status: 'rejected', error: { code: 'callback.not_found', message: expect.any(String) } },
    ]);
    expect(answer(other)).toEqual(answer(missing));
    bruno.socket.close();
  });
});

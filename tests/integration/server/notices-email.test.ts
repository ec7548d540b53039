import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../../../src/shared/domain/policy';
import type { CallbackRow } from '../../../src/shared/sync/rows';
import { claimNotice, countNotices, noticeById } from '../../../src/server/storage/notice-store';
import { readRows } from '../../../src/server/storage/row-store';
import { callbackRow, customerRow } from '../../fixtures/rows';
import { ALICE, openDesktop, signIn as signInDesktop } from '../desktop/desktop-helpers';
import { connectAgent, signIn, startTestServer, writeFixture, type Agent, type TestServer } from './helpers';
import { SMTP_PASSWORD, SMTP_USER, startSmtpPeer, type SmtpPeer } from './smtp-peer';

// Friday 2025-03-14 10:00–10:30 in New York; the notice goes out Thursday at the opening (07:00),
// which is before the customer's daytime (08:00), so it waits until 08:00.
const SLOT = { start: Date.UTC(2025, 2, 14, 14, 0), end: Date.UTC(2025, 2, 14, 14, 30) };
const THURSDAY_0800_NY = Date.UTC(2025, 2, 13, 12, 0);
const EMAIL = 'maria.garcia@example.com';

let smtp: SmtpPeer;
let t: TestServer;
let alice: Agent;

async function callback(id = 'cb-n'): Promise<CallbackRow> {
  const rows = await readRows(t.server.db, [{ table: 'callbacks', id }]);
  return rows.get(`callbacks/${id}`) as CallbackRow;
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.server.db
    .selectFrom('audit_events')
    .select(['action', 'detail'])
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  for (const r of rows) expect(r.detail ?? '').not.toContain(EMAIL);
  return rows.map((r) => r.action);
}

async function seed(over: { language?: 'en' | 'es'; consent?: boolean; id?: string } = {}): Promise<void> {
  const id = over.id ?? 'cb-n';
  await writeFixture(t.server, [
    {
      table: 'customers',
      row: customerRow({
        id: `cu-${id}`,
        email: EMAIL,
        aNumber: 'A012345678',
        preferredLanguage: over.language ?? 'en',
        timeZone: 'America/New_York',
        noticeConsent: {
          sms: null,
          email:
            over.consent === false
              ? null
              : {
                  address: EMAIL,
                  at: t.clock.now,
                  how: 'verbal-on-call',
                  by: alice.userId,
                  revokedAt: null,
                  revokedHow: null,
                },
        },
      }),
    },
    {
      table: 'callbacks',
      row: callbackRow({
        id,
        customerId: `cu-${id}`,
        assigneeId: alice.userId,
        createdAt: t.clock.now,
        dueAt: t.clock.now + 72 * HOUR_MS,
      }),
    },
  ]);
}

async function schedule(slot: typeof SLOT | null, id = 'cb-n'): Promise<void> {
  const ack = await alice.push({
    name: 'callback.schedule@1',
    args: { callbackId: id, slot, textAhead: slot !== null },
  });
  expect(ack.ok && ack.value.results[0]?.status).toBe('applied');
}

beforeEach(async () => {
  smtp = await startSmtpPeer();
  t = await startTestServer({
    notices: {
      smtp: {
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        user: SMTP_USER,
        password: SMTP_PASSWORD,
        from: 'USCIS Contact Center <notices@agency.example>',
        replyTo: 'no-reply@agency.example',
        ca: smtp.cert,
      },
      intervalMs: 3_600_000,
    },
  });
  alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
});

afterEach(async () => {
  alice.socket.close();
  await t.dispose();
  await smtp.close();
});

describe('text-ahead notices by e-mail (real SMTP peer: STARTTLS, AUTH)', () => {
  it('tells a desktop at sign-in that e-mail can go out and texts cannot, and the desktop keeps it', async () => {
    const answer = await signIn(t.server, 'tier1.alice', 'demo-password-1');
    expect(answer.noticeChannels).toEqual({ sms: false, email: true });
    const first = await openDesktop(t);
    try {
      await signInDesktop(first.core, ALICE);
      expect(first.core.session.state().noticeChannels).toEqual({ sms: false, email: true });
      await first.close();
      // Reopened (a restart, offline): the stored session still knows.
      const again = await openDesktop(t, first.dataDir);
      expect(again.core.session.state().noticeChannels).toEqual({ sms: false, email: true });
      await again.close();
    } finally {
      await first.dispose();
    }
  });

  it('queues with the schedule, waits for the customer’s daytime, sends once, and shows each state on the callback', async () => {
    await seed();
    await schedule(SLOT);
    const id = `cb-n:text-ahead:${SLOT.start}`;
    expect((await callback()).notices).toMatchObject([
      { id, kind: 'text-ahead', channel: 'email', status: 'queued' },
    ]);

    const sendAt = (await noticeById(t.server.db, id))?.send_at as number;
    t.clock.now = sendAt; // 07:00 in New York: callback hours are open, the customer's daytime is not
    await t.server.notices.worker.tick();
    expect(smtp.mails).toHaveLength(0);
    expect((await noticeById(t.server.db, id))?.next_at).toBe(THURSDAY_0800_NY);

    t.clock.now = THURSDAY_0800_NY;
    await t.server.notices.worker.tick();
    await t.server.notices.worker.tick();
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail).toMatchObject({
      to: [EMAIL],
      from: 'notices@agency.example',
      user: SMTP_USER,
      secure: true,
    });
    expect(mail?.raw).toContain('Reply-To: no-reply@agency.example');
    expect(mail?.raw).toContain('Friday, March 14');
    expect(mail?.raw).toContain('10:00');
    expect(mail?.raw).not.toContain('A012345678');
    expect((await callback()).notices).toMatchObject([{ id, status: 'sent', reason: null }]);
    expect(await auditActions(id)).toEqual(['notice.queued', 'notice.deferred', 'notice.sent']);
  });

  it('writes in the customer’s language', async () => {
    await seed({ language: 'es' });
    await schedule(SLOT);
    t.clock.now = THURSDAY_0800_NY;
    await t.server.notices.worker.tick();
    expect(smtp.mails[0]?.raw).toContain('viernes');
  });

  it('cancels a queued notice when the callback is rescheduled, and sends nothing', async () => {
    await seed();
    await schedule(SLOT);
    await schedule(null);
    const [notice] = (await callback()).notices;
    expect(notice).toMatchObject({ status: 'cancelled', reason: 'notice.rescheduled' });
    t.clock.now = THURSDAY_0800_NY;
    await t.server.notices.worker.tick();
    expect(smtp.mails).toHaveLength(0);
    expect(await auditActions(notice?.id as string)).toEqual(['notice.queued', 'notice.cancelled']);
  });

  it('keeps the notice when a lead reassigns the callback before its slot; reassigned past the slot, it is cancelled', async () => {
    await seed();
    await schedule(SLOT);
    const id = `cb-n:text-ahead:${SLOT.start}`;
    // A lead signed in at that moment (the test clock jumps days, past a session's hours).
    const reassign = async (assigneeId: string) => {
      const erin = await connectAgent(t.server, 'lead.erin', 'demo-password-5');
      const ack = await erin.push({ name: 'callback.reassign@1', args: { callbackId: 'cb-n', assigneeId } });
      erin.socket.close();
      expect(ack).toMatchObject({ ok: true, value: { results: [{ status: 'applied' }] } });
    };
    // The customer was promised a notice for this slot: a new agent does not change it.
    await reassign('u-tier2-carmen');
    expect((await callback()).assigneeId).toBe('u-tier2-carmen');
    expect((await callback()).notices).toMatchObject([{ id, status: 'queued', reason: null }]);
    expect(await auditActions(id)).toEqual(['notice.queued']);

    // Past the slot's start the notice is pointless: the next write of the callback cancels it.
    t.clock.now = SLOT.start + MINUTE_MS;
    await reassign(alice.userId);
    expect((await callback()).notices).toMatchObject([
      { id, status: 'cancelled', reason: 'notice.slot_passed' },
    ]);
    await t.server.notices.worker.tick();
    expect(smtp.mails).toHaveLength(0);
    expect(await auditActions(id)).toEqual(['notice.queued', 'notice.cancelled']);
  });

  it('records "no consent" as a failure the agent sees, and sends nothing', async () => {
    await seed({ consent: false });
    await schedule(SLOT);
    expect((await callback()).notices).toMatchObject([{ status: 'failed', reason: 'notice.no_consent' }]);
    t.clock.now = THURSDAY_0800_NY;
    await t.server.notices.worker.tick();
    expect(smtp.mails).toHaveLength(0);
  });

  it('retries a 4xx with backoff, then a 5xx fails for good', async () => {
    await seed();
    await schedule(SLOT);
    const id = `cb-n:text-ahead:${SLOT.start}`;
    t.clock.now = THURSDAY_0800_NY;
    smtp.failWith = 451;
    await t.server.notices.worker.tick();
    const retry = await noticeById(t.server.db, id);
    expect(retry).toMatchObject({ state: 'queued', reason: 'notice.smtp_451', tries: 1 });
    expect(retry?.next_at).toBeGreaterThan(t.clock.now);
    await t.server.notices.worker.tick();
    expect((await noticeById(t.server.db, id))?.tries).toBe(1); // not due again yet

    t.clock.now = retry?.next_at as number;
    smtp.failWith = 550;
    await t.server.notices.worker.tick();
    expect(await noticeById(t.server.db, id)).toMatchObject({ state: 'failed', reason: 'notice.smtp_550' });
    expect((await callback()).notices).toMatchObject([{ status: 'failed', reason: 'notice.smtp_550' }]);
    expect(smtp.mails).toHaveLength(0);
  });

  it('never sends a notice twice when a node died holding it (claimed, lease run out)', async () => {
    await seed();
    await schedule(SLOT);
    const id = `cb-n:text-ahead:${SLOT.start}`;
    t.clock.now = THURSDAY_0800_NY;
    // Another node claimed it, handed it to the relay, and died before recording "sent".
    expect(await claimNotice(t.server.db, id, 'node-that-died', t.clock.now, 60_000)).toBe(true);
    await t.server.notices.worker.tick();
    expect((await noticeById(t.server.db, id))?.state).toBe('sending');
    t.clock.now += 2 * MINUTE_MS;
    await t.server.notices.worker.tick();
    await t.server.notices.worker.tick();
    expect(await noticeById(t.server.db, id)).toMatchObject({
      state: 'unknown',
      reason: 'notice.outcome_unknown',
    });
    expect((await callback()).notices).toMatchObject([{ status: 'unknown' }]);
    expect(smtp.mails).toHaveLength(0);
  });

  it('sends 1,000 notices due at the same minute once each, and the server keeps answering', async () => {
    const n = 1000;
    const writes = [];
    for (let i = 0; i < n; i++) {
      const id = `bulk-${i}`;
      writes.push(
        {
          table: 'customers' as const,
          row: customerRow({
            id: `cu-${id}`,
            email: `c${i}@example.com`,
            timeZone: 'America/New_York',
            noticeConsent: {
              sms: null,
              email: {
                address: `c${i}@example.com`,
                at: t.clock.now,
                how: 'written',
                by: alice.userId,
                revokedAt: null,
                revokedHow: null,
              },
            },
          }),
        },
        {
          table: 'callbacks' as const,
          row: callbackRow({
            id,
            customerId: `cu-${id}`,
            createdAt: t.clock.now,
            dueAt: t.clock.now + 72 * HOUR_MS,
            scheduledSlot: SLOT,
            textAhead: { enabled: true, sendAt: THURSDAY_0800_NY },
          }),
        },
      );
    }
    await writeFixture(t.server, writes);
    await t.server.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++)
        await trx
          .insertInto('notices')
          .values({
            id: `bulk-${i}:text-ahead:${SLOT.start}`,
            callback_id: `bulk-${i}`,
            customer_id: `cu-bulk-${i}`,
            team: 'alpha',
            kind: 'text-ahead',
            channel: 'email',
            state: 'queued',
            send_at: THURSDAY_0800_NY,
            next_at: THURSDAY_0800_NY,
            created_at: t.clock.now,
            updated_at: t.clock.now,
          })
          .execute();
    });
    t.clock.now = THURSDAY_0800_NY;
    const sending = t.server.notices.worker.tick();
    let answered = 0;
    while (smtp.mails.length < n / 2) {
      const health = await fetch(`${t.server.url}/health`);
      if (health.ok) answered += 1;
      await new Promise((r) => setTimeout(r, 20));
    }
    await sending;
    expect(answered).toBeGreaterThan(0);
    expect(smtp.mails).toHaveLength(n);
    expect(new Set(smtp.mails.map((m) => m.to[0])).size).toBe(n);
    expect(await countNotices(t.server.db, 'sent')).toBe(n);
  }, 120_000);
});

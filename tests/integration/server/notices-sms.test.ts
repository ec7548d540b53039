import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, MINUTE_MS, HOUR_MS } from '../../../src/shared/domain/policy';
import type { CallbackRow, CustomerRow } from '../../../src/shared/sync/rows';
import type { TwilioSettings } from '../../../src/server/notices/twilio-sms';
import { noticeById } from '../../../src/server/storage/notice-store';
import { readRows } from '../../../src/server/storage/row-store';
import { callbackRow, customerRow } from '../../fixtures/rows';
import { connectAgent, startTestServer, writeFixture, type Agent, type TestServer } from './helpers';
import { ACCOUNT_SID, AUTH_TOKEN, FROM, startSmsPeer, type SmsPeer } from './sms-peer';

// Wednesday 2025-03-12 10:00 in New York (T0): inside the customer's daytime.
const PHONE = '+12125550123';

let peer: SmsPeer;
let t: TestServer;
let alice: Agent;
let settings: TwilioSettings;

async function row<T>(table: 'callbacks' | 'customers', id: string): Promise<T> {
  const rows = await readRows(t.server.db, [{ table, id }]);
  return rows.get(`${table}/${id}`) as T;
}

async function audit(): Promise<Array<{ action: string; entity_id: string | null; detail: string | null }>> {
  const rows = await t.server.db
    .selectFrom('audit_events')
    .select(['action', 'entity_id', 'detail'])
    .where('action', 'like', 'notice.%')
    .orderBy('id')
    .execute();
  for (const r of rows) expect(r.detail ?? '').not.toContain(PHONE);
  return rows;
}

/** A customer with SMS consent at PHONE and open callbacks (all assigned to alice). */
async function seed(callbacks: string[], language: 'en' | 'es' = 'en', customer = 'cu-1'): Promise<void> {
  await writeFixture(t.server, [
    {
      table: 'customers',
      row: customerRow({
        id: customer,
        preferredLanguage: language,
        timeZone: 'America/New_York',
        noticeConsent: {
          sms: {
            address: PHONE,
            at: t.clock.now,
            how: 'verbal-on-call',
            by: alice.userId,
            revokedAt: null,
            revokedHow: null,
          },
          email: null,
        },
      }),
    },
    ...callbacks.map((id) => ({
      table: 'callbacks' as const,
      row: callbackRow({
        id,
        customerId: customer,
        assigneeId: alice.userId,
        createdAt: t.clock.now,
        dueAt: t.clock.now + 72 * HOUR_MS,
      }),
    })),
  ]);
}

async function ask(callbackId: string): Promise<string> {
  const ack = await alice.push({ name: 'callback.ask-availability@1', args: { callbackId } });
  expect(ack.ok && ack.value.results[0]).toMatchObject({ status: 'applied' });
  await t.server.notices.worker.tick();
  return peer.messages.at(-1)?.sid as string;
}

async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

beforeEach(async () => {
  peer = await startSmsPeer(() => t.server.url);
  settings = {
    apiUrl: peer.url,
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    from: FROM,
    publicUrl: 'http://placeholder.invalid',
  };
  t = await startTestServer({ notices: { sms: settings, intervalMs: 3_600_000 } });
  // The server's port is known only once it listens: the callbacks' public URL is set then.
  settings.publicUrl = t.server.url;
  alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
});

afterEach(async () => {
  alice.socket.close();
  await t.dispose();
  await peer.close();
});

describe('SMS notices through a Twilio-shaped provider (stand-in on loopback)', () => {
  it('sends "available now?" in the request format, and a signed delivery report shows on the callback once', async () => {
    await seed(['cb-1']);
    const sid = await ask('cb-1');
    expect(peer.malformed).toEqual([]);
    expect(peer.messages).toHaveLength(1);
    expect(peer.messages[0]).toMatchObject({ to: PHONE, from: FROM });
    expect(peer.messages[0]?.body).toContain('next 30 minutes');
    expect((await row<CallbackRow>('callbacks', 'cb-1')).notices).toMatchObject([
      { id: 'cb-1:available-now:1', status: 'sent' },
    ]);
    expect(await peer.report(sid, 'delivered')).toBe(200);
    expect(await peer.report(sid, 'delivered')).toBe(200); // the provider's duplicate
    expect((await row<CallbackRow>('callbacks', 'cb-1')).notices).toMatchObject([{ status: 'delivered' }]);
    const delivered = (await audit()).filter((a) => a.action === 'notice.delivered');
    expect(delivered).toHaveLength(1);
  });

  it('refuses a callback with a bad signature, audits it, and changes nothing', async () => {
    await seed(['cb-1']);
    const sid = await ask('cb-1');
    expect(await peer.report(sid, 'delivered', { badSignature: true })).toBe(403);
    expect((await peer.text(PHONE, 'STOP', { badSignature: true })).status).toBe(403);
    expect((await noticeById(t.server.db, 'cb-1:available-now:1'))?.state).toBe('sent');
    expect((await row<CustomerRow>('customers', 'cu-1')).noticeConsent.sms?.revokedAt).toBeNull();
    const refused = await t.server.db
      .selectFrom('audit_events')
      .select(['outcome', 'detail'])
      .where('action', '=', 'notice.callback')
      .execute();
    expect(refused).toHaveLength(2);
    expect(
      refused.every((r) => r.outcome === 'rejected' && (r.detail ?? '').includes('notices.bad_signature')),
    ).toBe(true);
  });

  it('retries a provider that is down or answers 5xx, and fails a 4xx for good', async () => {
    await seed(['cb-1']);
    const down = settings.apiUrl;
    settings.apiUrl = await closedPortUrl(); // the provider is down: nothing listens there
    const ack = await alice.push({ name: 'callback.ask-availability@1', args: { callbackId: 'cb-1' } });
    expect(ack.ok).toBe(true);
    await t.server.notices.worker.tick();
    const id = 'cb-1:available-now:1';
    expect(await noticeById(t.server.db, id)).toMatchObject({
      state: 'queued',
      reason: 'notice.sms_unreachable',
      tries: 1,
    });

    settings.apiUrl = down;
    peer.failWith = { status: 503 };
    t.clock.now = ((await noticeById(t.server.db, id))?.next_at as number) + 1;
    await t.server.notices.worker.tick();
    expect(await noticeById(t.server.db, id)).toMatchObject({
      state: 'queued',
      reason: 'notice.sms_503',
      tries: 2,
    });

    peer.failWith = { status: 400, code: 21211 };
    t.clock.now = ((await noticeById(t.server.db, id))?.next_at as number) + 1;
    await t.server.notices.worker.tick();
    expect(await noticeById(t.server.db, id)).toMatchObject({
      state: 'failed',
      reason: 'notice.sms_400_21211',
      tries: 3,
    });
    expect((await row<CallbackRow>('callbacks', 'cb-1')).notices).toMatchObject([
      { status: 'failed', reason: 'notice.sms_400_21211' },
    ]);
    expect(peer.messages).toHaveLength(0);
  });

  it.each([
    ['STOP', 'en', 'no more texts'],
    ['Cancelar', 'es', 'no recibirá más'],
  ] as const)(
    'honours %s at once: consent withdrawn, queued texts cancelled, audited, answered in %s',
    async (word, language, answer) => {
      await seed(['cb-1', 'cb-2'], language);
      await ask('cb-1');
      // A text-ahead for the other callback is queued for later.
      const slot = { start: Date.UTC(2025, 2, 14, 14), end: Date.UTC(2025, 2, 14, 14, 30) };
      const scheduled = await alice.push({
        name: 'callback.schedule@1',
        args: { callbackId: 'cb-2', slot, textAhead: true },
      });
      expect(scheduled.ok && scheduled.value.results[0]?.status).toBe('applied');

      const reply = await peer.text(PHONE, word);
      expect(reply.status).toBe(200);
      expect(reply.body).toContain(answer);
      const customer = await row<CustomerRow>('customers', 'cu-1');
      expect(customer.noticeConsent.sms).toMatchObject({
        revokedAt: t.clock.now,
        revokedHow: 'stop-keyword',
      });
      expect((await row<CallbackRow>('callbacks', 'cb-2')).notices).toMatchObject([
        { kind: 'text-ahead', status: 'cancelled', reason: 'notice.opted_out' },
      ]);
      expect((await row<CallbackRow>('callbacks', 'cb-1')).notices).toMatchObject([{ reply: 'stop' }]);
      expect((await audit()).map((a) => a.action)).toContain('notice.opted_out');
      t.clock.now = slot.start - 24 * HOUR_MS;
      await t.server.notices.worker.tick();
      expect(peer.messages).toHaveLength(1);
    },
  );

  it('answers HELP in the customer’s language and changes nothing', async () => {
    await seed(['cb-1'], 'es');
    await ask('cb-1');
    const reply = await peer.text(PHONE, 'ayuda');
    expect(reply.body).toContain('CANCELAR');
    expect((await row<CustomerRow>('customers', 'cu-1')).noticeConsent.sms?.revokedAt).toBeNull();
    expect((await audit()).map((a) => a.action)).toContain('notice.help');
  });

  it('"sí" inside the window makes the customer wait for the call; the answer goes to the callback just asked about', async () => {
    await seed(['cb-1', 'cb-2'], 'es');
    await ask('cb-2');
    t.clock.now += 5 * MINUTE_MS;
    const reply = await peer.text(PHONE, 'Sí');
    expect(reply.body).toContain('Gracias');
    const asked = await row<CallbackRow>('callbacks', 'cb-2');
    expect(asked.customerWaitingUntil).toBe(t.clock.now + 30 * MINUTE_MS);
    expect(asked.notices).toMatchObject([{ status: 'replied', reply: 'yes' }]);
    const other = await row<CallbackRow>('callbacks', 'cb-1');
    expect(other.customerWaitingUntil).toBeNull();
    expect(other.notices).toEqual([]);
  });

  it('a reply after the window is recorded as late and moves nothing; silence is recorded as no reply', async () => {
    await seed(['cb-1', 'cb-2']);
    await ask('cb-1');
    t.clock.now += MINUTE_MS;
    await ask('cb-2');
    t.clock.now += 31 * MINUTE_MS;
    const reply = await peer.text(PHONE, 'yes');
    expect(reply.body).toContain('expired');
    const late = await row<CallbackRow>('callbacks', 'cb-2');
    expect(late.customerWaitingUntil).toBeNull();
    expect(late.notices).toMatchObject([
      { status: 'replied', reply: 'yes', reason: 'notice.reply_too_late' },
    ]);

    await t.server.notices.worker.tick();
    expect((await row<CallbackRow>('callbacks', 'cb-1')).notices).toMatchObject([
      { status: 'sent', reply: null, reason: 'notice.no_reply' },
    ]);
    expect((await audit()).map((a) => a.action)).toEqual(
      expect.arrayContaining(['notice.reply_late', 'notice.no_reply']),
    );
  });

  it('settles a notice whose node died after the provider took it, from the delivery report (no second text)', async () => {
    await seed(['cb-1']);
    const ack = await alice.push({ name: 'callback.ask-availability@1', args: { callbackId: 'cb-1' } });
    expect(ack.ok).toBe(true);
    const id = 'cb-1:available-now:1';
    // A node claimed it and the provider accepted it; the node died before recording "sent".
    const { claimNotice } = await import('../../../src/server/storage/notice-store');
    expect(await claimNotice(t.server.db, id, 'node-that-died', t.clock.now, 60_000)).toBe(true);
    const { TwilioSmsSender } = await import('../../../src/server/notices/twilio-sms');
    const accepted = await new TwilioSmsSender(settings).send({
      noticeId: id,
      to: PHONE,
      text: 'are you available? STOP',
    });
    expect(accepted.kind).toBe('accepted');
    const sid = peer.messages[0]?.sid as string;
    expect(await peer.report(sid, 'sent')).toBe(503); // still "sending": the provider is told to retry
    t.clock.now += 2 * MINUTE_MS;
    await t.server.notices.worker.tick();
    expect((await noticeById(t.server.db, id))?.state).toBe('unknown');
    expect(await peer.report(sid, 'delivered')).toBe(200);
    expect(await noticeById(t.server.db, id)).toMatchObject({ state: 'delivered', provider_id: sid });
    await t.server.notices.worker.tick();
    expect(peer.messages).toHaveLength(1);
  });

  it('tells the agent when the customer has no SMS consent, and queues nothing', async () => {
    await writeFixture(t.server, [
      { table: 'customers', row: customerRow({ id: 'cu-2' }) },
      { table: 'callbacks', row: callbackRow({ id: 'cb-9', customerId: 'cu-2', assigneeId: alice.userId }) },
    ]);
    const ack = await alice.push({ name: 'callback.ask-availability@1', args: { callbackId: 'cb-9' } });
    expect(ack.ok && ack.value.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'notice.no_consent' },
    });
  });
});

describe('"available now?" asked by the server when a last window is closing (policy notices.autoAvailability)', () => {
  const auto = async (enabled: boolean) => {
    await t.dispose();
    t = await startTestServer({
      notices: { sms: settings, intervalMs: 3_600_000, autoAskIntervalMs: 3_600_000 },
      policy: {
        ...DEFAULT_POLICY,
        notices: { ...DEFAULT_POLICY.notices, autoAvailability: { enabled, withinMinutes: 90 } },
      },
    });
    settings.publicUrl = t.server.url;
    alice.socket.close();
    alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
  };
  // T0 is 10:00 in New York; callback hours end 18:30. Due at 18:00 (T0 + 8 h): the last
  // callable window is today's, until 18:00.
  const DUE_1800 = 8 * HOUR_MS;
  const passAndSend = async () => {
    await t.server.supervisor.refresh();
    const asked = await t.server.notices.asker.pass();
    await t.server.notices.worker.tick();
    return asked;
  };

  it('asks once per window, only in its last stretch with the reply window still left, and audits it', async () => {
    await auto(true);
    await seed([]);
    await writeFixture(t.server, [
      { table: 'customers', row: customerRow({ id: 'cu-none', timeZone: 'America/New_York' }) },
      ...[
        { id: 'cb-close', customerId: 'cu-1', due: DUE_1800 },
        // Closes at 17:00: at 16:45 only 15 minutes are left, less than the 30-minute reply window.
        { id: 'cb-late', customerId: 'cu-1', due: 7 * HOUR_MS },
        // No consent to texts: never asked.
        { id: 'cb-none', customerId: 'cu-none', due: DUE_1800 },
      ].map(({ id, customerId, due }) => ({
        table: 'callbacks' as const,
        row: callbackRow({
          id,
          customerId,
          assigneeId: alice.userId,
          createdAt: t.clock.now,
          dueAt: t.clock.now + due,
        }),
      })),
    ]);
    // 10:00: eight hours of the window left, nothing is asked.
    expect(await passAndSend()).toBe(0);
    t.clock.advance(6 * HOUR_MS + 45 * MINUTE_MS);
    // 16:45: 75 minutes left on cb-close's last window.
    expect(await passAndSend()).toBe(1);
    expect(peer.messages).toHaveLength(1);
    expect(peer.messages[0]?.to).toBe(PHONE);
    const asked = await row<CallbackRow>('callbacks', 'cb-close');
    expect(asked.notices).toMatchObject([{ kind: 'available-now', status: 'sent' }]);
    expect((await row<CallbackRow>('callbacks', 'cb-late')).notices).toEqual([]);
    expect((await row<CallbackRow>('callbacks', 'cb-none')).notices).toEqual([]);
    // Once per window, however often the server looks — also after the customer said no.
    t.clock.advance(5 * MINUTE_MS);
    expect((await peer.text(PHONE, 'no')).body).toBeTruthy();
    expect((await row<CallbackRow>('callbacks', 'cb-close')).notices).toMatchObject([{ reply: 'no' }]);
    expect(await passAndSend()).toBe(0);
    expect(peer.messages).toHaveLength(1);
    const audited = await t.server.db
      .selectFrom('audit_events')
      .select(['entity_id', 'detail'])
      .where('action', '=', 'callback.availability-auto-asked')
      .execute();
    expect(audited.map((a) => a.entity_id)).toEqual(['cb-close']);
    expect(audited[0]?.detail ?? '').not.toContain(PHONE);
  });

  it('asks nothing while the policy leaves it off', async () => {
    await auto(false);
    await seed(['cb-off']);
    await writeFixture(t.server, [
      {
        table: 'callbacks',
        row: callbackRow({
          id: 'cb-off',
          customerId: 'cu-1',
          assigneeId: alice.userId,
          createdAt: t.clock.now,
          dueAt: t.clock.now + DUE_1800,
        }),
      },
    ]);
    t.clock.advance(6 * HOUR_MS + 45 * MINUTE_MS);
    expect(await passAndSend()).toBe(0);
    expect(peer.messages).toHaveLength(0);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServerConfig } from '../../../src/server/config';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { isLoopbackHost, startServer } from '../../../src/server/start-server';
import { countRows } from '../../../src/server/storage/row-store';
import {
  connect,
  connectAgent,
  nextEvent,
  postJson,
  signIn,
  startTestServer,
  writeFixture,
  type TestServer,
} from './helpers';
import { baseWorld, inquiry } from './fixtures';

const SCRIPTS_DIR = resolve('resources/scripts');

describe('security review fixes', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, baseWorld());
  });
  afterAll(async () => t.dispose());

  it('locks an account under parallel wrong guesses, then refuses the right password', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 20 }, () =>
        postJson(`${t.server.url}/api/sign-in`, { username: 'tier2.dev', password: 'wrong-guess' }),
      ),
    );
    expect(guesses.some((g) => g.status === 423)).toBe(true);
    const right = await postJson(`${t.server.url}/api/sign-in`, {
      username: 'tier2.dev',
      password: 'demo-password-4',
    });
    expect(right).toMatchObject({ status: 423, json: { error: { code: 'auth.locked' } } });
    // The wait travels as params too (a Spanish screen says it), and as Retry-After.
    const { minutes, seconds } = (right.json as { error: { params: { minutes: number; seconds: number } } })
      .error.params;
    expect(seconds).toBeGreaterThanOrEqual(DEFAULT_POLICY.security.lockoutFirstDelaySeconds);
    expect(minutes).toBeLessThanOrEqual(DEFAULT_POLICY.security.lockoutMinutes);
  });

  it('a password reset signs out every session of the user and closes their sockets', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const other = await signIn(t.server, 'tier1.alice', 'demo-password-1');
    const expired = nextEvent<{ code: string }>(alice.socket, 'session-expired');
    const admin = await signIn(t.server, 'admin.grace', 'demo-password-7');
    const reset = await postJson(
      `${t.server.url}/api/admin/users/u-tier1-alice/reset-password`,
      { reason: { code: 'forgot-password', ticket: 'INC0012345' } },
      admin.token,
    );
    expect(reset.status).toBe(200);
    expect((await expired).code).toBe('auth.signed_out');
    for (const token of [alice.token, other.token]) {
      await expect(connect(t.server, { token })).rejects.toMatchObject({ data: { code: 'auth.signed_out' } });
    }
    const oneTime = reset.json.value.oneTimePassword as string;
    const changed = await postJson(`${t.server.url}/api/password`, {
      username: 'tier1.alice',
      password: oneTime,
      newPassword: 'a-brand-new-password',
    });
    expect(changed.json.value.user.id).toBe('u-tier1-alice');
    expect((await signIn(t.server, 'tier1.alice', 'a-brand-new-password')).user.id).toBe('u-tier1-alice');
  });

  it('audits pulls of appointment and service requests as views', async () => {
    const erin = await connectAgent(t.server, 'lead.erin', 'demo-password-5');
    const pushed = await erin.push(
      {
        name: 'appointment.request@1',
        args: {
          appointmentId: 'ap-audit',
          inquiryId: 'in-1',
          urgent: false,
          urgentReason: null,
          explanation: 'Needs a document reviewed',
        },
      },
      {
        name: 'service-request.create@1',
        args: { serviceRequestId: 'sr-audit', inquiryId: 'in-1', type: 'other', description: 'Follow up' },
      },
    );
    expect(pushed.ok && pushed.value.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    await erin.pullAll(0);
    const views = await t.server.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'sync.pull.viewed')
      .where('actor_id', '=', 'u-lead-erin')
      .execute();
    const ids = views.map((v) => JSON.parse(v.detail ?? '{}').ids as Record<string, string[]>);
    expect(ids.some((i) => i.appointment_requests?.includes('ap-audit'))).toBe(true);
    expect(ids.some((i) => i.service_requests?.includes('sr-audit'))).toBe(true);
    erin.socket.close();
  });

  it('lets only Tier 2 agents and leads complete a Tier 2 inquiry', async () => {
    await writeFixture(t.server, [
      { table: 'inquiries', row: { ...inquiry('inq-t2-a', 'bravo', 'cu-1'), tier: 2 } },
      { table: 'inquiries', row: { ...inquiry('inq-t2-b', 'bravo', 'cu-1'), tier: 2 } },
    ]);
    const args = (inquiryId: string) => ({
      inquiryId,
      outcome: 'resolved',
      script: null,
      callbackId: null,
      urgency: null,
    });
    const bruno = await connectAgent(t.server, 'tier1.bruno', 'demo-password-2');
    const refused = await bruno.push({ name: 'inquiry.record-outcome@1', args: args('inq-t2-a') });
    expect(refused).toMatchObject({
      ok: true,
      value: { results: [{ status: 'rejected', error: { code: 'auth.forbidden' } }] },
    });
    bruno.socket.close();
    // tier2.dev is delayed by the first test; the bravo lead may.
    const lead = await connectAgent(t.server, 'lead.farid', 'demo-password-6');
    const applied = await lead.push({ name: 'inquiry.record-outcome@1', args: args('inq-t2-b') });
    expect(applied).toMatchObject({ ok: true, value: { results: [{ status: 'applied' }] } });
    lead.socket.close();
  });
});

describe('demo mode', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'agent-desk-demo-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('is on by default only for loopback hosts', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', 'LOCALHOST'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'desk.example.gov', '127.0.0.1.example.com'])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it('parses --demo and AGENT_DESK_DEMO (flag wins) and refuses anything but true/false', () => {
    const parsed = (argv: string[], env: Record<string, string> = {}) => {
      const r = parseServerConfig(argv, env);
      return r.ok ? r.value.demo : r.error.code;
    };
    expect(parsed([])).toBeUndefined();
    expect(parsed(['--demo', 'false'])).toBe(false);
    expect(parsed(['--demo=true'])).toBe(true);
    expect(parsed([], { AGENT_DESK_DEMO: 'false' })).toBe(false);
    expect(parsed(['--demo', 'true'], { AGENT_DESK_DEMO: 'false' })).toBe(true);
    expect(parsed(['--demo', 'yes'])).toBe('config.invalid');
  });

  it('with demo off seeds no demo users or rows, but still publishes the starter scripts', async () => {
    const server = await startServer({
      dataDir: tempDir(),
      demo: false,
      demoRows: 50,
      scriptsDir: SCRIPTS_DIR,
      logLevel: 'silent',
      port: 0,
    });
    try {
      expect(server.demo).toBe(false);
      const counts = await countRows(server.db);
      expect(counts.users).toBe(0);
      expect(counts.callbacks + counts.customers + counts.inquiries).toBe(0);
      expect(counts.scripts).toBeGreaterThan(0);
      const denied = await postJson(`${server.url}/api/sign-in`, {
        username: 'admin.grace',
        password: 'demo-password-7',
      });
      expect(denied.status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it('defaults to off on a non-loopback host and to on on 127.0.0.1', async () => {
    const exposed = await startServer({
      dataDir: tempDir(),
      host: '0.0.0.0',
      demoRows: 0,
      logLevel: 'silent',
    });
    try {
      expect(exposed.demo).toBe(false);
      expect((await countRows(exposed.db)).users).toBe(0);
    } finally {
      await exposed.close();
    }
    const local = await startServer({ dataDir: tempDir(), demoRows: 0, logLevel: 'silent' });
    try {
      expect(local.demo).toBe(true);
      expect((await countRows(local.db)).users).toBeGreaterThan(0);
    } finally {
      await local.close();
    }
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../src/server/demo/demo-data';
import { DEMO_TEAMS } from '../../../src/server/demo/demo-users';
import { dayKeyOf } from '../../../src/shared/supervisor/days';
import { loadScriptFiles } from '../../../src/server/scripts/script-files';
import { startServer } from '../../../src/server/start-server';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { isPastTarget } from '../../../src/shared/domain/service-requests/service-request';
import { ROW_SCHEMAS } from '../../../src/shared/sync/rows';
import { customerRow, rowData } from '../../fixtures/rows';
import { callback } from './fixtures';
import {
  ADMIN_REASON,
  connectAgent,
  postJson,
  signIn,
  startTestServer,
  writeFixture,
  T0,
  type TestServer,
} from './helpers';
import { baseWorld } from './fixtures';

const SCRIPTS = 'resources/scripts';
const indexed = (JSON.parse(readFileSync(join(SCRIPTS, 'index.json'), 'utf8')) as { scripts: string[] })
  .scripts;

describe('server: domain rules, script publishing and the demo seed', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ scriptsDir: SCRIPTS, demoRows: 400 });
    await writeFixture(t.server, baseWorld());
  });
  afterAll(async () => t.dispose());

  it('seeds every starter script, validated, as a global row everyone pulls', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const { rows } = await alice.pullAll(0);
    const scripts = rows.filter((r) => r.table === 'scripts');
    expect(scripts.map((r) => r.id).sort()).toEqual(
      indexed.map((f) => f.replace(/\.v(\d+)\.json$/, '@$1')).sort(),
    );
    for (const r of rows)
      expect(ROW_SCHEMAS[r.table].safeParse(r.data).success, `${r.table} ${r.id}`).toBe(true);
    alice.socket.close();
  });

  it('refuses to publish an invalid script with the problems list', async () => {
    const admin = await signIn(t.server, 'admin.grace', 'demo-password-7');
    const url = `${t.server.url}/api/admin/scripts`;
    const broken = await postJson(
      url,
      { scriptId: 'broken', scriptVersion: 1, content: { steps: [] }, reason: ADMIN_REASON },
      admin.token,
    );
    expect(broken.status).toBe(400);
    expect(broken.json.error.code).toBe('script.invalid');
    expect(broken.json.error.problems.length).toBeGreaterThan(0);
    expect(broken.json.error.problems[0]).toMatchObject({
      code: expect.any(String),
      path: expect.any(String),
    });
    const content = JSON.parse(readFileSync(join(SCRIPTS, 'case-status.v1.json'), 'utf8')) as object;
    const misnamed = await postJson(
      url,
      { scriptId: 'case-status', scriptVersion: 7, content, reason: ADMIN_REASON },
      admin.token,
    );
    expect(misnamed.status).toBe(400);
    expect(misnamed.json.error.message).toContain('being published as version 7');
  });

  it('refuses an attempt to a number not on file, and records one that is', async () => {
    await writeFixture(t.server, [
      { table: 'callbacks', row: callback('cb-dial', 'alpha', { assigneeId: 'u-tier1-alice' }) },
    ]);
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const attempt = (attemptId: string, numberDialed: string) => ({
      name: 'callback.record-attempt@1',
      args: { callbackId: 'cb-dial', attemptId, numberDialed, outcome: 'busy', messageLeft: false },
    });
    const refused = await alice.push(attempt('at-1', '+13055550199'));
    expect(refused.ok && refused.value.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'callback.number_not_on_file', message: expect.stringContaining('(305) 555-0199') },
    });
    const applied = await alice.push(attempt('at-2', '+12125550123'));
    expect(applied.ok && applied.value.results[0]?.status).toBe('applied');
    alice.socket.close();
  });

  // Issue 13 item 2: the customer-local hours hold on the server (07:00 in Seattle at T0).
  it('refuses an attempt before the customer-local 08:00 unless the customer asked; the exception is audited', async () => {
    await writeFixture(t.server, [
      {
        table: 'customers',
        row: rowData(
          customerRow({
            id: 'cu-early',
            team: 'alpha',
            timeZone: null,
            phones: [{ label: 'mobile', e164: '+12065550111', ext: null, bestTime: null }],
          }),
        ),
      },
      {
        table: 'callbacks',
        row: callback('cb-early', 'alpha', { customerId: 'cu-early', assigneeId: 'u-tier1-alice' }),
      },
    ]);
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const attempt = (attemptId: string, exception?: object) => ({
      name: 'callback.record-attempt@2',
      args: {
        callbackId: 'cb-early',
        attemptId,
        numberDialed: '+12065550111',
        outcome: 'busy',
        messageLeft: false,
        at: T0,
        ...(exception ? { exception } : {}),
      },
    });
    const refused = await alice.push(attempt('early-1'));
    expect(refused.ok && refused.value.results[0]?.error?.code).toBe('attempt.outside_customer_hours');
    const note = 'Customer asked for 7 am before work';
    const asked = await alice.push(attempt('early-2', { kind: 'customer-request', note }));
    expect(asked.ok && asked.value.results[0]?.status).toBe('applied');
    const row = await t.server.db
      .selectFrom('callbacks')
      .select('data')
      .where('id', '=', 'cb-early')
      .executeTakeFirst();
    expect(JSON.parse(row?.data ?? '{}').attempts).toEqual([
      expect.objectContaining({ id: 'early-2', customerHoursException: { kind: 'customer-request', note } }),
    ]);
    const audited = await t.server.db
      .selectFrom('audit_events')
      .select(['outcome', 'detail'])
      .where('entity_id', '=', 'cb-early')
      .orderBy('id')
      .execute();
    expect(audited.map((a) => [a.outcome, a.detail === null ? null : JSON.parse(String(a.detail))])).toEqual([
      ['rejected', { code: 'attempt.outside_customer_hours' }],
      ['applied', { customerHoursException: 'customer-request' }],
    ]);
    alice.socket.close();
  });

  it('records an expedite request routed by the receipt prefix, and refuses missing documentation', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const args = {
      expediteId: 'ex-new',
      inquiryId: 'in-1',
      criteria: ['clear-uscis-error'],
      explanation: 'Wrong birth date on the card',
      documentation: { 'clear-uscis-error': { 'notice-with-error': 'provided' } },
    };
    const incomplete = await alice.push({ name: 'expedite.record@2', args });
    expect(incomplete.ok && incomplete.value.results[0]?.error?.code).toBe(
      'expedite.documentation_not_recorded',
    );
    const complete = await alice.push({
      name: 'expedite.record@2',
      args: {
        ...args,
        documentation: {
          'clear-uscis-error': { 'notice-with-error': 'provided', 'evidence-of-error': 'will-send' },
        },
      },
    });
    expect(complete.ok && complete.value.results[0]?.status).toBe('applied');
    const { rows } = await alice.pullAll(0);
    expect(rows.find((r) => r.id === 'ex-new')?.data).toMatchObject({
      routing: 'service-center-operations',
      routingSource: 'receipt-default',
      recordedAt: T0,
    });
    alice.socket.close();
  });
});

describe('demo data and the scripts folder', () => {
  it('generates rows that pass the row schemas: real receipts, parseable phones, Spanish speakers, zones', () => {
    const writes = generateDemoData({ rows: 3000, seed: 20_240_101, now: T0, policy: DEFAULT_POLICY });
    for (const w of writes) {
      const parsed = ROW_SCHEMAS[w.table].safeParse({ ...w.row, version: 0 });
      expect(parsed.success, `${w.table} ${w.row.id}: ${parsed.error?.issues[0]?.message ?? ''}`).toBe(true);
    }
    const customers = writes.flatMap((w) => (w.table === 'customers' ? [w.row] : []));
    expect(customers.some((c) => c.preferredLanguage === 'es')).toBe(true);
    expect(new Set(customers.map((c) => c.timeZone)).size).toBeGreaterThanOrEqual(6);
    const tables = new Set(writes.map((w) => w.table));
    expect(tables).toEqual(
      new Set([
        'customers',
        'inquiries',
        'callbacks',
        'service_requests',
        'expedite_requests',
        'appointment_requests',
      ]),
    );
  });

  it('gives every demo inquiry a callback when the callback share is 1 (the benchmark data set)', () => {
    const writes = generateDemoData({
      rows: 900,
      seed: 7,
      now: T0,
      policy: DEFAULT_POLICY,
      callbackShare: 1,
    });
    const count = (table: string) => writes.filter((w) => w.table === table).length;
    expect(count('inquiries')).toBeGreaterThan(0);
    expect(count('callbacks')).toBe(count('inquiries'));
    const mixed = generateDemoData({ rows: 900, seed: 7, now: T0, policy: DEFAULT_POLICY });
    const mixedCount = (table: string) => mixed.filter((w) => w.table === table).length;
    expect(mixedCount('callbacks')).toBeLessThan(mixedCount('inquiries'));
  });

  it('gives every team a service request past its target date (so a lead has one to follow)', () => {
    const writes = generateDemoData({ rows: 50, seed: 7, now: T0, policy: DEFAULT_POLICY });
    const today = dayKeyOf(T0, DEFAULT_POLICY);
    const past = writes.flatMap((w) =>
      w.table === 'service_requests' && w.row.status === 'open' && w.row.targetDate < today
        ? [w.row.team]
        : [],
    );
    expect(new Set(past)).toEqual(new Set(DEMO_TEAMS));
  });

  it('keeps that request past its target whatever the hour the data is made (around-the-clock hours too)', () => {
    const aroundTheClock = {
      ...DEFAULT_POLICY,
      callbackHours: {
        ...DEFAULT_POLICY.callbackHours,
        daily: { start: '00:00', end: '23:59' },
        weekdays: [0, 1, 2, 3, 4, 5, 6],
      },
    };
    const missed: string[] = [];
    for (const policy of [DEFAULT_POLICY, aroundTheClock])
      // Every 37 minutes over a week: each time of day and each weekday.
      for (let now = T0; now < T0 + 7 * 24 * 3_600_000; now += 37 * 60_000) {
        const teams = new Set(
          generateDemoData({ rows: 50, seed: 7, now, policy }).flatMap((w) =>
            w.table === 'service_requests' && isPastTarget(w.row, now, policy) ? [w.row.team] : [],
          ),
        );
        for (const team of DEMO_TEAMS)
          if (!teams.has(team)) missed.push(`${team} at ${new Date(now).toISOString()}`);
      }
    expect(missed).toEqual([]);
  });

  it('loads the starter scripts and refuses to start on a broken scripts folder', async () => {
    const loaded = loadScriptFiles(SCRIPTS);
    expect(loaded.ok && loaded.value.map((f) => f.fileName)).toEqual(indexed);
    const dir = mkdtempSync(join(tmpdir(), 'agent-desk-scripts-'));
    const data = mkdtempSync(join(tmpdir(), 'agent-desk-server-'));
    try {
      writeFileSync(join(dir, 'broken.v1.json'), '{"id":"broken"');
      expect(loadScriptFiles(dir)).toMatchObject({ ok: false, error: { code: 'scripts.invalid' } });
      await expect(
        startServer({ dataDir: data, port: 0, demoRows: 0, logLevel: 'silent', scriptsDir: dir }),
      ).rejects.toThrow(/broken\.v1\.json is not a valid script/);
      expect(loadScriptFiles(join(dir, 'missing'))).toMatchObject({
        ok: false,
        error: { code: 'scripts.folder_unreadable' },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    }
  });
});

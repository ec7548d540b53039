import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPageSchema, type AuditPage } from '../../../src/shared/admin/audit';
import { baseWorld } from './fixtures';
import { connectAgent, patchUser, signIn, startTestServer, writeFixture, type TestServer } from './helpers';

describe('administrators read the audit trail', () => {
  let t: TestServer;
  let admin: string;
  const search = async (query: Record<string, string | number>, token = admin) => {
    const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const response = await fetch(`${t.server.url}/api/admin/audit?${params}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const json = (await response.json()) as { value: unknown; error?: { code: string } };
    return {
      status: response.status,
      json,
      page: response.status === 200 ? auditPageSchema.parse(json.value) : null,
    };
  };
  const actions = (page: AuditPage | null) =>
    page?.events.map((e) => `${e.action} ${e.entityId ?? ''}`.trim());

  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, baseWorld());
    admin = (await signIn(t.server, 'admin.grace', 'demo-password-7')).token;
    expect((await patchUser(t.server, admin, 'u-tier2-dev', { active: false })).status).toBe(200);
    t.clock.advance(60_000);
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    await alice.pullAll(0);
    await alice.push(
      { name: 'callback.claim@1', args: { callbackId: 'cb-1' } },
      // An id that looks like a spreadsheet formula (ids may start with @).
      { name: 'callback.claim@1', args: { callbackId: '@SUM:A1' } },
    );
    alice.socket.close();
    const bruno = await connectAgent(t.server, 'tier1.bruno', 'demo-password-2');
    await bruno.pullAll(0);
    await bruno.push({ name: 'callback.claim@1', args: { callbackId: 'cb-9' } });
    bruno.socket.close();
  });
  afterAll(async () => t.dispose());

  it('finds by user, by action (or its prefix) and by record', async () => {
    expect(actions((await search({ actor: 'u-admin-grace', action: 'admin.user.' })).page)).toEqual([
      'admin.user.disable u-tier2-dev',
    ]);
    expect(actions((await search({ entityType: 'callbacks', entityId: 'cb-9' })).page)).toEqual([
      'callback.claim@1 cb-9',
    ]);
  });

  it('finds everything about a customer: their records’ changes and every delivery of them', async () => {
    const found = (await search({ customer: 'cu-1' })).page;
    expect(actions(found)).toEqual(expect.arrayContaining(['callback.claim@1 cb-1', 'sync.pull.viewed']));
    expect(found?.events.every((e) => e.entityId !== 'cb-9')).toBe(true);
    expect(found?.events.find((e) => e.action === 'sync.pull.viewed')?.actorName).toBe('tier1.alice');
    expect(actions((await search({ customer: 'cu-9' })).page)).toEqual(
      expect.arrayContaining(['callback.claim@1 cb-9', 'sync.pull.viewed']),
    );
  });

  it('limits by time range and pages back in time', async () => {
    const before = (await search({ to: t.clock.now })).page;
    expect(actions(before)).toContain('admin.user.disable u-tier2-dev');
    expect(actions(before)).not.toContain('callback.claim@1 cb-1');
    const first = (await search({ action: 'callback.claim@1', limit: 2 })).page;
    expect(first?.events).toHaveLength(2);
    const rest = (await search({ action: 'callback.claim@1', limit: 2, before: first?.next ?? 0 })).page;
    expect(rest?.events.map((e) => e.entityId)).toEqual(['cb-1']);
    expect(rest?.next).toBeNull();
  });

  it('audits every look at the audit trail, with the filters', async () => {
    await search({ customer: 'cu-1', from: 1 });
    const views = (await search({ action: 'admin.audit.search', limit: 1 })).page;
    expect(JSON.parse(views?.events[0]?.detail ?? '{}')).toMatchObject({
      filters: { customer: 'cu-1', from: 1 },
    });
  });

  it('exports CSV: RFC 4180 lines, formulas neutralized, the export audited', async () => {
    const response = await fetch(`${t.server.url}/api/admin/audit.csv?action=callback.claim%401`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="agent-desk-audit-/);
    const text = await response.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'id,at (UTC),actor id,actor user name,action,record kind,record id,outcome,source address,desktop,detail',
    );
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(5);
    expect(text).toContain(",'@SUM:A1,");
    expect(text).toContain('"{""code"":""callback.not_found""}"');
    expect(actions((await search({ action: 'admin.audit.export' })).page)).toEqual(['admin.audit.export']);
  });

  it('is for administrators only, with checked filters', async () => {
    const lead = (await signIn(t.server, 'lead.erin', 'demo-password-5')).token;
    expect((await search({}, lead)).status).toBe(403);
    const bad = await search({ from: 10, to: 5 });
    expect(bad).toMatchObject({ status: 400, json: { error: { code: 'http.bad_request' } } });
  });
});

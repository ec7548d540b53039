import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptCheckSchema, scriptListSchema } from '../../../src/shared/admin/scripts';
import { ADMIN_REASON, connectAgent, postJson, signIn, startTestServer, type TestServer } from './helpers';

const SCRIPTS_DIR = resolve('resources/scripts');
const v1 = JSON.parse(readFileSync(`${SCRIPTS_DIR}/case-status.v1.json`, 'utf8')) as {
  version: number;
  title: { en: string; es: string };
  steps: Record<string, { kind: string; text?: { en: string; es: string } }>;
};

async function getJson(url: string, token: string) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, json: (await response.json()) as { ok: boolean; value: unknown } };
}

describe('administrators manage scripts', () => {
  let t: TestServer;
  let admin: string;
  beforeAll(async () => {
    t = await startTestServer({ scriptsDir: SCRIPTS_DIR });
    admin = (await signIn(t.server, 'admin.grace', 'demo-password-7')).token;
  });
  afterAll(async () => t.dispose());

  it('lists every script with the version desktops offer', async () => {
    const listed = await getJson(`${t.server.url}/api/admin/scripts`, admin);
    const list = scriptListSchema.parse(listed.json.value);
    const caseStatus = list.scripts.find((s) => s.scriptId === 'case-status');
    expect(caseStatus).toMatchObject({ offered: 1, versions: [{ scriptVersion: 1, published: true }] });
  });

  it('shows the validator’s findings before publishing, and the offered version to compare with', async () => {
    const broken = structuredClone(v1);
    broken.version = 2;
    broken.steps['intro'] = { ...broken.steps['intro'], kind: 'say', text: { en: 'Hello', es: '' } } as never;
    broken.steps['orphan'] = {
      kind: 'say',
      text: { en: 'Never reached', es: 'Nunca' },
      next: 'resolved',
    } as never;
    const checked = await postJson(`${t.server.url}/api/admin/scripts/check`, { content: broken }, admin);
    const check = scriptCheckSchema.parse(checked.json.value);
    expect(check).toMatchObject({ scriptId: 'case-status', scriptVersion: 2, versionTaken: false });
    expect(check.problems.map((p) => [p.code, p.stepId])).toEqual(
      expect.arrayContaining([
        ['missing-translation', 'intro'],
        ['unreachable', 'orphan'],
      ]),
    );
    expect(check.offered?.scriptVersion).toBe(1);
    expect(check.offered?.content).toEqual(v1);
    // Nothing was stored by checking.
    const published = await postJson(
      `${t.server.url}/api/admin/scripts`,
      { scriptId: 'case-status', scriptVersion: 2, content: broken, reason: ADMIN_REASON },
      admin,
    );
    expect(published.status).toBe(400);
    expect(published.json.error.code).toBe('script.invalid');
  });

  it('publishes a version with a reason; desktops pull it; retiring offers the previous one again', async () => {
    const v2 = {
      ...structuredClone(v1),
      version: 2,
      title: { en: 'Case status (v2)', es: 'Estado del caso (v2)' },
    };
    const published = await postJson(
      `${t.server.url}/api/admin/scripts`,
      {
        scriptId: 'case-status',
        scriptVersion: 2,
        content: v2,
        reason: { code: 'script-update', ticket: 'CHG-77' },
      },
      admin,
    );
    expect(published).toMatchObject({ status: 201, json: { value: { id: 'case-status@2' } } });
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const rows = (await alice.pullAll(0)).rows.filter((r) => r.id === 'case-status@2');
    expect(rows).toMatchObject([{ table: 'scripts', data: { published: true, scriptVersion: 2 } }]);
    const cursor = (await alice.pullAll(0)).cursor;

    const retired = await postJson(
      `${t.server.url}/api/admin/scripts/case-status@2/retire`,
      { reason: { code: 'script-update' } },
      admin,
    );
    expect(retired.status).toBe(200);
    // The retired version stays in every cache (a form in progress keeps it), marked not offered.
    const changed = (await alice.pullAll(cursor)).rows.filter((r) => r.id === 'case-status@2');
    expect(changed).toMatchObject([{ data: { published: false, retiredAt: t.clock.now, content: v2 } }]);
    alice.socket.close();
    const list = scriptListSchema.parse(
      (await getJson(`${t.server.url}/api/admin/scripts`, admin)).json.value,
    );
    expect(list.scripts.find((s) => s.scriptId === 'case-status')?.offered).toBe(1);
    const again = await postJson(
      `${t.server.url}/api/admin/scripts/case-status@2/retire`,
      { reason: ADMIN_REASON },
      admin,
    );
    expect(again).toMatchObject({ status: 409, json: { error: { code: 'script.already_retired' } } });
    const audit = await t.server.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'detail'])
      .where('action', 'like', 'admin.script.%')
      .execute();
    expect(audit).toEqual([
      {
        action: 'admin.script.publish',
        entity_id: 'case-status@2',
        detail: '{"reason":"script-update","ticket":"CHG-77"}',
      },
      { action: 'admin.script.retire', entity_id: 'case-status@2', detail: '{"reason":"script-update"}' },
    ]);
  });

  it('is for administrators only', async () => {
    const lead = (await signIn(t.server, 'lead.erin', 'demo-password-5')).token;
    expect((await getJson(`${t.server.url}/api/admin/scripts`, lead)).status).toBe(403);
    expect((await postJson(`${t.server.url}/api/admin/scripts/check`, { content: v1 }, lead)).status).toBe(
      403,
    );
    expect(
      (
        await postJson(
          `${t.server.url}/api/admin/scripts/case-status@1/retire`,
          { reason: ADMIN_REASON },
          lead,
        )
      ).status,
    ).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowWrite } from '../../../src/shared/sync/mutator';
import { leadReportSchema } from '../../../src/shared/reports/report-schema';
import { rowData } from '../../fixtures/rows';
import { recomputeReport, reportFigures, reportWorld, type ReportWorld } from '../../support/report-world';
import { policy, signIn, startTestServer, writeFixture, type TestServer } from './helpers';

const writes = (world: ReportWorld): RowWrite[] => [
  ...world.callbacks.map((row) => ({ table: 'callbacks' as const, row: rowData(row) })),
  ...world.expedites.map((row) => ({ table: 'expedite_requests' as const, row: rowData(row) })),
  ...world.appointments.map((row) => ({ table: 'appointment_requests' as const, row: rowData(row) })),
  ...world.wrapUps.map((row) => ({ table: 'wrap_ups' as const, row: rowData(row) })),
];

const merged = (a: ReportWorld, b: ReportWorld): ReportWorld => ({
  callbacks: [...a.callbacks, ...b.callbacks],
  expedites: [...a.expedites, ...b.expedites],
  appointments: [...a.appointments, ...b.appointments],
  wrapUps: [...a.wrapUps, ...b.wrapUps],
});

describe('reports for leads (computed on the server from stored rows)', () => {
  let t: TestServer;
  const alpha = reportWorld('alpha', Date.UTC(2025, 1, 20), 50, 300, 1);
  const bravo = reportWorld('bravo', Date.UTC(2025, 1, 20), 50, 200, 2);
  const range = { from: '2025-03-01', to: '2025-03-31' };
  const now = Date.UTC(2025, 2, 28, 15, 30);
  const tokens: Record<string, string> = {};

  const get = async (path: string, query: Record<string, string>, token: string | undefined) => {
    const response = await fetch(`${t.server.url}${path}?${new URLSearchParams(query)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const text = await response.text();
    return { status: response.status, text, headers: response.headers };
  };
  const report = async (query: Record<string, string>, who: string) => {
    const answer = await get('/api/reports/lead', query, tokens[who]);
    return {
      status: answer.status,
      json: JSON.parse(answer.text) as { value?: unknown; error?: { code: string } },
    };
  };

  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, [...writes(alpha), ...writes(bravo)]);
    // Late in the month: some of it is past due, the rest still ahead.
    t.clock.now = now;
    for (const [who, password] of [
      ['lead.erin', 'demo-password-5'],
      ['lead.farid', 'demo-password-6'],
      ['admin.grace', 'demo-password-7'],
      ['tier1.alice', 'demo-password-1'],
    ] as const) {
      tokens[who] = (await signIn(t.server, who, password)).token;
    }
  });
  afterAll(async () => t.dispose());

  it("gives a lead their own team's figures, each matching an independent recomputation from the rows", async () => {
    const { status, json } = await report(range, 'lead.erin');
    expect(status).toBe(200);
    const value = leadReportSchema.parse(json.value);
    expect(value.team).toBe('alpha');
    const expected = recomputeReport(alpha, range, now, policy.callbackHours.timeZone);
    expect(Object.fromEntries(reportFigures(value))).toEqual(Object.fromEntries(expected));
  });

  it('gives an administrator one team or all teams together', async () => {
    const tz = policy.callbackHours.timeZone;
    const one = leadReportSchema.parse((await report({ ...range, team: 'bravo' }, 'admin.grace')).json.value);
    expect(Object.fromEntries(reportFigures(one))).toEqual(
      Object.fromEntries(recomputeReport(bravo, range, now, tz)),
    );
    const all = leadReportSchema.parse((await report(range, 'admin.grace')).json.value);
    expect(all.team).toBeNull();
    expect(Object.fromEntries(reportFigures(all))).toEqual(
      Object.fromEntries(recomputeReport(merged(alpha, bravo), range, now, tz)),
    );
  });

  it("refuses another team's report to a lead (whether or not the team exists), and reports to agents", async () => {
    for (const team of ['bravo', 'no-such-team']) {
      const refused = await report({ ...range, team }, 'lead.erin');
      expect(refused.status).toBe(403);
      expect(refused.json.error?.code).toBe('auth.forbidden');
    }
    expect((await report(range, 'tier1.alice')).status).toBe(403);
    expect((await get('/api/reports/lead', range, undefined)).status).toBe(401);
  });

  it('refuses a bad range with a sentence that names it', async () => {
    const backwards = await report({ from: '2025-03-31', to: '2025-03-01' }, 'lead.erin');
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.json.error)).toContain('ends before it starts');
    expect((await report({ from: 'yesterday', to: '2025-03-01' }, 'lead.erin')).status).toBe(400);
  });

  it('exports the same figures as CSV (RFC 4180) and audits both reads', async () => {
    const csv = await get('/api/reports/lead.csv', range, tokens['lead.erin']);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(
      'agent-desk-report-alpha-2025-03-01-to-2025-03-31.csv',
    );
    const lines = csv.text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('figure,category,measure,value');
    const read = Object.fromEntries(
      lines.slice(1).map((line) => {
        const [figure, category, measure, value] = line.split(',');
        return [`${figure}|${category}|${measure}`, value === '' ? null : Number(value)];
      }),
    );
    expect(read).toEqual(
      Object.fromEntries(recomputeReport(alpha, range, now, policy.callbackHours.timeZone)),
    );
    const audited = await t.server.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'detail'])
      .where('action', 'in', ['report.view', 'report.export'])
      .where('actor_id', '=', 'u-lead-erin')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['report.view', 'report.export']));
    expect(JSON.parse(audited[0]?.detail ?? '{}')).toMatchObject({ team: 'alpha', from: '2025-03-01' });
  });
});

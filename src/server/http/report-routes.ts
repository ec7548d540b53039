import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { leadReportCsv, leadReportFileName } from '../../shared/reports/report-csv';
import { reportQuerySchema } from '../../shared/reports/report-query';
import { REPORT_ROLES } from '../../shared/sync/authorization';
import { leadReport } from '../reports/lead-reports';
import { fail, parseRequest, requireRole } from './replies';
import type { RouteDeps } from './routes';

/**
 * Reports for leads (docs/protocol.md, "Reports"): a lead reads their own team's, an
 * administrator any team's or all teams' together. JSON for the screen, CSV to export;
 * both computed from the stored rows at the time of asking, and audited.
 */
export function registerReportRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const prepare = async (request: FastifyRequest, reply: FastifyReply) => {
    const session = await requireRole(
      deps.auth,
      request,
      reply,
      REPORT_ROLES,
      'Only team leads and administrators can read reports.',
    );
    if (!session) return undefined;
    const query = parseRequest(reportQuerySchema, request.query, reply, 'query');
    if (!query) return undefined;
    const { user } = session;
    if (user.role === 'lead' && query.team !== undefined && query.team !== user.team) {
      void fail(reply, 403, 'auth.forbidden', 'A team lead reads the reports of their own team only.');
      return undefined;
    }
    const team = user.role === 'lead' ? user.team : (query.team ?? null);
    const now = deps.clock();
    return { query, team, reader: { userId: user.id, ip: request.ip, now, policy: deps.policies.at(now) } };
  };

  app.get('/api/reports/lead', async (request, reply) => {
    const asked = await prepare(request, reply);
    if (!asked) return;
    const report = await leadReport(deps.db, asked.query, asked.team, asked.reader, 'report.view');
    return { ok: true, value: report };
  });

  app.get('/api/reports/lead.csv', async (request, reply) => {
    const asked = await prepare(request, reply);
    if (!asked) return;
    const report = await leadReport(deps.db, asked.query, asked.team, asked.reader, 'report.export');
    return reply
      .type('text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="${leadReportFileName(report)}"`)
      .header('x-agent-desk-truncated', 'false')
      .send(leadReportCsv(report));
  });
}

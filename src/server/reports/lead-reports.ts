import type { Policy } from '../../shared/domain/policy';
import { buildLeadReport, type LeadReport } from '../../shared/reports/lead-report';
import type { ReportQuery } from '../../shared/reports/report-query';
import { appendAudit } from '../audit';
import type { Db } from '../storage/database';
import { readEntityRows } from '../storage/entity-rows';

export interface ReportReader {
  userId: string;
  ip: string | null;
  now: number;
  /** The policy in force now: its callback-hours zone says where a day starts. */
  policy: Policy;
}

/**
 * A lead report from the stored rows of one team (or of every team: `team` null), and
 * an audit row that it was read (who, which team and range; no figures).
 */
export async function leadReport(
  db: Db,
  query: ReportQuery,
  team: string | null,
  reader: ReportReader,
  action: 'report.view' | 'report.export',
): Promise<LeadReport> {
  const teams = team === null ? undefined : [team];
  const [callbacks, expedites, appointments, wrapUps] = await Promise.all([
    readEntityRows(db, 'callbacks', teams),
    readEntityRows(db, 'expedite_requests', teams),
    readEntityRows(db, 'appointment_requests', teams),
    readEntityRows(db, 'wrap_ups', teams),
  ]);
  const report = buildLeadReport(
    query,
    team,
    { callbacks, expedites, appointments, wrapUps },
    reader.now,
    reader.policy,
  );
  await appendAudit(db, {
    at: reader.now,
    actorId: reader.userId,
    action,
    entityType: 'report',
    sourceIp: reader.ip,
    outcome: 'ok',
    detail: { team, from: query.from, to: query.to },
  });
  return report;
}

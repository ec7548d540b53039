import { useId, useState } from 'react';
import type { LeadReport } from '../../../../shared/reports/lead-report';
import { leadReportFileName } from '../../../../shared/reports/report-csv';
import type { ReportQuery } from '../../../../shared/reports/report-query';
import { TREND_DAYS } from '../../../../shared/supervisor/charts';
import { daysEndingAt } from '../../../../shared/supervisor/days';
import { useT } from '../../i18n';
import { formatInstant, formatZone } from '../../i18n/format';
import { useNow } from '../../state/clock-store';
import { usePolicy, useSessionStore } from '../../state/session-store';
import { download } from '../admin/download';
import { CallOutcome, useAdminCall } from '../admin/use-admin-call';
import { ReportPanel } from './ReportPanel';
import '../admin/Admin.css';
import '../supervisor/Supervisor.css';
import './Reports.css';

/**
 * Reports for leads (issue 17, part 2): pick a range of days (an administrator also a
 * team, or all), read each figure as a chart with its table, export the figures as
 * CSV, or print the page. The server computes everything from its stored rows.
 */
export function ReportsScreen() {
  const t = useT();
  const m = t.reports;
  const user = useSessionStore((s) => s.session?.user);
  const { run, busy, error, notice } = useAdminCall();
  const [report, setReport] = useState<LeadReport | null>(null);
  const [query, setQuery] = useState<ReportQuery | null>(null);
  const zone = usePolicy().callbackHours.timeZone;
  if (!user || (user.role !== 'lead' && user.role !== 'admin')) return <p role="alert">{m.onlyLeads}</p>;

  const show = async (q: ReportQuery) => {
    const value = await run('reports.lead', q);
    if (!value) return;
    setQuery(q);
    setReport(value);
  };
  const exportCsv = async () => {
    if (!query || !report) return;
    const file = await run('reports.lead.export', query, (v) =>
      m.exported(Math.max(0, v.text.split('\r\n').length - 2)),
    );
    if (file) download(file.text, leadReportFileName(report));
  };
  const who = (r: LeadReport) => (r.team === null ? m.allTeams : m.teamOf(r.team));

  return (
    <div className="reports">
      <h1>{m.title}</h1>
      <p className="field-hint report-intro">{m.intro}</p>
      <ReportForm admin={user.role === 'admin'} team={user.team} busy={busy} onShow={(q) => void show(q)} />
      <CallOutcome error={error} notice={notice} />
      {report ? (
        <>
          <div className="actions report-actions">
            <button type="button" disabled={busy} onClick={() => void exportCsv()}>
              {m.exportCsv}
            </button>
            <button type="button" onClick={() => window.print()}>
              {m.print}
            </button>
          </div>
          <h2 className="report-heading" data-testid="report-heading">
            {m.heading(who(report), report.from, report.to)}
          </h2>
          <p className="field-hint">
            {m.generated(
              formatInstant(report.generatedAt, zone),
              formatZone(report.timeZone, report.generatedAt),
            )}
          </p>
          <div className="report-grid">
            {report.charts.map((chart) => (
              <ReportPanel key={chart.id} chart={chart} />
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}

function ReportForm(props: { admin: boolean; team: string; busy: boolean; onShow(q: ReportQuery): void }) {
  const m = useT().reports;
  const id = useId();
  const policy = usePolicy();
  const now = useNow();
  // The last TREND_DAYS days of the center, as the supervisor view's charts show.
  const [initial] = useState(() => daysEndingAt(now, TREND_DAYS, policy));
  const [from, setFrom] = useState(initial[0]?.key ?? '');
  const [to, setTo] = useState(initial.at(-1)?.key ?? '');
  const [team, setTeam] = useState('');
  return (
    <form
      className="admin-filters report-controls"
      aria-label={m.form}
      onSubmit={(e) => {
        e.preventDefault();
        props.onShow({ from, to, ...(props.admin && team.trim() ? { team: team.trim() } : {}) });
      }}
    >
      {props.admin ? (
        <div className="field">
          <label htmlFor={`${id}-team`}>{m.team}</label>
          <input id={`${id}-team`} value={team} maxLength={40} onChange={(e) => setTeam(e.target.value)} />
        </div>
      ) : (
        <p className="report-team">{m.teamOf(props.team)}</p>
      )}
      <div className="field">
        <label htmlFor={`${id}-from`}>{m.from}</label>
        <input
          id={`${id}-from`}
          type="date"
          required
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{m.to}</label>
        <input id={`${id}-to`} type="date" required value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <button type="submit" className="primary" disabled={props.busy}>
        {m.show}
      </button>
    </form>
  );
}

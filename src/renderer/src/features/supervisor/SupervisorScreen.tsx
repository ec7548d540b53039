import { useRef } from 'react';
import type { FigureId } from '../../../../shared/supervisor';
import { useT } from '../../i18n';
import { formatClock } from '../../i18n/format';
import { usePolicy, useSessionStore } from '../../state/session-store';
import { Board, figureLabel } from './Board';
import { ChartPanel } from './charts/ChartPanel';
import { DrillDown } from './DrillDown';
import { Forecast } from './Forecast';
import { EscalationsWaiting } from './EscalationsWaiting';
import { HandleTimes } from './HandleTimes';
import { Roster } from './Roster';
import { useSupervisorStore } from './supervisor-store';
import { useSupervisorFeed } from './use-supervisor-feed';
import './Supervisor.css';
import { errorText } from '../../i18n/error-text';

/** The team lead's screen: live board → drill-down and actions, roster, trends, breach forecast. */
export function SupervisorScreen() {
  const t = useT();
  const role = useSessionStore((s) => s.session?.user?.role);
  if (role !== 'lead') {
    return (
      <>
        <h1>{t.supervisor.title}</h1>
        <p className="notice">{t.supervisor.onlyLeads}</p>
      </>
    );
  }
  return <LeadScreen />;
}

function LeadScreen() {
  const t = useT();
  const m = t.supervisor;
  const zone = usePolicy().callbackHours.timeZone;
  useSupervisorFeed();
  const snapshot = useSupervisorStore((s) => s.snapshot);
  const status = useSupervisorStore((s) => s.status);
  const error = useSupervisorStore((s) => s.error);
  const drill = useSupervisorStore((s) => s.drill);
  const openDrill = useSupervisorStore((s) => s.openDrill);
  const lastFigureButton = useRef<HTMLButtonElement | null>(null);

  const open = (figure: FigureId, button: HTMLButtonElement) => {
    lastFigureButton.current = button;
    openDrill({ figure, urgency: null });
  };
  const close = () => {
    openDrill(null);
    lastFigureButton.current?.focus();
  };
  const linkState = status.state === 'off' && snapshot ? 'connecting' : status.state;
  const online = snapshot?.roster.filter((r) => r.presence !== 'offline').length ?? 0;
  const count = drill && snapshot ? snapshot.board.figures[drill.figure] : null;
  const names = new Map(snapshot?.roster.map((r) => [r.userId, r.name]) ?? []);

  return (
    <div className="supervisor">
      <div className="sv-header">
        <h1>{m.title}</h1>
        <p className="sv-link" data-testid="supervisor-link" data-state={linkState}>
          <span className={`sv-link-state sv-link-state--${linkState}`}>
            <span aria-hidden="true">{linkState === 'live' ? '●' : '○'}</span> {m.link[linkState]}
          </span>
          {snapshot ? (
            <>
              {' · '}
              {m.teamOf(snapshot.team)}
              {' · '}
              {/* Not live: the figures are as of their time and may be out of date (issue 13 item 7). */}
              {linkState === 'live'
                ? m.link.updated(formatClock(snapshot.at, zone))
                : m.link.figuresFrom(formatClock(snapshot.at, zone))}
            </>
          ) : null}
          {status.state === 'offline' && status.retryAt ? (
            <> · {m.link.retryAt(formatClock(status.retryAt, zone))}</>
          ) : null}
        </p>
      </div>
      {error ? (
        <p role="alert" className="error-box">
          {error}
        </p>
      ) : null}
      {status.error && status.state !== 'live' ? (
        <p className="field-hint">{errorText(status.error, t)}</p>
      ) : null}
      {!snapshot ? (
        <p role="status">{t.app.loading}</p>
      ) : (
        <>
          <Board board={snapshot.board} selected={drill?.figure ?? null} onOpen={open} />
          {drill && count ? (
            <DrillDown
              target={drill}
              figureLabel={figureLabel(drill.figure, snapshot.board.dueSoonHours, m)}
              revision={`${count.total}/${count.urgent}/${count.nonUrgent}`}
              onClose={close}
              onUrgency={(urgency) => openDrill({ figure: drill.figure, urgency })}
            />
          ) : null}
          <Roster roster={snapshot.roster} />
          <EscalationsWaiting escalations={snapshot.escalations} names={names} now={snapshot.at} />
          <HandleTimes report={snapshot.handleTimes} names={names} />
          <section aria-labelledby="sv-charts-title">
            <h2 id="sv-charts-title">{m.charts.title}</h2>
            <div className="sv-charts">
              <ChartPanel chart={snapshot.charts.slaCompliance} kind="line" />
              <ChartPanel chart={snapshot.charts.backlogByDueDay} kind="bar" />
              <ChartPanel chart={snapshot.charts.attemptOutcomes} kind="bar" />
            </div>
          </section>
          <Forecast agentsOnline={online} />
        </>
      )}
    </div>
  );
}

import { FIGURE_IDS, type FigureId } from '../../../../shared/supervisor';
import type { SupervisorSnapshotView } from '../../../../shared/ipc';
import { useT } from '../../i18n';

/**
 * The live figures. Each is a button that opens the callbacks behind it; the
 * count, its urgent/non-urgent split and the figure's name are all text.
 */
export function Board(props: {
  board: SupervisorSnapshotView['board'];
  selected: FigureId | null;
  onOpen(figure: FigureId, button: HTMLButtonElement): void;
}) {
  const t = useT();
  const m = t.supervisor;
  return (
    <section className="panel sv-board" aria-labelledby="sv-board-title">
      <h2 id="sv-board-title">{m.board.title}</h2>
      <p className="field-hint">{m.board.intro}</p>
      <ul className="sv-figures">
        {FIGURE_IDS.map((figure) => {
          const count = props.board.figures[figure];
          const label = figureLabel(figure, props.board.dueSoonHours, m);
          return (
            <li key={figure}>
              <button
                type="button"
                className={`sv-figure sv-figure--${figure}`}
                data-figure={figure}
                aria-pressed={props.selected === figure}
                aria-describedby={`sv-figure-desc-${figure}`}
                onClick={(e) => props.onOpen(figure, e.currentTarget)}
              >
                <span className="sv-figure-label">{label}</span>
                <span className="sv-figure-total" data-testid={`figure-${figure}`}>
                  {count.total}
                </span>
                <span className="sv-figure-split">{m.board.split(count.urgent, count.nonUrgent)}</span>
              </button>
              <span id={`sv-figure-desc-${figure}`} className="visually-hidden">
                {m.figures[figure].description}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function figureLabel(
  figure: FigureId,
  dueSoonHours: number,
  m: ReturnType<typeof useT>['supervisor'],
): string {
  return figure === 'due-soon' ? m.dueSoonLabel(dueSoonHours) : m.figures[figure].label;
}

import type { ScriptDiff } from '../../../../shared/scripts/diff';
import { useT } from '../../i18n';

/** The side-by-side diff: the published version's lines on the left, the new one's on the right. */
export function ScriptDiffTable({ offered, diff }: { offered: number | null; diff: ScriptDiff | null }) {
  const m = useT().admin.scripts.diff;
  return (
    <section aria-labelledby="admin-script-diff">
      <h3 id="admin-script-diff">{m.title}</h3>
      {diff === null || offered === null ? (
        <p>{m.none}</p>
      ) : (
        <>
          <p role="status">{m.summary(diff.added, diff.removed, diff.changed)}</p>
          <div className="admin-scroll" tabIndex={0} role="region" aria-label={m.title}>
            <table className="admin-table admin-diff">
              <thead>
                <tr>
                  <th scope="col">{m.before(offered)}</th>
                  <th scope="col">{m.after}</th>
                </tr>
              </thead>
              <tbody>
                {diff.rows
                  .filter((r) => r.kind !== 'same')
                  .map((r, i) => (
                    <tr key={i} className={`admin-diff--${r.kind}`}>
                      <td>
                        {r.before === null ? null : (
                          <>
                            <span className="visually-hidden">{m.kinds[r.kind]}: </span>
                            <code>{r.before}</code>
                          </>
                        )}
                      </td>
                      <td>
                        {r.after === null ? null : (
                          <>
                            <span className="visually-hidden">{m.kinds[r.kind]}: </span>
                            <code>{r.after}</code>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

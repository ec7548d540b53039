import { useCallback, useEffect, useState } from 'react';
import type { ScriptList } from '../../../../shared/admin/scripts';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { useReason } from './ReasonFields';
import { ScriptUpload } from './ScriptUpload';
import { CallOutcome, useAdminCall } from './use-admin-call';
import './Admin.css';
import { AdminTable } from './AdminTable';

/** Administrators: the published scripts and their versions (retire one), and a new version's upload. */
export function ScriptsScreen() {
  const m = useT().admin.scripts;
  const { run, error } = useAdminCall();
  const [list, setList] = useState<ScriptList | null>(null);
  const load = useCallback(async () => {
    const value = await run('admin.scripts.list', {});
    if (value) setList(value);
  }, [run]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="admin">
      <h1>{m.title}</h1>
      <CallOutcome error={error} />
      {list ? <ScriptVersions list={list} onChanged={() => void load()} /> : null}
      <ScriptUpload onPublished={() => void load()} />
    </div>
  );
}

function ScriptVersions({ list, onChanged }: { list: ScriptList; onChanged(): void }) {
  const m = useT().admin.scripts;
  const language = useUiStore((s) => s.language);
  const zone = usePolicy().callbackHours.timeZone;
  const { run, busy, error, notice } = useAdminCall();
  const reason = useReason('script-update');
  const retire = async (id: string) => {
    if (!reason.reason) return;
    if (await run('admin.scripts.retire', { id, reason: reason.reason }, () => m.retiredDone(id)))
      onChanged();
  };
  return (
    <section className="panel" aria-labelledby="admin-scripts-published">
      <h2 id="admin-scripts-published">{m.published}</h2>
      <AdminTable
        columns={[
          m.columns.script,
          m.columns.version,
          m.columns.state,
          m.columns.publishedAt,
          m.columns.actions,
        ]}
      >
        {list.scripts.flatMap((s) =>
          s.versions.map((v) => (
            <tr key={v.id} data-testid={`script-${v.id}`}>
              <th scope="row">
                {s.title[language]} <span className="field-hint">({s.scriptId})</span>
              </th>
              <td>{v.scriptVersion}</td>
              <td>
                {v.retiredAt !== null
                  ? m.retired(formatInstant(v.retiredAt, zone))
                  : v.scriptVersion === s.offered
                    ? m.offered
                    : m.older}
              </td>
              <td>{v.publishedAt === null ? '—' : formatInstant(v.publishedAt, zone)}</td>
              <td>
                {v.retiredAt === null ? (
                  <button type="button" disabled={!reason.reason || busy} onClick={() => void retire(v.id)}>
                    {m.retire(v.id)}
                  </button>
                ) : null}
              </td>
            </tr>
          )),
        )}
      </AdminTable>
      {reason.fields}
      <CallOutcome error={error} notice={notice} />
    </section>
  );
}

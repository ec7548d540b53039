import { useCallback, useEffect, useState } from 'react';
import type { PolicyState } from '../../../../shared/admin/policy';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { PolicyEditor } from './PolicyEditor';
import { CallOutcome, useAdminCall } from './use-admin-call';
import './Admin.css';
import { AdminTable } from './AdminTable';

/** Administrators: the policy in force, its published and scheduled versions, and the editor. */
export function PolicyScreen() {
  const m = useT().admin.policy;
  const zone = usePolicy().callbackHours.timeZone;
  const { run, error } = useAdminCall();
  const [state, setState] = useState<PolicyState | null>(null);
  const [published, setPublished] = useState<string | null>(null);
  const load = useCallback(async () => {
    const value = await run('admin.policy.get', {});
    if (value) setState(value);
  }, [run]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="admin">
      <h1>{m.title}</h1>
      <CallOutcome error={error} notice={published} />
      {state ? (
        <>
          <p>
            {state.inForce.effectiveFrom === null
              ? m.inForceConfigured
              : m.inForce(formatInstant(state.inForce.effectiveFrom, zone))}
          </p>
          <PolicyVersions state={state} zone={zone} />
          <PolicyEditor
            key={state.inForce.id ?? 'configured'}
            current={state.inForce.policy}
            onPublished={(said) => {
              setPublished(said);
              useUiStore.getState().announce(said);
              void load();
            }}
          />
        </>
      ) : null}
    </div>
  );
}

function PolicyVersions({ state, zone }: { state: PolicyState; zone: string }) {
  const m = useT().admin.policy;
  if (state.versions.length === 0) return null;
  const stateOf = (id: string, from: number) =>
    id === state.inForce.id ? 'current' : from > state.now ? 'future' : 'past';
  return (
    <section className="panel" aria-labelledby="admin-policy-versions">
      <h2 id="admin-policy-versions">{m.scheduled}</h2>
      <AdminTable columns={[m.columns.effective, m.columns.published, m.columns.by, m.columns.state]}>
        {[...state.versions].reverse().map((v) => (
          <tr key={v.id}>
            <th scope="row">{formatInstant(v.effectiveFrom, zone)}</th>
            <td>{formatInstant(v.createdAt, zone)}</td>
            <td>{v.createdBy}</td>
            <td>{m.states[stateOf(v.id, v.effectiveFrom)]}</td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}

import { useId, useState } from 'react';
import type { AdminUser } from '../../../../shared/admin/users';
import type { Role } from '../../../../shared/sync/rows/user';
import { useT } from '../../i18n';
import { OneTimePassword } from './OneTimePassword';
import { useReason } from './ReasonFields';
import { RoleTeamFields } from './RoleTeamFields';
import { CallOutcome, useAdminCall } from './use-admin-call';

interface Props {
  user: AdminUser;
  teams: string[];
  onChanged(): void;
  onClose(): void;
}

/**
 * One account's changes, each with the reason chosen above it: name, role and team (a
 * scope move), disable (every session and socket ends at once) or re-enable, reset the
 * password (a one-time password), unlock sign-in.
 */
export function ManageUser({ user, teams, onChanged, onClose }: Props) {
  const t = useT();
  const m = t.admin.users;
  const id = useId();
  const { run, busy, error, notice } = useAdminCall();
  const reason = useReason();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [team, setTeam] = useState(user.team);
  const [password, setPassword] = useState<string | null>(null);
  const edits = {
    ...(name.trim() !== user.name ? { name: name.trim() } : {}),
    ...(role !== user.role ? { role } : {}),
    ...(team.trim() !== user.team ? { team: team.trim() } : {}),
  };
  const can = reason.reason !== null && !busy;

  const act = async (
    patch: { active?: boolean; name?: string; role?: Role; team?: string },
    said: string,
  ) => {
    if (!reason.reason) return;
    const done = await run(
      'admin.users.update',
      { id: user.id, patch: { ...patch, reason: reason.reason } },
      () => said,
    );
    if (done) onChanged();
  };
  const reset = async () => {
    if (!reason.reason) return;
    const value = await run('admin.users.resetPassword', { id: user.id, reason: reason.reason });
    if (value) {
      setPassword(value.oneTimePassword);
      onChanged();
    }
  };
  const unlock = async () => {
    if (!reason.reason) return;
    if (
      await run('admin.users.unlock', { id: user.id, reason: reason.reason }, () =>
        m.edit.unlocked(user.username),
      )
    )
      onChanged();
  };

  return (
    <section className="panel admin-manage" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m.edit.title(user.username)}</h2>
      {reason.fields}
      {reason.reason ? null : <p className="field-hint">{t.admin.reason.missing}</p>}
      <fieldset>
        <legend>{m.edit.save}</legend>
        <div className="field">
          <label htmlFor={`${id}-name`}>{m.edit.name}</label>
          <input id={`${id}-name`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </div>
        <RoleTeamFields id={id} role={role} team={team} teams={teams} onRole={setRole} onTeam={setTeam} />
        <button
          type="button"
          className="primary"
          disabled={!can || Object.keys(edits).length === 0}
          onClick={() => void act(edits, m.edit.saved(user.username))}
        >
          {m.edit.save}
        </button>
      </fieldset>
      <div className="actions">
        {user.active ? (
          <button
            type="button"
            disabled={!can}
            aria-describedby={`${id}-disable-hint`}
            onClick={() => void act({ active: false }, m.edit.disabled(user.username))}
          >
            {m.edit.disable}
          </button>
        ) : (
          <button
            type="button"
            disabled={!can}
            onClick={() => void act({ active: true }, m.edit.enabled(user.username))}
          >
            {m.edit.enable}
          </button>
        )}
        <button
          type="button"
          disabled={!can}
          aria-describedby={`${id}-reset-hint`}
          onClick={() => void reset()}
        >
          {m.edit.reset}
        </button>
        {user.lockedUntil !== null ? (
          <button type="button" disabled={!can} onClick={() => void unlock()}>
            {m.edit.unlock}
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          {m.edit.close}
        </button>
      </div>
      <p id={`${id}-disable-hint`} className="field-hint">
        {m.edit.disableHint}
      </p>
      <p id={`${id}-reset-hint`} className="field-hint">
        {m.edit.resetHint}
      </p>
      <CallOutcome error={error} notice={notice} />
      {password ? <OneTimePassword username={user.username} password={password} /> : null}
    </section>
  );
}

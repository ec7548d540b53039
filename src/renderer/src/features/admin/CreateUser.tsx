import { useId, useState } from 'react';
import { usernameSchema } from '../../../../shared/admin/account-rules';
import type { Role } from '../../../../shared/sync/rows/user';
import { useT } from '../../i18n';
import { OneTimePassword } from './OneTimePassword';
import { useReason } from './ReasonFields';
import { RoleTeamFields } from './RoleTeamFields';
import { CallOutcome, useAdminCall } from './use-admin-call';

/** A new account: user name, name, role, team and why; the answer is a one-time password. */
export function CreateUser({ teams, onCreated }: { teams: string[]; onCreated(): void }) {
  const t = useT();
  const m = t.admin.users;
  const id = useId();
  const { run, busy, error, notice } = useAdminCall();
  const reason = useReason('new-hire');
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('tier1');
  const [team, setTeam] = useState(teams[0] ?? '');
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const usernameError = username === '' ? null : usernameSchema.safeParse(username).error?.issues[0]?.message;
  const ready = reason.reason && username && !usernameError && name.trim() && team.trim();

  const submit = async () => {
    if (!reason.reason) return;
    const value = await run(
      'admin.users.create',
      { username, name: name.trim(), role, team: team.trim(), reason: reason.reason },
      () => m.create.created(username),
    );
    if (!value) return;
    setCreated({ username, password: value.oneTimePassword });
    onCreated();
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m.create.title}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-username`}>{m.create.username}</label>
          <input
            id={`${id}-username`}
            value={username}
            autoComplete="off"
            required
            aria-invalid={usernameError ? true : undefined}
            aria-describedby={`${id}-username-hint`}
            onChange={(e) => setUsername(e.target.value.trim())}
          />
          <span id={`${id}-username-hint`} className={usernameError ? 'field-error' : 'field-hint'}>
            {usernameError ?? m.create.usernameHint}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{m.create.name}</label>
          <input
            id={`${id}-name`}
            value={name}
            required
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <RoleTeamFields
          id={id}
          role={role}
          team={team}
          teams={teams}
          required
          onRole={setRole}
          onTeam={setTeam}
        />
        {reason.fields}
        <button type="submit" className="primary" disabled={!ready || busy}>
          {m.create.submit}
        </button>
      </form>
      <CallOutcome error={error} notice={notice} />
      {created ? <OneTimePassword username={created.username} password={created.password} /> : null}
    </section>
  );
}

import { useCallback, useEffect, useId, useState } from 'react';
import { USER_STATUSES, type AdminUser, type UserList, type UserQuery } from '../../../../shared/admin/users';
import { ROLES } from '../../../../shared/sync/rows/user';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { CreateUser } from './CreateUser';
import { ManageUser } from './ManageUser';
import { CallOutcome, useAdminCall } from './use-admin-call';
import './Admin.css';
import { AdminTable } from './AdminTable';

/** What a user's status column says, in the order that matters most. */
export function userStatus(user: AdminUser, now: number): (typeof USER_STATUSES)[number] {
  if (!user.active) return 'disabled';
  if (user.lockedUntil !== null && user.lockedUntil > now) return 'locked';
  return user.mustChangePassword ? 'must-change-password' : 'active';
}

/** Administrators: find users, create one, and manage the one chosen. */
export function UsersScreen() {
  const t = useT();
  const m = t.admin.users;
  const { run, error, notice } = useAdminCall();
  const [query, setQuery] = useState<UserQuery>({});
  const [list, setList] = useState<UserList | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(
    async (q: UserQuery) => {
      const value = await run('admin.users.list', q);
      if (value) setList(value);
    },
    [run],
  );
  useEffect(() => {
    void load({});
  }, [load]);

  const chosen = list?.users.find((u) => u.id === selected) ?? null;
  const changed = () => void load(query);
  return (
    <div className="admin">
      <h1>{m.title}</h1>
      <UserFilters
        teams={list?.teams ?? []}
        onSearch={(q) => {
          setQuery(q);
          void load(q);
        }}
      />
      <CallOutcome error={error} notice={notice} />
      <div className="actions">
        <button type="button" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          {m.create.open}
        </button>
      </div>
      {creating ? <CreateUser teams={list?.teams ?? []} onCreated={changed} /> : null}
      {list ? <UserTable users={list.users} onManage={setSelected} /> : null}
      {chosen ? (
        <ManageUser
          key={chosen.id}
          user={chosen}
          teams={list?.teams ?? []}
          onChanged={changed}
          onClose={() => setSelected(null)}
        />
      ) : null}
    </div>
  );
}

function UserFilters({ teams, onSearch }: { teams: string[]; onSearch(q: UserQuery): void }) {
  const t = useT();
  const m = t.admin.users;
  const id = useId();
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [team, setTeam] = useState('');
  const [status, setStatus] = useState('');
  return (
    <form
      className="admin-filters"
      aria-label={m.filters}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch({
          ...(q.trim() ? { q: q.trim() } : {}),
          ...(role ? { role: role as UserQuery['role'] } : {}),
          ...(team ? { team } : {}),
          ...(status ? { status: status as UserQuery['status'] } : {}),
        });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-q`}>{m.search}</label>
        <input id={`${id}-q`} type="search" value={q} maxLength={64} onChange={(e) => setQ(e.target.value)} />
      </div>
      <Choice id={`${id}-role`} label={m.role} value={role} onChange={setRole}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t.roles[r]}
          </option>
        ))}
      </Choice>
      <Choice id={`${id}-team`} label={m.team} value={team} onChange={setTeam}>
        {teams.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Choice>
      <Choice id={`${id}-status`} label={m.status} value={status} onChange={setStatus}>
        {USER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {m.statuses[s]}
          </option>
        ))}
      </Choice>
      <button type="submit" className="primary">
        {m.find}
      </button>
    </form>
  );
}

/** A filter select whose first choice is "any". */
function Choice(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  children: React.ReactNode;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t.admin.users.any}</option>
        {props.children}
      </select>
    </div>
  );
}

function UserTable({ users, onManage }: { users: AdminUser[]; onManage(id: string): void }) {
  const t = useT();
  const m = t.admin.users;
  const zone = usePolicy().callbackHours.timeZone;
  const now = Date.now();
  return (
    <>
      <p role="status" className="admin-count">
        {m.count(users.length)}
      </p>
      <AdminTable
        columns={[
          m.columns.username,
          m.columns.name,
          m.columns.role,
          m.columns.team,
          m.columns.status,
          m.columns.actions,
        ]}
      >
        {users.map((u) => {
          const status = userStatus(u, now);
          return (
            <tr key={u.id} data-testid={`user-${u.username}`}>
              <th scope="row">{u.username}</th>
              <td>{u.name}</td>
              <td>{t.roles[u.role]}</td>
              <td>{u.team}</td>
              <td>
                {m.statuses[status]}
                {status === 'locked' && u.lockedUntil !== null ? (
                  <span className="field-hint"> · {m.lockedUntil(formatInstant(u.lockedUntil, zone))}</span>
                ) : null}
              </td>
              <td>
                <button type="button" onClick={() => onManage(u.id)}>
                  {m.manage(u.username)}
                </button>
              </td>
            </tr>
          );
        })}
      </AdminTable>
    </>
  );
}

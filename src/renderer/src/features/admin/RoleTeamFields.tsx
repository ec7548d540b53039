import { ROLES, type Role } from '../../../../shared/sync/rows/user';
import { useT } from '../../i18n';

/**
 * An account's role (one of the roles) and team (any name, the known teams offered):
 * the same two fields when an administrator creates an account and when they change one.
 */
export function RoleTeamFields({
  id,
  role,
  team,
  teams,
  required = false,
  onRole,
  onTeam,
}: {
  id: string;
  role: Role;
  team: string;
  teams: readonly string[];
  required?: boolean;
  onRole(role: Role): void;
  onTeam(team: string): void;
}) {
  const t = useT();
  const m = t.admin.users;
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-role`}>{m.role}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => onRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t.roles[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-team`}>{m.team}</label>
        <input
          id={`${id}-team`}
          list={`${id}-teams`}
          value={team}
          required={required}
          onChange={(e) => onTeam(e.target.value)}
        />
        <datalist id={`${id}-teams`}>
          {teams.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
    </>
  );
}

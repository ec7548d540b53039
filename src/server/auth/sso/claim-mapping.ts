import type { JWTPayload } from 'jose';
import { err, ok, type Result } from '../../../shared/domain/result';
import type { Role } from '../../../shared/sync/rows/user';
import { usernameSchema } from '../../../shared/admin/account-rules';
import type { SsoConfig } from './sso-config';

export interface MappedUser {
  username: string;
  name: string;
  role: Role;
  team: string;
}

/** The claim's values as strings: providers send one group as a string, several as an array. */
function values(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * The Agent Desk user name, display name, role and team the provider's claims map to:
 * the first mapping rule whose group the user has. A user the provider knows but no
 * rule places is refused with what IT must configure (the claim and the mapping),
 * never with the user's groups (they can name people or projects).
 */
export function mapClaims(config: SsoConfig, claims: JWTPayload): Result<MappedUser> {
  const groups = new Set(values(claims[config.groupsClaim]));
  const rule = config.mapping.find((r) => groups.has(r.group));
  if (!rule)
    return err(
      'sso.unmapped',
      groups.size === 0
        ? `The identity provider sent no "${config.groupsClaim}" claim for this user; IT must release that claim to Agent Desk and map one of the user's groups to a role and team.`
        : `None of this user's groups in the "${config.groupsClaim}" claim is mapped to an Agent Desk role; IT must add one of them to the SSO mapping (group, role, team).`,
      { claim: config.groupsClaim, groups: groups.size },
    );
  const rawName = claims[config.usernameClaim];
  const username = usernameSchema.safeParse(
    typeof rawName === 'string' ? rawName.toLowerCase().replace('@', '.') : undefined,
  );
  if (!username.success)
    return err(
      'sso.no_username',
      `The "${config.usernameClaim}" claim is missing or not a valid Agent Desk user name (3–64 lower-case letters, digits, . _ - or one @, which becomes .); IT must set usernameClaim to a claim that is.`,
      { claim: config.usernameClaim },
    );
  const displayName = claims[config.nameClaim];
  return ok({
    username: username.data,
    name:
      typeof displayName === 'string' && displayName.trim()
        ? displayName.trim().slice(0, 120)
        : username.data,
    role: rule.role,
    team: rule.team,
  });
}

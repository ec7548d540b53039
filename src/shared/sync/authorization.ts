import { err, ok, type DomainError, type ErrorParams, type Result } from '../domain/result';
import type { Actor } from './mutator';
import { GLOBAL_TEAM } from './rows/common';
import type { Role } from './rows/user';

/** Roles that work cases. Admins manage users and scripts, not customers (least privilege). */
export const AGENT_ROLES: readonly Role[] = ['tier1', 'tier2', 'lead'];
/** Roles allowed Tier 2 actions. */
export const TIER2_ROLES: readonly Role[] = ['tier2', 'lead'];
export const LEAD_ROLES: readonly Role[] = ['lead'];
/** The administration area (users, scripts, policy, the audit trail). */
export const ADMIN_ROLES: readonly Role[] = ['admin'];
/** The lead reports: a lead's own team, an administrator's any team or all. */
export const REPORT_ROLES: readonly Role[] = ['lead', 'admin'];

export const ROLE_LABELS: Record<Role, string> = {
  tier1: 'Tier 1 agents',
  tier2: 'Tier 2 agents',
  lead: 'team leads',
  admin: 'administrators',
};

/** `params.rule` names which rule refused, so a screen can say it in the agent's language. */
export function forbidden(message: string, params?: ErrorParams): { ok: false; error: DomainError } {
  return err('auth.forbidden', message, params);
}

/** ok when the actor's role is one of `roles`; otherwise a message naming who may. */
export function requireRole(actor: Actor, roles: readonly Role[], action: string): Result<void> {
  if (roles.includes(actor.role)) return ok(undefined);
  const who = roles.map((r) => ROLE_LABELS[r]).join(' and ');
  return forbidden(`Only ${who} can ${action}.`);
}

/**
 * The access scope: a row is visible to its team and, when global, to everyone.
 * Admins get no exception: they manage users and scripts, not customers.
 */
export function inScope(actor: Pick<Actor, 'team'>, rowTeam: string): boolean {
  return rowTeam === GLOBAL_TEAM || rowTeam === actor.team;
}

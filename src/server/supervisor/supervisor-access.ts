import type { DomainError, Result } from '../../shared/domain/result';
import type { SessionUser } from '../../shared/sync/protocol';
import type { AuthenticatedSession } from '../auth/auth-service';

export type SupervisorAccess =
  | { kind: 'keep'; user: SessionUser }
  /** The session itself ended (signed out, expired, idle, account disabled): `session-expired`. */
  | { kind: 'session-ended'; error: DomainError }
  /** The session is fine but this view is no longer theirs: SUPERVISOR_EVENTS.accessEnded. */
  | { kind: 'access-ended'; error: DomainError };

/**
 * Whether a supervisor socket may keep what it has, given its session as checked
 * now and the teams whose boards it is subscribed to. An admin can demote, disable
 * or move a lead at any time; the board must stop with the change, not at sign-out.
 */
export function checkSupervisorAccess(
  session: Result<AuthenticatedSession>,
  subscribedTeams: Iterable<string>,
): SupervisorAccess {
  if (!session.ok) return { kind: 'session-ended', error: session.error };
  const { user } = session.value;
  if (user.role !== 'lead') {
    return {
      kind: 'access-ended',
      error: {
        code: 'supervisor.role_changed',
        message: `An administrator changed your role to ${user.role}; the supervisor view is for team leads, so it has closed.`,
        params: { role: user.role },
      },
    };
  }
  for (const team of subscribedTeams) {
    if (team !== user.team) {
      return {
        kind: 'access-ended',
        error: {
          code: 'supervisor.team_changed',
          message: `An administrator moved you from team ${team} to team ${user.team}; that board has closed. Reopen the supervisor view to see team ${user.team}.`,
          params: { from: team, to: user.team },
        },
      };
    }
  }
  return { kind: 'keep', user };
}

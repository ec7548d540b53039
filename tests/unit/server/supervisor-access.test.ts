import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../src/shared/domain/result';
import { ROLES } from '../../../src/shared/sync/rows/user';
import { checkSupervisorAccess } from '../../../src/server/supervisor/supervisor-access';

const session = (role: (typeof ROLES)[number], team: string) =>
  ok({ sessionId: 's-1', expiresAt: 1, user: { id: 'u-1', name: 'Erin', role, team } });

describe('checkSupervisorAccess', () => {
  it('keeps a lead subscribed to their own team (or to nothing)', () => {
    expect(checkSupervisorAccess(session('lead', 'alpha'), ['alpha']).kind).toBe('keep');
    expect(checkSupervisorAccess(session('lead', 'alpha'), []).kind).toBe('keep');
  });

  it('ends the session, not just the view, when the session check fails', () => {
    const failed = err('auth.account_disabled', 'This account is disabled; ask an administrator.');
    expect(checkSupervisorAccess(failed, ['alpha'])).toEqual({ kind: 'session-ended', error: failed.error });
  });

  it('ends the view of anyone who is not a lead, whatever they are subscribed to', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES.filter((r) => r !== 'lead')),
        fc.array(fc.constantFrom('alpha', 'bravo')),
        (role, teams) => {
          const access = checkSupervisorAccess(session(role, 'alpha'), teams);
          expect(access.kind === 'access-ended' && access.error.code).toBe('supervisor.role_changed');
        },
      ),
    );
  });

  it('ends the view of a lead subscribed to a team that is no longer theirs, naming both teams', () => {
    const access = checkSupervisorAccess(session('lead', 'bravo'), ['alpha']);
    expect(access).toMatchObject({
      kind: 'access-ended',
      error: { code: 'supervisor.team_changed', params: { from: 'alpha', to: 'bravo' } },
    });
  });
});

import { err, ok, type DomainError, type Result } from '../../shared/domain/result';
import type { SessionUser } from '../../shared/sync/protocol';
import { appendAudit } from '../audit';
import type { AuthService } from '../auth/auth-service';
import type { Logger } from '../logger';
import { expireSocket, type Authorization } from '../sockets/socket-events';
import type { Db } from '../storage/database';
import { checkSupervisorAccess } from './supervisor-access';
import { subscribedTeams, type SupervisorSocket, type SupervisorSocketData } from './supervisor-socket';
import { SUPERVISOR_EVENTS } from '../../shared/supervisor/protocol';

/**
 * Leads only, own team only. Admins are refused too: they manage users and scripts
 * and do not see case operations (least privilege, as for push). Checked at the
 * handshake AND on every event (an admin may change a role mid-session).
 */
function leadOnly(user: SessionUser): Result<void> {
  if (user.role === 'lead') return ok(undefined);
  return err('auth.forbidden', 'Only team leads can open the supervisor view.');
}

export interface SupervisorGateDeps {
  db: Db;
  auth: AuthService;
  clock: () => number;
  log: Logger;
}

/**
 * Who may hold a supervisor socket, checked at the handshake, on every event,
 * before every snapshot and by the sweep — and how a socket that may not is closed.
 */
export class SupervisorGate {
  constructor(private readonly deps: SupervisorGateDeps) {}

  /** The handshake: a valid session of a lead (a refusal is audited). */
  async admit(token: string, ip: string | null): Promise<Result<SupervisorSocketData>> {
    const session = await this.deps.auth.authenticate(token, { touch: true });
    if (!session.ok) return session;
    const allowed = leadOnly(session.value.user);
    if (!allowed.ok) {
      await appendAudit(this.deps.db, {
        at: this.deps.clock(),
        actorId: session.value.user.id,
        action: 'supervisor.connect',
        sourceIp: ip,
        outcome: 'rejected',
        detail: { code: allowed.error.code },
      });
      return allowed;
    }
    return ok({ user: session.value.user, sessionId: session.value.sessionId, token, ip });
  }

  /** Before each event: the session still holds and the user is still a lead. */
  async authorize(socket: SupervisorSocket): Promise<Authorization<SessionUser>> {
    const session = await this.deps.auth.authenticate(socket.data.token, { touch: true });
    if (!session.ok) return { ...session, close: () => expireSocket(socket, session.error) };
    socket.data.user = session.value.user;
    const allowed = leadOnly(session.value.user);
    if (!allowed.ok) {
      const close = () => {
        const ended = checkSupervisorAccess(session, []);
        if (ended.kind === 'access-ended') this.endAccess(socket, ended.error);
        else socket.disconnect(true);
      };
      return { ...allowed, close };
    }
    return ok(session.value.user);
  }

  /**
   * Re-checks one socket against the user's current session, role and team as this
   * node knows them, right before a board goes out: true when it may have this board.
   * A socket that may no longer watch is closed with the reason. Synchronous: a
   * disconnected socket has left its rooms before the caller emits to them. A session
   * this node is still reading (not cached, or its user just changed — on another node
   * the admin's edit arrives as an event before its re-read ends) is held: no board
   * this time, not closed; the next board or the sweep decides.
   */
  recheck(socket: SupervisorSocket): boolean {
    const session = this.deps.auth.known(socket.data.token);
    if (session === 'reading') return false;
    const access = checkSupervisorAccess(session, subscribedTeams(socket));
    if (access.kind === 'keep') {
      socket.data.user = access.user;
      return true;
    }
    if (access.kind === 'session-ended') expireSocket(socket, access.error);
    else this.endAccess(socket, access.error);
    return false;
  }

  /**
   * The sweep's check: the session read fresh if its cache is old, then `recheck`. A
   * session the read refuses (a token no longer valid, a session gone) is closed here:
   * it is never cached, so `recheck` alone would hold it for ever. (A database that
   * cannot answer throws instead: the sweep logs it and keeps the socket.)
   */
  async sweep(socket: SupervisorSocket): Promise<void> {
    const session = await this.deps.auth.authenticate(socket.data.token, { touch: false });
    if (!socket.connected) return;
    if (!session.ok) expireSocket(socket, session.error);
    else this.recheck(socket);
  }

  /** The session is still good but the view is not theirs any more: say why, audit it, close. */
  private endAccess(socket: SupervisorSocket, error: DomainError): void {
    socket.emit(SUPERVISOR_EVENTS.accessEnded, error);
    socket.disconnect(true);
    appendAudit(this.deps.db, {
      at: this.deps.clock(),
      actorId: socket.data.user.id,
      action: 'supervisor.access-ended',
      sourceIp: socket.data.ip,
      outcome: 'ended',
      detail: { code: error.code },
    }).catch((e: unknown) => this.deps.log.warn({ err: e }, 'supervisor access-ended audit failed'));
  }
}

import type { z } from 'zod';
import { parseUnknown } from '../../shared/domain/parse';
import { err, ok, type DomainError, type Result } from '../../shared/domain/result';
import { SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { Logger } from '../logger';
import type { ServerSocket } from './socket-events';

/** An Error whose `data` reaches the client's connect_error handler. */
export function handshakeError(error: DomainError): Error & { data: DomainError } {
  return Object.assign(new Error(error.message), { data: { code: error.code, message: error.message } });
}

/**
 * A channel's socket.io middleware: the handshake `auth` must parse and speak this
 * server's sync schema version; then `admit` decides (session, role, desktop) and
 * answers the socket's data. A refusal, or anything thrown, reaches the client as
 * connect_error with `data: { code, message }`; nothing thrown escapes.
 */
export function handshake<S extends z.ZodType<{ schemaVersion: number }>, D>(
  schema: S,
  log: Logger,
  admit: (auth: z.output<S>, socket: ServerSocket<D>) => Promise<Result<D>>,
) {
  return async (socket: ServerSocket<D>, next: (error?: Error) => void): Promise<void> => {
    try {
      const parsed = parseUnknown(
        schema,
        socket.handshake.auth,
        'protocol.bad_handshake',
        'The handshake',
        'auth',
      );
      if (!parsed.ok) return next(handshakeError(parsed.error));
      const version = sameSchemaVersion(parsed.value.schemaVersion);
      if (!version.ok) return next(handshakeError(version.error));
      const admitted = await admit(parsed.value, socket);
      if (!admitted.ok) return next(handshakeError(admitted.error));
      socket.data = admitted.value;
      next();
    } catch (error) {
      log.error({ err: error, nsp: socket.nsp.name }, 'socket handshake failed');
      next(
        handshakeError({
          code: 'server.error',
          message: 'The server could not check this connection; try again.',
        }),
      );
    }
  };
}

function sameSchemaVersion(version: number): Result<void> {
  if (version === SCHEMA_VERSION) return ok(undefined);
  return err(
    'protocol.schema_mismatch',
    `This desktop speaks sync schema version ${version} but the server speaks version ${SCHEMA_VERSION}; update Agent Desk (or the server) so they match.`,
  );
}

import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerFactory } from 'fastify';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { LIMITS } from '../../shared/sync/protocol';
import type { Logger } from '../logger';
import { registerJsonBody } from './json-body';
import { registerRoutes, type RouteDeps } from './routes';

/**
 * The HTTP side: small bodies only, JSON errors with a code everywhere
 * (including fastify's own: bad JSON, oversized bodies, unknown routes).
 */
/** A certificate and its key (PEM) for serving https directly, without a TLS-terminating proxy in front. */
export interface ServerTls {
  key: string;
  cert: string;
}

/** An https.Server is an http.Server to fastify and socket.io (the same request API over TLS). */
function httpsFactory(tls: ServerTls): FastifyServerFactory<Server> {
  return (handler) => createHttpsServer(tls, handler) as unknown as Server;
}

export function createHttpApp(
  deps: RouteDeps,
  log: Logger,
  options: { trustProxy?: string | undefined; tls?: ServerTls | undefined } = {},
): FastifyInstance {
  const { tls } = options;
  // Request lines are info-level; the http child logs warnings and up only (URLs can carry ids).
  const app: FastifyInstance = Fastify({
    loggerInstance: log.child(
      { part: 'http' },
      { level: log.levelVal > 40 ? log.level : 'warn' },
    ) as FastifyBaseLogger,
    bodyLimit: LIMITS.maxHttpBodyBytes,
    // Behind a load balancer: believe X-Forwarded-For from these proxies only, so the
    // per-address sign-in limits count desktops, not the balancer.
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(tls ? { serverFactory: httpsFactory(tls) } : {}),
  });
  registerJsonBody(app);
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, _request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) log.error({ err: error }, 'http handler failed');
    const code =
      status === 413
        ? 'http.payload_too_large'
        : status === 415
          ? 'http.unsupported_media_type'
          : status === 500
            ? 'server.error'
            : error.code?.startsWith('http.')
              ? error.code
              : 'http.bad_request';
    const message =
      status === 413
        ? `The request body is larger than ${LIMITS.maxHttpBodyBytes} bytes.`
        : status === 500
          ? 'The server could not process this request.'
          : error.message;
    void reply.code(status).send({ ok: false, error: { code, message } });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({
      ok: false,
      error: {
        code: 'http.not_found',
        message: `No route ${request.method} ${request.url.split('?')[0]}.`,
      },
    });
  });
  registerRoutes(app, deps);
  return app;
}

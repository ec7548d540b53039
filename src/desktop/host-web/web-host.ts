import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { IPC_EVENTS, type IpcEvent } from '../../shared/ipc/events';
import type { BridgeServerMessage } from '../../shared/ipc/api';
import type { DesktopCore } from '../core/desktop-core';
import type { CoreLogger } from '../core/logger';
import { silentLogger } from '../core/logger';
import { createIpcHandlers, dispatchIpc, type IpcHandlerMap } from '../ipc/ipc-handlers';
import { BRIDGE_PATH, bridgeScript, CLOSE_UNAUTHORIZED, SOCKET_PATH } from './bridge-script';
import { isAllowedHost, isAllowedOrigin } from './origin-check';
import { secretsMatch } from './secret';
import { loadStaticFile, webHostCsp } from './static-files';

export interface WebHostOptions {
  core: DesktopCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 = any free port. */
  port: number;
  secret: string;
  logger?: CoreLogger;
  /** How long a socket may wait before sending its secret. */
  helloTimeoutMs?: number;
}

export interface RunningWebHost {
  port: number;
  /** The address to open (the secret is in the fragment, which browsers never send to a server). */
  url: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1_000_000;

interface ClientMessage {
  type?: unknown;
  secret?: unknown;
  id?: unknown;
  channel?: unknown;
  args?: unknown;
}

/** A frame → a plain JSON object, or undefined (`null`, arrays, strings, numbers, not JSON). */
export function parseMessage(data: unknown): ClientMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(String(data));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return value as ClientMessage;
}

/**
 * The browser host: the built renderer over HTTP and the desktop core over a
 * WebSocket, both on 127.0.0.1 only. A socket must come from our own origin and
 * present the launch secret before it may call anything.
 */
export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const logger = options.logger ?? silentLogger;
  const handlers = createIpcHandlers(options.core);
  let port = options.port;
  const http: Server = createServer(servePage(options.rendererDir, () => port));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  http.on('upgrade', (req: IncomingMessage, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    if (
      path !== SOCKET_PATH ||
      !isAllowedHost(req.headers.host, port) ||
      !isAllowedOrigin(req.headers.origin, port)
    ) {
      logger.warn('web host: refused a WebSocket', { origin: req.headers.origin ?? null });
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, { ...options, handlers, logger }));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (http.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/#secret=${options.secret}`,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** The page, its files and the bridge script, for our own host name only, with the host's security headers. */
function servePage(rendererDir: string, port: () => number): RequestListener {
  const bridge = bridgeScript();
  return (req, res) => {
    const security = {
      'content-security-policy': webHostCsp(port()),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
    };
    if (!isAllowedHost(req.headers.host, port())) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', ...security });
      res.end('Wrong host: open the address Agent Desk printed (http://127.0.0.1:…).');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', ...security });
      res.end('Method not allowed');
      return;
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === BRIDGE_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', ...security });
      res.end(bridge);
      return;
    }
    void loadStaticFile(rendererDir, path, webHostCsp(port())).then((file) => {
      res.writeHead(file.status, { 'content-type': file.type, ...security });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    });
  };
}

interface SocketDeps extends WebHostOptions {
  handlers: IpcHandlerMap;
  logger: CoreLogger;
}

/** One page's socket: the secret first (or it is closed), then calls answered and events forwarded. */
function serveSocket(ws: WebSocket, deps: SocketDeps): void {
  const { logger } = deps;
  let authed = false;
  let unsubscribe: () => void = () => {};
  const send = (message: BridgeServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const helloTimer = setTimeout(
    () => ws.close(CLOSE_UNAUTHORIZED, 'No secret was presented.'),
    deps.helloTimeoutMs ?? 5000,
  );
  ws.on('close', () => {
    clearTimeout(helloTimer);
    unsubscribe();
  });
  // Without this listener a bad frame (over maxPayload, invalid UTF-8, bad opcode) is an
  // unhandled 'error' event and takes the whole host down; it only ends this socket.
  ws.on('error', (error) => {
    logger.warn('web host: socket error; closing it', { error: error.message });
    ws.terminate();
  });
  const handle = (msg: ClientMessage) => {
    if (!authed) {
      clearTimeout(helloTimer);
      if (msg.type !== 'hello' || !secretsMatch(deps.secret, msg.secret)) {
        logger.warn('web host: wrong secret');
        ws.close(CLOSE_UNAUTHORIZED, 'Wrong or missing secret: open the exact address Agent Desk printed.');
        return;
      }
      authed = true;
      unsubscribe = deps.core.events.onAny((event: IpcEvent, payload: unknown) => {
        const checked = IPC_EVENTS[event].safeParse(payload);
        if (checked.success) send({ type: 'event', event, payload: checked.data });
        else logger.error('web host: event failed its schema', { event });
      });
      send({ type: 'ready' });
      return;
    }
    if (msg.type !== 'invoke' || typeof msg.id !== 'number') return;
    const id = msg.id;
    void dispatchIpc(deps.handlers, deps.core, msg.channel, msg.args, logger).then((result) =>
      send({ type: 'result', id, result }),
    );
  };
  ws.on('message', (data) => {
    const msg = parseMessage(data);
    if (!msg) return ws.close(1003, 'Messages must be JSON objects.');
    try {
      handle(msg);
    } catch (error) {
      logger.error('web host: message handler failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      ws.close(1011, 'The desktop could not handle that message.');
    }
  });
}

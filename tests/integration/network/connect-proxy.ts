import { createServer, type IncomingMessage } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ConnectProxyOptions {
  /** The Basic credentials it accepts; absent: it asks for none. */
  credentials?: { username: string; password: string };
  /** The Proxy-Authenticate challenges it sends with a 407 (default: Basic). */
  challenges?: string[];
  /** Speak TLS to the desktop with this certificate (Chromium's "HTTPS host:port" proxies). */
  tls?: { key: string; cert: string };
}

export interface ConnectProxy {
  port: number;
  /** "http://user:secret@127.0.0.1:port" (https:// when it speaks TLS) with these credentials, or without any. */
  url(credentials?: { username: string; password: string }): string;
  /** Every CONNECT it opened a tunnel for ("127.0.0.1:4431"). */
  tunnels: string[];
  /** How many CONNECTs it refused with 407. */
  refused: number;
  close(): Promise<void>;
}

/**
 * An HTTP CONNECT proxy on 127.0.0.1 for the network tests, as agency proxies
 * behave: tunnels only after Basic authentication (407 with a challenge
 * otherwise), then pipes bytes both ways without looking at them.
 */
export async function startConnectProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const refuse = (_request: IncomingMessage, response: { writeHead(status: number): { end(): void } }) =>
    response.writeHead(405).end();
  const server = options.tls ? createTlsServer(options.tls, refuse) : createServer(refuse);
  server.on('connection', track);
  const scheme = options.tls ? 'https' : 'http';
  const expected = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`
    : undefined;
  const proxy: ConnectProxy = {
    port: 0,
    url: (credentials) =>
      credentials
        ? `${scheme}://${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${proxy.port}`
        : `${scheme}://127.0.0.1:${proxy.port}`,
    tunnels: [],
    refused: 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    if (expected && request.headers['proxy-authorization'] !== expected) {
      proxy.refused += 1;
      const challenges = (options.challenges ?? ['Basic realm="agency"'])
        .map((c) => `Proxy-Authenticate: ${c}\r\n`)
        .join('');
      client.end(`HTTP/1.1 407 Proxy Authentication Required\r\n${challenges}Content-Length: 0\r\n\r\n`);
      return;
    }
    const [host = '', port = ''] = (request.url ?? '').split(/:(?=\d+$)/);
    const upstream = connect(Number(port), host.replace(/^\[|\]$/g, ''));
    track(upstream);
    upstream.once('connect', () => {
      proxy.tunnels.push(request.url ?? '');
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.once('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.once('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as AddressInfo).port;
  return proxy;
}

import { isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type SecureContext } from 'node:tls';
import { networkProblem, type NetworkProblem } from './network-problem';
import { proxyName, type ProxyCredentials } from './proxy-choice';

export interface ProxyEndpoint {
  host: string;
  port: number;
  secure: boolean;
  credentials?: ProxyCredentials;
}

export interface TunnelOptions {
  timeoutMs: number;
  /** The trusted authorities, for a proxy that speaks TLS itself (absent: Node's roots). */
  secureContext?: SecureContext;
}

/** The proxy's answer can only be this long before the tunnel gives up on it. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** Schemes a proxy may ask for that this desktop cannot answer (Windows sign-in). */
const WINDOWS_SCHEMES = ['ntlm', 'negotiate', 'kerberos'];

/**
 * Opens a TCP connection to `target` through an HTTP proxy with CONNECT (RFC 9110
 * §9.3.6), sending Basic credentials when it has them. Resolves with the tunnel's
 * socket, on which the caller starts TLS with the server; rejects with a
 * NetworkProblem naming the proxy and what it said.
 */
export function connectThroughProxy(
  proxy: ProxyEndpoint,
  target: { host: string; port: number },
  { timeoutMs, secureContext }: TunnelOptions,
): Promise<Socket> {
  const name = proxyName({ kind: 'proxy', ...proxy });
  const authority = `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
  return new Promise((resolve, reject) => {
    const socket: Socket = proxy.secure
      ? tlsConnect({
          host: proxy.host,
          port: proxy.port,
          ...(isIP(proxy.host) === 0 ? { servername: proxy.host } : {}),
          ...(secureContext ? { secureContext } : {}),
        })
      : netConnect({ host: proxy.host, port: proxy.port });
    let received = Buffer.alloc(0);
    let settled = false;
    const fail = (problem: NetworkProblem) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(problem);
    };
    const unreachable = (reason: string) =>
      fail(
        networkProblem(
          'network.proxy_unreachable',
          `The proxy at ${name} cannot be reached (${reason}). Check the network connection; if it persists, IT should check the proxy settings.`,
          { proxy: name, reason },
        ),
      );
    socket.setTimeout(timeoutMs, () => unreachable(`no answer within ${Math.round(timeoutMs / 1000)} s`));
    const onError = (error: NodeJS.ErrnoException) => unreachable(error.code ?? error.message);
    const onClose = () => unreachable('it closed the connection');
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.once(proxy.secure ? 'secureConnect' : 'connect', () => {
      const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`];
      if (proxy.credentials) {
        const { username, password } = proxy.credentials;
        lines.push(`Proxy-Authorization: Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`);
      }
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) {
        if (received.length > MAX_RESPONSE_BYTES) unreachable('its answer to CONNECT was too long');
        return;
      }
      socket.off('data', onData);
      const answer = readAnswer(received.subarray(0, end).toString('latin1'));
      if (answer.status === 200) {
        settled = true;
        socket.setTimeout(0);
        socket.off('error', onError);
        socket.off('close', onClose);
        const rest = received.subarray(end + 4);
        if (rest.length > 0) socket.unshift(rest);
        resolve(socket);
        return;
      }
      fail(refusal(name, authority, answer, proxy.credentials !== undefined));
    };
    socket.on('data', onData);
  });
}

interface ProxyAnswer {
  status: number;
  /** The schemes of every Proxy-Authenticate header, lower case ("basic", "ntlm"…). */
  schemes: string[];
}

function readAnswer(head: string): ProxyAnswer {
  const [statusLine = '', ...headers] = head.split('\r\n');
  const match = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/.exec(statusLine);
  const schemes = headers
    .filter((line) => /^proxy-authenticate\s*:/i.test(line))
    .flatMap((line) =>
      line
        .slice(line.indexOf(':') + 1)
        .split(',')
        .map((part) => part.trim().split(/\s+/)[0]?.toLowerCase() ?? '')
        .filter((scheme) => /^[a-z][a-z0-9-]*$/.test(scheme) && !scheme.includes('=')),
    );
  return { status: match ? Number(match[1]) : 0, schemes };
}

/** What a proxy's refusal means, in a sentence that names it. */
function refusal(
  name: string,
  authority: string,
  answer: ProxyAnswer,
  sentCredentials: boolean,
): NetworkProblem {
  const status = `HTTP ${answer.status}`;
  if (answer.status !== 407) {
    return networkProblem(
      'network.proxy_refused',
      `The proxy at ${name} refused the connection to ${authority} (${status}). IT must allow Agent Desk to reach its sync server through the proxy.`,
      { proxy: name, target: authority, status: answer.status },
    );
  }
  if (sentCredentials) {
    return networkProblem(
      'network.proxy_auth_rejected',
      `The proxy at ${name} refused the user name and password Agent Desk sent (${status}). Enter your proxy user name and password again.`,
      { proxy: name },
    );
  }
  if (!answer.schemes.includes('basic') && answer.schemes.some((s) => WINDOWS_SCHEMES.includes(s))) {
    const schemes = answer.schemes.join(', ');
    return networkProblem(
      'network.proxy_auth_unsupported',
      `The proxy at ${name} asks for Windows sign-in (${schemes}), which Agent Desk's connection to its sync server cannot answer. Ask IT to let Agent Desk reach ${authority} without proxy sign-in.`,
      { proxy: name, schemes, target: authority },
    );
  }
  return networkProblem(
    'network.proxy_auth_required',
    `The proxy at ${name} asks for a user name and password (${status}). Enter your proxy user name and password, or ask IT to let Agent Desk reach ${authority} without proxy sign-in.`,
    { proxy: name, target: authority },
  );
}

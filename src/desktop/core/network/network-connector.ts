import { connect as netConnect, isIP, type Socket } from 'node:net';
import {
  connect as tlsConnect,
  createSecureContext,
  type PeerCertificate,
  type SecureContext,
} from 'node:tls';
import type { CoreLogger } from '../logger';
import { certificateProblem, networkProblem, NetworkProblem } from './network-problem';
import { connectThroughProxy } from './proxy-connect';
import { proxyName, type ProxyChoice, type ProxyCredentials } from './proxy-choice';

export interface NetworkSettings {
  /** How to reach a URL, in order: a PAC script's or the system's answer, or a fixed proxy. */
  resolveProxy(url: string): Promise<ProxyChoice[]>;
  /** The certificate authorities trusted for the server's TLS (PEM); absent: Node's bundled roots. */
  ca?: readonly string[];
  /** How long a proxy may take to accept and answer CONNECT. */
  connectTimeoutMs?: number;
  logger?: CoreLogger;
}

export interface ConnectTarget {
  protocol: 'http:' | 'https:';
  host: string;
  port: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Opens the desktop's connections to its sync server — sign-in requests and the
 * sockets alike: asks where to go (direct or which proxy), tunnels through the
 * proxy with CONNECT, then starts TLS with the server against the trusted
 * authorities, so a TLS-inspecting proxy's certificate is checked like any other.
 * A proxy that cannot be reached is skipped for the next choice (a PAC's
 * "PROXY a; PROXY b; DIRECT"); a proxy that answers and refuses is not.
 */
export class NetworkConnector {
  private readonly secureContext: SecureContext | undefined;
  /** The agent's proxy credentials (entered after a 407), for proxies whose choice has none. */
  credentials: ProxyCredentials | null = null;

  constructor(private readonly settings: NetworkSettings) {
    // Built once: parsing some 150 roots on every connection would cost more than the handshake.
    this.secureContext = settings.ca ? createSecureContext({ ca: [...settings.ca] }) : undefined;
  }

  async open(target: ConnectTarget): Promise<Socket> {
    const raw = await this.reach(target);
    return target.protocol === 'https:' ? this.startTls(raw, target.host) : raw;
  }

  private async reach(target: ConnectTarget): Promise<Socket> {
    const url = `${target.protocol}//${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}/`;
    const choices = await this.settings.resolveProxy(url);
    let lastProblem: NetworkProblem | undefined;
    for (const choice of choices) {
      try {
        return await this.reachWith(choice, target);
      } catch (error) {
        // Only an unreachable proxy lets the next choice try; a refusal is the answer.
        if (!(error instanceof NetworkProblem) || error.problem.code !== 'network.proxy_unreachable')
          throw error;
        this.settings.logger?.warn('network: proxy unreachable, trying the next choice', {
          proxy: proxyName(choice),
        });
        lastProblem = error;
      }
    }
    throw lastProblem ?? new Error(`no way to reach ${url}`);
  }

  private reachWith(choice: ProxyChoice, target: ConnectTarget): Promise<Socket> {
    if (choice.kind === 'proxy') {
      const credentials = choice.credentials ?? this.credentials;
      return connectThroughProxy(credentials ? { ...choice, credentials } : choice, target, {
        timeoutMs: this.timeoutMs(),
        ...(this.secureContext ? { secureContext: this.secureContext } : {}),
      });
    }
    if (choice.kind === 'unsupported') {
      return Promise.reject(
        networkProblem(
          'network.proxy_unsupported',
          `The proxy settings send Agent Desk through "${choice.rule}", a kind of proxy it cannot use (only HTTP proxies with CONNECT). Ask IT to give Agent Desk an HTTP proxy or a direct route to its sync server.`,
          { rule: choice.rule },
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const socket = netConnect({ host: target.host, port: target.port });
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(socket);
      });
      socket.once('error', reject);
    });
  }

  /**
   * TLS with the server over the tunnel. The certificate is checked here rather
   * than by tls.connect's own refusal, so the error can name the certificate
   * (subject, issuer) and the reason; nothing is sent until it is accepted.
   */
  private startTls(raw: Socket, host: string): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const secure = tlsConnect({
        socket: raw,
        host,
        ...(isIP(host) === 0 ? { servername: host } : {}),
        ...(this.secureContext ? { secureContext: this.secureContext } : {}),
        ALPNProtocols: ['http/1.1'],
        rejectUnauthorized: false,
      });
      secure.once('error', reject);
      secure.once('secureConnect', () => {
        secure.off('error', reject);
        if (secure.authorized) {
          resolve(secure);
          return;
        }
        const certificate = secure.getPeerCertificate();
        secure.destroy();
        const code = String(secure.authorizationError);
        reject(
          certificateProblem(host, code, {
            subject: dn(certificate.subject),
            issuer: dn(certificate.issuer),
          }),
        );
      });
    });
  }

  private timeoutMs(): number {
    return this.settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  }
}

/** "CN=sync.agency.gov, O=Agency" from a certificate's subject or issuer. */
function dn(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return 'unknown';
  const parts = Object.entries(name).map(
    ([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'unknown';
}

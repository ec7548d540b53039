import { Agent as HttpAgent, type ClientRequestArgs } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Duplex } from 'node:stream';
import { NetworkConnector, type ConnectTarget, type NetworkSettings } from './network-connector';
import { DIRECT, type ProxyCredentials } from './proxy-choice';

/**
 * What the desktop core needs from the network: the agent for a URL, which
 * carries the proxy and the trusted authorities. Sign-in requests and both
 * socket.io connections (sync, supervisor) use it, so one setting covers all
 * three. The Electron shell builds it from Chromium's proxy resolution and the
 * operating system's certificates (src/main/electron/electron-network.ts); the
 * browser host and the tests from explicit settings (node-network.ts).
 */
export interface NetworkPort {
  agentFor(url: string): HttpAgent;
  /**
   * The agent's credentials for a proxy that asks (Basic), used where the proxy
   * choice carries none of its own; null forgets them.
   */
  setProxyCredentials(credentials: ProxyCredentials | null): void;
  proxyCredentials(): ProxyCredentials | null;
}

type Callback = (error: Error | null, stream: Duplex) => void;

function targetOf(protocol: ConnectTarget['protocol'], options: ClientRequestArgs): ConnectTarget {
  const host = String(options.host ?? options.hostname ?? 'localhost').replace(/^\[|\]$/g, '');
  const port = Number(options.port ?? (protocol === 'https:' ? 443 : 80));
  return { protocol, host, port };
}

/** Hands the connector's socket (or its failure) to Node's agent machinery. */
function connectFor(
  connector: NetworkConnector,
  target: ConnectTarget,
  callback: Callback | undefined,
): undefined {
  connector.open(target).then(
    (socket) => callback?.(null, socket),
    (error: unknown) =>
      callback?.(error instanceof Error ? error : new Error(String(error)), undefined as never),
  );
  return undefined;
}

class ConnectorHttpAgent extends HttpAgent {
  constructor(private readonly connector: NetworkConnector) {
    super();
  }

  override createConnection(options: ClientRequestArgs, callback?: Callback): Duplex | null | undefined {
    return connectFor(this.connector, targetOf('http:', options), callback);
  }
}

class ConnectorHttpsAgent extends HttpsAgent {
  constructor(private readonly connector: NetworkConnector) {
    super();
  }

  override createConnection(options: ClientRequestArgs, callback?: Callback): Duplex | null | undefined {
    return connectFor(this.connector, targetOf('https:', options), callback);
  }
}

/** A NetworkPort over one connector: one agent per protocol, shared by every request and socket. */
export function createNetwork(settings: NetworkSettings): NetworkPort {
  const connector = new NetworkConnector(settings);
  const agents = { http: new ConnectorHttpAgent(connector), https: new ConnectorHttpsAgent(connector) };
  return {
    agentFor: (url) => (new URL(url).protocol === 'https:' ? agents.https : agents.http),
    setProxyCredentials: (credentials) => {
      connector.credentials = credentials;
    },
    proxyCredentials: () => connector.credentials,
  };
}

/** No proxy, Node's bundled roots: what a plain Node process does by itself. */
export function directNetwork(): NetworkPort {
  return createNetwork({ resolveProxy: () => Promise.resolve([DIRECT]) });
}

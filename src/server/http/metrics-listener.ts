import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from '../metrics';

export interface MetricsListener {
  url: string;
  close(): Promise<void>;
}

/**
 * GET /metrics on its own address (e.g. 127.0.0.1:9464 for a local Prometheus
 * agent, or a management network), without a credential: who can reach that
 * address is the access control. Everything else there answers 404.
 */
export async function startMetricsListener(
  metrics: Metrics,
  host: string,
  port: number,
): Promise<MetricsListener> {
  const server: Server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.split('?')[0] === '/metrics') {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      response.end(metrics.render());
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ ok: false, error: { code: 'http.not_found', message: 'Only GET /metrics here.' } }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

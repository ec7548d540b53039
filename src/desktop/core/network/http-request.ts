import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { NetworkPort } from './network-port';

export interface HttpRequestInit {
  method: 'GET' | 'POST' | 'PATCH';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** The largest answer accepted (default 1 MiB: what the sign-in routes send). */
  maxBytes?: number;
}

export interface HttpAnswer {
  status: number;
  text: string;
  /** The response headers (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
}

/** An answer bigger than this is not one the sign-in routes send. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * One HTTP request through the network port's agent (its proxy and trusted
 * authorities), as Node's fetch cannot take an agent. Rejects with the
 * connection's error (a NetworkProblem when the proxy or certificate is why).
 */
export function httpRequestText(network: NetworkPort, url: URL, init: HttpRequestInit): Promise<HttpAnswer> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, {
      method: init.method,
      headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body ?? '')) },
      agent: network.agentFor(url.href),
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    request.once('error', reject);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > (init.maxBytes ?? MAX_BODY_BYTES)) {
          response.destroy(new Error(`the answer is larger than ${init.maxBytes ?? MAX_BODY_BYTES} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      response.once('error', reject);
      response.once('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          headers: response.headers,
        }),
      );
    });
    request.end(init.body);
  });
}

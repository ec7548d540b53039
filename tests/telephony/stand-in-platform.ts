/**
 * A stand-in telephony platform for tests (never shipped; docs/telephony.md, "Testing
 * an integration"). It plays the contact center's phone system over real HTTP on
 * 127.0.0.1:
 *
 * - `send(event)` POSTs one event to the server's bridge, signed the documented way
 *   (its own HMAC code, not the server's, so the recipe itself is tested); options
 *   forge a wrong secret, an old timestamp or a raw body;
 * - it serves the place-call endpoint the server calls, checks the server's signature,
 *   and answers with a call id (`mode: 'answer'`), an HTTP error (`'refuse'`) or not at
 *   all (`'hang'`, to test the server's timeout). Requests it received are in `placed`.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SendOptions {
  /** Sign with this secret instead of the platform's. */
  secret?: string;
  /** Unix seconds to send (default: now by `clock`). */
  timestamp?: number;
  /** Send these bytes instead of JSON.stringify(event) (still signed unless `signature` is given). */
  rawBody?: string;
  signature?: string;
  platformId?: string;
}

export interface SendResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers vary by outcome
  json: any;
  retryAfter: string | null;
}

export type PlaceCallMode = 'answer' | 'refuse' | 'hang';

export interface PlacedCall {
  body: Record<string, unknown>;
  signatureValid: boolean;
  callId: string;
}

/** The documented recipe: hex HMAC-SHA256 of `<timestamp>.<body>`, sent as `sha256=<hex>`. */
export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export class StandInPlatform {
  mode: PlaceCallMode = 'answer';
  readonly placed: PlacedCall[] = [];
  private server: Server | undefined;
  private readonly hanging = new Set<ServerResponse>();

  constructor(
    readonly id: string,
    readonly secret: string,
    private readonly bridgeUrl: () => string,
    /** The server's clock in ms (tests run the server on a fixed clock). */
    private readonly clock: () => number,
  ) {}

  async send(event: unknown, options: SendOptions = {}): Promise<SendResult> {
    const body = options.rawBody ?? JSON.stringify(event);
    const timestamp = String(options.timestamp ?? Math.floor(this.clock() / 1000));
    const response = await fetch(`${this.bridgeUrl()}/telephony/v1/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-telephony-platform': options.platformId ?? this.id,
        'x-telephony-timestamp': timestamp,
        'x-telephony-signature': options.signature ?? sign(options.secret ?? this.secret, timestamp, body),
      },
      body,
    });
    return {
      status: response.status,
      json: await response.json(),
      retryAfter: response.headers.get('retry-after'),
    };
  }

  /**
   * Sends every event as fast as it can with `connections` requests in flight (a platform's
   * connection pool; thousands of simultaneous connects would only test the OS's accept queue).
   * Answers in the order of `events`.
   */
  async sendAll(events: readonly unknown[], connections: number): Promise<SendResult[]> {
    const answers = new Array<SendResult>(events.length);
    let next = 0;
    const worker = async () => {
      while (next < events.length) {
        const index = next++;
        answers[index] = await this.send(events[index]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(connections, events.length) }, worker));
    return answers;
  }

  /** Starts the place-call endpoint; answers its URL. */
  async listen(): Promise<string> {
    this.server = createServer((request, response) => void this.onPlaceCall(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/calls`;
  }

  async close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async onPlaceCall(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const timestamp = String(request.headers['x-telephony-timestamp'] ?? '');
    const signatureValid = request.headers['x-telephony-signature'] === sign(this.secret, timestamp, body);
    const callId = `out-${randomUUID()}`;
    this.placed.push({ body: JSON.parse(body) as Record<string, unknown>, signatureValid, callId });
    if (this.mode === 'hang') {
      this.hanging.add(response);
      return;
    }
    const status = this.mode === 'refuse' ? 503 : 200;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(this.mode === 'refuse' ? { error: 'unavailable' } : { callId }));
  }
}

/** Event builders with the fields every event needs; override what a test is about. */
export function offered(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventId: `ev-${randomUUID()}`,
    type: 'call.offered',
    occurredAt: '2025-03-12T14:00:00Z',
    callId: `call-${randomUUID()}`,
    agent: 'tier1.alice',
    from: '+12125550123',
    ivr: { language: 'es', receiptNumber: 'EAC2212345678', menuPath: ['case-status', 'agent'] },
    ...over,
  };
}

export function callbackRequested(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventId: `ev-${randomUUID()}`,
    type: 'callback.requested',
    occurredAt: '2025-03-12T14:00:00Z',
    callId: `call-${randomUUID()}`,
    from: '+13055550188',
    ivr: { language: 'es', intent: 'case status', callbackRequested: true },
    ...over,
  };
}

export function callEvent(
  type: 'call.progress' | 'call.answered' | 'call.ended',
  callId: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    eventId: `ev-${randomUUID()}`,
    type,
    occurredAt: '2025-03-12T14:00:05Z',
    callId,
    agent: 'tier1.alice',
    ...(type === 'call.progress' ? { status: 'ringing' } : {}),
    ...(type === 'call.ended' ? { reason: 'no-answer', durationSeconds: 30 } : {}),
    ...over,
  };
}

import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for a Twilio-shaped SMS provider on loopback. It checks each Messages
 * request as the real API would (path with the account, HTTP Basic, form encoding,
 * E.164 To, From, Body, an absolute StatusCallback) and answers like it (201 with a
 * sid, or the error it is told to give). It sends the provider's callbacks to the
 * server: delivery reports to the StatusCallback and inbound texts to the messaging
 * webhook, signed the provider's way (its own implementation of the recipe, so a
 * mistake in the server's is caught).
 */
export const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const AUTH_TOKEN = 'stand-in-auth-token-0123456789';
export const FROM = '+12025550100';

export interface SentSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string;
}

export interface SmsPeer {
  url: string;
  messages: SentSms[];
  /** Requests it refused for their format (a test expects none). */
  malformed: string[];
  /** Answer the next requests with this HTTP status and provider error code (undefined: accept). */
  failWith: { status: number; code?: number } | undefined;
  /**
   * Take messages but never answer (true): the sender is left waiting, as when its process
   * dies between the provider's accepting a message and the sender's recording it.
   */
  hold: boolean;
  /** Resolves once the peer has taken `count` messages. */
  taken(count: number): Promise<void>;
  /** Sends a delivery report for a message; returns the server's HTTP status. */
  report(
    sid: string,
    status: string,
    options?: { errorCode?: string; badSignature?: boolean },
  ): Promise<number>;
  /** The customer texts the server; returns its status and body (TwiML). */
  text(
    from: string,
    body: string,
    options?: { badSignature?: boolean },
  ): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

function sign(url: string, params: Record<string, string>): string {
  let data = url;
  for (const key of Object.keys(params).sort()) data += key + params[key];
  return createHmac('sha1', AUTH_TOKEN).update(data).digest('base64');
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}

async function post(url: string, params: Record<string, string>, badSignature = false) {
  const signature = sign(url, params);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': badSignature ? sign(url, { ...params, Body: 'tampered' }) : signature,
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.text() };
}

export async function startSmsPeer(serverUrl: () => string): Promise<SmsPeer> {
  const messages: SentSms[] = [];
  const malformed: string[] = [];
  const peer = { failWith: undefined as SmsPeer['failWith'], hold: false };
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  const settleWaiting = () => {
    for (const w of waiting.filter((x) => messages.length >= x.count)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const answer = (status: number, json: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(json));
      };
      const problem = formatProblem(request, body);
      if (problem) {
        malformed.push(problem);
        return answer(400, { code: 21601, message: problem, status: 400 });
      }
      if (peer.failWith)
        return answer(peer.failWith.status, { code: peer.failWith.code, status: peer.failWith.status });
      const form = new URLSearchParams(body);
      const sid = `SM${randomBytes(16).toString('hex')}`;
      messages.push({
        sid,
        to: form.get('To') as string,
        from: form.get('From') as string,
        body: form.get('Body') as string,
        statusCallback: form.get('StatusCallback') as string,
      });
      settleWaiting();
      if (peer.hold) return;
      answer(201, { sid, status: 'queued', account_sid: ACCOUNT_SID, to: form.get('To') });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    messages,
    malformed,
    get failWith() {
      return peer.failWith;
    },
    set failWith(value) {
      peer.failWith = value;
    },
    get hold() {
      return peer.hold;
    },
    set hold(value) {
      peer.hold = value;
    },
    taken(count) {
      if (messages.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiting.push({ count, resolve }));
    },
    async report(sid, status, options = {}) {
      const message = messages.find((m) => m.sid === sid);
      if (!message) throw new Error(`no message ${sid}`);
      const params: Record<string, string> = {
        AccountSid: ACCOUNT_SID,
        MessageSid: sid,
        MessageStatus: status,
        To: message.to,
        From: message.from,
        ApiVersion: '2010-04-01',
        ...(options.errorCode ? { ErrorCode: options.errorCode } : {}),
      };
      return (await post(message.statusCallback, params, options.badSignature)).status;
    },
    text(from, body, options = {}) {
      const params = {
        AccountSid: ACCOUNT_SID,
        MessageSid: `SM${randomBytes(16).toString('hex')}`,
        From: from,
        To: FROM,
        Body: body,
        NumMedia: '0',
        ApiVersion: '2010-04-01',
      };
      return post(`${serverUrl()}/notices/sms/v1/inbound`, params, options.badSignature);
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Held requests never end by themselves.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What the real API would refuse in this request, or undefined. */
function formatProblem(request: IncomingMessage, body: string): string | undefined {
  if (request.method !== 'POST') return `method ${request.method}`;
  if (request.url !== `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`) return `path ${request.url}`;
  const expected = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
  if (request.headers.authorization !== expected) return 'authorization';
  if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
    return `content-type ${request.headers['content-type']}`;
  const form = new URLSearchParams(body);
  if (!/^\+[1-9]\d{6,14}$/.test(form.get('To') ?? '')) return 'To is not E.164';
  if (form.get('From') !== FROM) return 'From';
  const text = form.get('Body') ?? '';
  if (text.length === 0 || text.length > 1600) return 'Body length';
  if (!/^https?:\/\/[^/]+\/notices\/sms\/v1\/status\?notice=/.test(form.get('StatusCallback') ?? ''))
    return 'StatusCallback';
  return undefined;
}

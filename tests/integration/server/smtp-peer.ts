import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  user: string | undefined;
  secure: boolean;
}

export interface SmtpPeer {
  port: number;
  /** PEM of its self-signed certificate (the sender trusts it as a private CA). */
  cert: string;
  mails: ReceivedMail[];
  /** Answer every message with this SMTP reply code (e.g. 451, 550) until cleared. */
  failWith: number | undefined;
  close(): Promise<void>;
}

export const SMTP_USER = 'agent-desk';
export const SMTP_PASSWORD = 'relay-password-1';

/**
 * A real SMTP server on loopback (smtp-server): STARTTLS with a certificate made
 * for this run, authentication required and refused before TLS, every message kept.
 */
export async function startSmtpPeer(): Promise<SmtpPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-peer-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const key = readFileSync(join(dir, 'key.pem'), 'utf8');
  const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  const peer: SmtpPeer = { port: 0, cert, mails: [], failWith: undefined, close: async () => undefined };
  const server = new SMTPServer({
    secure: false,
    key,
    cert,
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (peer.failWith !== undefined) {
          const error = new Error('refused by the test') as Error & { responseCode: number };
          error.responseCode = peer.failWith;
          callback(error);
          return;
        }
        peer.mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: typeof session.user === 'string' ? session.user : undefined,
          secure: session.secure,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  peer.port = (server.server.address() as AddressInfo).port;
  peer.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return peer;
}

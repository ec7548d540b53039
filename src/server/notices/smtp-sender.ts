import nodemailer, { type Transporter } from 'nodemailer';
import type { NoticeSender, OutgoingMessage, SendOutcome } from './channel';

export interface SmtpSettings {
  host: string;
  port: number;
  /** true: TLS from the first byte (465); false: STARTTLS, which is then required. */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
  replyTo?: string;
  /** PEM of a private CA the relay's certificate is signed by. */
  ca?: string;
  timeoutMs?: number;
}

/**
 * E-mail over the agency's SMTP relay (nodemailer): STARTTLS required unless the
 * port speaks TLS itself, authentication when configured, From and Reply-To from
 * configuration, the notice id as Message-ID (so a relay or mailbox can spot a copy).
 */
export class SmtpSender implements NoticeSender {
  readonly channel = 'email' as const;
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    const timeout = settings.timeoutMs ?? 30_000;
    this.transport = nodemailer.createTransport({
      // A pool reuses authenticated TLS connections: a burst of due notices is not a handshake each.
      pool: true,
      maxConnections: 4,
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: !settings.secure,
      ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
      tls: { ...(settings.ca ? { ca: settings.ca } : {}), minVersion: 'TLSv1.2' },
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    try {
      const info = await this.transport.sendMail({
        from: this.settings.from,
        ...(this.settings.replyTo ? { replyTo: this.settings.replyTo } : {}),
        to: message.to,
        subject: message.subject ?? '',
        text: message.text,
        messageId: `<${message.noticeId.replace(/[^A-Za-z0-9._-]/g, '.')}@agent-desk.notice>`,
      });
      return { kind: 'accepted', providerId: String(info.messageId) };
    } catch (error) {
      return classify(error as { code?: string; responseCode?: number; command?: string });
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** Whether the relay may already have the message decides between "retry" and "never again". */
function classify(error: { code?: string; responseCode?: number; command?: string }): SendOutcome {
  const code = error.responseCode;
  if (code !== undefined && code >= 500) return { kind: 'permanent', reason: `notice.smtp_${code}` };
  if (code !== undefined && code >= 400) return { kind: 'transient', reason: `notice.smtp_${code}` };
  // After DATA was sent, a dropped connection may have delivered it: do not send again.
  if (error.command === 'DATA' || (error.code === 'ETIMEDOUT' && error.command === 'DATA'))
    return { kind: 'unknown', reason: 'notice.smtp_lost_after_data' };
  if (error.code === 'EAUTH') return { kind: 'transient', reason: 'notice.smtp_auth' };
  if (error.code === 'ETLS') return { kind: 'transient', reason: 'notice.smtp_tls' };
  return { kind: 'transient', reason: 'notice.smtp_unreachable' };
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { appendAudit } from '../audit';
import type { Db } from '../storage/database';
import type { NoticeService } from '../notices/notice-service';
import { TWILIO_SIGNATURE_HEADER, twilioSignatureMatches } from '../notices/twilio-signature';
import { SMS_INBOUND_PATH, SMS_STATUS_PATH } from '../notices/twilio-sms';
import { fail } from './replies';

export interface SmsRouteDeps {
  db: Db;
  clock: () => number;
  notices: () => NoticeService;
}

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number');
const sid = z.string().regex(/^[A-Z]{2}[0-9a-f]{32}$|^[A-Za-z0-9]{2,64}$/, 'a provider id');

/** A delivery report (Twilio's status callback; other form fields are ignored). */
const statusSchema = z.looseObject({
  AccountSid: z.string().min(1).max(64),
  MessageSid: sid,
  MessageStatus: z.enum([
    'queued',
    'accepted',
    'sending',
    'sent',
    'delivered',
    'undelivered',
    'failed',
    'read',
  ]),
  ErrorCode: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional(),
});

/** An inbound text (Twilio's messaging webhook). */
const inboundSchema = z.looseObject({
  AccountSid: z.string().min(1).max(64),
  MessageSid: sid,
  From: e164,
  To: z.string().min(1).max(64),
  Body: z.string().max(1600),
});

const noticeQuery = z.object({ notice: z.string().min(1).max(160) });

function twiml(message?: string): string {
  const escaped = (message ?? '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${message ? `<Message>${escaped}</Message>` : ''}</Response>`;
}

/**
 * The SMS provider's callbacks (docs/deployment.md, "Customer notices"): delivery status
 * and inbound texts, form-encoded and signed (X-Twilio-Signature over the configured
 * public URL and the parameters). Checked in order, each refusal with its own code and
 * nothing changed: provider configured, signature, the account, the fields (zod). A
 * refused callback is audited with its code only (its body may carry a phone number).
 */
export function registerSmsRoutes(app: FastifyInstance, deps: SmsRouteDeps): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    const verify = async (
      request: { url: string; headers: Record<string, unknown>; body: unknown; ip: string },
      path: string,
    ): Promise<
      | { ok: true; params: Record<string, string> }
      | { ok: false; status: number; code: string; message: string }
    > => {
      const sms = deps.notices().sms;
      if (!sms)
        return {
          ok: false,
          status: 404,
          code: 'notices.sms_not_configured',
          message: 'No SMS provider is configured.',
        };
      const params = (request.body ?? {}) as Record<string, string>;
      const header = request.headers[TWILIO_SIGNATURE_HEADER];
      const url = sms.settings.publicUrl + request.url;
      const refuse = async (code: string, message: string) => {
        await refused(deps, request.ip, path, code);
        return { ok: false as const, status: 403, code, message };
      };
      if (typeof header !== 'string' || !twilioSignatureMatches(sms.settings.authToken, url, params, header))
        return refuse('notices.bad_signature', 'The signature does not match.');
      if (params.AccountSid !== sms.settings.accountSid)
        return refuse('notices.wrong_account', 'The callback is for another account.');
      return { ok: true, params };
    };
    scope.post(SMS_STATUS_PATH, async (request, reply) => {
      const checked = await verify(request, SMS_STATUS_PATH);
      if (!checked.ok) return fail(reply, checked.status, checked.code, checked.message);
      const query = noticeQuery.safeParse(request.query);
      const report = statusSchema.safeParse(checked.params);
      if (!query.success || !report.success) {
        await refused(deps, request.ip, SMS_STATUS_PATH, 'notices.invalid_status');
        return fail(
          reply,
          400,
          'notices.invalid_status',
          'The status callback lacks a field or has a bad one.',
        );
      }
      const outcome = await deps.notices().replies.status({
        noticeId: query.data.notice,
        providerId: report.data.MessageSid,
        status: report.data.MessageStatus,
        errorCode: report.data.ErrorCode ?? null,
      });
      // Still being recorded by the node that sent it: a retry of this callback will settle it.
      if (outcome === 'not-yet-recorded')
        return fail(reply, 503, 'notices.not_yet_recorded', 'The notice is still being recorded; retry.');
      return reply.code(200).send({ ok: true, value: { status: outcome } });
    });
    scope.post(SMS_INBOUND_PATH, async (request, reply) => {
      const checked = await verify(request, SMS_INBOUND_PATH);
      if (!checked.ok) return fail(reply, checked.status, checked.code, checked.message);
      const text = inboundSchema.safeParse(checked.params);
      if (!text.success) {
        await refused(deps, request.ip, SMS_INBOUND_PATH, 'notices.invalid_inbound');
        return fail(
          reply,
          400,
          'notices.invalid_inbound',
          'The inbound message lacks a field or has a bad one.',
        );
      }
      const answer = await deps.notices().replies.inbound(text.data.From, text.data.Body);
      return reply.code(200).type('text/xml').send(twiml(answer.answer));
    });
  });
}

async function refused(deps: SmsRouteDeps, ip: string, path: string, code: string): Promise<void> {
  await appendAudit(deps.db, {
    at: deps.clock(),
    actorId: null,
    action: 'notice.callback',
    entityType: 'sms-provider',
    entityId: path,
    sourceIp: ip,
    outcome: 'rejected',
    detail: { code },
  });
}

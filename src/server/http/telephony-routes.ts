import type { PolicyAt } from '../policy/policy-book';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseUnknown } from '../../shared/domain/parse';
import { telephonyEventSchema } from '../../shared/telephony/events';
import { appendAudit } from '../audit';
import type { Db } from '../storage/database';
import type { TelephonyBridge } from '../telephony/bridge';
import { RateLimiter } from '../telephony/rate-limiter';
import { SIGNATURE_HEADERS, signatureMatches } from '../telephony/signature';
import type { TelephonyConfig } from '../telephony/telephony-config';
import { fail } from './replies';

export interface TelephonyRouteDeps {
  db: Db;
  policyAt: PolicyAt;
  clock: () => number;
  telephony: TelephonyConfig;
  bridge: () => TelephonyBridge;
}

export const TELEPHONY_EVENTS_PATH = '/telephony/v1/events';

/**
 * `POST /telephony/v1/events` (docs/telephony.md): one signed platform event per
 * request. Checked in this order, each refusal with its own code and nothing
 * changed: known platform, rate limit, timestamp inside the replay window, signature
 * over the exact bytes received, JSON, the event schema, then the bridge (known agent,
 * event id not seen before). Every refusal after the platform is known is audited.
 */
export function registerTelephonyRoutes(app: FastifyInstance, deps: TelephonyRouteDeps): void {
  // Rate limiting protects this process in real time, whatever clock the rules run on.
  const limiter = new RateLimiter(
    () => ({
      perSecond: deps.policyAt(deps.clock()).telephony.eventsPerSecond,
      burst: deps.policyAt(deps.clock()).telephony.eventBurst,
    }),
    Date.now,
  );
  const platforms = new Map(deps.telephony.platforms.map((p) => [p.id, p]));
  void app.register(async (scope) => {
    // The signature covers the raw bytes, so this route keeps the body as text and parses it itself
    // (in place of the app's bounded JSON parser, which this scope would otherwise inherit).
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      done(null, body);
    });
    scope.post(TELEPHONY_EVENTS_PATH, async (request, reply) => {
      const header = (name: string) => {
        const value = request.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      const platform = platforms.get(header(SIGNATURE_HEADERS.platform) ?? '');
      if (!platform) {
        return fail(
          reply,
          401,
          'telephony.unknown_platform',
          `Send a configured platform id in ${SIGNATURE_HEADERS.platform}.`,
        );
      }
      const refuse = (status: number, code: string, message: string) =>
        refuseAudited(deps, request, reply, { platform: platform.id, status, code, message });
      const allowed = limiter.take(platform.id);
      if (!allowed.ok) {
        const seconds = String(Math.max(1, Math.ceil(allowed.retryAfterMs / 1000)));
        // Not audited: a flood must not turn into a flood of audit rows.
        void reply.header('retry-after', seconds);
        return fail(reply, 429, 'telephony.rate_limited', `Too many events; retry after ${seconds} s.`);
      }
      const timestamp = header(SIGNATURE_HEADERS.timestamp) ?? '';
      const window = deps.policyAt(deps.clock()).telephony.replayWindowSeconds;
      if (
        !/^\d{1,12}$/.test(timestamp) ||
        Math.abs(deps.clock() - Number(timestamp) * 1000) > window * 1000
      ) {
        return refuse(
          401,
          'telephony.stale_timestamp',
          `${SIGNATURE_HEADERS.timestamp} must be Unix seconds within ${window} s of the server clock.`,
        );
      }
      const body = typeof request.body === 'string' ? request.body : '';
      if (!signatureMatches(platform.secret, timestamp, body, header(SIGNATURE_HEADERS.signature) ?? '')) {
        return refuse(401, 'telephony.bad_signature', 'The signature does not match the body and timestamp.');
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return refuse(400, 'telephony.malformed_body', 'The body is not JSON.');
      }
      const event = parseUnknown(telephonyEventSchema, json, 'telephony.invalid_event', 'The event');
      if (!event.ok) return refuse(400, event.error.code, event.error.message);
      const handled = await deps.bridge().handle(platform.id, event.value);
      if (!handled.ok) return refuse(422, handled.error.code, handled.error.message);
      return reply.code(200).send({ ok: true, value: { status: handled.value } });
    });
  });
}

/** Answers the refusal and audits it (codes only: a refused body may carry anything). */
async function refuseAudited(
  deps: TelephonyRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  refusal: { platform: string; status: number; code: string; message: string },
): Promise<FastifyReply> {
  await appendAudit(deps.db, {
    at: deps.clock(),
    actorId: null,
    action: 'telephony.event',
    entityType: 'telephony_platform',
    entityId: refusal.platform,
    sourceIp: request.ip,
    outcome: 'rejected',
    detail: { code: refusal.code },
  });
  return fail(reply, refusal.status, refusal.code, refusal.message);
}

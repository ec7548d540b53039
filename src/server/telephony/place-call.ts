import type { PolicyAt } from '../policy/policy-book';
import { randomUUID } from 'node:crypto';
import type { CustomerHoursException } from '../../shared/domain/phones/customer-hours-exception';
import { err, ok, type Result } from '../../shared/domain/result';
import { recordCallbackAttempt } from '../../shared/sync/mutators/callback-record-attempt';
import { getRow } from '../../shared/sync/mutator';
import type { SessionUser } from '../../shared/sync/protocol';
import { inScope } from '../../shared/sync/authorization';
import { checkDial } from '../../shared/telephony/dial-check';
import type { PlaceCallArgs } from '../../shared/telephony/desk-events';
import { appendAudit } from '../audit';
import type { Db } from '../storage/database';
import { readRows } from '../storage/row-store';
import { upsertPlacedCall } from '../storage/telephony-store';
import { findUserById } from '../storage/users';
import { qualifiedCallId } from './bridge';
import { requestPlaceCall } from './call-control';
import type { TelephonyConfig } from './telephony-config';

export interface PlaceCallDeps {
  db: Db;
  policyAt: PolicyAt;
  clock: () => number;
  telephony: TelephonyConfig;
}

export type PlaceCall = (
  user: SessionUser,
  args: PlaceCallArgs,
  sourceIp: string | null,
) => Promise<Result<{ callId: string }>>;

/**
 * `telephony:place-call` (the cti port): the agent asks the server to dial a callback's
 * number. The server checks what recording the attempt will check (the record-attempt
 * mutator's authorization, then checkDial with the server's clock), asks the platform
 * to place the call, and remembers which callback attempt the call is, so the call's
 * events reach the agent with it. Nothing is recorded on the callback here: the attempt
 * is recorded when the agent confirms the outcome the call's events suggest.
 */
export function createPlaceCall(deps: PlaceCallDeps): PlaceCall {
  const platform = deps.telephony.platforms.find((p) => p.placeCall);
  return async (user, args, sourceIp) => {
    if (!platform?.placeCall) {
      return err(
        'telephony.not_configured',
        'This server places no calls; dial by hand or through your softphone.',
      );
    }
    const now = deps.clock();
    const rows = await readRows(deps.db, [{ table: 'callbacks', id: args.callbackId }]);
    const callback = getRow(rows, 'callbacks', args.callbackId);
    if (!callback || !inScope(user, callback.team)) {
      return err('callback.not_found', 'This callback does not exist or is not on your team.');
    }
    const actor = { userId: user.id, role: user.role, team: user.team };
    // The same authorization as recording this attempt (role, Tier 2 work).
    const authorized = recordCallbackAttempt.authorize(
      actor,
      { ...args, outcome: 'no-answer-no-message', messageLeft: false, at: now },
      rows,
    );
    if (!authorized.ok) return authorized;
    const customers = await readRows(deps.db, [{ table: 'customers', id: callback.customerId }]);
    const customer = getRow(customers, 'customers', callback.customerId);
    const policy = deps.policyAt(now);
    const dial = checkDial(callback, customer, args.numberDialed, user.id, now, policy, args.exception);
    if (!dial.ok) {
      // Audited like a refused attempt: the code and the exception's kind, never the note.
      const detail = { code: dial.error.code, ...exceptionKind(args.exception) };
      await audit(deps.db, user, args, sourceIp, now, 'rejected', detail);
      return dial;
    }
    const account = await findUserById(deps.db, user.id);
    if (!account) return err('auth.unknown_user', 'Your account no longer exists.');
    const [to = args.numberDialed, extension] = args.numberDialed.split(';ext=');
    const placed = await requestPlaceCall(
      { ...platform, placeCall: platform.placeCall },
      {
        requestId: randomUUID(),
        agent: account.username,
        to,
        extension: extension ?? null,
        reference: { callbackId: args.callbackId, attemptId: args.attemptId },
      },
      { timeoutMs: policy.telephony.placeCallTimeoutMs, now },
    );
    await audit(deps.db, user, args, sourceIp, now, placed.ok ? 'applied' : 'failed', {
      platform: platform.id,
      ...(placed.ok ? {} : { code: placed.error.code }),
      ...exceptionKind(dial.value.exception),
    });
    if (!placed.ok) return placed;
    await upsertPlacedCall(deps.db, {
      platform: platform.id,
      call_id: placed.value.callId,
      direction: 'outbound',
      agent_id: user.id,
      callback_id: args.callbackId,
      attempt_id: args.attemptId,
      number: args.numberDialed,
      status: 'placed',
      started_at: now,
      answered_at: null,
      ended_at: null,
      end_reason: null,
      duration_seconds: null,
    });
    return ok({ callId: qualifiedCallId(platform.id, placed.value.callId) });
  };
}

/** The exception's kind only, as on the attempt's audit: the agent's note may name the customer. */
function exceptionKind(exception: CustomerHoursException | null | undefined) {
  return exception ? { customerHoursException: exception.kind } : {};
}

function audit(
  db: Db,
  user: SessionUser,
  args: PlaceCallArgs,
  sourceIp: string | null,
  now: number,
  outcome: 'applied' | 'failed' | 'rejected',
  detail: Record<string, unknown>,
) {
  return appendAudit(db, {
    at: now,
    actorId: user.id,
    action: 'telephony.place-call',
    entityType: 'callback',
    entityId: args.callbackId,
    sourceIp,
    outcome,
    detail,
  });
}

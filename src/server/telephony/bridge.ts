import type { PolicyAt } from '../policy/policy-book';
import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../shared/domain/result';
import type { DeskCallEvent } from '../../shared/telephony/desk-events';
import type { TelephonyEvent } from '../../shared/telephony/events';
import { ivrCallbackTeam, planIvrCallback } from '../../shared/telephony/ivr-callback';
import { appendAudit } from '../audit';
import type { Db } from '../storage/database';
import { writeRows } from '../storage/row-store';
import {
  findCall,
  insertCall,
  recordEventOnce,
  updateCall,
  type CallRecord,
} from '../storage/telephony-store';
import { findUserByUsername } from '../storage/users';
import type { CallerKeys } from './customer-lookup';

export interface BridgeDeps {
  db: Db;
  /** The policy in force at a moment (it may change while the server runs). */
  policyAt: PolicyAt;
  clock: () => number;
  /** Sends a call event to every desktop of one agent. */
  notifyAgent(userId: string, event: DeskCallEvent): void;
  /** The customer a call is about (customer-lookup.ts). */
  findCustomer(keys: CallerKeys): Promise<string | undefined>;
  /** Tells desktops of these teams to pull (rows changed at `version`). */
  poke(teams: readonly string[], version: number | undefined): void;
}

export type EventOutcome = 'accepted' | 'duplicate';

/** `<platform>:<call id>`: call ids are the platform's, unique only within it. */
export const qualifiedCallId = (platform: string, callId: string) => `${platform}:${callId}`;

/** Ids for rows created from one platform call: the same call always gives the same ids. */
function idFor(kind: string, platform: string, callId: string): string {
  return `ivr-${kind}-${createHash('sha256').update(`${platform}\n${callId}`).digest('hex').slice(0, 32)}`;
}

/**
 * Applies one verified, valid platform event (docs/telephony.md, "Events"). In one
 * transaction: the event id is recorded (a resend is answered `duplicate` and changes
 * nothing), the call's state follows, an IVR callback request writes its rows, and the
 * event is audited (ids and codes only). After the commit the agent's desktops hear of
 * it (screen pop, call progress) and changed teams are poked.
 */
export class TelephonyBridge {
  constructor(private readonly deps: BridgeDeps) {}

  async handle(platform: string, event: TelephonyEvent): Promise<Result<EventOutcome>> {
    const { db, clock } = this.deps;
    const now = clock();
    const agent = event.type === 'callback.requested' ? undefined : await this.activeAgent(event.agent);
    if (event.type !== 'callback.requested' && !agent) {
      return err('telephony.unknown_agent', `No active Agent Desk user has the username in "agent".`);
    }
    // Looked up before the transaction: the index reads committed changes on its own connection.
    const caller =
      event.type === 'callback.requested' || event.type === 'call.offered'
        ? await this.findCaller(
            event,
            agent?.team ?? ivrCallbackTeam(event.ivr, this.deps.policyAt(this.deps.clock())),
          )
        : undefined;
    const after: Array<() => Promise<void> | void> = [];
    const outcome = await db.transaction().execute(async (trx) => {
      const fresh = await recordEventOnce(trx, {
        platform,
        eventId: event.eventId,
        type: event.type,
        callId: event.callId,
        at: now,
      });
      if (!fresh) return 'duplicate' as const;
      if (event.type === 'callback.requested') {
        const planned = await this.writeIvrCallback(trx, platform, event, caller, now);
        after.push(() => this.deps.poke([planned.team], planned.version));
      } else if (event.type === 'call.offered') {
        await insertCall(
          trx,
          this.newCall(platform, event.callId, 'inbound', agent?.id ?? null, event.from, now),
        );
        if (agent) after.push(() => this.popScreen(platform, event, agent, caller, now));
      } else {
        const call = await findCall(trx, platform, event.callId);
        const record = call ?? this.newCall(platform, event.callId, 'inbound', agent?.id ?? null, null, now);
        if (!call) await insertCall(trx, record);
        const desk = await this.followCall(trx, record, event, now);
        if (agent) after.push(() => this.deps.notifyAgent(agent.id, desk));
      }
      await appendAudit(trx, {
        at: now,
        actorId: agent?.id ?? null,
        action: `telephony.${event.type}`,
        entityType: 'telephony_call',
        entityId: qualifiedCallId(platform, event.callId),
        outcome: 'applied',
        detail: { platform, eventId: event.eventId },
      });
      return 'accepted' as const;
    });
    for (const step of after) await step();
    return ok(outcome);
  }

  /** The customer of a caller (the agent's team, or the IVR callback's). */
  private findCaller(
    event: Extract<TelephonyEvent, { type: 'call.offered' | 'callback.requested' }>,
    team: string,
  ): Promise<string | undefined> {
    return this.deps.findCustomer({ ...event.ivr, phone: event.from, team });
  }

  private async activeAgent(username: string): Promise<{ id: string; team: string } | undefined> {
    const user = await findUserByUsername(this.deps.db, username);
    if (!user || !user.profile.active || user.profile.role === 'admin') return undefined;
    return { id: user.profile.id, team: user.profile.team };
  }

  private newCall(
    platform: string,
    callId: string,
    direction: CallRecord['direction'],
    agentId: string | null,
    number: string | null,
    now: number,
  ): CallRecord {
    return {
      platform,
      call_id: callId,
      direction,
      agent_id: agentId,
      callback_id: null,
      attempt_id: null,
      number,
      status: 'offered',
      started_at: now,
      answered_at: null,
      ended_at: null,
      end_reason: null,
      duration_seconds: null,
    };
  }

  /** Progress, answered, ended: the call's row follows, and the desktop event carries the attempt it belongs to. */
  private async followCall(
    trx: Parameters<typeof updateCall>[0],
    call: CallRecord,
    event: Extract<TelephonyEvent, { type: 'call.progress' | 'call.answered' | 'call.ended' }>,
    now: number,
  ): Promise<DeskCallEvent> {
    const base = { callId: qualifiedCallId(call.platform, call.call_id), at: now };
    const attempt =
      call.callback_id && call.attempt_id && call.number
        ? { callbackId: call.callback_id, attemptId: call.attempt_id, numberDialed: call.number }
        : null;
    if (event.type === 'call.progress') {
      await updateCall(trx, call.platform, call.call_id, { status: event.status });
      return { ...base, kind: 'progress', status: event.status, attempt };
    }
    if (event.type === 'call.answered') {
      await updateCall(trx, call.platform, call.call_id, { status: 'answered', answered_at: now });
      return { ...base, kind: 'answered', attempt };
    }
    await updateCall(trx, call.platform, call.call_id, {
      status: 'ended',
      ended_at: now,
      end_reason: event.reason,
      duration_seconds: event.durationSeconds,
    });
    return {
      ...base,
      kind: 'ended',
      reason: event.reason,
      durationSeconds: event.durationSeconds,
      startedAt: call.started_at,
      attempt,
    };
  }

  private async writeIvrCallback(
    trx: Parameters<typeof writeRows>[0],
    platform: string,
    event: Extract<TelephonyEvent, { type: 'callback.requested' }>,
    existing: string | undefined,
    now: number,
  ): Promise<{ team: string; version: number | undefined }> {
    const team = ivrCallbackTeam(event.ivr, this.deps.policyAt(this.deps.clock()));
    // One callback per platform call: a second request for the same call (a new event id) changes nothing.
    const call = await findCall(trx, platform, event.callId);
    if (call?.callback_id) return { team, version: undefined };
    const callbackId = idFor('cb', platform, event.callId);
    if (call)
      await updateCall(trx, platform, event.callId, {
        status: 'callback-requested',
        callback_id: callbackId,
      });
    else {
      const inserted = await insertCall(trx, {
        ...this.newCall(platform, event.callId, 'inbound', null, event.from, now),
        status: 'callback-requested',
        callback_id: callbackId,
      });
      // Another node inserted the same call meanwhile (it waited for that commit): that one writes the callback.
      if (!inserted) return { team, version: undefined };
    }
    const planned = planIvrCallback({
      ids: {
        customerId: idFor('c', platform, event.callId),
        inquiryId: idFor('i', platform, event.callId),
        callbackId,
      },
      from: event.from,
      ivr: event.ivr,
      existingCustomerId: existing,
      createdBy: `telephony:${platform}`,
      now,
      policy: this.deps.policyAt(now),
    });
    // The schemas accepted the event, so the rows are valid; a failure here is a bug, not bad input.
    if (!planned.ok) throw new Error(planned.error.message);
    const version = await writeRows(trx, planned.value, now);
    return { team, version };
  }

  /** The screen pop: the customer found for this caller (or none), and what the IVR collected. */
  private popScreen(
    platform: string,
    event: Extract<TelephonyEvent, { type: 'call.offered' }>,
    agent: { id: string; team: string },
    // Found in the agent's team only: a desktop holds its team's rows, so another team's customer could not open.
    customerId: string | undefined,
    now: number,
  ): void {
    this.deps.notifyAgent(agent.id, {
      kind: 'offered',
      callId: qualifiedCallId(platform, event.callId),
      at: now,
      from: event.from,
      customerId: customerId ?? null,
      ivr: event.ivr,
    });
  }
}

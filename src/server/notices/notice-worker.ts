import { createHmac, randomUUID } from 'node:crypto';
import { noticeDaytimeOpening } from '../../shared/domain/notices/notice-daytime';
import type { NoticeTemplates } from '../../shared/domain/notices/templates';
import type { CallbackRow, CustomerRow, NoticeChannel } from '../../shared/sync/rows';
import type { Logger } from '../logger';
import type { PolicyAt } from '../policy/policy-book';
import type { Db } from '../storage/database';
import {
  claimNotice,
  dueNoticeIds,
  expireLeases,
  markUnanswered,
  noticeById,
  refreshCallbackNotices,
  settleClaimed,
  type NoticeRow,
} from '../storage/notice-store';
import { readRows } from '../storage/row-store';
import type { NoticeSender, SendOutcome } from './channel';
import { auditNotice } from './notice-audit';
import { noticeText } from './notice-text';
import { repeat } from './repeat';

export interface NoticeWorkerDeps {
  db: Db;
  /** The policy in force at an instant (the worker reads it at each step's `now`). */
  policyAt: PolicyAt;
  clock: () => number;
  log: Logger;
  senders: ReadonlyMap<NoticeChannel, NoticeSender>;
  templates: NoticeTemplates;
  /** Keys the address hash kept in the outbox (to match replies and STOP without storing the address). */
  addressSecret: string;
  /** Tells desktops of these teams that rows changed. */
  poke: (teams: Iterable<string>, version: number | undefined) => void;
  /** This node's name in leases (default: a fresh id per process). */
  owner?: string;
  /** Notices handed to providers at once. */
  concurrency?: number;
}

/** The keyed hash of an address, as the outbox keeps it. */
export function addressKey(secret: string, address: string): string {
  return createHmac('sha256', secret).update(address.trim().toLowerCase()).digest('hex');
}

/**
 * Sends due notices. Each is claimed first (a conditional update: one node wins),
 * checked again against what is true now (callback open, consent still active, the
 * customer's daytime), handed to its channel's provider, and recorded with an audit
 * event. A passing failure is retried with exponential backoff up to the policy's
 * tries; a claim whose node died is never sent again (expireLeases).
 */
export class NoticeWorker {
  readonly owner: string;
  private stopLoop: (() => Promise<void>) | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly deps: NoticeWorkerDeps) {
    this.owner = deps.owner ?? `node-${randomUUID()}`;
  }

  start(intervalMs: number): void {
    this.stopLoop = repeat(() => this.tick(), intervalMs, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.stopLoop?.();
    await this.running?.catch(() => undefined);
  }

  /** One pass: settles dead claims, then sends everything due now. Returns how many it handled. */
  tick(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    const { db, clock, log } = this.deps;
    try {
      for (const lost of await expireLeases(db, clock())) {
        await this.record(lost, 'unknown', { reason: lost.reason });
      }
      const window = this.deps.policyAt(clock()).notices.availabilityReplyMinutes * 60_000;
      for (const silent of await markUnanswered(db, clock() - window, clock())) {
        await this.record(silent, 'no_reply', { kind: silent.kind });
      }
      let handled = 0;
      const width = this.deps.concurrency ?? 16;
      for (;;) {
        if (this.stopped) break;
        const ids = await dueNoticeIds(db, clock(), width * 4);
        if (ids.length === 0) break;
        let next = 0;
        const lane = async () => {
          while (next < ids.length && !this.stopped) {
            const id = ids[next++] as string;
            if (await this.process(id)) handled += 1;
          }
        };
        await Promise.all(Array.from({ length: width }, lane));
      }
      return handled;
    } catch (error) {
      log.error({ err: error }, 'notice worker pass failed');
      return 0;
    }
  }

  /** Claims, checks, sends and records one notice; false when another node had it. */
  private async process(id: string): Promise<boolean> {
    const { db, clock } = this.deps;
    const now = clock();
    const policy = this.deps.policyAt(now);
    if (!(await claimNotice(db, id, this.owner, now, policy.notices.leaseSeconds * 1000))) return false;
    const notice = await noticeById(db, id);
    if (!notice) return false;
    const rows = await readRows(db, [
      { table: 'callbacks', id: notice.callback_id },
      { table: 'customers', id: notice.customer_id },
    ]);
    const callback = rows.get(`callbacks/${notice.callback_id}`) as CallbackRow | undefined;
    const customer = rows.get(`customers/${notice.customer_id}`) as CustomerRow | undefined;
    const verdict = this.check(notice, callback, customer, now);
    if (verdict.kind !== 'send') return this.settle(notice, verdict.change, verdict.event);
    const { address, timeZone } = verdict;
    const message = noticeText(
      this.deps.templates,
      policy,
      {
        kind: notice.kind,
        channel: notice.channel,
        sendAt: notice.send_at,
        slotStart: callback?.scheduledSlot?.start ?? null,
      },
      customer?.preferredLanguage ?? 'en',
      timeZone,
    );
    const sender = this.deps.senders.get(notice.channel) as NoticeSender;
    const outcome = await sender.send({ noticeId: notice.id, to: address, ...message });
    const key = addressKey(this.deps.addressSecret, address);
    return this.settle(
      notice,
      this.afterSend(notice, outcome, key),
      outcome.kind === 'accepted' ? 'sent' : outcome.kind,
    );
  }

  /** What is true now decides whether the notice goes (and where), waits, or stops. */
  private check(
    notice: NoticeRow,
    callback: CallbackRow | undefined,
    customer: CustomerRow | undefined,
    now: number,
  ):
    | { kind: 'send'; address: string; timeZone: string }
    | { kind: 'stop'; change: Parameters<typeof settleClaimed>[3]; event: string } {
    const fail = (state: 'failed' | 'cancelled', reason: string) => ({
      kind: 'stop' as const,
      change: { state, reason, updated_at: now },
      event: state,
    });
    if (!callback || callback.status !== 'open') return fail('cancelled', 'notice.callback_closed');
    const consent = customer?.noticeConsent[notice.channel];
    if (!customer || !consent || consent.revokedAt !== null) return fail('failed', 'notice.no_consent');
    if (!this.deps.senders.has(notice.channel)) return fail('failed', 'notice.channel_unavailable');
    const policy = this.deps.policyAt(now);
    const { notices } = policy;
    if (notice.kind === 'available-now' && now > notice.send_at + notices.availabilityReplyMinutes * 60_000)
      return fail('cancelled', 'notice.too_late');
    const phone = notice.channel === 'sms' ? consent.address : (customer.phones[0]?.e164 ?? '');
    const { opensAt: opening, timeZone } = noticeDaytimeOpening(customer, phone, now, policy);
    if (opening > now) {
      // Not a try: outside the customer's daytime the notice waits for the next morning.
      return {
        kind: 'stop',
        change: {
          state: 'queued',
          next_at: opening,
          tries: notice.tries - 1,
          reason: 'notice.waiting_for_daytime',
          updated_at: now,
        },
        event: 'deferred',
      };
    }
    return { kind: 'send', address: consent.address, timeZone };
  }

  private afterSend(
    notice: NoticeRow,
    outcome: SendOutcome,
    key: string,
  ): Parameters<typeof settleClaimed>[3] {
    const now = this.deps.clock();
    const { maxTries, retryBaseSeconds, retryMaxMinutes } = this.deps.policyAt(now).notices;
    switch (outcome.kind) {
      case 'accepted':
        return {
          state: 'sent',
          provider_id: outcome.providerId,
          address_key: key,
          reason: null,
          updated_at: now,
        };
      case 'unknown':
        return { state: 'unknown', address_key: key, reason: outcome.reason, updated_at: now };
      case 'permanent':
        return { state: 'failed', reason: outcome.reason, updated_at: now };
      case 'transient': {
        if (notice.tries >= maxTries) return { state: 'failed', reason: outcome.reason, updated_at: now };
        const backoff = Math.min(retryBaseSeconds * 1000 * 2 ** (notice.tries - 1), retryMaxMinutes * 60_000);
        return { state: 'queued', next_at: now + backoff, reason: outcome.reason, updated_at: now };
      }
    }
  }

  /** Records the claimed notice's next state, its audit event and the callback's list, in one transaction. */
  private async settle(
    notice: NoticeRow,
    change: Parameters<typeof settleClaimed>[3],
    event: string,
  ): Promise<boolean> {
    const { db } = this.deps;
    const written = await db.transaction().execute(async (trx) => {
      if (!(await settleClaimed(trx, notice.id, this.owner, change))) return undefined;
      await auditNotice(trx, change.updated_at, notice.id, event === 'transient' ? 'retry' : event, {
        kind: notice.kind,
        channel: notice.channel,
        tries: notice.tries,
        ...(change.reason ? { reason: change.reason } : {}),
      });
      return (await refreshCallbackNotices(trx, notice.callback_id)) ?? null;
    });
    if (written === undefined) {
      this.deps.log.warn({ noticeId: notice.id }, 'notice claim was lost before it was recorded');
      return false;
    }
    if (written) this.deps.poke([written.team], written.version);
    return true;
  }

  /** Audits a state reached outside a claim (an expired lease) and refreshes its callback. */
  private async record(notice: NoticeRow, event: string, detail: Record<string, unknown>): Promise<void> {
    const now = this.deps.clock();
    const written = await this.deps.db.transaction().execute(async (trx) => {
      await auditNotice(trx, now, notice.id, event, detail);
      return refreshCallbackNotices(trx, notice.callback_id);
    });
    if (written) this.deps.poke([written.team], written.version);
  }
}

import { replyMeaning, type ReplyMeaning } from '../../shared/domain/notices/keywords';
import { fillTemplate, type NoticeTemplates } from '../../shared/domain/notices/templates';
import type { CustomerRow, Language } from '../../shared/sync/rows';
import { appendAudit } from '../audit';
import type { PolicyAt } from '../policy/policy-book';
import type { Db } from '../storage/database';
import {
  moveNotice,
  noticeById,
  noticesToAddress,
  queuedNoticesOfCustomer,
  refreshCallbackNotices,
  type NoticeRow,
} from '../storage/notice-store';
import { readRows, writeRows } from '../storage/row-store';
import { addressKey } from './notice-worker';

export interface SmsReplyDeps {
  db: Db;
  policyAt: PolicyAt;
  clock: () => number;
  templates: NoticeTemplates;
  addressSecret: string;
  poke: (teams: Iterable<string>, version: number | undefined) => void;
}

/** What the provider reported about one message (its status callback). */
export interface SmsStatus {
  noticeId: string;
  providerId: string;
  status: 'queued' | 'accepted' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'read';
  errorCode: string | null;
}

type Pokes = Array<{ team: string; version: number }>;

function statusChange(report: SmsStatus): { state: 'sent' | 'delivered' | 'failed'; reason: string | null } {
  if (report.status === 'delivered' || report.status === 'read') return { state: 'delivered', reason: null };
  if (report.status === 'failed' || report.status === 'undelivered') {
    const code = report.errorCode ? `_${report.errorCode}` : '';
    return { state: 'failed', reason: `notice.sms_${report.status}${code}`.slice(0, 64) };
  }
  return { state: 'sent', reason: null };
}

/**
 * A customer's texts and the provider's delivery reports, applied to the outbox and
 * the rows they concern, each in one transaction and audited (codes and ids only).
 * Replies are matched by the keyed hash of the sender's number, so the outbox never
 * holds it: STOP/CANCELAR withdraw SMS consent at once for every customer we texted
 * at that number; "yes/sí" answers the newest open "available now?" check sent to it.
 */
export class SmsReplies {
  constructor(private readonly deps: SmsReplyDeps) {}

  /** A status callback: moves a sent (or unknown) notice on; a repeat changes nothing. */
  async status(report: SmsStatus): Promise<'applied' | 'duplicate' | 'unknown-notice' | 'not-yet-recorded'> {
    const { db, clock } = this.deps;
    const notice = await noticeById(db, report.noticeId);
    if (!notice || notice.channel !== 'sms') return 'unknown-notice';
    if (notice.provider_id !== null && notice.provider_id !== report.providerId) return 'unknown-notice';
    if (notice.state === 'sending') return 'not-yet-recorded';
    const change = statusChange(report);
    // A progress report (queued, sending, sent) settles only a notice whose node died before recording it.
    const from = change.state === 'sent' ? (['unknown'] as const) : (['sent', 'unknown'] as const);
    if (!(from as readonly string[]).includes(notice.state)) return 'duplicate';
    const now = clock();
    const pokes: Pokes = [];
    const moved = await db.transaction().execute(async (trx) => {
      if (
        !(await moveNotice(trx, notice.id, from, {
          ...change,
          provider_id: report.providerId,
          updated_at: now,
        }))
      )
        return false;
      await appendAudit(trx, {
        at: now,
        actorId: null,
        action: `notice.${change.state}`,
        entityType: 'notice',
        entityId: notice.id,
        outcome: 'ok',
        detail: {
          via: 'provider-status',
          status: report.status,
          ...(change.reason ? { reason: change.reason } : {}),
        },
      });
      const written = await refreshCallbackNotices(trx, notice.callback_id);
      if (written) pokes.push(written);
      return true;
    });
    this.poke(pokes);
    return moved ? 'applied' : 'duplicate';
  }

  /** An inbound text; returns what to answer the customer (undefined: no answer). */
  async inbound(from: string, body: string): Promise<{ meaning: ReplyMeaning; answer?: string }> {
    const { db, clock, policyAt } = this.deps;
    const now = clock();
    const policy = policyAt(now);
    const meaning = replyMeaning(body);
    const sentTo = await noticesToAddress(db, addressKey(this.deps.addressSecret, from));
    const customers = await this.customers(sentTo);
    const language: Language =
      customers[0]?.preferredLanguage ?? (/cancelar|ayuda|parar|alto|baja|detener/i.test(body) ? 'es' : 'en');
    const replies = this.deps.templates[language].replies;
    const values = {
      minutes: String(policy.notices.availabilityReplyMinutes),
      areaCode: policy.callerIdAreaCode,
      date: '',
      time: '',
    };
    const say = (text: string) => fillTemplate(text, values);
    if (meaning === 'stop') {
      await this.optOut(from, customers, sentTo, now);
      return { meaning, answer: say(replies.stopped) };
    }
    if (meaning === 'help') {
      await this.audit(now, 'notice.help', 'sms-sender', customers[0]?.id ?? null, {});
      return { meaning, answer: say(replies.help) };
    }
    if (meaning !== 'yes' && meaning !== 'no') {
      await this.audit(now, 'notice.reply_unclear', 'sms-sender', customers[0]?.id ?? null, {});
      return { meaning };
    }
    const answered = await this.answer(sentTo, meaning, now);
    if (answered === 'late') return { meaning, answer: say(replies.late) };
    if (answered === 'waiting') return { meaning, answer: say(replies.waiting) };
    return { meaning };
  }

  private async customers(sentTo: readonly NoticeRow[]): Promise<CustomerRow[]> {
    const ids = [...new Set(sentTo.map((n) => n.customer_id))];
    const rows = await readRows(
      this.deps.db,
      ids.map((id) => ({ table: 'customers' as const, id })),
    );
    return ids
      .map((id) => rows.get(`customers/${id}`) as CustomerRow | undefined)
      .filter((c) => c !== undefined);
  }

  /** STOP: SMS consent withdrawn for every customer texted at this number, their queued texts cancelled. */
  private async optOut(
    from: string,
    customers: readonly CustomerRow[],
    sentTo: readonly NoticeRow[],
    now: number,
  ) {
    const pokes: Pokes = [];
    await this.deps.db.transaction().execute(async (trx) => {
      const fresh = await readRows(
        trx,
        customers.map((c) => ({ table: 'customers' as const, id: c.id })),
      );
      const callbacks = new Set<string>();
      for (const c of customers) {
        const customer = fresh.get(`customers/${c.id}`) as CustomerRow | undefined;
        const consent = customer?.noticeConsent.sms;
        if (!customer || !consent || consent.address !== from) continue;
        if (consent.revokedAt === null) {
          const { version: _v, ...data } = customer;
          const version = await writeRows(trx, [
            {
              table: 'customers',
              row: {
                ...data,
                noticeConsent: {
                  ...customer.noticeConsent,
                  sms: { ...consent, revokedAt: now, revokedHow: 'stop-keyword' },
                },
              },
            },
          ]);
          if (version !== undefined) pokes.push({ team: customer.team, version });
        }
        await this.audit(now, 'notice.opted_out', 'customer', customer.id, { channel: 'sms' }, trx);
        for (const queued of await queuedNoticesOfCustomer(trx, customer.id, 'sms')) {
          if (
            await moveNotice(trx, queued.id, ['queued'], {
              state: 'cancelled',
              reason: 'notice.opted_out',
              updated_at: now,
            })
          ) {
            await this.audit(
              now,
              'notice.cancelled',
              'notice',
              queued.id,
              { reason: 'notice.opted_out' },
              trx,
            );
            callbacks.add(queued.callback_id);
          }
        }
      }
      // The newest text to this number shows the opt-out on its callback.
      const newest = sentTo.find((n) => n.reply === null && (n.state === 'sent' || n.state === 'delivered'));
      if (
        newest &&
        (await moveNotice(trx, newest.id, ['sent', 'delivered'], {
          reply: 'stop',
          reply_at: now,
          updated_at: now,
        }))
      )
        callbacks.add(newest.callback_id);
      if (customers.length === 0)
        await this.audit(now, 'notice.opted_out', 'sms-sender', null, { matched: 0 }, trx);
      for (const id of callbacks) {
        const written = await refreshCallbackNotices(trx, id);
        if (written) pokes.push(written);
      }
    });
    this.poke(pokes);
  }

  /**
   * "Yes"/"no" answers the newest "available now?" check sent to this number that has no
   * answer yet (so with several open callbacks the reply goes to the one just asked about).
   * Inside the window a yes sets the callback's customerWaitingUntil; after it, the reply
   * is recorded as late and nothing moves.
   */
  private async answer(
    sentTo: readonly NoticeRow[],
    reply: 'yes' | 'no',
    now: number,
  ): Promise<'waiting' | 'late' | 'recorded' | 'none'> {
    const window = this.deps.policyAt(now).notices.availabilityReplyMinutes * 60_000;
    const open = sentTo
      .filter(
        (n) =>
          n.kind === 'available-now' && n.reply === null && (n.state === 'sent' || n.state === 'delivered'),
      )
      .sort((a, b) => b.send_at - a.send_at);
    const asked = open.find((n) => n.send_at + window >= now) ?? open[0];
    if (!asked) {
      await this.audit(now, 'notice.reply_unmatched', 'sms-sender', null, { reply });
      return 'none';
    }
    const late = asked.send_at + window < now;
    const pokes: Pokes = [];
    const moved = await this.deps.db.transaction().execute(async (trx) => {
      const change = {
        state: 'replied' as const,
        reply,
        reply_at: now,
        updated_at: now,
        ...(late ? { reason: 'notice.reply_too_late' } : { reason: null }),
      };
      if (!(await moveNotice(trx, asked.id, ['sent', 'delivered'], change))) return false;
      await this.audit(
        now,
        late ? 'notice.reply_late' : 'notice.replied',
        'notice',
        asked.id,
        { reply },
        trx,
      );
      const waitUntil = reply === 'yes' && !late ? now + window : null;
      const written = await refreshCallbackNotices(trx, asked.callback_id, (row) =>
        waitUntil !== null && row.status === 'open' ? { customerWaitingUntil: waitUntil } : {},
      );
      if (written) pokes.push(written);
      return true;
    });
    this.poke(pokes);
    if (!moved) return 'none';
    return late ? 'late' : reply === 'yes' ? 'waiting' : 'recorded';
  }

  private audit(
    at: number,
    action: string,
    entityType: string,
    entityId: string | null,
    detail: Record<string, unknown>,
    trx: Parameters<typeof appendAudit>[0] = this.deps.db,
  ): Promise<void> {
    return appendAudit(trx, { at, actorId: null, action, entityType, entityId, outcome: 'ok', detail });
  }

  private poke(pokes: Pokes): void {
    for (const p of pokes) this.deps.poke([p.team], p.version);
  }
}

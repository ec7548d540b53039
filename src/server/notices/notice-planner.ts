import type { Transaction } from 'kysely';
import { rowKey, type CallbackRow, type CustomerRow, type NoticeChannel } from '../../shared/sync/rows';
import type { Db } from '../storage/database';
import {
  insertNotice,
  moveNotice,
  noticesOfCallbacks,
  refreshCallbackNotices,
  type NoticeRow,
} from '../storage/notice-store';
import { readRows } from '../storage/row-store';
import type { Database } from '../storage/schema';
import { auditNotice } from './notice-audit';

/** Brings the outbox in step with these callbacks; returns the teams and last version to poke. */
export type PlanNotices = (
  callbackIds: readonly string[],
) => Promise<{ teams: string[]; lastVersion: number | undefined }>;

/**
 * Keeps the outbox in step with the callbacks a push wrote, right after its commit, in
 * its own transaction over the callbacks as they are NOW (read, and on PostgreSQL
 * locked, again): a scheduled callback with text-ahead gets its notice (one per slot:
 * the id is the idempotency key, so planning twice — or on two nodes — queues it once);
 * a closed, rescheduled or past-slot callback's queued notices are cancelled; an
 * "available now?" the agent asked for is queued. The callback's notice list is
 * rewritten from the outbox when anything changed.
 */
export function noticePlanner(
  db: Db,
  channels: ReadonlySet<NoticeChannel>,
  clock: () => number,
): PlanNotices {
  return (callbackIds) =>
    db.transaction().execute(async (trx) => {
      const now = clock();
      const ids = [...new Set(callbackIds)].sort();
      const rows = await readRows(
        trx,
        ids.map((id) => ({ table: 'callbacks' as const, id })),
      );
      // Read after the callbacks (locked on PostgreSQL), as one statement for all of them.
      const outboxes = await noticesOfCallbacks(
        trx,
        ids.filter((id) => rows.has(rowKey('callbacks', id))),
      );
      const teams: string[] = [];
      let lastVersion: number | undefined;
      for (const id of ids) {
        const callback = rows.get(rowKey('callbacks', id)) as CallbackRow | undefined;
        if (!callback) continue;
        if (!(await planCallback(trx, callback, outboxes.get(id) ?? [], now, channels))) continue;
        const written = await refreshCallbackNotices(trx, callback.id);
        if (written) {
          teams.push(written.team);
          lastVersion = written.version;
        }
      }
      return { teams, lastVersion };
    });
}

/** The text-ahead notice this callback should have, if any. */
function wantedTextAhead(callback: CallbackRow, now: number): string | undefined {
  const slot = callback.scheduledSlot;
  if (callback.status !== 'open' || !callback.textAhead.enabled || callback.textAhead.sendAt === null) return;
  if (!slot || slot.start <= now) return;
  return `${callback.id}:text-ahead:${slot.start}`;
}

/** `outbox`: the callback's notices as read in this transaction. */
async function planCallback(
  trx: Transaction<Database>,
  callback: CallbackRow,
  outbox: readonly NoticeRow[],
  now: number,
  channels: ReadonlySet<NoticeChannel>,
): Promise<boolean> {
  const known = new Set(outbox.map((n) => n.id));
  const wanted = wantedTextAhead(callback, now);
  let changed = false;
  for (const notice of outbox) {
    if (notice.state !== 'queued') continue;
    const stale = notice.kind === 'text-ahead' ? notice.id !== wanted : callback.status !== 'open';
    if (!stale) continue;
    const reason =
      callback.status !== 'open'
        ? 'notice.callback_closed'
        : callback.scheduledSlot && callback.scheduledSlot.start <= now
          ? 'notice.slot_passed'
          : 'notice.rescheduled';
    if (await moveNotice(trx, notice.id, ['queued'], { state: 'cancelled', reason, updated_at: now })) {
      await auditNotice(trx, now, notice.id, 'cancelled', { reason });
      changed = true;
    }
  }
  const asked = callback.notices.filter(
    (n) => n.kind === 'available-now' && n.status === 'queued' && !known.has(n.id),
  );
  if (!wanted && asked.length === 0) return changed;
  const customer = await readCustomer(trx, callback.customerId);
  if (wanted && !known.has(wanted)) {
    await queue(
      trx,
      callback,
      customer,
      { id: wanted, kind: 'text-ahead', sendAt: callback.textAhead.sendAt ?? now },
      now,
      channels,
    );
    changed = true;
  }
  if (callback.status === 'open') {
    for (const n of asked) {
      await queue(
        trx,
        callback,
        customer,
        { id: n.id, kind: 'available-now', sendAt: now },
        now,
        channels,
        'sms',
      );
      changed = true;
    }
  }
  return changed;
}

async function readCustomer(trx: Transaction<Database>, id: string): Promise<CustomerRow | undefined> {
  const rows = await readRows(trx, [{ table: 'customers', id }]);
  return rows.get(`customers/${id}`) as CustomerRow | undefined;
}

/** The channel a notice goes by: the first with active consent (SMS before e-mail), unless one is required. */
export function consentedChannel(
  customer: CustomerRow | undefined,
  only?: NoticeChannel,
): NoticeChannel | undefined {
  const order: NoticeChannel[] = only ? [only] : ['sms', 'email'];
  return order.find((c) => {
    const consent = customer?.noticeConsent[c];
    return consent !== undefined && consent !== null && consent.revokedAt === null;
  });
}

async function queue(
  trx: Transaction<Database>,
  callback: CallbackRow,
  customer: CustomerRow | undefined,
  notice: { id: string; kind: 'text-ahead' | 'available-now'; sendAt: number },
  now: number,
  channels: ReadonlySet<NoticeChannel>,
  only?: NoticeChannel,
): Promise<void> {
  const channel = consentedChannel(customer, only);
  // A notice that cannot go out is recorded as failed with the reason, so the agent sees why.
  const reason = !channel
    ? 'notice.no_consent'
    : !channels.has(channel)
      ? 'notice.channel_unavailable'
      : null;
  const inserted = await insertNotice(trx, {
    id: notice.id,
    callback_id: callback.id,
    customer_id: callback.customerId,
    team: callback.team,
    kind: notice.kind,
    channel: channel ?? only ?? 'sms',
    state: reason ? 'failed' : 'queued',
    send_at: notice.sendAt,
    next_at: notice.sendAt,
    reason,
    created_at: now,
    updated_at: now,
  });
  if (inserted)
    await auditNotice(trx, now, notice.id, reason ? 'failed' : 'queued', {
      kind: notice.kind,
      channel,
      ...(reason ? { reason } : {}),
    });
}

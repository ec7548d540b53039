import type { Insertable, Selectable, Transaction } from 'kysely';
import type { CallbackRow, NoticeSummary } from '../../shared/sync/rows';
import type { Db } from './database';
import { readRows, writeRows } from './row-store';
import type { Database, NoticesTable, NoticeState } from './schema';

/**
 * The notification outbox's SQL (Kysely only, so it runs on SQLite and PostgreSQL).
 * Every state change is a conditional update on the row's current state (and, while
 * sending, on the claiming node's name), so two nodes can never both move one notice:
 * the loser's update changes no row and it walks away.
 */
export type NoticeRow = Selectable<NoticesTable>;
type Executor = Db | Transaction<Database>;

export async function insertNotice(trx: Executor, row: Insertable<NoticesTable>): Promise<boolean> {
  const result = await trx
    .insertInto('notices')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Ids per statement when reading many callbacks' notices (well under both stores' parameter limits). */
const IDS_PER_READ = 500;

/**
 * The outbox's notices of each of these callbacks (an empty list for one with none), in
 * one statement per 500 callbacks: the planner runs after every push, and a statement
 * per callback was most of its cost (a push of 100 claims made 100 reads).
 */
export async function noticesOfCallbacks(
  trx: Executor,
  callbackIds: readonly string[],
): Promise<Map<string, NoticeRow[]>> {
  const byCallback = new Map<string, NoticeRow[]>(callbackIds.map((id) => [id, []]));
  for (let from = 0; from < callbackIds.length; from += IDS_PER_READ) {
    const ids = callbackIds.slice(from, from + IDS_PER_READ);
    const rows = await trx.selectFrom('notices').selectAll().where('callback_id', 'in', ids).execute();
    for (const row of rows) byCallback.get(row.callback_id)?.push(row);
  }
  return byCallback;
}

export async function noticesOfCallback(trx: Executor, callbackId: string): Promise<NoticeRow[]> {
  return (await noticesOfCallbacks(trx, [callbackId])).get(callbackId) ?? [];
}

export async function noticeById(db: Executor, id: string): Promise<NoticeRow | undefined> {
  return db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function noticeByProviderId(db: Executor, providerId: string): Promise<NoticeRow | undefined> {
  return db.selectFrom('notices').selectAll().where('provider_id', '=', providerId).executeTakeFirst();
}

/** Ids of queued notices due at `now`, oldest first. */
export async function dueNoticeIds(db: Executor, now: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('notices')
    .select('id')
    .where('state', '=', 'queued')
    .where('next_at', '<=', now)
    .orderBy('next_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Takes a due notice for this node (queued → sending, lease, one more try); false when another node has it. */
export async function claimNotice(
  db: Executor,
  id: string,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('notices')
    .set((eb) => ({
      state: 'sending',
      lease_owner: owner,
      lease_until: now + leaseMs,
      tries: eb('tries', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .where('next_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Notices a node claimed and never finished (it died, or lost the database while the
 * provider had the message): whether the provider has it is unknown, so they are NOT
 * sent again — they become `unknown` (a provider status callback may still settle them).
 */
export async function expireLeases(db: Executor, now: number): Promise<NoticeRow[]> {
  return db
    .updateTable('notices')
    .set({
      state: 'unknown',
      reason: 'notice.outcome_unknown',
      lease_owner: null,
      lease_until: null,
      updated_at: now,
    })
    .where('state', '=', 'sending')
    .where('lease_until', '<', now)
    .returningAll()
    .execute();
}

/** Moves a notice this node holds (state `sending`, its lease) to its next state. */
export async function settleClaimed(
  trx: Executor,
  id: string,
  owner: string,
  change: Partial<
    Pick<NoticeRow, 'state' | 'next_at' | 'provider_id' | 'address_key' | 'reason' | 'tries'>
  > & {
    updated_at: number;
  },
): Promise<boolean> {
  const result = await trx
    .updateTable('notices')
    .set({ ...change, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves a notice from one of `from` to a new state (cancel, provider status, reply); false when it was elsewhere. */
export async function moveNotice(
  trx: Executor,
  id: string,
  from: readonly NoticeState[],
  change: Partial<Pick<NoticeRow, 'state' | 'provider_id' | 'reason' | 'reply' | 'reply_at'>> & {
    updated_at: number;
  },
): Promise<boolean> {
  const result = await trx
    .updateTable('notices')
    .set(change)
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Notices sent to this address (keyed hash), newest first. */
export async function noticesToAddress(db: Executor, addressKey: string): Promise<NoticeRow[]> {
  return db
    .selectFrom('notices')
    .selectAll()
    .where('address_key', '=', addressKey)
    .orderBy('updated_at', 'desc')
    .execute();
}

export async function countNotices(db: Executor, state: NoticeState): Promise<number> {
  const row = await db
    .selectFrom('notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', state)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The summary the callback shows for one outbox row. */
export function summaryOf(row: NoticeRow): NoticeSummary {
  return {
    id: row.id,
    kind: row.kind,
    channel: row.channel,
    status: row.state,
    reason: row.reason,
    sendAt: row.send_at,
    updatedAt: row.updated_at,
    reply: row.reply === 'yes' || row.reply === 'no' || row.reply === 'stop' ? row.reply : null,
  };
}

/**
 * Rewrites a callback's notice list from the outbox (and lets `change` adjust other
 * fields, e.g. the customer's waiting time), as a new version of the row. Returns
 * the team and version to poke, or undefined when nothing changed.
 */
export async function refreshCallbackNotices(
  trx: Transaction<Database>,
  callbackId: string,
  change: (row: CallbackRow) => Partial<CallbackRow> = () => ({}),
): Promise<{ team: string; version: number } | undefined> {
  const rows = await readRows(trx, [{ table: 'callbacks', id: callbackId }]);
  const callback = rows.get(`callbacks/${callbackId}`) as CallbackRow | undefined;
  if (!callback) return undefined;
  const outbox = await noticesOfCallback(trx, callbackId);
  const notices = outbox
    .sort((a, b) => a.created_at - b.created_at || a.id.localeCompare(b.id))
    .slice(-20)
    .map(summaryOf);
  const { version: _version, ...data } = callback;
  const next = { ...data, ...change(callback), notices };
  if (JSON.stringify(next) === JSON.stringify(data)) return undefined;
  const version = await writeRows(trx, [{ table: 'callbacks', row: next }]);
  return version === undefined ? undefined : { team: callback.team, version };
}

/** Queued notices of a customer on one channel (cancelled when they opt out). */
export async function queuedNoticesOfCustomer(
  db: Executor,
  customerId: string,
  channel: NoticesTable['channel'],
): Promise<NoticeRow[]> {
  return db
    .selectFrom('notices')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('channel', '=', channel)
    .where('state', '=', 'queued')
    .execute();
}

/**
 * "Available now?" checks sent before `before` that nobody answered: recorded as
 * `notice.no_reply` (the state stays sent/delivered), so the plan goes on. Returns them.
 */
export async function markUnanswered(db: Executor, before: number, now: number): Promise<NoticeRow[]> {
  return db
    .updateTable('notices')
    .set({ reason: 'notice.no_reply', updated_at: now })
    .where('kind', '=', 'available-now')
    .where('state', 'in', ['sent', 'delivered'])
    .where('reply', 'is', null)
    .where('reason', 'is', null)
    .where('send_at', '<', before)
    .returningAll()
    .execute();
}

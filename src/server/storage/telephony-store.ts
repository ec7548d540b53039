import type { Transaction } from 'kysely';
import type { Db } from './database';
import type { Database, TelephonyCallsTable } from './schema';

type Executor = Db | Transaction<Database>;

export interface EventKey {
  platform: string;
  eventId: string;
  type: string;
  callId: string;
  at: number;
}

/**
 * Records a platform event id; false when it was already recorded (a resend). The
 * primary key decides, inside the caller's transaction, so two server processes
 * receiving the same event cannot both apply it.
 */
export async function recordEventOnce(trx: Executor, event: EventKey): Promise<boolean> {
  const result = await trx
    .insertInto('telephony_events')
    .values({
      platform: event.platform,
      event_id: event.eventId,
      type: event.type,
      call_id: event.callId,
      received_at: event.at,
    })
    .onConflict((oc) => oc.columns(['platform', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export type CallRecord = TelephonyCallsTable;

export async function findCall(
  db: Executor,
  platform: string,
  callId: string,
): Promise<CallRecord | undefined> {
  const row = await db
    .selectFrom('telephony_calls')
    .selectAll()
    .where('platform', '=', platform)
    .where('call_id', '=', callId)
    .executeTakeFirst();
  // PostgreSQL returns bigint columns as strings.
  return row && { ...row, started_at: Number(row.started_at) };
}

/** Inserts a call the bridge has not seen; an existing one is left as it is (answers whether it was new). */
export async function insertCall(trx: Executor, call: CallRecord): Promise<boolean> {
  const result = await trx
    .insertInto('telephony_calls')
    .values(call)
    .onConflict((oc) => oc.columns(['platform', 'call_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateCall(
  trx: Executor,
  platform: string,
  callId: string,
  patch: Partial<Omit<CallRecord, 'platform' | 'call_id'>>,
): Promise<void> {
  await trx
    .updateTable('telephony_calls')
    .set(patch)
    .where('platform', '=', platform)
    .where('call_id', '=', callId)
    .execute();
}

/**
 * A call this server asked the platform to place: it may already be known from an early
 * progress event, so the attempt it belongs to is set either way.
 */
export async function upsertPlacedCall(db: Executor, call: CallRecord): Promise<void> {
  await db
    .insertInto('telephony_calls')
    .values(call)
    .onConflict((oc) =>
      oc.columns(['platform', 'call_id']).doUpdateSet({
        direction: call.direction,
        agent_id: call.agent_id,
        callback_id: call.callback_id,
        attempt_id: call.attempt_id,
        number: call.number,
        started_at: call.started_at,
      }),
    )
    .execute();
}

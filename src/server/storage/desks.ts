import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  formatReference,
  REFERENCE_FIELD_MAX,
  type ReferenceKind,
} from '../../shared/domain/identifiers/reference-number';
import type { Database } from './schema';

/**
 * Desk codes and the references the server hands out itself (docs/domain.md,
 * "Reference numbers"). Desk codes come from one counter and are never reused:
 * a desktop installation gets one at its first sign-in (by the hash of its secret
 * installation key) and keeps it; the server takes desk codes of its own for the
 * records it creates and counts their sequences here, in the same transaction as
 * the records.
 */

type Executor = Kysely<Database> | Transaction<Database>;

export const DESK_KINDS = { desktop: 'desktop', server: 'server' } as const;
/** The meta key of the next desk code to give out. */
export const DESK_COUNTER = 'desk_code_next';

/** What the server stores of an installation key: its SHA-256 (a leaked table cannot impersonate a desk). */
export function installationHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The next unused desk code (one atomic increment of the counter). */
export async function newDeskCode(trx: Executor): Promise<number> {
  const row = await trx
    .updateTable('meta')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('key', '=', DESK_COUNTER)
    .returning('value')
    .executeTakeFirstOrThrow();
  const code = Number(row.value) - 1;
  if (code >= REFERENCE_FIELD_MAX) throw new Error('Every desk code has been given out.');
  return code;
}

/**
 * The desk code of an installation, given out the first time it asks. Two sign-ins
 * of a new installation at once: the second insert does nothing and both read the
 * one stored (the code the loser took stays unused, never reused).
 */
export async function assignInstallationDesk(
  db: Kysely<Database>,
  key: string,
  now: number,
): Promise<number> {
  const hash = installationHash(key);
  const known = await deskOfInstallation(db, hash);
  if (known !== undefined) return known;
  return db.transaction().execute(async (trx) => {
    const code = await newDeskCode(trx);
    await trx
      .insertInto('desks')
      .values({ code, kind: DESK_KINDS.desktop, installation_hash: hash, next_seq: 0, created_at: now })
      .onConflict((oc) => oc.column('installation_hash').doNothing())
      .execute();
    const stored = await deskOfInstallation(trx, hash);
    if (stored === undefined) throw new Error('The desk code could not be stored.');
    return stored;
  });
}

export async function deskOfInstallation(db: Executor, hash: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('desks')
    .select('code')
    .where('installation_hash', '=', hash)
    .executeTakeFirst();
  return row ? Number(row.code) : undefined;
}

/** A server desk and the next sequence it hands out. */
export interface ServerDesk {
  code: number;
  nextSeq: number;
}

/** The server desk in use: the newest one with sequences left. */
export async function currentServerDesk(trx: Executor): Promise<ServerDesk | undefined> {
  const row = await trx
    .selectFrom('desks')
    .select(['code', 'next_seq'])
    .where('kind', '=', DESK_KINDS.server)
    .where('next_seq', '<', REFERENCE_FIELD_MAX)
    .orderBy('code', 'desc')
    .executeTakeFirst();
  return row ? { code: Number(row.code), nextSeq: Number(row.next_seq) } : undefined;
}

async function newServerDesk(trx: Executor, now: number): Promise<ServerDesk> {
  const code = await newDeskCode(trx);
  await trx
    .insertInto('desks')
    .values({ code, kind: DESK_KINDS.server, installation_hash: null, next_seq: 0, created_at: now })
    .execute();
  return { code, nextSeq: 0 };
}

/**
 * References for records the server creates, in one transaction with them: from the
 * current server desk, moving to a fresh one when it runs out, then the desk's
 * counter is stored where it got to.
 */
export async function takeServerReferences(
  trx: Executor,
  kinds: readonly ReferenceKind[],
  now: number,
): Promise<string[]> {
  const taken: string[] = [];
  let desk = await currentServerDesk(trx);
  for (const kind of kinds) {
    if (!desk || desk.nextSeq >= REFERENCE_FIELD_MAX) {
      if (desk) await saveServerDesk(trx, desk);
      desk = await newServerDesk(trx, now);
    }
    taken.push(formatReference({ kind, desk: desk.code, seq: desk.nextSeq }).canonical);
    desk = { code: desk.code, nextSeq: desk.nextSeq + 1 };
  }
  if (desk && kinds.length > 0) await saveServerDesk(trx, desk);
  return taken;
}

async function saveServerDesk(trx: Executor, desk: ServerDesk): Promise<void> {
  await trx.updateTable('desks').set({ next_seq: desk.nextSeq }).where('code', '=', desk.code).execute();
}

/** Records references as used (each refers to its record). A reference used twice fails the transaction. */
export async function registerReferences(
  trx: Executor,
  rows: readonly { reference: string; tbl: string; id: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('record_references')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

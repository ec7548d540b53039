import { PostgresAdapter, type Kysely } from 'kysely';

/** Which database the server runs on: the embedded default, or PostgreSQL for several nodes. */
export type StoreKind = 'sqlite' | 'postgres';

/** The store a Kysely instance talks to (migrations express one schema for both). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: migrations are untyped
export function storeKindOf(db: Kysely<any>): StoreKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A PostgreSQL connection URL (what selects the PostgreSQL store). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

import { sql, type Kysely } from 'kysely';
import { parseReceiptNumber } from '../../../shared/domain/identifiers/receipt-number';
import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import {
  findCategory,
  routeServiceRequest,
  serviceRequestTargetDate,
} from '../../../shared/domain/service-requests/service-request';
import { ROW_SCHEMAS } from '../../../shared/sync/rows';
import { REFERENCE_KIND_OF_TABLE, type ReferencedTable } from '../../../shared/sync/rows/reference';
import { DESK_COUNTER, registerReferences, takeServerReferences } from '../desks';
import type { Database } from '../schema';

/**
 * The customer record (issue 14):
 * - `desks` (desk codes of installations and of the server) and `record_references`
 *   (every reference number used, once in the deployment), and the desk-code counter;
 * - the synced tables `notes` and `wrap_ups`, shaped like every entity table;
 * - every existing inquiry, callback and request gets a server reference number, and
 *   service requests move to policy categories (their old `type` ids are the default
 *   categories'; targets from the default policy, as the server's own policy is not
 *   known to a migration). Each changed row gets a new version, so desktops pull it.
 * Dialect-neutral: the schema builder with text and bigint, standard SQL for the rest.
 */
const NEW_ENTITY_TABLES = ['notes', 'wrap_ups'] as const;
const PAGE = 1000;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('desks')
    .addColumn('code', 'bigint', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('installation_hash', 'text', (c) => c.unique())
    .addColumn('next_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('record_references')
    .addColumn('reference', 'text', (c) => c.primaryKey())
    .addColumn('tbl', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .execute();
  for (const table of NEW_ENTITY_TABLES) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_version`).on(table).columns(['version']).execute();
    await db.schema.createIndex(`${table}_team_version`).on(table).columns(['team', 'version']).execute();
  }
  await sql`insert into meta (key, value) values (${DESK_COUNTER}, 0)`.execute(db);
  const typed = db as unknown as Kysely<Database>;
  for (const table of Object.keys(REFERENCE_KIND_OF_TABLE) as ReferencedTable[]) {
    await giveReferences(typed, table);
  }
}

/** Pages through `table` by id, giving each row without a reference a server one (and a new version). */
async function giveReferences(db: Kysely<Database>, table: ReferencedTable): Promise<void> {
  let after = '';
  for (;;) {
    const page = await db
      .selectFrom(table)
      .select(['id', 'data'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (page.length === 0) return;
    after = page.at(-1)?.id ?? after;
    const rows = page
      .map((r) => ({ id: r.id, data: JSON.parse(r.data) as Record<string, unknown> }))
      .filter((r) => r.data['reference'] === undefined || table === 'service_requests');
    const missing = rows.filter((r) => r.data['reference'] === undefined);
    const now = Date.now();
    const refs = await takeServerReferences(
      db,
      missing.map(() => REFERENCE_KIND_OF_TABLE[table]),
      now,
    );
    missing.forEach((r, i) => (r.data['reference'] = refs[i]));
    await registerReferences(
      db,
      missing.map((r) => ({ reference: r.data['reference'] as string, tbl: table, id: r.id })),
    );
    for (const r of rows) {
      const data = table === 'service_requests' ? upgradeServiceRequest(r.data) : r.data;
      const checked = ROW_SCHEMAS[table].safeParse({ ...data, version: 0 });
      if (!checked.success) {
        throw new Error(`${table} ${r.id} cannot be upgraded: ${checked.error.issues[0]?.message ?? ''}`);
      }
      const version = await nextVersion(db);
      await db
        .updateTable(table)
        .set({ data: JSON.stringify(data), version })
        .where('id', '=', r.id)
        .execute();
    }
  }
}

async function nextVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .updateTable('meta')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('key', '=', 'version')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** A service request of the fixed-type era as a categorized one (already categorized: unchanged). */
function upgradeServiceRequest(data: Record<string, unknown>): Record<string, unknown> {
  if (typeof data['category'] === 'string') return data;
  const { type, status, ...rest } = data;
  const categories = DEFAULT_POLICY.serviceRequests.categories;
  const found = findCategory(categories, String(type), { forNewRequest: false });
  const category = found.ok ? found.value : (categories.find((c) => c.id === 'other') ?? categories[0]);
  if (!category) throw new Error('The default policy has no service-request category.');
  const receipt =
    typeof rest['receiptNumber'] === 'string' ? parseReceiptNumber(rest['receiptNumber']) : undefined;
  const route = routeServiceRequest(category, receipt?.ok ? receipt.value : undefined, null);
  return {
    ...rest,
    category: category.id,
    routing: route.ok ? route.value.routing : 'service-center-operations',
    office: route.ok ? route.value.office : receipt?.ok ? receipt.value.office : null,
    // Requests whose receipt could not tell were routed by hand before routing was recorded.
    routingSource: route.ok ? route.value.source : 'migrated',
    targetDate: serviceRequestTargetDate(Number(rest['createdAt']), category, DEFAULT_POLICY),
    status: status === 'sent' ? 'sent-to-office' : 'open',
    statusChanges: [],
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of NEW_ENTITY_TABLES) await db.schema.dropTable(table).execute();
  await db.schema.dropTable('record_references').execute();
  await db.schema.dropTable('desks').execute();
  await sql`delete from meta where key = ${DESK_COUNTER}`.execute(db);
}

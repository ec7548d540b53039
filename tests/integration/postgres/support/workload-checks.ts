import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../../src/server/storage/schema';
import type { WorkloadDesktop } from './push-workload';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `condition` until it holds, or fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const until = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

export const totalAcknowledged = (desktops: readonly WorkloadDesktop[]) =>
  desktops.reduce((n, d) => n + d.acknowledged.size, 0);

/**
 * "Every acknowledged mutation stored exactly once": each acknowledged customer
 * exists, was logged once as applied and audited once; and nothing was applied
 * twice anywhere (one log row, one audit row and one customer per applied seq).
 */
export async function expectStoredExactlyOnce(
  db: Kysely<Database>,
  desktops: readonly WorkloadDesktop[],
): Promise<{ acknowledged: number; applied: number }> {
  const acknowledged = desktops.flatMap((d) => [...d.acknowledged]);
  // In chunks: a statement carries at most 65,535 parameters, and a fast run acknowledges more.
  const stored = new Set<string>();
  for (let i = 0; i < acknowledged.length; i += 10_000) {
    const chunk = acknowledged.slice(i, i + 10_000);
    const rows = await db.selectFrom('customers').select('id').where('id', 'in', chunk).execute();
    for (const r of rows) stored.add(r.id);
  }
  const missing = acknowledged.filter((id) => !stored.has(id));
  if (missing.length > 0)
    throw new Error(
      `${missing.length} acknowledged mutations are not stored: ${missing.slice(0, 5).join(', ')}`,
    );
  const audits = await sql<{ entity_id: string; n: number }>`
    select entity_id, count(*)::int as n from audit_events
    where action = 'customer.upsert@1' and outcome = 'applied' group by entity_id having count(*) <> 1`.execute(
    db,
  );
  if (audits.rows.length > 0)
    throw new Error(`customers audited more than once: ${JSON.stringify(audits.rows.slice(0, 5))}`);
  const counts = await sql<{ customers: number; applied: number; audited: number }>`
    select (select count(*) from customers)::int as customers,
           (select count(*) from mutation_log where status = 'applied')::int as applied,
           (select count(*) from audit_events where action = 'customer.upsert@1' and outcome = 'applied')::int as audited`.execute(
    db,
  );
  const row = counts.rows[0];
  if (!row || row.customers !== row.applied || row.audited !== row.applied)
    throw new Error(`applied mutations, customers and audit rows differ: ${JSON.stringify(row)}`);
  return { acknowledged: acknowledged.length, applied: row.applied };
}

import type { Transaction } from 'kysely';
import { parsePolicy, type Policy } from '../../shared/domain/policy';
import type { Db } from './database';
import type { Database } from './schema';

type Executor = Db | Transaction<Database>;

/** A published policy version. */
export interface PolicyVersion {
  id: string;
  /** In force from this instant until the next version's. */
  effectiveFrom: number;
  policy: Policy;
  createdAt: number;
  createdBy: string;
}

/**
 * Every published version, oldest in force first (ties: the later publication wins).
 * A stored version that no longer parses is reported, not skipped silently.
 */
export async function loadPolicyVersions(
  db: Executor,
): Promise<{ versions: PolicyVersion[]; unreadable: string[] }> {
  const rows = await db
    .selectFrom('policies')
    .selectAll()
    .orderBy('effective_from')
    .orderBy('created_at')
    .execute();
  const versions: PolicyVersion[] = [];
  const unreadable: string[] = [];
  for (const r of rows) {
    const parsed = parsePolicy(JSON.parse(r.data));
    if (!parsed.ok) {
      unreadable.push(r.id);
      continue;
    }
    versions.push({
      id: r.id,
      effectiveFrom: Number(r.effective_from),
      policy: parsed.value,
      createdAt: Number(r.created_at),
      createdBy: r.created_by,
    });
  }
  return { versions, unreadable };
}

export async function insertPolicyVersion(db: Executor, version: PolicyVersion): Promise<void> {
  await db
    .insertInto('policies')
    .values({
      id: version.id,
      effective_from: version.effectiveFrom,
      data: JSON.stringify(version.policy),
      created_at: version.createdAt,
      created_by: version.createdBy,
    })
    .execute();
}

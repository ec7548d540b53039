import { randomUUID } from 'node:crypto';
import type { PolicyDraft, PolicyState, PublishPolicy } from '../../shared/admin/policy';
import { policyChanges } from '../../shared/admin/policy-fields';
import { previewPolicy, type PolicyPreview, type PreviewCallback } from '../../shared/admin/policy-preview';
import { DAY_MS, MINUTE_MS, parsePolicy, type Policy } from '../../shared/domain/policy';
import { err, ok, type Result } from '../../shared/domain/result';
import { appendAudit } from '../audit';
import type { PolicyBook } from '../policy/policy-book';
import type { Db } from '../storage/database';
import { readEntityRows, readEntityRowsById } from '../storage/entity-rows';
import { insertPolicyVersion, loadPolicyVersions } from '../storage/policies';
import type { Actor } from './accounts';

/** How far ahead a policy may be scheduled (a year and a day: next year's targets, published now). */
const LONGEST_NOTICE_MS = 366 * DAY_MS;
/** An effective time this close before now counts as now (the administrator's clock and ours differ a little). */
const CLOCK_SLACK_MS = MINUTE_MS;

/** The configured policy, the one in force now and every published version. */
export function policyState(book: PolicyBook, now: number): PolicyState {
  const inForce = [...book.list()].reverse().find((v) => v.effectiveFrom <= now);
  return {
    now,
    configured: book.configured,
    inForce: inForce
      ? { id: inForce.id, effectiveFrom: inForce.effectiveFrom, policy: inForce.policy }
      : { id: null, effectiveFrom: null, policy: book.configured },
    versions: book.list().map((v) => ({ ...v })),
  };
}

/** A draft checked: the policy parses (every number with its rule) and its effective time is now or ahead. */
function checkDraft(draft: PolicyDraft, now: number): Result<{ policy: Policy; effectiveFrom: number }> {
  const parsed = parsePolicy(draft.policy);
  if (!parsed.ok) return err('policy.invalid', `The policy is not valid: ${parsed.error}`);
  const effectiveFrom = Math.max(now, draft.effectiveFrom ?? now);
  if (draft.effectiveFrom !== undefined && draft.effectiveFrom < now - CLOCK_SLACK_MS) {
    return err(
      'policy.effective_in_past',
      'A policy takes effect now or later: callbacks already created keep the policy they were created under.',
    );
  }
  if (effectiveFrom > now + LONGEST_NOTICE_MS) {
    return err('policy.effective_too_far', 'A policy can be scheduled at most a year ahead.');
  }
  return ok({ policy: parsed.value, effectiveFrom });
}

/** Every open callback, with its customer's numbers (what the SLA rule needs), across all teams. */
async function openCallbacks(db: Db): Promise<PreviewCallback[]> {
  const open = (await readEntityRows(db, 'callbacks')).filter((cb) => cb.status === 'open');
  const customers = await readEntityRowsById(
    db,
    'customers',
    open.map((cb) => cb.customerId),
  );
  return open.map((cb) => ({ ...cb, customer: customers.get(cb.customerId) }));
}

/** What the draft would change on today's open callbacks and on new ones (shared/admin previewPolicy). */
export async function previewDraft(
  db: Db,
  book: PolicyBook,
  draft: PolicyDraft,
  now: number,
): Promise<Result<PolicyPreview>> {
  const checked = checkDraft(draft, now);
  if (!checked.ok) return checked;
  const at = checked.value.effectiveFrom;
  return ok(previewPolicy(book.at(at), checked.value.policy, at, await openCallbacks(db)));
}

/**
 * Publishes a policy version in force from its effective time (now when absent). The
 * audit row names the reason and every value that changed against the policy it
 * replaces (paths and numbers: nothing personal). The book is reloaded at once here;
 * other nodes reload it within PolicyWatch's period.
 */
export async function publishPolicy(
  db: Db,
  book: PolicyBook,
  body: PublishPolicy,
  by: Actor & { now: number },
): Promise<Result<{ id: string; effectiveFrom: number }>> {
  const checked = checkDraft(body, by.now);
  if (!checked.ok) return checked;
  const { policy, effectiveFrom } = checked.value;
  const id = `policy-${randomUUID()}`;
  const changes = policyChanges(book.at(effectiveFrom), policy);
  await db.transaction().execute(async (trx) => {
    await insertPolicyVersion(trx, { id, effectiveFrom, policy, createdAt: by.now, createdBy: by.userId });
    await appendAudit(trx, {
      at: by.now,
      actorId: by.userId,
      action: 'admin.policy.publish',
      entityType: 'policy',
      entityId: id,
      sourceIp: by.ip,
      outcome: 'ok',
      detail: {
        reason: body.reason.code,
        ...(body.reason.ticket ? { ticket: body.reason.ticket } : {}),
        effectiveFrom,
        changes: changes.map((c) => [c.path, c.from, c.to]),
      },
    });
  });
  book.replace((await loadPolicyVersions(db)).versions);
  return ok({ id, effectiveFrom });
}

import { LIMITS } from '../sync/protocol';
import { reassignCallback } from '../sync/mutators/callback-reassign';

export interface MutationCall {
  name: string;
  args: { callbackId: string; assigneeId: string | null };
}

/**
 * Bulk reassignment is one `callback.reassign@1` per callback (each authorized,
 * applied, audited and idempotent on its own; one failing — closed meanwhile, say —
 * does not undo the others), batched into pushes of at most LIMITS.maxMutationsPerPush.
 * Duplicated ids are sent once.
 */
export function bulkReassignMutations(
  callbackIds: readonly string[],
  assigneeId: string | null,
): MutationCall[][] {
  const calls = [...new Set(callbackIds)].map((callbackId) => ({
    name: reassignCallback.name,
    args: { callbackId, assigneeId },
  }));
  const pushes: MutationCall[][] = [];
  for (let i = 0; i < calls.length; i += LIMITS.maxMutationsPerPush) {
    pushes.push(calls.slice(i, i + LIMITS.maxMutationsPerPush));
  }
  return pushes;
}

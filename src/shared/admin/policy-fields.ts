import type { Policy } from '../domain/policy';

/** One editable value of the policy: its dotted path (`sla.urgentDueHours`) and value. */
export interface PolicyLeaf {
  path: string;
  value: number | string | boolean;
}

/**
 * Every value of a policy, in document order: what the administrator's editor shows
 * one field for, and what a change is described by. Arrays of numbers (weekdays) are
 * one leaf per element (`callbackHours.weekdays.0`). Iterative: nothing here recurses.
 */
export function policyLeaves(policy: unknown): PolicyLeaf[] {
  const leaves: PolicyLeaf[] = [];
  const stack: Array<{ path: string; value: unknown }> = [{ path: '', value: policy }];
  while (stack.length > 0) {
    const { path, value } = stack.pop() as { path: string; value: unknown };
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      leaves.push({ path, value });
    } else if (value !== null && typeof value === 'object') {
      const entries = Array.isArray(value)
        ? value.map((v, i) => [String(i), v] as const)
        : Object.entries(value as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as readonly [string, unknown];
        stack.push({ path: path ? `${path}.${key}` : key, value: child });
      }
    }
  }
  return leaves;
}

export interface PolicyChange {
  path: string;
  from: PolicyLeaf['value'] | null;
  to: PolicyLeaf['value'] | null;
}

/** The values that differ between two policies (a value only one has counts, with null on the other side). */
export function policyChanges(before: Policy, after: Policy): PolicyChange[] {
  const a = new Map(policyLeaves(before).map((l) => [l.path, l.value]));
  const b = new Map(policyLeaves(after).map((l) => [l.path, l.value]));
  const changes: PolicyChange[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const from = a.get(path) ?? null;
    const to = b.get(path) ?? null;
    if (from !== to) changes.push({ path, from, to });
  }
  return changes;
}

/** `setLeaf(policy, 'sla.urgentDueHours', 48)`: a copy with one value replaced (the editor's input). */
export function setLeaf(policy: unknown, path: string, value: PolicyLeaf['value']): unknown {
  const keys = path.split('.');
  // The policy is JSON data: a JSON round trip is a deep copy.
  const copy: unknown = JSON.parse(JSON.stringify(policy));
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string, unknown>;
  }
  node[keys.at(-1) as string] = value;
  return copy;
}

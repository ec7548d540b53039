/**
 * A script as a directed graph of step ids, for the validator's reachability checks
 * and the interpreter's progress estimate. Every branch counts as a possible edge.
 */
import type { Next, Step } from './schema';

/** The step ids a `next` may lead to, in order: branches first, then `otherwise`. */
export function targetsOfNext(next: Next): string[] {
  return typeof next === 'string' ? [next] : [...next.branches.map((b) => b.next), next.otherwise];
}

export function targetsOf(step: Step): string[] {
  return step.kind === 'outcome' ? [] : targetsOfNext(step.next);
}

/** Step ids reachable from `start` by following `edges` (start included when it exists). */
export function reachableFrom(start: string, edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id) || !edges.has(id)) continue;
    seen.add(id);
    for (const t of edges.get(id) ?? []) queue.push(t);
  }
  return seen;
}

/** Step ids from which at least one of `goals` can be reached. */
export function canReachAny(
  goals: Iterable<string>,
  edges: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const reverse = new Map<string, string[]>();
  for (const [from, tos] of edges) {
    for (const to of tos) reverse.set(to, [...(reverse.get(to) ?? []), from]);
  }
  const seen = new Set<string>();
  const queue = [...goals];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const from of reverse.get(id) ?? []) queue.push(from);
  }
  return seen;
}

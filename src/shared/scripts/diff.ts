/**
 * A side-by-side diff of two script documents for the administrator who publishes a
 * new version: each document is flattened to one line per value (`steps.greet.say.es:
 * "Hola…"`, keys in a stable order), and the two line lists are aligned by their
 * longest common subsequence. Rows pair a published line with a new one; a changed
 * value shows as a removed and an added line at the same path, side by side.
 */

export type DiffKind = 'same' | 'changed' | 'removed' | 'added';

export interface DiffRow {
  kind: DiffKind;
  /** The line in the published version (null when the row only exists in the new one). */
  before: string | null;
  /** The line in the new version (null when the row was removed). */
  after: string | null;
}

export interface ScriptDiff {
  rows: DiffRow[];
  added: number;
  removed: number;
  changed: number;
}

/** Documents bigger than this many lines are compared line by line only where they match in order. */
const MAX_LINES = 4000;

/** One `path: value` line per leaf, object keys sorted, arrays by index. */
export function flattenDocument(doc: unknown): string[] {
  const lines: string[] = [];
  // An explicit stack, not recursion: the document may come from an upload.
  const stack: Array<{ path: string; value: unknown }> = [{ path: '', value: doc }];
  while (stack.length > 0) {
    const { path, value } = stack.pop() as { path: string; value: unknown };
    if (value !== null && typeof value === 'object') {
      const entries = Array.isArray(value)
        ? value.map((v, i) => [String(i), v] as const)
        : Object.keys(value)
            .sort()
            .map((k) => [k, (value as Record<string, unknown>)[k]] as const);
      if (entries.length === 0) lines.push(`${path}: ${Array.isArray(value) ? '[]' : '{}'}`);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as readonly [string, unknown];
        stack.push({ path: path ? `${path}.${key}` : key, value: child });
      }
    } else {
      lines.push(`${path}: ${JSON.stringify(value)}`);
    }
  }
  return lines;
}

const pathOf = (line: string) => line.slice(0, line.indexOf(': '));

/** The diff of `before` (the published version; null when there is none) and `after`. */
export function diffScripts(before: unknown, after: unknown): ScriptDiff {
  const a = before === null ? [] : flattenDocument(before);
  const b = flattenDocument(after);
  const ops = align(a.slice(0, MAX_LINES), b.slice(0, MAX_LINES));
  const rows: DiffRow[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as Op;
    const next = ops[i + 1];
    if (op.kind === 'removed' && next?.kind === 'added' && pathOf(op.line) === pathOf(next.line)) {
      rows.push({ kind: 'changed', before: op.line, after: next.line });
      i++;
    } else if (op.kind === 'same') rows.push({ kind: 'same', before: op.line, after: op.line });
    else if (op.kind === 'removed') rows.push({ kind: 'removed', before: op.line, after: null });
    else rows.push({ kind: 'added', before: null, after: op.line });
  }
  const count = (kind: DiffKind) => rows.filter((r) => r.kind === kind).length;
  return { rows, added: count('added'), removed: count('removed'), changed: count('changed') };
}

type Op = { kind: 'same' | 'removed' | 'added'; line: string };

/** Longest-common-subsequence alignment (O(n·m) table; scripts are a few hundred lines). */
function align(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const below = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--)
      row[j] =
        a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: 'same', line: a[i] as string });
      i++;
      j++;
    } else if (((lcs[i + 1] as Uint32Array)[j] as number) >= ((lcs[i] as Uint32Array)[j + 1] as number)) {
      ops.push({ kind: 'removed', line: a[i++] as string });
    } else {
      ops.push({ kind: 'added', line: b[j++] as string });
    }
  }
  while (i < n) ops.push({ kind: 'removed', line: a[i++] as string });
  while (j < m) ops.push({ kind: 'added', line: b[j++] as string });
  return ops;
}

import type { SlaTransitions } from '../../shared/domain/sla';
import type { WorklistEntry } from './callback-index';

/**
 * The worklist's in-memory copy as one blob (cache table `worklist_snapshot`, migration
 * 012), so a desktop that starts on a synced cache makes its 50,000 entries from one
 * read instead of 50,000 rows of 19 columns through SQLite (~300 ms → tens of ms).
 *
 * Layout: a uint32 length, a JSON header (the ids in order and a dictionary of the
 * repeated strings: states, urgencies, assignees, languages, zone lists), zero padding
 * to 8 bytes, then FIELDS float64 per entry. Nulls are -1 for a dictionary index and
 * NaN for an instant. Anything that does not decode to exactly `count` well-formed
 * entries is refused (undefined), and the caller loads the table instead.
 */
export const SNAPSHOT_FORMAT = 1;

const FIELDS = 18;
const HEADER_BYTES = 4;

/** The blob of `entries` (already in the copy's order). */
export function encodeSnapshot(entries: readonly WorklistEntry[]): Buffer {
  const dict: string[] = [];
  const positions = new Map<string, number>();
  const word = (value: string | null): number => {
    if (value === null) return -1;
    let at = positions.get(value);
    if (at === undefined) {
      at = dict.length;
      dict.push(value);
      positions.set(value, at);
    }
    return at;
  };
  const numbers = new Float64Array(entries.length * FIELDS);
  const ids = new Array<string>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as WorklistEntry;
    const t = e.transitions;
    const o = i * FIELDS;
    ids[i] = e.id;
    numbers[o] = word(e.status);
    numbers[o + 1] = word(e.urgency);
    numbers[o + 2] = e.tier;
    numbers[o + 3] = word(e.assigneeId);
    numbers[o + 4] = e.dueAt;
    numbers[o + 5] = word(e.language);
    numbers[o + 6] = e.secondAttemptPending ? 1 : 0;
    numbers[o + 7] = e.pending ? 1 : 0;
    numbers[o + 8] = word(e.zones.join(','));
    numbers[o + 9] = e.attemptsLeft;
    numbers[o + 10] = e.nextAttemptFrom;
    numbers[o + 11] = e.waitingUntil ?? Number.NaN;
    numbers[o + 12] = t.atRiskFrom;
    numbers[o + 13] = t.attemptsMissFrom;
    numbers[o + 14] = t.dueTodayFrom;
    numbers[o + 15] = t.overdueFrom;
    numbers[o + 16] = t.lastWindow?.start ?? Number.NaN;
    numbers[o + 17] = t.lastWindow?.end ?? Number.NaN;
  }
  const header = Buffer.from(JSON.stringify({ ids, dict }), 'utf8');
  const start = align8(HEADER_BYTES + header.length);
  const blob = Buffer.alloc(start + numbers.byteLength);
  blob.writeUInt32LE(header.length, 0);
  header.copy(blob, HEADER_BYTES);
  Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength).copy(blob, start);
  return blob;
}

/**
 * The entries of a blob, or undefined when it is not one `encodeSnapshot` made.
 * `zonesOf` turns a zones column into the shared list the table load would give.
 * Every number is checked (dictionary indices in range, the copy's (due_at, id) order)
 * before any entry is made; the entries read the blob's columns (`PackedEntry`).
 */
export function decodeSnapshot(
  blob: Uint8Array,
  zonesOf: (column: string) => readonly string[],
): WorklistEntry[] | undefined {
  const bytes = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (bytes.length < HEADER_BYTES) return undefined;
  const headerLength = bytes.readUInt32LE(0);
  const start = align8(HEADER_BYTES + headerLength);
  if (start > bytes.length) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', HEADER_BYTES, HEADER_BYTES + headerLength));
  } catch {
    return undefined;
  }
  if (!isHeader(header)) return undefined;
  const { ids, dict } = header;
  if (bytes.length - start !== ids.length * FIELDS * 8) return undefined;
  const at = bytes.byteOffset + start;
  const length = ids.length * FIELDS;
  // Read in place when aligned (a blob from SQLite has its own memory); else a copy.
  const n =
    at % 8 === 0
      ? new Float64Array(bytes.buffer, at, length)
      : new Float64Array(bytes.buffer.slice(at, at + length * 8));
  if (!wellFormed(n, ids, dict.length)) return undefined;
  const columns: PackedColumns = { n, dict, zones: dict.map(() => undefined), zonesOf };
  const entries = new Array<WorklistEntry>(ids.length);
  for (let i = 0; i < ids.length; i++) entries[i] = new PackedEntry(columns, i * FIELDS, ids[i] as string);
  return entries;
}

/**
 * The header's shape, checked by hand: a generic validator's first run costs tens of
 * milliseconds at start, more than the rest of the decode of 50,000 ids.
 */
function isHeader(value: unknown): value is { ids: string[]; dict: string[] } {
  if (typeof value !== 'object' || value === null) return false;
  const { ids, dict } = value as Record<string, unknown>;
  if (!Array.isArray(ids) || !Array.isArray(dict)) return false;
  for (const id of ids) if (typeof id !== 'string' || id.length === 0) return false;
  for (const word of dict) if (typeof word !== 'string') return false;
  return true;
}

const TEXT_FIELDS = [0, 1, 8];
const NULLABLE_TEXT_FIELDS = [3, 5];
const NUMBER_FIELDS = [2, 4, 9, 10, 12, 13, 14, 15];
const FLAG_FIELDS = [6, 7];

/** Every field a value its column can hold, and the entries in (due_at, id) order. */
function wellFormed(n: Float64Array, ids: readonly string[], words: number): boolean {
  const inDict = (at: number) => Number.isInteger(at) && at >= 0 && at < words;
  for (let i = 0; i < ids.length; i++) {
    const o = i * FIELDS;
    for (const f of TEXT_FIELDS) if (!inDict(n[o + f] as number)) return false;
    for (const f of NULLABLE_TEXT_FIELDS) if (n[o + f] !== -1 && !inDict(n[o + f] as number)) return false;
    for (const f of NUMBER_FIELDS) if (Number.isNaN(n[o + f])) return false;
    for (const f of FLAG_FIELDS) if (n[o + f] !== 0 && n[o + f] !== 1) return false;
    if (i > 0) {
      const before = n[o - FIELDS + 4] as number;
      const due = n[o + 4] as number;
      if (before > due || (before === due && (ids[i - 1] as string) >= (ids[i] as string))) return false;
    }
  }
  return true;
}

interface PackedColumns {
  n: Float64Array;
  dict: readonly string[];
  /** The zone list of each dictionary word, made the first time an entry asks. */
  zones: (readonly string[] | undefined)[];
  zonesOf: (column: string) => readonly string[];
}

/**
 * A worklist entry that reads its fields from the snapshot's columns instead of holding
 * them: making 50,000 of these costs a few milliseconds, where 50,000 literals of 19
 * fields cost ~90 ms (each instant a heap number of its own) and most of the start's
 * garbage. It is its own `transitions` (the SLA ranker reads them for every entry, so
 * no object is made for that either). Never changed: the columns are never written.
 */
class PackedEntry implements WorklistEntry, SlaTransitions {
  constructor(
    private readonly c: PackedColumns,
    private readonly o: number,
    readonly id: string,
  ) {}

  private text(field: number): string {
    return this.c.dict[this.c.n[this.o + field] as number] as string;
  }
  private nullableText(field: number): string | null {
    const at = this.c.n[this.o + field] as number;
    return at === -1 ? null : (this.c.dict[at] as string);
  }
  private number(field: number): number {
    return this.c.n[this.o + field] as number;
  }

  get status(): string {
    return this.text(0);
  }
  get urgency(): string {
    return this.text(1);
  }
  get tier(): number {
    return this.number(2);
  }
  get assigneeId(): string | null {
    return this.nullableText(3);
  }
  get dueAt(): number {
    return this.number(4);
  }
  get language(): string | null {
    return this.nullableText(5);
  }
  get secondAttemptPending(): boolean {
    return this.number(6) === 1;
  }
  get pending(): boolean {
    return this.number(7) === 1;
  }
  get zones(): readonly string[] {
    const at = this.number(8);
    let list = this.c.zones[at];
    if (!list) this.c.zones[at] = list = this.c.zonesOf(this.text(8));
    return list;
  }
  get attemptsLeft(): number {
    return this.number(9);
  }
  get nextAttemptFrom(): number {
    return this.number(10);
  }
  get waitingUntil(): number | null {
    const at = this.number(11);
    return Number.isNaN(at) ? null : at;
  }
  get transitions(): SlaTransitions {
    return this;
  }
  get atRiskFrom(): number {
    return this.number(12);
  }
  get attemptsMissFrom(): number {
    return this.number(13);
  }
  get dueTodayFrom(): number {
    return this.number(14);
  }
  get overdueFrom(): number {
    return this.number(15);
  }
  get lastWindow(): { start: number; end: number } | null {
    const start = this.number(16);
    const end = this.number(17);
    return Number.isNaN(start) || Number.isNaN(end) ? null : { start, end };
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

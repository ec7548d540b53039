import type { SlaTransitions } from '../../shared/domain/sla';
import type { WorklistEntry } from './callback-index';

/**
 * The worklist's in-memory copy as one blob (cache table `worklist_snapshot`, migration
 * 012), so a desktop that starts on a synced cache makes its 50,000 entries from one
 * read instead of 50,000 rows of 19 columns through SQLite (~300 ms → tens of ms).
 *
 * Layout: a uint32 length, a JSON header (the ids in order and a dictionary of the
 * repeated strings: states, urgencies, assignees, languages, zone lists), zero padding
 * to 8 bytes, then INSTANTS float64 per entry, then SMALL int32 per entry. Nulls are
 * NaN for an instant and -1 for a dictionary index. Anything that does not decode to
 * exactly the header's entries, well formed and in order, is refused (undefined), and
 * the caller loads the table instead.
 */
export const SNAPSHOT_FORMAT = 2;

/** Per entry, float64: due, next attempt from, waiting until, the four transitions, the last window. */
const INSTANTS = 9;
/** Per entry, int32: status, urgency, tier, assignee, language, two flags, zones, attempts left. */
const SMALL = 9;
const HEADER_BYTES = 4;

/** The blob of `entries` (already in the copy's order). Throws for a field an int32 cannot hold. */
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
  // Entries share their zone lists: one join per list, not per entry.
  const zoneWords = new Map<readonly string[], number>();
  const zonesWord = (zones: readonly string[]): number => {
    let at = zoneWords.get(zones);
    if (at === undefined) zoneWords.set(zones, (at = word(zones.join(','))));
    return at;
  };
  const int = (value: number): number => {
    if ((value | 0) !== value) throw new Error('a worklist snapshot field is not a 32-bit integer');
    return value;
  };
  const instants = new Float64Array(entries.length * INSTANTS);
  const small = new Int32Array(entries.length * SMALL);
  const ids = new Array<string>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as WorklistEntry;
    const t = e.transitions;
    const f = i * INSTANTS;
    const k = i * SMALL;
    ids[i] = e.id;
    instants[f] = e.dueAt;
    instants[f + 1] = e.nextAttemptFrom;
    instants[f + 2] = e.waitingUntil ?? Number.NaN;
    instants[f + 3] = t.atRiskFrom;
    instants[f + 4] = t.attemptsMissFrom;
    instants[f + 5] = t.dueTodayFrom;
    instants[f + 6] = t.overdueFrom;
    const window = t.lastWindow;
    instants[f + 7] = window ? window.start : Number.NaN;
    instants[f + 8] = window ? window.end : Number.NaN;
    small[k] = word(e.status);
    small[k + 1] = word(e.urgency);
    small[k + 2] = int(e.tier);
    small[k + 3] = word(e.assigneeId);
    small[k + 4] = word(e.language);
    small[k + 5] = e.secondAttemptPending ? 1 : 0;
    small[k + 6] = e.pending ? 1 : 0;
    small[k + 7] = zonesWord(e.zones);
    small[k + 8] = int(e.attemptsLeft);
  }
  const header = Buffer.from(JSON.stringify({ ids, dict }), 'utf8');
  const start = align8(HEADER_BYTES + header.length);
  const blob = Buffer.alloc(start + instants.byteLength + small.byteLength);
  blob.writeUInt32LE(header.length, 0);
  header.copy(blob, HEADER_BYTES);
  Buffer.from(instants.buffer).copy(blob, start);
  Buffer.from(small.buffer).copy(blob, start + instants.byteLength);
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
  const count = ids.length;
  if (bytes.length - start !== count * (INSTANTS * 8 + SMALL * 4)) return undefined;
  const at = bytes.byteOffset + start;
  const smallAt = at + count * INSTANTS * 8;
  // Read in place when aligned (a blob from SQLite has its own memory); else a copy.
  const aligned = at % 8 === 0;
  const copy = (from: number, bytesLong: number) => bytes.buffer.slice(from, from + bytesLong);
  const instants = aligned
    ? new Float64Array(bytes.buffer, at, count * INSTANTS)
    : new Float64Array(copy(at, count * INSTANTS * 8));
  const small = aligned
    ? new Int32Array(bytes.buffer, smallAt, count * SMALL)
    : new Int32Array(copy(smallAt, count * SMALL * 4));
  if (!wellFormed(instants, small, ids, dict.length)) return undefined;
  const columns: PackedColumns = { instants, small, dict, zones: dict.map(() => undefined), zonesOf };
  const entries = new Array<WorklistEntry>(count);
  for (let i = 0; i < count; i++) entries[i] = new PackedEntry(columns, i, ids[i] as string);
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
  // Each callback once: the copy's patches find an entry by its id.
  return new Set(ids).size === ids.length;
}

const TEXT_FIELDS = [0, 1, 7];
const NULLABLE_TEXT_FIELDS = [3, 4];
const FLAG_FIELDS = [5, 6];
const REQUIRED_INSTANTS = [0, 1, 3, 4, 5, 6];

/** Every field a value its column can hold, and the entries in (due_at, id) order. */
function wellFormed(
  instants: Float64Array,
  small: Int32Array,
  ids: readonly string[],
  words: number,
): boolean {
  const inDict = (at: number) => at >= 0 && at < words;
  for (let i = 0; i < ids.length; i++) {
    const f = i * INSTANTS;
    const k = i * SMALL;
    for (const x of TEXT_FIELDS) if (!inDict(small[k + x] as number)) return false;
    for (const x of NULLABLE_TEXT_FIELDS)
      if (small[k + x] !== -1 && !inDict(small[k + x] as number)) return false;
    for (const x of FLAG_FIELDS) if (small[k + x] !== 0 && small[k + x] !== 1) return false;
    for (const x of REQUIRED_INSTANTS) if (Number.isNaN(instants[f + x])) return false;
    if (i > 0) {
      const before = instants[f - INSTANTS] as number;
      const due = instants[f] as number;
      if (before > due || (before === due && (ids[i - 1] as string) >= (ids[i] as string))) return false;
    }
  }
  return true;
}

interface PackedColumns {
  instants: Float64Array;
  small: Int32Array;
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
    private readonly i: number,
    readonly id: string,
  ) {}

  private instant(field: number): number {
    return this.c.instants[this.i * INSTANTS + field] as number;
  }
  private nullableInstant(field: number): number | null {
    const at = this.instant(field);
    return Number.isNaN(at) ? null : at;
  }
  private small(field: number): number {
    return this.c.small[this.i * SMALL + field] as number;
  }
  private text(field: number): string {
    return this.c.dict[this.small(field)] as string;
  }
  private nullableText(field: number): string | null {
    const at = this.small(field);
    return at === -1 ? null : (this.c.dict[at] as string);
  }

  get dueAt(): number {
    return this.instant(0);
  }
  get nextAttemptFrom(): number {
    return this.instant(1);
  }
  get waitingUntil(): number | null {
    return this.nullableInstant(2);
  }
  get transitions(): SlaTransitions {
    return this;
  }
  get atRiskFrom(): number {
    return this.instant(3);
  }
  get attemptsMissFrom(): number {
    return this.instant(4);
  }
  get dueTodayFrom(): number {
    return this.instant(5);
  }
  get overdueFrom(): number {
    return this.instant(6);
  }
  get lastWindow(): { start: number; end: number } | null {
    const start = this.nullableInstant(7);
    const end = this.nullableInstant(8);
    return start === null || end === null ? null : { start, end };
  }
  get status(): string {
    return this.text(0);
  }
  get urgency(): string {
    return this.text(1);
  }
  get tier(): number {
    return this.small(2);
  }
  get assigneeId(): string | null {
    return this.nullableText(3);
  }
  get language(): string | null {
    return this.nullableText(4);
  }
  get secondAttemptPending(): boolean {
    return this.small(5) === 1;
  }
  get pending(): boolean {
    return this.small(6) === 1;
  }
  get zones(): readonly string[] {
    const at = this.small(7);
    let list = this.c.zones[at];
    if (!list) this.c.zones[at] = list = this.c.zonesOf(this.text(7));
    return list;
  }
  get attemptsLeft(): number {
    return this.small(8);
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

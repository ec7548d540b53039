import {
  formatReference,
  parseReference,
  REFERENCE_FIELD_MAX,
} from '../../shared/domain/identifiers/reference-number';
import { err, ok, type Result } from '../../shared/domain/result';
import type { RowWrite } from '../../shared/sync/mutator';
import { rowKey, type AnyRow } from '../../shared/sync/rows';
import { isReferencedTable, REFERENCE_KIND_OF_TABLE } from '../../shared/sync/rows/reference';
import type { ServerDesk } from '../storage/desks';
import type { BatchStore } from '../storage/server-store';

/** A reference a judged mutation would give a record: kept only when the mutation is applied. */
export interface ReferenceUse {
  reference: string;
  tbl: string;
  id: string;
}

/**
 * The server's word on reference numbers, for one push batch (docs/domain.md):
 * - a record keeps its reference for ever (a write may not change or drop it);
 * - a new reference must carry the pushing desktop's desk code — checked first, so
 *   the next answer only ever speaks about this desktop's own numbers — and be unused;
 * - a new record without one (a queued mutation of an older desktop) gets a server
 *   reference.
 * Uses are kept in memory and written with the batch; server desk sequences too.
 */
export class BatchReferences {
  private readonly used = new Set<string>();
  private readonly kept: ReferenceUse[] = [];
  private serverDesk: ServerDesk | undefined;
  private serverDeskLoaded = false;
  private serverDeskChanged = false;

  constructor(
    private readonly store: BatchStore,
    /** The pushing desktop's desk code; null when it has none. */
    private readonly desk: number | null,
  ) {}

  /** The writes with their references checked (and given where missing), and the uses to keep. */
  async check(
    writes: readonly RowWrite[],
    read: ReadonlyMap<string, AnyRow>,
    now: number,
  ): Promise<Result<{ writes: RowWrite[]; uses: ReferenceUse[] }>> {
    const uses: ReferenceUse[] = [];
    const out: RowWrite[] = [];
    for (const write of writes) {
      if (!isReferencedTable(write.table)) {
        out.push(write);
        continue;
      }
      const row = write.row as { id: string; reference?: string };
      const before = (read.get(rowKey(write.table, row.id)) as { reference?: string } | undefined)?.reference;
      if (before !== undefined) {
        if (row.reference !== undefined && row.reference !== before) {
          return err('reference.changed', 'A record’s reference number never changes.');
        }
        out.push({ ...write, row: { ...write.row, reference: before } } as RowWrite);
        continue;
      }
      let reference = row.reference;
      if (reference === undefined) {
        reference = await this.serverReference(REFERENCE_KIND_OF_TABLE[write.table], now);
      } else {
        const fresh = await this.checkNew(reference, uses);
        if (!fresh.ok) return fresh;
      }
      uses.push({ reference, tbl: write.table, id: row.id });
      out.push({ ...write, row: { ...write.row, reference } } as RowWrite);
    }
    return ok({ writes: out, uses });
  }

  /** An applied mutation's uses join the batch. */
  keep(uses: readonly ReferenceUse[]): void {
    for (const u of uses) {
      this.used.add(u.reference);
      this.kept.push(u);
    }
  }

  async write(): Promise<void> {
    if (this.kept.length > 0) await this.store.insertReferences(this.kept);
    if (this.serverDeskChanged && this.serverDesk) await this.store.saveServerDesk(this.serverDesk);
  }

  private async checkNew(reference: string, uses: readonly ReferenceUse[]): Promise<Result<void>> {
    const parsed = parseReference(reference);
    if (!parsed.ok) return parsed;
    if (this.desk === null || parsed.value.desk !== this.desk) {
      return err(
        'reference.wrong_desk',
        `The reference number ${parsed.value.display} was not made by this desktop; sign in again so it gets its desk code.`,
        { reference: parsed.value.display },
      );
    }
    if (
      this.used.has(reference) ||
      uses.some((u) => u.reference === reference) ||
      (await this.store.referenceTaken(reference))
    ) {
      return err(
        'reference.already_used',
        `The reference number ${parsed.value.display} is already used by another record.`,
        { reference: parsed.value.display },
      );
    }
    return ok(undefined);
  }

  /** The next server reference (a fresh server desk when the current one runs out). */
  private async serverReference(
    kind: Parameters<typeof formatReference>[0]['kind'],
    now: number,
  ): Promise<string> {
    if (!this.serverDeskLoaded) {
      this.serverDesk = await this.store.currentServerDesk();
      this.serverDeskLoaded = true;
    }
    if (!this.serverDesk || this.serverDesk.nextSeq >= REFERENCE_FIELD_MAX) {
      if (this.serverDesk && this.serverDeskChanged) await this.store.saveServerDesk(this.serverDesk);
      this.serverDesk = await this.store.newServerDesk(now);
    }
    const { code, nextSeq } = this.serverDesk;
    this.serverDesk = { code, nextSeq: nextSeq + 1 };
    this.serverDeskChanged = true;
    return formatReference({ kind, desk: code, seq: nextSeq }).canonical;
  }
}

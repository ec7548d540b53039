import type { ChangeReader } from '../storage/change-reader';

/** How to recognise a caller: what the IVR collected and the number they call from, within one team. */
export interface CallerKeys {
  receiptNumber: string | null;
  aNumber: string | null;
  phone: string | null;
  team: string;
}

type KeyTable = 'customers' | 'inquiries';

/**
 * The customer a call is about, for the screen pop and IVR callbacks: by receipt number
 * (an inquiry that carried it), then A-number, then the caller's number, within a team.
 * The one place that decides, so it can move to the customer search (issue 14) when that
 * lands. Today it keeps those keys in memory and catches up on every lookup with the rows
 * changed since (ChangeReader, by version, on the read connection): a lookup costs the
 * changes since the last one, not a scan of every customer — each server process keeps
 * its own, which versions make consistent. Where two customers share a key the latest
 * change wins.
 */
export class CallerIndex {
  private cursor = 0;
  private readonly customerByKey = new Map<string, string>();
  private readonly keysOfRow = new Map<string, string[]>();

  constructor(private readonly changes: ChangeReader<KeyTable>) {}

  find(keys: CallerKeys): string | undefined {
    this.catchUp();
    const candidates: [string, string | null][] = [
      ['receipt', keys.receiptNumber],
      ['a-number', keys.aNumber],
      ['phone', keys.phone],
    ];
    for (const [kind, value] of candidates) {
      const found = value ? this.customerByKey.get(`${keys.team}|${kind}|${value}`) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  private catchUp(): void {
    const { version, rows } = this.changes.since(this.cursor);
    for (const row of rows) {
      const rowKey = `${row.table}:${row.id}`;
      for (const key of this.keysOfRow.get(rowKey) ?? []) this.customerByKey.delete(key);
      this.keysOfRow.delete(rowKey);
      if (row.deleted) continue;
      const keys = keysOf(row.table, row.id, JSON.parse(row.data) as StoredKeys);
      for (const [key, customerId] of keys) this.customerByKey.set(key, customerId);
      this.keysOfRow.set(
        rowKey,
        keys.map(([key]) => key),
      );
    }
    this.cursor = version;
  }
}

interface StoredKeys {
  team: string;
  customerId?: string;
  receiptNumber?: string | null;
  aNumber?: string | null;
  phones?: { e164: string }[];
}

/** The lookup keys one stored row gives, each with the customer it leads to. */
function keysOf(table: KeyTable, id: string, row: StoredKeys): [string, string][] {
  if (table === 'inquiries') {
    return row.receiptNumber && row.customerId
      ? [[`${row.team}|receipt|${row.receiptNumber}`, row.customerId]]
      : [];
  }
  const keys: [string, string][] = (row.phones ?? []).map((p) => [`${row.team}|phone|${p.e164}`, id]);
  if (row.aNumber) keys.push([`${row.team}|a-number|${row.aNumber}`, id]);
  return keys;
}

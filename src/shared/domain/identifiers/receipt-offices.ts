import type { OperationalComponent } from './operational-components';

/**
 * Where a receipt number's 3-letter prefix says the case was receipted, and which
 * operational component that office belongs to (PRODUCT.md, "Identifiers").
 * Kept as data so a new prefix is a one-line change, not a code change.
 *
 * `needs-agent-choice`: the prefix alone does not tell (IOE = online filing, routed
 * on case data), so the agent is asked.
 */
export type ReceiptDirectorate = OperationalComponent | 'needs-agent-choice';

export interface ReceiptOffice {
  readonly prefix: string;
  readonly office: string;
  readonly directorate: ReceiptDirectorate;
}

export const RECEIPT_OFFICES: readonly ReceiptOffice[] = [
  { prefix: 'EAC', office: 'Vermont Service Center', directorate: 'service-center-operations' },
  { prefix: 'VSC', office: 'Vermont Service Center', directorate: 'service-center-operations' },
  { prefix: 'WAC', office: 'California Service Center', directorate: 'service-center-operations' },
  { prefix: 'CSC', office: 'California Service Center', directorate: 'service-center-operations' },
  { prefix: 'LIN', office: 'Nebraska Service Center', directorate: 'service-center-operations' },
  { prefix: 'NSC', office: 'Nebraska Service Center', directorate: 'service-center-operations' },
  { prefix: 'SRC', office: 'Texas Service Center', directorate: 'service-center-operations' },
  { prefix: 'TSC', office: 'Texas Service Center', directorate: 'service-center-operations' },
  { prefix: 'YSC', office: 'Potomac Service Center', directorate: 'service-center-operations' },
  { prefix: 'MSC', office: 'National Benefits Center', directorate: 'field-operations' },
  { prefix: 'NBC', office: 'National Benefits Center', directorate: 'field-operations' },
  { prefix: 'IOE', office: 'Online filing (USCIS ELIS)', directorate: 'needs-agent-choice' },
];

const BY_PREFIX: ReadonlyMap<string, ReceiptOffice> = new Map(RECEIPT_OFFICES.map((o) => [o.prefix, o]));

/** The office for an upper-case 3-letter prefix, or undefined when the prefix is not known. */
export function receiptOfficeFor(prefix: string): ReceiptOffice | undefined {
  return BY_PREFIX.get(prefix);
}

import { parseReceiptNumber } from '../domain/identifiers/receipt-number';
import { nameWords, searchKey, sortNameOf, type SearchEntry } from '../domain/search';
import type { AnyRow, TableName } from './rows';

/** The tables whose rows belong to one customer and make up their record. */
export const CUSTOMER_RECORD_TABLES = [
  'customers',
  'inquiries',
  'callbacks',
  'service_requests',
  'expedite_requests',
  'appointment_requests',
  'notes',
] as const satisfies readonly TableName[];
export type CustomerRecordTable = (typeof CUSTOMER_RECORD_TABLES)[number];

export const isRecordTable = (table: TableName): table is CustomerRecordTable =>
  (CUSTOMER_RECORD_TABLES as readonly TableName[]).includes(table);

/**
 * What one row contributes to the customer search: a customer its name, A-number and
 * phones; a contact its receipt and reference. The one definition of "the records a
 * customer is found by" — the desktop's search box and the server's caller lookup
 * for the telephony screen pop both index with it.
 */
export function searchEntryOf(table: CustomerRecordTable, row: AnyRow): SearchEntry | undefined {
  if (table === 'customers') {
    const customer = row as Extract<AnyRow, { preferredLanguage: unknown }>;
    return {
      customerId: customer.id,
      words: nameWords(customer.name),
      keys: [
        ...(customer.aNumber ? [searchKey('a-number', customer.aNumber)] : []),
        ...customer.phones.map((p) => searchKey('phone', p.e164)),
      ],
      sortName: sortNameOf(customer.name),
    };
  }
  if (table === 'notes') return undefined;
  const contact = row as { customerId: string; receiptNumber?: string | null; reference?: string };
  const receipt = contact.receiptNumber ? parseReceiptNumber(contact.receiptNumber) : undefined;
  return {
    customerId: contact.customerId,
    words: [],
    keys: [
      ...(receipt?.ok ? [searchKey('receipt', receipt.value.normalized)] : []),
      ...(contact.reference ? [searchKey('reference', contact.reference)] : []),
    ],
  };
}

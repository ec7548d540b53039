import type { z } from 'zod';
import { appointmentRequestRowSchema } from './appointment-request';
import { callbackRowSchema } from './callback';
import { customerRowSchema } from './customer';
import { expediteRequestRowSchema } from './expedite-request';
import { inquiryRowSchema } from './inquiry';
import { noteRowSchema } from './note';
import { presenceRowSchema } from './presence';
import { scriptRowSchema } from './script';
import { serviceRequestRowSchema } from './service-request';
import { userRowSchema } from './user';
import { wrapUpRowSchema } from './wrap-up';

export * from './appointment-request';
export * from './callback';
export * from './common';
export * from './customer';
export * from './expedite-request';
export * from './inquiry';
export * from './note';
export * from './presence';
export * from './reference';
export * from './script';
export * from './service-request';
export * from './user';
export * from './wrap-up';

/** Every synced table and the zod schema of its rows. Table names are also the server's SQL table names. */
export const ROW_SCHEMAS = {
  users: userRowSchema,
  customers: customerRowSchema,
  inquiries: inquiryRowSchema,
  callbacks: callbackRowSchema,
  expedite_requests: expediteRequestRowSchema,
  appointment_requests: appointmentRequestRowSchema,
  service_requests: serviceRequestRowSchema,
  notes: noteRowSchema,
  wrap_ups: wrapUpRowSchema,
  presence: presenceRowSchema,
  scripts: scriptRowSchema,
} as const;

export type TableName = keyof typeof ROW_SCHEMAS;
export const TABLE_NAMES = Object.keys(ROW_SCHEMAS) as TableName[];

export type RowOf<T extends TableName> = z.infer<(typeof ROW_SCHEMAS)[T]>;
/** A row as a mutator writes it: the server stamps `version`. */
export type RowData<T extends TableName> = Omit<RowOf<T>, 'version'>;
export type AnyRow = RowOf<TableName>;

/** Tables whose rows carry customer information: delivering them is an audited "view". */
export const PII_TABLES: readonly TableName[] = [
  'customers',
  'inquiries',
  'callbacks',
  'expedite_requests',
  'appointment_requests',
  'service_requests',
  'notes',
  'wrap_ups',
];

export function isTableName(value: string): value is TableName {
  return Object.hasOwn(ROW_SCHEMAS, value);
}

export interface RowKey {
  table: TableName;
  id: string;
}

/** The key of a row in a RowMap. */
export function rowKey(table: TableName, id: string): string {
  return `${table}/${id}`;
}

export { parseReceiptNumber, formatReceiptNumber, receiptNumberSchema } from './receipt-number';
export type { ReceiptNumber } from './receipt-number';
export { RECEIPT_OFFICES, receiptOfficeFor } from './receipt-offices';
export type { ReceiptOffice, ReceiptDirectorate } from './receipt-offices';
export { parseANumber, aNumberSchema } from './a-number';
export type { ANumber } from './a-number';
export { OPERATIONAL_COMPONENT_IDS, OPERATIONAL_COMPONENT_LABELS } from './operational-components';
export type { OperationalComponent } from './operational-components';

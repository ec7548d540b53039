export * from './authorization';
export * from './mutator';
export * from './protocol';
export * from './registry';
export * from './rows';
export * from './run-mutation';
export { textAheadSendAt } from './mutators/text-ahead';
export { receiptNumberArgSchema } from './mutators/receipt-arg';

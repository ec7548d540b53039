import { receiptNumberSchema } from '../../domain/identifiers/receipt-number';

/**
 * A receipt number argument: accepts what agents type (`eac-22-123-45678`), checks
 * it against the office prefix table (domain/identifiers) and yields the normalized
 * form that rows store (`EAC2212345678`).
 */
export const receiptNumberArgSchema = receiptNumberSchema;

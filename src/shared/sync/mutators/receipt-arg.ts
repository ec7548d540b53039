import { z } from 'zod';
import { storedReceiptNumberSchema } from '../rows/common';

/**
 * A receipt number argument: accepts what agents type (`eac-22-123-45678`) and
 * stores the normalized form. Prefix-to-office checks live in domain/identifiers.
 */
export const receiptNumberArgSchema = z.preprocess(
  (value) => (typeof value === 'string' ? value.replace(/[\s-]/g, '').toUpperCase() : value),
  storedReceiptNumberSchema,
);

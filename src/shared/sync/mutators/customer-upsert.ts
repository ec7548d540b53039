import { aNumberSchema } from '../../domain/identifiers/a-number';
import { ok } from '../../domain/result';
import { AGENT_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put } from '../mutator';
import { idSchema } from '../rows/common';
import { customerRowSchema } from '../rows/customer';

export const upsertCustomer = defineMutator({
  name: 'customer.upsert@1',
  description: "Create a customer or replace an existing one's contact details.",
  // Consent to notices is not a contact detail: it has its own mutator (customer.set-notice-consent)
  // and survives an upsert. The row's fields, except that the A-number may be typed any accepted way (`a-12-345-678`):
  // it is normalized to A + 9 digits here, so the row only ever holds the normalized form.
  args: customerRowSchema
    .omit({ id: true, team: true, version: true, noticeConsent: true })
    .extend({ customerId: idSchema, aNumber: aNumberSchema.nullable() }),
  reads: (args) => [{ table: 'customers', id: args.customerId }],
  authorize: (actor) => requireRole(actor, AGENT_ROLES, 'edit customers'),
  apply(rows, args, ctx) {
    const existing = getRow(rows, 'customers', args.customerId);
    const { customerId, ...fields } = args;
    const noticeConsent = existing?.noticeConsent ?? { sms: null, email: null };
    return ok([
      put('customers', { ...fields, noticeConsent, id: customerId, team: existing?.team ?? ctx.team }),
    ]);
  },
});

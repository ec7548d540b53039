import { ok } from '../../domain/result';
import { AGENT_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put } from '../mutator';
import { idSchema } from '../rows/common';
import { customerRowSchema } from '../rows/customer';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const upsertCustomer = defineMutator({
  name: 'customer.upsert@1',
  description: "Create a customer or replace an existing one's contact details.",
  args: customerRowSchema
    .omit({ id: true, team: true, version: true })
    .extend({ customerId: idSchema })
    .refine((c) => c.timeZone === null || isTimeZone(c.timeZone), {
      message: 'timeZone is not a known IANA time zone',
      path: ['timeZone'],
    }),
  reads: (args) => [{ table: 'customers', id: args.customerId }],
  authorize: (actor) => requireRole(actor, AGENT_ROLES, 'edit customers'),
  apply(rows, args, ctx) {
    const existing = getRow(rows, 'customers', args.customerId);
    const { customerId, ...fields } = args;
    return ok([put('customers', { ...fields, id: customerId, team: existing?.team ?? ctx.team })]);
  },
});

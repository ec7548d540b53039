import { z } from 'zod';
import { err, ok } from '../../domain/result';
import { AGENT_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put, withoutVersion } from '../mutator';
import { idSchema } from '../rows/common';
import { CONSENT_METHODS, type NoticeConsent } from '../rows/customer';
import { NOTICE_CHANNELS } from '../rows/callback';

/**
 * Records (or withdraws) the customer's agreement to receive notices on one channel,
 * at one of their own numbers or their own e-mail address, with when (server time),
 * how and by whom. Notices are sent only to the address recorded here.
 */
export const setNoticeConsent = defineMutator({
  name: 'customer.set-notice-consent@1',
  description: 'Record or withdraw the customer’s consent to text or e-mail notices at one address.',
  args: z.object({
    customerId: idSchema,
    channel: z.enum(NOTICE_CHANNELS),
    /** E.164 number (sms) or e-mail address; null withdraws consent on this channel. */
    address: z.string().min(3).max(254).nullable(),
    how: z.enum(CONSENT_METHODS),
  }),
  reads: (args) => [{ table: 'customers', id: args.customerId }],
  authorize: (actor) => requireRole(actor, AGENT_ROLES, 'record notice consent'),
  apply(rows, args, ctx) {
    const customer = getRow(rows, 'customers', args.customerId);
    if (!customer) return err('customer.not_found', 'This customer does not exist or is not on your team.');
    const current = customer.noticeConsent[args.channel];
    let next: NoticeConsent | null;
    if (args.address === null) {
      if (!current || current.revokedAt !== null) return ok([]);
      next = { ...current, revokedAt: ctx.now, revokedHow: 'agent' };
    } else {
      const own =
        args.channel === 'sms'
          ? customer.phones.some((p) => p.e164 === args.address && p.ext === null)
          : customer.email !== null && customer.email.toLowerCase() === args.address.toLowerCase();
      if (!own) {
        return err(
          'consent.address_not_on_file',
          args.channel === 'sms'
            ? 'Texts can go only to one of the customer’s own numbers without an extension; add the number first.'
            : 'E-mail can go only to the customer’s own e-mail address; add it first.',
        );
      }
      next = {
        address: args.address,
        at: ctx.now,
        how: args.how,
        by: ctx.userId,
        revokedAt: null,
        revokedHow: null,
      };
    }
    return ok([
      put('customers', {
        ...withoutVersion(customer),
        noticeConsent: { ...customer.noticeConsent, [args.channel]: next },
      }),
    ]);
  },
});

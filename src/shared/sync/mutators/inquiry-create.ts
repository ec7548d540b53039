import { z } from 'zod';
import { urgencySchema } from '../../domain/sla';
import { err, ok } from '../../domain/result';
import { AGENT_ROLES, TIER2_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put } from '../mutator';
import { idSchema, tierSchema } from '../rows/common';
import { INQUIRY_CHANNELS, ivrContextSchema, scriptProgressSchema } from '../rows/inquiry';
import { receiptNumberArgSchema } from './receipt-arg';
import { withReference } from './with-reference';

export const createInquiry = defineMutator({
  name: 'inquiry.create@1',
  description: 'Open an inquiry for a customer (creation time is the server clock).',
  args: z.object({
    inquiryId: idSchema,
    customerId: idSchema,
    receiptNumber: receiptNumberArgSchema.nullable(),
    topic: z.string().trim().min(1, 'an inquiry needs a topic').max(200),
    /** The topic in Spanish, when its source has one (a script's topic); screens in Spanish show it. */
    topicEs: z.string().trim().min(1).max(200).optional(),
    channel: z.enum(INQUIRY_CHANNELS),
    ivr: ivrContextSchema.nullable(),
    urgency: urgencySchema,
    tier: tierSchema,
    script: scriptProgressSchema.nullable(),
  }),
  reads: (args) => [
    { table: 'inquiries', id: args.inquiryId },
    { table: 'customers', id: args.customerId },
  ],
  authorize(actor, args) {
    if (args.tier === 2) return requireRole(actor, TIER2_ROLES, 'open Tier 2 inquiries');
    return requireRole(actor, AGENT_ROLES, 'open inquiries');
  },
  apply(rows, args, ctx) {
    if (getRow(rows, 'inquiries', args.inquiryId))
      return err('row.already_exists', 'This inquiry already exists.');
    if (!getRow(rows, 'customers', args.customerId)) {
      return err('customer.not_found', 'The customer does not exist or is not on your team.');
    }
    const { inquiryId, ...fields } = args;
    return ok([
      put('inquiries', {
        ...fields,
        id: inquiryId,
        team: ctx.team,
        status: 'open',
        outcome: null,
        createdAt: ctx.now,
        createdBy: ctx.userId,
        completedAt: null,
      }),
    ]);
  },
});

/** `@2`: the inquiry's reference number (the desktop's desk code and sequence). */
export const createInquiryWithReference = withReference(createInquiry, 'inquiry.create@2', 'inquiries');

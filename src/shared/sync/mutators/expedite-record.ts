import { z } from 'zod';
import { err, ok } from '../../domain/result';
import { AGENT_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put } from '../mutator';
import { idSchema } from '../rows/common';
import { EXPEDITE_CRITERIA, EXPEDITE_ROUTES, documentationItemSchema } from '../rows/expedite-request';

export const recordExpediteRequest = defineMutator({
  name: 'expedite.record@1',
  description:
    'Record an expedite request (criteria, explanation, documentation, routing). Nothing is decided here.',
  args: z.object({
    expediteId: idSchema,
    inquiryId: idSchema,
    criteria: z.array(z.enum(EXPEDITE_CRITERIA)).min(1, 'choose at least one expedite criterion').max(4),
    explanation: z.string().trim().min(1, "record the caller's explanation").max(4000),
    documentation: z.array(documentationItemSchema).max(40),
    routing: z.enum(EXPEDITE_ROUTES),
  }),
  reads: (args) => [
    { table: 'expedite_requests', id: args.expediteId },
    { table: 'inquiries', id: args.inquiryId },
  ],
  authorize: (actor) => requireRole(actor, AGENT_ROLES, 'record expedite requests'),
  apply(rows, args, ctx) {
    if (getRow(rows, 'expedite_requests', args.expediteId)) {
      return err('row.already_exists', 'This expedite request already exists.');
    }
    const inquiry = getRow(rows, 'inquiries', args.inquiryId);
    if (!inquiry) return err('inquiry.not_found', 'This inquiry does not exist or is not on your team.');
    if (inquiry.receiptNumber === null) {
      return err(
        'expedite.receipt_required',
        'An expedite request needs the case receipt number on the inquiry.',
      );
    }
    const criteria = [...new Set(args.criteria)];
    const undocumented = criteria.filter((c) => !args.documentation.some((d) => d.criterion === c));
    if (undocumented.length > 0) {
      return err(
        'expedite.documentation_required',
        `List the documentation the caller will provide for: ${undocumented.join(', ')}.`,
      );
    }
    const stray = args.documentation.find((d) => !criteria.includes(d.criterion));
    if (stray) {
      return err(
        'expedite.documentation_mismatch',
        `Documentation is listed for ${stray.criterion}, which is not a chosen criterion.`,
      );
    }
    return ok([
      put('expedite_requests', {
        id: args.expediteId,
        team: inquiry.team,
        inquiryId: inquiry.id,
        customerId: inquiry.customerId,
        receiptNumber: inquiry.receiptNumber,
        criteria,
        explanation: args.explanation,
        documentation: args.documentation,
        routing: args.routing,
        status: 'recorded',
        recordedAt: ctx.now,
        recordedBy: ctx.userId,
        referredAt: null,
      }),
    ]);
  },
});

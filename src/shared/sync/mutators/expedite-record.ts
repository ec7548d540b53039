import { z } from 'zod';
import {
  checkExpediteCompleteness,
  criterionIdSchema,
  expediteDocumentationSchema,
  expediteRequestSchema,
  expediteRoutingSchema,
  routeExpedite,
  type ExpediteDraft,
} from '../../domain/expedite';
import { parseReceiptNumber } from '../../domain/identifiers/receipt-number';
import { err, ok } from '../../domain/result';
import { AGENT_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put } from '../mutator';
import { idSchema } from '../rows/common';
import { withReference } from './with-reference';

/** Criterion ids the sync layer used before it spoke the domain's vocabulary (queued outboxes). */
const LEGACY_CRITERIA: Readonly<Record<string, string>> = {
  'compelling-us-government-interests': 'compelling-government-interests',
};
const criterionArgSchema = z.preprocess(
  (value) => (typeof value === 'string' ? (LEGACY_CRITERIA[value] ?? value) : value),
  criterionIdSchema,
);

/**
 * `@2`: the documentation is the domain checklist (criterion → item id → provided /
 * will-send / not-available) instead of free text, and routing may be omitted to take
 * the receipt number's default. What "complete" means is the domain's
 * checkExpediteCompleteness; its messages are what the agent sees.
 */
export const recordExpediteRequest = defineMutator({
  name: 'expedite.record@2',
  description:
    'Record an expedite request (criteria, explanation, documentation checklist, routing). Nothing is decided here.',
  args: z.object({
    expediteId: idSchema,
    inquiryId: idSchema,
    criteria: z.array(criterionArgSchema).min(1, 'choose at least one expedite criterion').max(4),
    explanation: z.string().max(8000),
    documentation: expediteDocumentationSchema,
    /** Omitted or null: the receipt number's default component (an IOE receipt has none: the agent must choose). */
    routing: expediteRoutingSchema.nullish(),
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
    const receipt = parseReceiptNumber(inquiry.receiptNumber);
    const suggestion = routeExpedite(receipt.ok ? receipt.value : undefined);
    const routing = args.routing ?? (suggestion.kind === 'default' ? suggestion.routing : undefined);
    const draft: ExpediteDraft = {
      receiptNumber: inquiry.receiptNumber,
      // Ticking a criterion twice is a double click, not a mistake worth a rejection.
      criteria: [...new Set(args.criteria)],
      explanation: args.explanation.trim(),
      documentation: args.documentation,
      ...(routing ? { routing } : {}),
    };
    const missing = checkExpediteCompleteness(draft);
    const first = missing[0];
    if (first) return err(first.code, sentence(missing.map((m) => m.message).join('; ')));
    const checked = expediteRequestSchema.safeParse({ ...draft, status: 'recorded' });
    if (!checked.success) {
      return err(
        'expedite.documentation_mismatch',
        sentence(checked.error.issues.map((i) => i.message).join('; ')),
      );
    }
    return ok([
      put('expedite_requests', {
        id: args.expediteId,
        team: inquiry.team,
        inquiryId: inquiry.id,
        customerId: inquiry.customerId,
        receiptNumber: inquiry.receiptNumber,
        criteria: checked.data.criteria,
        explanation: checked.data.explanation,
        documentation: checked.data.documentation,
        routing: checked.data.routing,
        routingSource: args.routing ? 'agent' : 'receipt-default',
        status: 'recorded',
        recordedAt: ctx.now,
        recordedBy: ctx.userId,
        referredAt: null,
      }),
    ]);
  },
});

function sentence(text: string): string {
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

/** `@3`: `@2` with the request's reference number. */
export const recordExpediteRequestWithReference = withReference(
  recordExpediteRequest,
  'expedite.record@3',
  'expedite_requests',
);

import { z } from 'zod';
import {
  EXPEDITE_CRITERION_IDS,
  EXPEDITE_STATUSES,
  criterionIdSchema,
  expediteDocumentationSchema,
  expediteRequestSchema,
  expediteRoutingSchema,
  expediteStatusSchema,
  type CriterionId,
} from '../../domain/expedite';
import { OPERATIONAL_COMPONENT_IDS } from '../../domain/identifiers/operational-components';
import { baseRowShape, idSchema, instantSchema, storedReceiptNumberSchema } from './common';
import { storedReferenceSchema } from './reference';

/**
 * An expedite request as the contact center records it (PRODUCT.md rule 7). There
 * is deliberately NO decision field: the contact center never approves or denies;
 * it records and refers to the operational component.
 *
 * The vocabulary is domain/expedite's (one source of truth): criteria ids, the
 * per-criterion documentation checklist (criterion → item id → provided / will-send /
 * not-available) and the operational components. A stored row must pass the domain's
 * expediteRequestSchema, completeness check included.
 */
export const EXPEDITE_CRITERIA = EXPEDITE_CRITERION_IDS;
export type ExpediteCriterion = CriterionId;

export const EXPEDITE_ROUTES = OPERATIONAL_COMPONENT_IDS;
export { EXPEDITE_STATUSES };

export { expediteDocumentationSchema };

/** Where the routing came from: the receipt number's default, or the agent (IOE, no receipt, override). */
export const EXPEDITE_ROUTING_SOURCES = ['receipt-default', 'agent'] as const;

export const expediteRequestRowSchema = z
  .object({
    ...baseRowShape,
    inquiryId: idSchema,
    customerId: idSchema,
    receiptNumber: storedReceiptNumberSchema,
    criteria: z.array(criterionIdSchema).min(1, 'choose at least one expedite criterion'),
    explanation: z.string(),
    documentation: expediteDocumentationSchema,
    routing: expediteRoutingSchema,
    routingSource: z.enum(EXPEDITE_ROUTING_SOURCES).optional(),
    status: expediteStatusSchema,
    recordedAt: instantSchema,
    recordedBy: idSchema,
    referredAt: instantSchema.nullable(),
    reference: storedReferenceSchema('expedite').optional(),
  })
  .superRefine((row, ctx) => {
    const { receiptNumber, criteria, explanation, documentation, routing, status } = row;
    const checked = expediteRequestSchema.safeParse({
      receiptNumber,
      criteria,
      explanation,
      documentation,
      routing,
      status,
    });
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      }
    }
  });
export type ExpediteRequestRow = z.infer<typeof expediteRequestRowSchema>;

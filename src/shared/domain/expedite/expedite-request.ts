import { z } from 'zod';
import { OPERATIONAL_COMPONENT_IDS } from '../identifiers/operational-components';
import { receiptNumberSchema } from '../identifiers/receipt-number';
import { checkExpediteCompleteness } from './completeness';
import { EXPEDITE_CRITERION_IDS, expediteCriterion } from './criteria';

/**
 * What the agent records for an expedite request (PRODUCT.md rule 7).
 *
 * There is deliberately NO decision field: the contact center records and routes;
 * the operational component decides. The schemas are strict, so a payload that
 * carries `decision`, `approved`, `denied` or any other unknown key is rejected at
 * the edge instead of silently stored.
 */

export const DOCUMENTATION_STATUSES = ['provided', 'will-send', 'not-available'] as const;
export const EXPEDITE_STATUSES = ['recorded', 'referred'] as const;

export const criterionIdSchema = z.enum(EXPEDITE_CRITERION_IDS);
export const documentationStatusSchema = z.enum(DOCUMENTATION_STATUSES);
export const expediteRoutingSchema = z.enum(OPERATIONAL_COMPONENT_IDS);
export const expediteStatusSchema = z.enum(EXPEDITE_STATUSES);

/** criterion → documentation item id → what the caller said about it. Unanswered items are absent. */
export const expediteDocumentationSchema = z.partialRecord(
  criterionIdSchema,
  z.record(z.string(), documentationStatusSchema),
);

const draftShape = {
  /** Normalized on the way in; optional because a caller may not have one. */
  receiptNumber: receiptNumberSchema.optional(),
  criteria: z.array(criterionIdSchema),
  explanation: z.string(),
  documentation: expediteDocumentationSchema,
  routing: expediteRoutingSchema.optional(),
};

/** The checklist while the agent fills it in: anything may still be missing. */
export const expediteDraftSchema = z.strictObject(draftShape).superRefine((draft, ctx) => {
  for (const issue of structuralIssues(draft)) ctx.addIssue({ code: 'custom', ...issue });
});

export type ExpediteDraft = z.output<typeof expediteDraftSchema>;
export type CriterionDocumentation = z.output<typeof expediteDocumentationSchema>;
export type DocumentationStatus = z.output<typeof documentationStatusSchema>;
export type ExpediteRouting = z.output<typeof expediteRoutingSchema>;
export type ExpediteStatus = z.output<typeof expediteStatusSchema>;

/**
 * A recorded request: routed, with a status, and complete — the completeness check is
 * the one place that says what "complete" means, so the schema runs it.
 */
export const expediteRequestSchema = z
  .strictObject({
    ...draftShape,
    routing: expediteRoutingSchema,
    status: expediteStatusSchema,
  })
  .superRefine((request, ctx) => {
    for (const issue of structuralIssues(request)) ctx.addIssue({ code: 'custom', ...issue });
    for (const item of unchosenDocumentation(request)) ctx.addIssue({ code: 'custom', ...item });
    for (const issue of checkExpediteCompleteness(request)) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: [] });
    }
  });

export type ExpediteRequest = z.output<typeof expediteRequestSchema>;

interface PathIssue {
  message: string;
  path: (string | number)[];
}

/** Shape problems a type cannot express: repeated criteria, item ids a criterion does not have. */
function structuralIssues(draft: Pick<ExpediteDraft, 'criteria' | 'documentation'>): PathIssue[] {
  const issues: PathIssue[] = [];
  draft.criteria.forEach((id, index) => {
    if (draft.criteria.indexOf(id) !== index) {
      issues.push({
        message: `criterion '${expediteCriterion(id).label.en}' is chosen twice`,
        path: ['criteria', index],
      });
    }
  });
  for (const [criterionId, items] of Object.entries(draft.documentation) as [
    keyof CriterionDocumentation,
    Record<string, DocumentationStatus> | undefined,
  ][]) {
    const criterion = expediteCriterion(criterionId);
    const known = new Set(criterion.documentation.map((d) => d.id));
    for (const itemId of Object.keys(items ?? {})) {
      if (!known.has(itemId)) {
        issues.push({
          message: `'${criterion.label.en}' has no documentation item '${itemId}'; expected one of ${[...known].join(', ')}`,
          path: ['documentation', criterionId, itemId],
        });
      }
    }
  }
  return issues;
}

function unchosenDocumentation(request: Pick<ExpediteDraft, 'criteria' | 'documentation'>): PathIssue[] {
  return (Object.keys(request.documentation) as (keyof CriterionDocumentation)[])
    .filter((id) => !request.criteria.includes(id))
    .map((id) => ({
      message: `documentation is recorded for '${expediteCriterion(id).label.en}', which is not a chosen criterion; choose it or remove that documentation`,
      path: ['documentation', id],
    }));
}

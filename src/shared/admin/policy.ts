import { z } from 'zod';
import { SLA_STATES } from '../domain/sla';
import { adminReasonSchema } from './reason';

/** The administrators' policy routes (docs/deployment.md, "Policy"). Policies travel unparsed; both ends check them with policySchema. */

export const policyVersionSchema = z.object({
  id: z.string(),
  effectiveFrom: z.number().int(),
  createdAt: z.number().int(),
  createdBy: z.string(),
  policy: z.unknown(),
});
export type PolicyVersionView = z.infer<typeof policyVersionSchema>;

export const policyStateSchema = z.object({
  /** The server's clock when it answered. */
  now: z.number().int(),
  /** In force before any published version (the server's policy file or the defaults). */
  configured: z.unknown(),
  /** The policy in force now, and the version it is (null: the configured one). */
  inForce: z.object({
    id: z.string().nullable(),
    effectiveFrom: z.number().int().nullable(),
    policy: z.unknown(),
  }),
  /** Every published version, oldest in force first (future ones included). */
  versions: z.array(policyVersionSchema),
});
export type PolicyState = z.infer<typeof policyStateSchema>;

/** A proposed policy; `effectiveFrom` absent means "now". */
export const policyDraftSchema = z.object({
  policy: z.unknown(),
  effectiveFrom: z.number().int().min(0).optional(),
});
export type PolicyDraft = z.infer<typeof policyDraftSchema>;

export const publishPolicySchema = policyDraftSchema.extend({ reason: adminReasonSchema });
export type PublishPolicy = z.infer<typeof publishPolicySchema>;

const leafValue = z.union([z.number(), z.string(), z.boolean()]).nullable();
const stateCountsSchema = z.object(
  Object.fromEntries(SLA_STATES.map((s) => [s, z.number().int()])) as Record<
    (typeof SLA_STATES)[number],
    z.ZodNumber
  >,
);

export const policyPreviewSchema = z.object({
  at: z.number().int(),
  changes: z.array(z.object({ path: z.string(), from: leafValue, to: leafValue })),
  newCallbacks: z.array(
    z.object({ urgency: z.enum(['urgent', 'non-urgent']), dueInForce: z.number(), dueProposed: z.number() }),
  ),
  open: z.object({
    total: z.number().int(),
    statesInForce: stateCountsSchema,
    statesProposed: stateCountsSchema,
    stateChanged: z.number().int(),
    attemptsChanged: z.number().int(),
  }),
});

export const publishedPolicySchema = z.object({ id: z.string(), effectiveFrom: z.number().int() });

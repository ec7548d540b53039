import { z } from 'zod';
import { idSchema, instantSchema, languageSchema } from '../sync/rows/common';
import {
  callbackSummarySchema,
  drillDownRequestSchema,
  drillDownResponseSchema,
  forecastRequestSchema,
  forecastSchema,
  rosterEntrySchema,
  supervisorSnapshotSchema,
} from '../supervisor/protocol';
import { domainErrorSchema } from '../domain/error-schema';

/**
 * The supervisor view's part of the desktop API. The server sends ids only
 * (docs/supervisor.md); the core joins the names it already holds in its cache,
 * so no customer name travels over the supervisor channel.
 */

export const SUPERVISOR_LINK_STATES = ['off', 'connecting', 'live', 'offline'] as const;

export const supervisorStatusSchema = z.object({
  /** off: not a lead or not subscribed; live: snapshots are flowing. */
  state: z.enum(SUPERVISOR_LINK_STATES),
  error: domainErrorSchema.nullable(),
  /** When the next reconnection attempt is due (offline only). */
  retryAt: instantSchema.nullable(),
});
export type SupervisorStatus = z.infer<typeof supervisorStatusSchema>;

/** The server's snapshot; each roster entry also names the customer of the agent's current item (from the cache). */
export const supervisorSnapshotViewSchema = supervisorSnapshotSchema.extend({
  roster: z.array(rosterEntrySchema.extend({ currentItemName: z.string().nullable() })),
});
export type SupervisorSnapshotView = z.infer<typeof supervisorSnapshotViewSchema>;

export const drillDownItemViewSchema = callbackSummarySchema.extend({
  customerName: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  language: languageSchema.nullable(),
  assigneeName: z.string().nullable(),
  /** A local change (e.g. this lead's reassignment) is not confirmed by the server yet. */
  pendingSync: z.boolean(),
});
export type DrillDownItemView = z.infer<typeof drillDownItemViewSchema>;

export const drillDownViewSchema = drillDownResponseSchema.extend({
  items: z.array(drillDownItemViewSchema),
});
export type DrillDownView = z.infer<typeof drillDownViewSchema>;

const breachSchema = forecastSchema.shape.breaches.element;
export const forecastViewSchema = forecastSchema.extend({
  breaches: z.array(breachSchema.extend({ customerName: z.string().nullable() })),
});
export type ForecastView = z.infer<typeof forecastViewSchema>;

export const supervisorDrillDownArgsSchema = drillDownRequestSchema;
export const supervisorForecastArgsSchema = forecastRequestSchema;

/** Many callbacks at once: one mutation each (authorized, applied and audited one by one). */
export const BULK_MAX_CALLBACKS = 200;
const callbackIdsSchema = z
  .array(idSchema)
  .min(1, 'select at least one callback')
  .max(BULK_MAX_CALLBACKS, `select at most ${BULK_MAX_CALLBACKS} callbacks at a time`);

export const supervisorReassignArgsSchema = z
  .object({ callbackIds: callbackIdsSchema, assigneeId: idSchema.nullable() })
  .strict();
export const supervisorGrantArgsSchema = z.object({ callbackIds: callbackIdsSchema }).strict();

export const bulkResultSchema = z.object({
  /** Queued changes (their server verdict arrives later as `mutationRejected` when refused). */
  mutationIds: z.array(idSchema),
  /** Refused at once on this desktop (e.g. closed meanwhile), with the reason. */
  refused: z.array(z.object({ callbackId: idSchema, code: z.string(), message: z.string() })),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

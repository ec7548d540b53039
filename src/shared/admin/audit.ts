import { z } from 'zod';
import { idSchema } from '../sync/rows/common';

/** The administrators' audit routes (docs/deployment.md, "The audit trail"). */

/** Filters of a search; every one optional. Times are epoch ms, `to` exclusive. */
export const auditQuerySchema = z
  .object({
    actor: idSchema.optional(),
    /** An action, or a prefix of one ending in `.` (`admin.user.` finds every account change). */
    action: z
      .string()
      .regex(/^[a-z0-9@._-]{1,80}$/, 'an action is lower-case letters, digits and . _ - @ (e.g. admin.user.)')
      .optional(),
    /** The kind of record (`user`, `script`, `callbacks`, …) and its id. */
    entityType: z
      .string()
      .regex(/^[a-z_]{1,40}$/, 'a record kind is lower-case letters and _')
      .optional(),
    entityId: idSchema.optional(),
    /** Events about the customer or any of their records, and every delivery of them to a desktop. */
    customer: idSchema.optional(),
    from: z.coerce.number().int().min(0).optional(),
    to: z.coerce.number().int().min(0).optional(),
    /** Older than this event id (the next page). */
    before: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: 'the range must start before it ends',
    path: ['from'],
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventSchema = z.object({
  id: z.number().int(),
  at: z.number().int(),
  actorId: z.string().nullable(),
  /** The actor's user name, when the actor is a user. */
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  sourceIp: z.string().nullable(),
  clientId: z.string().nullable(),
  outcome: z.string(),
  /** Codes, counts and ids (JSON); never names, phones or case details. */
  detail: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  next: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The columns of the CSV export, in order. */
export const AUDIT_CSV_HEADER = [
  'id',
  'at (UTC)',
  'actor id',
  'actor user name',
  'action',
  'record kind',
  'record id',
  'outcome',
  'source address',
  'desktop',
  'detail',
] as const;

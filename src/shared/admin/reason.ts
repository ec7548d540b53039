import { z } from 'zod';

/**
 * Why an administrator changed something: a reason from a fixed list and, optionally,
 * the ticket it was asked for in. Never free text: the audit trail holds codes and ids,
 * never names or case details (docs/deployment.md, "Administration").
 */
export const ADMIN_REASONS = [
  'new-hire',
  'role-change',
  'team-change',
  'left-organization',
  'leave-of-absence',
  'returned',
  'security-concern',
  'forgot-password',
  'locked-out',
  'correction',
  'policy-update',
  'script-update',
  'audit-review',
  'other',
] as const;
export type AdminReasonCode = (typeof ADMIN_REASONS)[number];

export const ticketSchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,39}$/,
    'a ticket reference is 1–40 letters, digits and . _ : / - (e.g. INC0012345), no spaces',
  );

export const adminReasonSchema = z.object({
  code: z.enum(ADMIN_REASONS, { message: 'choose a reason from the list' }),
  ticket: ticketSchema.optional(),
});
export type AdminReason = z.infer<typeof adminReasonSchema>;

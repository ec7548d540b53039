import { z } from 'zod';
import { GLOBAL_TEAM, teamSchema } from '../sync/rows/common';
import { roleSchema } from '../sync/rows/user';
import { usernameSchema } from './account-rules';
import { adminReasonSchema } from './reason';

/**
 * The administrators' user routes (docs/protocol.md, "Administration"): the request
 * and answer shapes both ends validate.
 */

export const userTeamSchema = teamSchema.refine((t) => t !== GLOBAL_TEAM, 'a user belongs to one team');

export const displayNameSchema = z.string().trim().min(1, 'enter a name').max(120);

export const USER_STATUSES = ['active', 'disabled', 'locked', 'must-change-password'] as const;
export type UserStatusFilter = (typeof USER_STATUSES)[number];

/** GET /api/admin/users query: every filter optional; `q` matches user name or display name. */
export const userQuerySchema = z.object({
  q: z.string().trim().max(64).optional(),
  role: roleSchema.optional(),
  team: userTeamSchema.optional(),
  status: z.enum(USER_STATUSES).optional(),
});
export type UserQuery = z.infer<typeof userQuerySchema>;

export const adminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: roleSchema,
  team: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  /** Sign-in is delayed for this name until then (epoch ms); null when it is not. */
  lockedUntil: z.number().int().nullable(),
  mustChangePassword: z.boolean(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const userListSchema = z.object({
  users: z.array(adminUserSchema),
  /** Every team any user belongs to (the filter's choices). */
  teams: z.array(z.string()),
});
export type UserList = z.infer<typeof userListSchema>;

export const newUserSchema = z.object({
  username: usernameSchema,
  name: displayNameSchema,
  role: roleSchema,
  team: userTeamSchema,
  reason: adminReasonSchema,
});
export type NewUser = z.infer<typeof newUserSchema>;

/** A password the server made up: shown once to the administrator, changed by the user at first sign-in. */
export const oneTimePasswordSchema = z.object({ oneTimePassword: z.string() });

export const createdUserSchema = oneTimePasswordSchema.extend({ id: z.string() });
export type CreatedUser = z.infer<typeof createdUserSchema>;

export const userPatchSchema = z
  .object({
    name: displayNameSchema.optional(),
    role: roleSchema.optional(),
    team: userTeamSchema.optional(),
    active: z.boolean().optional(),
    reason: adminReasonSchema,
  })
  .strict()
  .refine((p) => Object.keys(p).length > 1, { message: 'change at least one of name, role, team, active' });
export type UserPatch = z.infer<typeof userPatchSchema>;

/** Reset password, unlock: nothing but why. */
export const reasonOnlySchema = z.object({ reason: adminReasonSchema }).strict();
export type ReasonOnly = z.infer<typeof reasonOnlySchema>;

export const unlockedSchema = z.object({ cleared: z.number().int() });

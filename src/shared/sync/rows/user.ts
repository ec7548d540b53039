import { z } from 'zod';
import { baseRowShape } from './common';

export const ROLES = ['tier1', 'tier2', 'lead', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** The public profile of a user (credentials never leave the server). */
export const userRowSchema = z.object({
  ...baseRowShape,
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  active: z.boolean(),
});
export type UserRow = z.infer<typeof userRowSchema>;

import { z } from 'zod';
import { roleSchema } from '../../domain/roles';
import { baseRowShape } from './common';

export { ROLES, roleSchema, type Role } from '../../domain/roles';

/** The public profile of a user (credentials never leave the server). */
export const userRowSchema = z.object({
  ...baseRowShape,
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  active: z.boolean(),
});
export type UserRow = z.infer<typeof userRowSchema>;

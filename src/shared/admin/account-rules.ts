import { z } from 'zod';

/**
 * What makes a user name and a password acceptable. One definition for every way an
 * account is made or changed (the admin user routes, the first-administrator bootstrap,
 * a user choosing a new password), so the rules cannot drift apart.
 */
export const passwordSchema = z.string().min(12, 'a password needs at least 12 characters').max(256);

export const usernameSchema = z
  .string()
  .regex(/^[a-z0-9._-]{3,64}$/, 'a user name is 3–64 lower-case letters, digits, . _ or -');

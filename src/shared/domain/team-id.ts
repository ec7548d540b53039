import { z } from 'zod';

/** A team's id as accounts and rows carry it: lower-case letters, digits and dashes. */
export const teamIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a team is lower-case letters, digits and dashes');

import { z } from 'zod';

/**
 * Who uses Agent Desk (PRODUCT.md, "Users"). The domain needs them for rules that
 * differ by role (which wrap-up codes an agent may pick); the sync layer's user
 * rows and authorization use the same list.
 */
export const ROLES = ['tier1', 'tier2', 'lead', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles that work cases (admins manage users and scripts, not customers). */
export const CASE_ROLES = ['tier1', 'tier2', 'lead'] as const satisfies readonly Role[];
export type CaseRole = (typeof CASE_ROLES)[number];

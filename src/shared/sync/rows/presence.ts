import { z } from 'zod';
import { baseRowShape, idSchema, instantSchema } from './common';

/** `away-locked`: the desktop locked itself or was locked (set by the core, never chosen). */
export const PRESENCE_STATUSES = [
  'available',
  'on-call',
  'after-call',
  'break',
  'offline',
  'away-locked',
] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

/** What an agent is working on: a synced row reference (never a customer's name). */
export const itemRefSchema = z.object({
  table: z.enum(['inquiries', 'callbacks', 'expedite_requests']),
  id: idSchema,
});

/** One row per user; its id is the user's id. */
export const presenceRowSchema = z.object({
  ...baseRowShape,
  status: z.enum(PRESENCE_STATUSES),
  currentItem: itemRefSchema.nullable(),
  updatedAt: instantSchema,
});
export type PresenceRow = z.infer<typeof presenceRowSchema>;

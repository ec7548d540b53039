import { z } from 'zod';
import type { DomainError, ErrorParams } from './result';

/**
 * DomainError as a schema, for every edge a refusal crosses: the sync wire (acks and
 * mutation results), IPC results and the views that carry a reason, and the desktop's
 * stored rejections. ./result keeps the types schema-free; `satisfies` keeps the two in step.
 */

/** An error's specifics (DomainError.params) survive every edge so a screen can say it in Spanish. */
export const errorParamsSchema = z.record(
  z.string(),
  z.union([z.string(), z.number()]),
) satisfies z.ZodType<ErrorParams>;

export const domainErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  params: errorParamsSchema.optional(),
}) satisfies z.ZodType<DomainError>;

import type { z } from 'zod';
import { err, ok, type Result } from './result';

/**
 * The one way to turn zod's issues into a sentence: `path: message; path: message`,
 * with `root` naming the value itself when an issue has no path (`body`, `payload`…).
 */
export function issuesText(error: z.ZodError, root = 'value'): string {
  return error.issues.map((i) => `${i.path.join('.') || root}: ${i.message}`).join('; ');
}

/**
 * Parses a value from outside (a file, a socket payload, an HTTP body, an IPC call)
 * into a Result: the parsed value, or `code` with "<what> is not valid: <issues>".
 * Like Signal's parseUnknown, but answers instead of throwing.
 */
export function parseUnknown<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: string,
  what: string,
  root?: string,
): Result<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  return err(code, `${what} is not valid: ${issuesText(parsed.error, root)}`);
}

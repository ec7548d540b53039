/**
 * A value or a typed, human-readable error. Domain functions return this instead of
 * throwing for bad input, so every edge (IPC, socket, form) can show the message.
 */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

/**
 * The specifics of an error, for screens that say it in another language: counts,
 * names, codes, and instants as epoch ms (the screen formats them in the agent's
 * zone). Kept flat and primitive so it crosses IPC and JSON unchanged.
 */
export type ErrorParams = Readonly<Record<string, string | number>>;

export interface DomainError {
  /** Stable machine code, e.g. `receipt.unknown_prefix`. */
  code: string;
  /** A sentence a person can act on, e.g. "unknown receipt prefix XYZ". English; logs and tests rely on it. */
  message: string;
  /** What the message says in variables, so a translated sentence keeps the specifics. */
  params?: ErrorParams;
}

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = (
  code: string,
  message: string,
  params?: ErrorParams,
): { ok: false; error: DomainError } => ({
  ok: false,
  error: params ? { code, message, params } : { code, message },
});

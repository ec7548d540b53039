/**
 * A value or a typed, human-readable error. Domain functions return this instead of
 * throwing for bad input, so every edge (IPC, socket, form) can show the message.
 */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export interface DomainError {
  /** Stable machine code, e.g. `receipt.unknown_prefix`. */
  code: string;
  /** A sentence a person can act on, e.g. "unknown receipt prefix XYZ". */
  message: string;
}

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = (code: string, message: string): { ok: false; error: DomainError } => ({
  ok: false,
  error: { code, message },
});

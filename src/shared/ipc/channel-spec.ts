import type { z } from 'zod';

/** When a channel may be called besides "signed in and unlocked". */
export interface ChannelGates {
  /** Callable while the idle lock is on (everything else answers `session.locked`). */
  whenLocked?: boolean;
  /** Callable without a session. */
  signedOut?: boolean;
}

/** One desktop API call: the zod schema of its arguments and of its result, and its session gates. */
export function channel<A extends z.ZodType, R extends z.ZodType>(
  args: A,
  result: R,
  gates: ChannelGates = {},
) {
  return {
    args,
    result,
    whenLocked: gates.whenLocked ?? false,
    signedOut: gates.signedOut ?? false,
  };
}

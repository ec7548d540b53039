import type { z } from 'zod';
import {
  callerArgsSchema,
  returnedShape,
  type AnyCommand,
  type CallerShape,
  type Command,
} from '../sync/command';
import { COMMANDS } from '../sync/registry';
import { channel } from './channel-spec';
import { mutationAckSchema } from './views';

type AckShape = typeof mutationAckSchema.shape;

/** A command's IPC channel: the caller's arguments in, the mutation id and the returned values out. */
type CommandChannelSpec<C> =
  C extends Command<infer S, infer F, infer O, infer R>
    ? ReturnType<
        typeof channel<z.ZodObject<CallerShape<S, F, O>, z.core.$strict>, z.ZodObject<AckShape & Pick<S, R>>>
      >
    : never;

function commandChannel<C extends AnyCommand>(row: C): CommandChannelSpec<C> {
  return channel(
    callerArgsSchema(row),
    mutationAckSchema.extend(returnedShape(row)),
  ) as unknown as CommandChannelSpec<C>;
}

/**
 * The IPC channels of the desktop commands, derived from the command table
 * (shared/sync/registry.ts): nothing about a command is written here.
 */
export const COMMAND_IPC_CHANNELS = Object.fromEntries(
  Object.entries(COMMANDS).map(([name, row]) => [name, commandChannel(row)]),
) as { [K in keyof typeof COMMANDS]: CommandChannelSpec<(typeof COMMANDS)[K]> };

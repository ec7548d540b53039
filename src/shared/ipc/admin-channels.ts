import type { z } from 'zod';
import { ADMIN_CALLS } from '../admin/calls';
import { channel } from './channel-spec';

type AdminChannelSpec<C> = C extends { args: infer A extends z.ZodType; result: infer R extends z.ZodType }
  ? ReturnType<typeof channel<A, R>>
  : never;

/**
 * The administration area's IPC channels, derived from the admin call table
 * (shared/admin/calls.ts): the server refuses every one to anyone but an administrator.
 */
export const ADMIN_IPC_CHANNELS = Object.fromEntries(
  Object.entries(ADMIN_CALLS).map(([name, spec]) => [name, channel(spec.args, spec.result)]),
) as { [K in keyof typeof ADMIN_CALLS]: AdminChannelSpec<(typeof ADMIN_CALLS)[K]> };

import { z } from 'zod';
import { ok } from '../../domain/result';
import { forbidden } from '../authorization';
import { defineMutator, put } from '../mutator';
import { idSchema } from '../rows/common';
import { itemRefSchema, PRESENCE_STATUSES } from '../rows/presence';

/** Anyone signed in sets their own presence; the row id is the user's id, so nobody sets another's. */
export const setPresence = defineMutator({
  name: 'presence.set@1',
  description: "Set the signed-in user's own presence and current item.",
  args: z.object({
    userId: idSchema,
    status: z.enum(PRESENCE_STATUSES),
    currentItem: itemRefSchema.nullable(),
  }),
  reads: (args) => [{ table: 'presence', id: args.userId }],
  authorize(actor, args) {
    if (args.userId !== actor.userId) {
      return forbidden('You can set only your own presence.');
    }
    return ok(undefined);
  },
  apply(_rows, args, ctx) {
    return ok([
      put('presence', {
        id: ctx.userId,
        team: ctx.team,
        status: args.status,
        currentItem: args.status === 'offline' ? null : args.currentItem,
        updatedAt: ctx.now,
      }),
    ]);
  },
});

import { z } from 'zod';
import { fitWindow } from '../../domain/calendar/business-calendar';
import { err, ok } from '../../domain/result';
import { AGENT_ROLES, forbidden, requireRole } from '../authorization';
import { defineMutator, getRow, put, withoutVersion } from '../mutator';
import { idSchema, instantWindowSchema } from '../rows/common';
import { textAheadSendAt } from './text-ahead';
import { countNoun } from '../../domain/language/plural';

export const scheduleCallback = defineMutator({
  name: 'callback.schedule@1',
  description: 'Set (or clear) the slot the customer chose and whether a text-ahead notice goes out.',
  args: z
    .object({ callbackId: idSchema, slot: instantWindowSchema.nullable(), textAhead: z.boolean() })
    .refine((a) => a.slot !== null || !a.textAhead, {
      message: 'a text-ahead notice needs a scheduled slot',
      path: ['textAhead'],
    }),
  reads: (args) => [{ table: 'callbacks', id: args.callbackId }],
  authorize(actor, args, rows) {
    const role = requireRole(actor, AGENT_ROLES, 'schedule callbacks');
    if (!role.ok) return role;
    const callback = getRow(rows, 'callbacks', args.callbackId);
    if (callback?.tier === 2 && actor.role === 'tier1') {
      return forbidden('Only Tier 2 agents and team leads can work Tier 2 callbacks.', {
        rule: 'tier2-work',
      });
    }
    if (callback && callback.assigneeId !== actor.userId && actor.role !== 'lead') {
      return forbidden('Only the agent who claimed this callback or a team lead can schedule it.', {
        rule: 'assignee-schedule',
      });
    }
    return ok(undefined);
  },
  apply(rows, args, ctx) {
    const callback = getRow(rows, 'callbacks', args.callbackId);
    if (!callback) return err('callback.not_found', 'This callback does not exist or is not on your team.');
    if (callback.status !== 'open') return err('callback.closed', 'This callback is already closed.');
    if (callback.attempts.length > 0) {
      return err('callback.already_attempted', 'A callback can be scheduled only before its first attempt.');
    }
    if (args.slot === null) {
      return ok([
        put('callbacks', {
          ...withoutVersion(callback),
          scheduledSlot: null,
          textAhead: { enabled: false, sendAt: null },
        }),
      ]);
    }
    const slot = args.slot;
    if (slot.start <= ctx.now) return err('callback.slot_in_past', 'The slot must be in the future.');
    if (slot.start > callback.dueAt) {
      return err(
        'callback.slot_after_due',
        'The slot starts after the callback is due; choose an earlier slot.',
      );
    }
    const fitted = fitWindow({ earliest: slot.start, latest: slot.end }, ctx.policy);
    if (fitted.adjustment) return err('callback.slot_outside_hours', fitted.adjustment.message);
    let sendAt: number | null = null;
    if (args.textAhead) {
      const at = textAheadSendAt(slot.start, ctx.now, ctx.policy);
      if (at === undefined) {
        return err(
          'callback.text_ahead_too_late',
          `A text-ahead notice must go out at least ${countNoun('en', ctx.policy.textAhead.minBusinessDaysBefore, 'business day', 'business days')} before the slot; choose a later slot or no notice.`,
        );
      }
      sendAt = at;
    }
    return ok([
      put('callbacks', {
        ...withoutVersion(callback),
        scheduledSlot: slot,
        textAhead: { enabled: args.textAhead, sendAt },
      }),
    ]);
  },
});

import { z } from 'zod';
import { isOpen } from '../../domain/calendar';
import { noticeDaytimeOpening } from '../../domain/notices/notice-daytime';
import { err, ok } from '../../domain/result';
import { AGENT_ROLES, forbidden, requireRole } from '../authorization';
import { defineMutator, getRow, put, withoutVersion } from '../mutator';
import { idSchema } from '../rows/common';

/**
 * The agent asks the customer by text "are you available for a call in the next N
 * minutes?" (docs/domain.md, "Customer notices"). The request is a queued notice on
 * the callback; the server queues it in its outbox right after this commits (same id,
 * the idempotency key) and sends it. Only with the customer's active SMS consent, on
 * an open callback, at most `notices.availabilityMaxChecks` times per callback, and
 * only when a "yes" can be acted on: inside callback hours and the customer's daytime
 * (a text outside it would wait past the reply window).
 */
export const askAvailability = defineMutator({
  name: 'callback.ask-availability@1',
  description: 'Text the customer “are you available for a call now?”; a “yes” puts the callback first.',
  args: z.object({ callbackId: idSchema }),
  reads: (args) => [{ table: 'callbacks', id: args.callbackId }],
  readsAfter: (args, rows) => {
    const callback = getRow(rows, 'callbacks', args.callbackId);
    return callback ? [{ table: 'customers' as const, id: callback.customerId }] : [];
  },
  authorize(actor, args, rows) {
    const role = requireRole(actor, AGENT_ROLES, 'ask customers whether they are available');
    if (!role.ok) return role;
    const callback = getRow(rows, 'callbacks', args.callbackId);
    if (callback && callback.assigneeId !== actor.userId && actor.role !== 'lead') {
      return forbidden('Only the agent who claimed this callback or a team lead can text its customer.', {
        rule: 'assignee-ask-availability',
      });
    }
    return ok(undefined);
  },
  apply(rows, args, ctx) {
    const callback = getRow(rows, 'callbacks', args.callbackId);
    if (!callback) return err('callback.not_found', 'This callback does not exist or is not on your team.');
    if (callback.status !== 'open') return err('callback.closed', 'This callback is already closed.');
    const customer = getRow(rows, 'customers', callback.customerId);
    const consent = customer?.noticeConsent.sms;
    if (!consent || consent.revokedAt !== null) {
      return err(
        'notice.no_consent',
        'The customer has not agreed to receive texts (or opted out); record their consent first.',
      );
    }
    if (!isOpen(ctx.now, ctx.policy)) {
      return err(
        'notice.outside_callback_hours',
        'Callback hours are closed, so a customer who says yes could not be called; ask when they open.',
      );
    }
    const daytime = ctx.policy.notices.customerLocalDaytime;
    const { opensAt } = noticeDaytimeOpening(customer, consent.address, ctx.now, ctx.policy);
    if (opensAt > ctx.now) {
      return err(
        'notice.customer_daytime',
        `It is outside the customer's daytime (${daytime.start}–${daytime.end} their time); ask again from then.`,
        { opensAt, start: daytime.start, end: daytime.end },
      );
    }
    const asked = callback.notices.filter((n) => n.kind === 'available-now');
    const max = ctx.policy.notices.availabilityMaxChecks;
    if (asked.length >= max) {
      return err('notice.too_many_checks', `The customer can be asked at most ${max} times per callback.`, {
        max,
      });
    }
    // An unanswered check still inside its window (its reason turns to notice.no_reply when it runs out).
    const pending = ['queued', 'sending', 'sent', 'delivered'];
    if (asked.some((n) => pending.includes(n.status) && n.reply === null && n.reason === null)) {
      return err('notice.check_pending', 'The customer has not answered the last check yet.');
    }
    return ok([
      put('callbacks', {
        ...withoutVersion(callback),
        notices: [
          ...callback.notices,
          {
            id: `${callback.id}:available-now:${asked.length + 1}`,
            kind: 'available-now' as const,
            channel: 'sms' as const,
            status: 'queued' as const,
            reason: null,
            sendAt: ctx.now,
            updatedAt: ctx.now,
            reply: null,
          },
        ].slice(-20),
      }),
    ]);
  },
});

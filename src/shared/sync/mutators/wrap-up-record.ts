import { z } from 'zod';
import { policyItemIdSchema } from '../../domain/bilingual-label';
import type { ContactChannel } from '../../domain/contact-channels';
import { err, ok, type Result } from '../../domain/result';
import { reportedTimeProblem, REPORTED_CLOCK_SKEW_MS } from '../../domain/reported-time';
import { afterCallWorkModeFor } from '../../domain/wrap-up/after-call-work';
import { checkDisposition } from '../../domain/wrap-up/dispositions';
import { contactTimesProblem } from '../../domain/wrap-up/handle-time';
import { AGENT_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put, type MutatorContext } from '../mutator';
import { idSchema, instantSchema } from '../rows/common';
import { finishedAfterCallWorkSchema, wrapUpSubjectSchema } from '../rows/wrap-up';

const args = z.object({
  wrapUpId: idSchema,
  about: wrapUpSubjectSchema,
  disposition: policyItemIdSchema,
  callStartedAt: instantSchema,
  callEndedAt: instantSchema,
  afterCallWork: finishedAfterCallWorkSchema.nullable(),
  noteId: idSchema.nullable(),
});
type Args = z.infer<typeof args>;

/** The desktop's times, judged against the server clock (bounded) and against each other. */
function checkTimes(a: Args, ctx: MutatorContext): Result<void> {
  const order = contactTimesProblem(a);
  if (order) return err('wrap_up.times_out_of_order', `The contact's times are not in order: ${order}.`);
  const last = a.afterCallWork?.endedAt ?? a.callEndedAt;
  for (const at of [a.callStartedAt, last]) {
    const problem = reportedTimeProblem(at, ctx.now);
    if (problem === 'in-future') {
      return err(
        'wrap_up.time_in_future',
        'The contact’s times are ahead of the server clock; check this computer’s clock and sign in again.',
      );
    }
    if (problem === 'too-old') {
      return err('wrap_up.time_too_old', 'This contact ended too long ago to be wrapped up now.');
    }
  }
  const mode = afterCallWorkModeFor(ctx.policy.wrapUp.afterCallWork, ctx.team);
  const work = a.afterCallWork;
  if (
    work &&
    mode.kind === 'time-boxed' &&
    work.endedAt - work.startedAt > mode.limitSeconds * 1000 + REPORTED_CLOCK_SKEW_MS
  ) {
    return err(
      'wrap_up.after_call_work_too_long',
      `After-call work is limited to ${mode.limitSeconds} seconds on your team.`,
      { seconds: mode.limitSeconds },
    );
  }
  return ok(undefined);
}

export const recordWrapUp = defineMutator({
  name: 'wrap-up.record@1',
  description:
    'Close a handled contact with a wrap-up code from the policy, the call and after-call-work times, and an optional note.',
  args,
  reads: (a) => [
    { table: 'wrap_ups', id: a.wrapUpId },
    { table: a.about.table, id: a.about.id },
  ],
  readsAfter: (a) => (a.noteId ? [{ table: 'notes' as const, id: a.noteId }] : []),
  authorize: (actor) => requireRole(actor, AGENT_ROLES, 'record wrap-ups'),
  apply(rows, a, ctx) {
    if (getRow(rows, 'wrap_ups', a.wrapUpId))
      return err('row.already_exists', 'This wrap-up is already recorded.');
    const subject = getRow(rows, a.about.table, a.about.id);
    if (!subject)
      return err(
        'wrap_up.contact_not_found',
        'The contact to wrap up does not exist or is not on your team.',
      );
    const channel: ContactChannel =
      a.about.table === 'callbacks' ? 'callback' : (subject as { channel: ContactChannel }).channel;
    const disposition = checkDisposition(ctx.policy.wrapUp.dispositions, a.disposition, ctx.role, channel);
    if (!disposition.ok) return disposition;
    const times = checkTimes(a, ctx);
    if (!times.ok) return times;
    const note = a.noteId ? getRow(rows, 'notes', a.noteId) : undefined;
    if (note && note.customerId !== subject.customerId) {
      return err('note.wrong_customer', 'The wrap-up note must be about the same customer.');
    }
    return ok([
      put('wrap_ups', {
        id: a.wrapUpId,
        team: subject.team,
        agentId: ctx.userId,
        channel,
        about: a.about,
        customerId: subject.customerId,
        disposition: a.disposition,
        callStartedAt: a.callStartedAt,
        callEndedAt: a.callEndedAt,
        afterCallWork: a.afterCallWork,
        noteId: a.noteId,
        recordedAt: ctx.now,
      }),
    ]);
  },
});

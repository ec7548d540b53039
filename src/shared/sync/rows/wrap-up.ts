import { z } from 'zod';
import { policyItemIdSchema } from '../../domain/bilingual-label';
import { contactChannelSchema } from '../../domain/contact-channels';
import { AFTER_CALL_WORK_KINDS } from '../../domain/wrap-up/after-call-work';
import { contactTimesProblem } from '../../domain/wrap-up/handle-time';
import { baseRowShape, idSchema, instantSchema } from './common';

/** What a wrap-up closes: a live contact's inquiry or a callback (one attempt of it). */
export const wrapUpSubjectSchema = z.object({
  table: z.enum(['inquiries', 'callbacks']),
  id: idSchema,
});

export const finishedAfterCallWorkSchema = z.object({
  mode: z.enum(AFTER_CALL_WORK_KINDS),
  startedAt: instantSchema,
  endedAt: instantSchema,
  endedBy: z.enum(['agent', 'time-limit']),
});

/**
 * One handled contact (domain/wrap-up): the wrap-up code the agent picked, the call's
 * times and the after-call work, for handle-time figures. Times are the desktop's
 * estimate of server time, bounded by the server (domain/reported-time).
 */
export const wrapUpRowSchema = z
  .object({
    ...baseRowShape,
    agentId: idSchema,
    channel: contactChannelSchema,
    about: wrapUpSubjectSchema,
    customerId: idSchema,
    /** A wrap-up code id of the policy when it was recorded. */
    disposition: policyItemIdSchema,
    callStartedAt: instantSchema,
    callEndedAt: instantSchema,
    afterCallWork: finishedAfterCallWorkSchema.nullable(),
    /** The note written with the wrap-up, if any. */
    noteId: idSchema.nullable(),
    /** Server time the wrap-up was recorded. */
    recordedAt: instantSchema,
  })
  .superRefine((row, ctx) => {
    const problem = contactTimesProblem(row);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['callEndedAt'] });
  });
export type WrapUpRow = z.infer<typeof wrapUpRowSchema>;

import { z } from 'zod';
import { afterCallWorkPolicySchema, DEFAULT_AFTER_CALL_WORK } from './after-call-work';
import { DEFAULT_DISPOSITIONS, dispositionListSchema } from './dispositions';

/** The policy's `wrapUp` section: wrap-up codes and after-call work per team. */
export const wrapUpPolicySchema = z.object({
  dispositions: dispositionListSchema,
  afterCallWork: afterCallWorkPolicySchema,
});
export type WrapUpPolicy = z.infer<typeof wrapUpPolicySchema>;

export const DEFAULT_WRAP_UP: WrapUpPolicy = {
  dispositions: DEFAULT_DISPOSITIONS.map((d) => ({ ...d, roles: [...d.roles], channels: [...d.channels] })),
  afterCallWork: DEFAULT_AFTER_CALL_WORK,
};

/**
 * The shape of an inquiry script: versioned, bilingual content that walks an agent
 * from greeting to an outcome (PRODUCT.md, "Inquiry form"). Scripts are data written
 * by content authors and published from the server, so this schema is the contract
 * between them and the interpreter. It checks each field; the checks that need the
 * whole document (targets, reachability, translations, placeholders) live in
 * validate.ts so that every problem is reported at once with its step id.
 */
import { z } from 'zod';
import { TIER2_REASONS } from '../domain/handoff';
import { urgencySchema } from '../domain/sla';
import { INQUIRY_OUTCOMES } from '../sync/rows/inquiry';
import { policyItemIdSchema } from '../domain/bilingual-label';

/** Lower-case words joined by dashes: safe in file names and in `<id>@<version>` row ids. */
const slugSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(60, 'must be at most 60 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes, e.g. case-status');

export const scriptIdSchema = slugSchema;
export const stepIdSchema = slugSchema;

/** Answer keys appear in placeholders (`{{answers.receiptNumber}}`), so they are identifiers. */
export const answerKeySchema = z
  .string()
  .regex(
    /^[a-zA-Z][a-zA-Z0-9]{0,59}$/,
    'an answer key is a letter followed by letters or digits, e.g. receiptNumber',
  );

/**
 * Text in both languages. A missing side parses as '' so the validator can report it
 * as a missing translation with its step id instead of a bare type error.
 */
export const bilingualSchema = z.strictObject({
  en: z.string().max(4000).default(''),
  es: z.string().max(4000).default(''),
});
export type Bilingual = z.infer<typeof bilingualSchema>;

export const ANSWER_TYPES = [
  'receipt-number',
  'a-number',
  'phone',
  'date',
  'choice',
  'yes-no',
  'text',
] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** Context values a question may start from and text may mention (PRODUCT.md rule 10). */
export const CONTEXT_FIELDS = [
  'ivr.receiptNumber',
  'ivr.intent',
  'customer.name',
  'customer.aNumber',
  'customer.email',
  'customer.phone',
] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];

/** Which answer type each context field can prefill (checked by the validator). */
export const CONTEXT_FIELD_TYPES: Readonly<Record<ContextField, AnswerType>> = {
  'ivr.receiptNumber': 'receipt-number',
  'ivr.intent': 'text',
  'customer.name': 'text',
  'customer.aNumber': 'a-number',
  'customer.email': 'text',
  'customer.phone': 'phone',
};

export const choiceSchema = z.strictObject({
  value: z
    .string()
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      'a choice value is lower-case words joined by dashes, e.g. medical-emergency',
    ),
  label: bilingualSchema,
});
export type Choice = z.infer<typeof choiceSchema>;

export const answerSpecSchema = z
  .strictObject({
    key: answerKeySchema,
    type: z.enum(ANSWER_TYPES),
    choices: z.array(choiceSchema).min(2, 'a choice question needs at least two choices').optional(),
    required: z.boolean().default(true),
    prefillFrom: z.enum(CONTEXT_FIELDS).optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.type === 'choice' && !spec.choices) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a choice question needs its choices' });
    }
    if (spec.type !== 'choice' && spec.choices) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: `only choice questions have choices; this one is ${spec.type}`,
      });
    }
  });
export type AnswerSpec = z.infer<typeof answerSpecSchema>;

/** A branch test on one answer: exactly one of equals, in, isSet. */
export const conditionSchema = z
  .strictObject({
    answer: answerKeySchema,
    equals: z.union([z.string(), z.boolean()]).optional(),
    in: z.array(z.string()).min(1, '"in" needs at least one value').optional(),
    isSet: z.boolean().optional(),
  })
  .refine((c) => [c.equals, c.in, c.isSet].filter((v) => v !== undefined).length === 1, {
    message: 'a condition needs exactly one of "equals", "in" or "isSet"',
  });
export type Condition = z.infer<typeof conditionSchema>;

export const branchesSchema = z.strictObject({
  branches: z
    .array(z.strictObject({ when: conditionSchema, next: stepIdSchema }))
    .min(1, 'list at least one branch'),
  otherwise: stepIdSchema,
});
export type Branches = z.infer<typeof branchesSchema>;

/** Where a step goes: one step id, or the first branch that matches, else `otherwise`. */
export const nextSchema = z.union([stepIdSchema, branchesSchema]);
export type Next = z.infer<typeof nextSchema>;

/** What an agent reads aloud. `hint` is guidance for the agent only, never read to the caller. */
export const sayStepSchema = z.strictObject({
  kind: z.literal('say'),
  text: bilingualSchema,
  hint: bilingualSchema.optional(),
  next: nextSchema,
});

export const questionStepSchema = z.strictObject({
  kind: z.literal('question'),
  prompt: bilingualSchema,
  hint: bilingualSchema.optional(),
  answer: answerSpecSchema,
  next: nextSchema,
});

/** Why Tier 1 hands an inquiry to Tier 2: domain/handoff's list (shown on the Tier 2 worklist). */
export { TIER2_REASONS, type Tier2Reason } from '../domain/handoff';

export const LINK_CHANNELS = ['email', 'text'] as const;
export type LinkChannel = (typeof LINK_CHANNELS)[number];

/**
 * Answers the form after the script starts from, so the agent never asks twice:
 * the appointment request's urgent reason (a choice answer) and explanation, or a
 * service request's description.
 */
export const carrySchema = z.strictObject({
  urgentReason: answerKeySchema.optional(),
  explanation: answerKeySchema.optional(),
});
export type Carry = z.infer<typeof carrySchema>;

/**
 * A terminal step. `note` is what the agent tells the caller happens next. Some
 * outcomes need more: a callback or appointment request its urgency, a Tier 2
 * escalation its reason, a sent link its channel and address. A service request may
 * name its type (the path through the script already says which one it is), and
 * `carry` hands answers to the form that follows.
 */
export const outcomeStepSchema = z
  .strictObject({
    kind: z.literal('outcome'),
    outcome: z.enum(INQUIRY_OUTCOMES),
    urgency: urgencySchema.optional(),
    reason: z.enum(TIER2_REASONS).optional(),
    channel: z.enum(LINK_CHANNELS).optional(),
    link: z.url({ protocol: /^https$/, message: 'a link must be an https:// address' }).optional(),
    /** The service-request category the outcome suggests (an id of the policy's categories). */
    serviceRequestType: policyItemIdSchema.optional(),
    carry: carrySchema.optional(),
    note: bilingualSchema,
  })
  .superRefine((step, ctx) => {
    const need = (field: 'urgency' | 'reason' | 'channel' | 'link', why: string): void => {
      if (step[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: why });
    };
    const forbid = (field: 'urgency' | 'reason' | 'channel' | 'link', only: string): void => {
      if (step[field] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `"${field}" belongs only to ${only} outcomes`,
        });
      }
    };
    if (step.outcome === 'callback')
      need('urgency', 'a callback outcome needs its urgency (urgent or non-urgent)');
    if (step.outcome === 'appointment-request') {
      need('urgency', 'an appointment request needs its urgency (urgent is reviewed individually)');
    }
    if (step.outcome === 'tier2-escalation') need('reason', 'a Tier 2 escalation needs its reason');
    else forbid('reason', 'tier2-escalation');
    if (step.outcome !== 'service-request' && step.serviceRequestType !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceRequestType'],
        message: '"serviceRequestType" belongs only to service-request outcomes',
      });
    }
    if (step.carry?.urgentReason !== undefined && step.outcome !== 'appointment-request') {
      ctx.addIssue({
        code: 'custom',
        path: ['carry', 'urgentReason'],
        message: '"carry.urgentReason" belongs only to appointment-request outcomes',
      });
    }
    if (
      step.carry?.explanation !== undefined &&
      step.outcome !== 'appointment-request' &&
      step.outcome !== 'service-request'
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['carry', 'explanation'],
        message: '"carry.explanation" belongs only to appointment-request and service-request outcomes',
      });
    }
    if (step.outcome === 'link-sent') {
      need('channel', 'a link-sent outcome needs its channel (email or text)');
      need('link', 'a link-sent outcome needs the link (https://…)');
    } else {
      forbid('channel', 'link-sent');
      forbid('link', 'link-sent');
    }
  });

export const stepSchema = z.discriminatedUnion('kind', [
  sayStepSchema,
  questionStepSchema,
  outcomeStepSchema,
]);
export type Step = z.infer<typeof stepSchema>;
export type SayStep = z.infer<typeof sayStepSchema>;
export type QuestionStep = z.infer<typeof questionStepSchema>;
export type OutcomeStep = z.infer<typeof outcomeStepSchema>;

/** Everything but the steps' contents: validated first so each step can be checked on its own. */
export const scriptShellSchema = z.strictObject({
  id: scriptIdSchema,
  version: z.number().int('a version is a whole number').min(1, 'versions start at 1'),
  title: bilingualSchema,
  /**
   * Becomes the inquiry's topic, in both languages (the screen shows its own). A bare
   * string (scripts written before topics were bilingual) reads as the English side,
   * so the validator reports the missing Spanish one instead of a type error.
   */
  topic: z.preprocess(
    (v) => (typeof v === 'string' ? { en: v } : v),
    z.strictObject({
      en: z.string().trim().min(1, 'a script needs a topic').max(200),
      es: z.string().trim().max(200).default(''),
    }),
  ),
  /** IVR intents that start this script (PRODUCT.md rule 10). */
  intents: z.array(z.string().trim().min(1).max(120)),
  start: stepIdSchema,
  steps: z.record(z.string(), z.unknown()),
});

export const scriptSchema = scriptShellSchema.extend({
  steps: z.record(stepIdSchema, stepSchema),
});
export type Script = z.infer<typeof scriptSchema>;

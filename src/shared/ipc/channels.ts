import { z } from 'zod';
import { policyItemIdSchema } from '../domain/bilingual-label';
import { HANDOFF_REASON_MAX_CHARS, TIER2_REASONS } from '../domain/handoff';
import { OPERATIONAL_COMPONENT_IDS } from '../domain/identifiers/operational-components';
import { NOTE_STORAGE_MAX_CHARS } from '../domain/notes';
import { urgencySchema } from '../domain/sla';
import { changePasswordRequestSchema, signInRequestSchema } from '../sync/protocol';
import { APPOINTMENT_URGENT_REASONS } from '../sync/rows/appointment-request';
import { idSchema, tierSchema } from '../sync/rows/common';
import { customerRowSchema } from '../sync/rows/customer';
import { expediteDocumentationSchema } from '../domain/expedite';
import { EXPEDITE_CRITERIA, EXPEDITE_ROUTES } from '../sync/rows/expedite-request';
import {
  INQUIRY_CHANNELS,
  INQUIRY_OUTCOMES,
  ivrContextSchema,
  scriptProgressSchema,
} from '../sync/rows/inquiry';
import { itemRefSchema, PRESENCE_STATUSES } from '../sync/rows/presence';
import { roleSchema } from '../sync/rows/user';
import { ADMIN_IPC_CHANNELS } from './admin-channels';
import { channel } from './channel-spec';
import { COMMAND_IPC_CHANNELS } from './command-channels';
import {
  customerRecordSchema,
  customerSearchArgsSchema,
  customerSearchResultSchema,
  serviceRequestsPastTargetSchema,
} from './customer-views';
import {
  callbackDetailSchema,
  connectionStateSchema,
  rejectionSchema,
  scriptSummarySchema,
  scriptViewSchema,
  sessionStateSchema,
  worklistPageSchema,
  worklistQuerySchema,
} from './views';
import {
  bulkResultSchema,
  drillDownViewSchema,
  forecastViewSchema,
  supervisorDrillDownArgsSchema,
  supervisorForecastArgsSchema,
  supervisorGrantArgsSchema,
  supervisorReassignArgsSchema,
  supervisorSnapshotViewSchema,
} from './supervisor-views';
import { dialArgsSchema, dialCheckArgsSchema, dialPreviewSchema, dialResultSchema } from './telephony-views';

/**
 * The desktop API: every call the renderer can make, with the zod schema of its
 * arguments and of its result. The host validates both (dispatchIpc: arguments
 * before running a handler, the result before answering); the preload and the
 * browser host's bridge only check names. Arguments are strict objects: an
 * unknown key is a bug on the caller's side, not something to drop silently.
 *
 * Mutation calls answer once the change is in the durable outbox and applied
 * optimistically; the server's verdict arrives later (`mutationRejected`).
 */

const none = z.object({}).strict();
const callbackRef = z.object({ callbackId: idSchema }).strict();

/** Customer fields as the inquiry form captures them (phones already normalized to E.164). */
export const customerInputSchema = customerRowSchema.omit({
  id: true,
  team: true,
  version: true,
  noticeConsent: true,
});

const inquiryFields = {
  receiptNumber: z.string().max(20).nullable(),
  topic: z.string().trim().min(1, 'an inquiry needs a topic').max(200),
  /** The topic in Spanish, when its source has one. */
  topicEs: z.string().trim().min(1).max(200).optional(),
  channel: z.enum(INQUIRY_CHANNELS),
  ivr: ivrContextSchema.nullable(),
  urgency: urgencySchema,
  tier: tierSchema,
  script: scriptProgressSchema.nullable(),
};

const expediteFields = {
  criteria: z.array(z.enum(EXPEDITE_CRITERIA)).min(1, 'choose at least one expedite criterion').max(4),
  explanation: z.string().trim().min(1, "record the caller's explanation").max(4000),
  // The domain checklist (criterion → item → provided / will-send / not-available).
  documentation: expediteDocumentationSchema,
  // Omitted: routed from the receipt number; required by the server for IOE receipts.
  routing: z.enum(EXPEDITE_ROUTES).optional(),
};

const appointmentFields = {
  urgent: z.boolean(),
  urgentReason: z.enum(APPOINTMENT_URGENT_REASONS).nullable(),
  explanation: z.string().trim().max(4000),
};

const serviceRequestFields = {
  /** A category of the policy's serviceRequests.categories. */
  category: policyItemIdSchema,
  description: z.string().trim().min(1, 'describe the service request').max(4000),
  /** Needed only when the category goes to the case's office and the receipt number does not tell. */
  routing: z.enum(OPERATIONAL_COMPONENT_IDS).nullable().default(null),
};

/** A Tier 2 escalation's handoff: the script's reason code, the agent's sentence and an optional note. */
const escalationFields = {
  code: z.enum(TIER2_REASONS).nullable(),
  reason: z.string().trim().min(1, 'say why, for the Tier 2 officer').max(HANDOFF_REASON_MAX_CHARS),
  /** Written as a note on the inquiry (the policy's note limit applies); empty = no note. */
  note: z.string().trim().max(NOTE_STORAGE_MAX_CHARS),
};

export const inquirySubmitArgsSchema = z
  .object({
    /** An existing customer (by id) or a new/updated one (fields, optional id to update). */
    customer: z.union([
      z.object({ customerId: idSchema }).strict(),
      z.object({ customerId: idSchema.optional(), fields: customerInputSchema }).strict(),
    ]),
    inquiry: z.object(inquiryFields).strict(),
    outcome: z.enum(INQUIRY_OUTCOMES),
    /** The urgency the agent settled on at the end; null keeps the inquiry's. */
    finalUrgency: urgencySchema.nullable().default(null),
    expedite: z.object(expediteFields).strict().optional(),
    appointment: z.object(appointmentFields).strict().optional(),
    serviceRequest: z.object(serviceRequestFields).strict().optional(),
    /** Required for the tier2-escalation outcome. */
    escalation: z.object(escalationFields).strict().optional(),
  })
  .strict();

const idsResult = z.object({
  mutationIds: z.array(idSchema),
  customerId: idSchema,
  inquiryId: idSchema,
  callbackId: idSchema.nullable(),
  expediteId: idSchema.nullable(),
  appointmentId: idSchema.nullable(),
  serviceRequestId: idSchema.nullable(),
  /** The reference numbers to read back (canonical form), by record. */
  references: z.object({
    inquiry: z.string(),
    callback: z.string().nullable(),
    expedite: z.string().nullable(),
    appointment: z.string().nullable(),
    serviceRequest: z.string().nullable(),
  }),
});

/** The forms whose input is kept as a draft. */
export const DRAFT_FORMS = ['inquiry', 'expedite', 'appointment'] as const;
export type DraftForm = (typeof DRAFT_FORMS)[number];

const draftPlaceSchema = z
  .object({ form: z.enum(DRAFT_FORMS), subject: z.string().max(64).default('') })
  .strict();

const teamUserSchema = z.object({ id: idSchema, name: z.string(), role: roleSchema, active: z.boolean() });

export const IPC_CHANNELS = {
  'app.info': channel(
    none,
    z.object({ appVersion: z.string(), serverUrl: z.string(), schemaVersion: z.number().int() }),
    { whenLocked: true, signedOut: true },
  ),
  'app.openExternal': channel(
    z.object({ url: z.string().max(2000) }).strict(),
    z.object({ opened: z.boolean(), url: z.string() }),
  ),

  /**
   * The agent's credentials for a proxy that asks for them (Basic), entered after a
   * `network.proxy_auth_*` error: used for every connection, kept encrypted with the session.
   */
  'network.proxyCredentials': channel(
    z
      .object({
        username: z.string().trim().min(1, 'enter the proxy user name').max(256),
        password: z.string().min(1, 'enter the proxy password').max(1024),
      })
      .strict(),
    z.null(),
    { signedOut: true },
  ),

  'session.get': channel(none, sessionStateSchema, { whenLocked: true, signedOut: true }),
  'session.signIn': channel(
    signInRequestSchema.omit({ clientId: true, installation: true }).strict(),
    sessionStateSchema,
    {
      signedOut: true,
    },
  ),
  /** A new password with the current one (required after a one-time password an administrator gave). */
  'session.changePassword': channel(
    changePasswordRequestSchema.omit({ clientId: true, installation: true }).strict(),
    sessionStateSchema,
    { signedOut: true },
  ),
  /** While locked the core refuses it when the outbox is not empty, and always refuses discardPending. */
  'session.signOut': channel(
    z.object({ discardPending: z.boolean().default(false) }).strict(),
    sessionStateSchema,
    { whenLocked: true, signedOut: true },
  ),
  'session.lock': channel(none, sessionStateSchema, { whenLocked: true }),
  'session.unlock': channel(
    z
      .object({
        password: z.string().min(1, 'enter your password').max(256),
        /** Asked once, for a session stored before the desktop kept the user name (state.needsUsername). */
        username: z.string().trim().min(1, 'enter your user name').max(128).optional(),
      })
      .strict(),
    sessionStateSchema,
    { whenLocked: true },
  ),
  /** Whether the server offers single sign-on, through which provider, and whether passwords are off. */
  'session.ssoInfo': channel(
    none,
    z.object({ enabled: z.boolean(), displayName: z.string(), required: z.boolean() }),
    { whenLocked: true, signedOut: true },
  ),
  /**
   * Starts single sign-on: the system browser opens the provider's page (opened), or — in
   * the browser host — the screen opens `url` itself. Then `session.ssoFinish` waits for it.
   */
  'session.ssoStart': channel(none, z.object({ url: z.string(), opened: z.boolean() }), {
    whenLocked: true,
    signedOut: true,
  }),
  /** Resolves when the browser came back: signed in (or, at the lock screen, unlocked) or why not. */
  'session.ssoFinish': channel(none, sessionStateSchema, { whenLocked: true, signedOut: true }),
  'session.ssoCancel': channel(none, z.null(), { whenLocked: true, signedOut: true }),
  /**
   * Drafts of forms in progress (issue 13 item 4), kept encrypted in the cache per user:
   * `subject` is what the form is about (a callback id; '' for a new one).
   */
  'draft.get': channel(draftPlaceSchema, z.object({ body: z.string(), savedAt: z.number() }).nullable()),
  'draft.save': channel(
    draftPlaceSchema
      .extend({ body: z.string().min(2).max(500_000, 'a draft is at most 500,000 characters') })
      .strict(),
    z.null(),
  ),
  'draft.discard': channel(draftPlaceSchema, z.null()),
  /** The renderer reports user activity (throttled) so the idle lock restarts its clock. */
  'session.activity': channel(none, z.null()),

  'sync.state': channel(none, connectionStateSchema, { whenLocked: true, signedOut: true }),
  'sync.now': channel(none, connectionStateSchema, { whenLocked: true }),
  'sync.rejections': channel(none, z.array(rejectionSchema)),
  'sync.dismissRejection': channel(z.object({ mutationId: idSchema }).strict(), z.null()),

  'worklist.query': channel(worklistQuerySchema, worklistPageSchema),
  'callback.get': channel(callbackRef, callbackDetailSchema),
  'customer.get': channel(z.object({ customerId: idSchema }).strict(), customerRowSchema.nullable()),
  /** The search box (issue 14): from the cache, so it answers offline. */
  'customer.search': channel(customerSearchArgsSchema, customerSearchResultSchema),
  /** A customer with every contact and note (null: not in this team's cache). */
  'customer.record': channel(z.object({ customerId: idSchema }).strict(), customerRecordSchema.nullable()),
  /** Service requests past their target date, for leads and Tier 2 (refused to other roles). */
  'serviceRequests.pastTarget': channel(none, serviceRequestsPastTargetSchema),
  /** The whole inquiry form in one atomic step: customer, inquiry, outcome and its follow-up record. */
  'inquiry.submit': channel(inquirySubmitArgsSchema, idsResult),

  /** Every single-mutation command, derived from the command table (shared/sync/registry.ts). */
  ...COMMAND_IPC_CHANNELS,

  'presence.set': channel(
    z.object({ status: z.enum(PRESENCE_STATUSES), currentItem: itemRefSchema.nullable() }).strict(),
    z.null(),
  ),
  'team.users': channel(none, z.array(teamUserSchema)),
  'scripts.list': channel(none, z.array(scriptSummarySchema)),
  'scripts.get': channel(
    z.object({ scriptId: idSchema, version: z.number().int().min(1).optional() }).strict(),
    scriptViewSchema,
  ),

  /** Team leads only (the server refuses anyone else): live board, drill-down, forecast, bulk actions. */
  'supervisor.subscribe': channel(none, supervisorSnapshotViewSchema),
  'supervisor.unsubscribe': channel(none, z.null(), { whenLocked: true, signedOut: true }),
  'supervisor.drillDown': channel(supervisorDrillDownArgsSchema, drillDownViewSchema),
  'supervisor.forecast': channel(supervisorForecastArgsSchema, forecastViewSchema),
  'supervisor.reassign': channel(supervisorReassignArgsSchema, bulkResultSchema),
  'supervisor.grantExtraAttempts': channel(supervisorGrantArgsSchema, bulkResultSchema),

  /** Administrators only (the server refuses anyone else): users, scripts, policy, the audit trail. */
  ...ADMIN_IPC_CHANNELS,
  /** Click-to-dial (docs/telephony.md): what the attempt screen shows before dialing, and the dial by the configured port. */
  'telephony.dialCheck': channel(dialCheckArgsSchema, dialPreviewSchema),
  'telephony.dial': channel(dialArgsSchema, dialResultSchema),
} as const;

export type IpcChannels = typeof IPC_CHANNELS;
export type IpcChannel = keyof IpcChannels;
/** What the caller passes (defaults may be left out). */
export type ChannelArgs<C extends IpcChannel> = z.input<IpcChannels[C]['args']>;
/** What a handler receives (after parsing: defaults filled in). */
export type ParsedChannelArgs<C extends IpcChannel> = z.output<IpcChannels[C]['args']>;
export type ChannelResult<C extends IpcChannel> = z.output<IpcChannels[C]['result']>;

export const IPC_CHANNEL_NAMES = Object.keys(IPC_CHANNELS) as IpcChannel[];

export function isIpcChannel(name: unknown): name is IpcChannel {
  return typeof name === 'string' && Object.hasOwn(IPC_CHANNELS, name);
}

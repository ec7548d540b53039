import { z } from 'zod';
import type { DomainError } from '../domain/result';
import { domainErrorSchema } from '../domain/error-schema';
import { idSchema, versionSchema } from './rows/common';
import { PRESENCE_STATUSES, itemRefSchema } from './rows/presence';
import { ROW_SCHEMAS, type TableName } from './rows';
import { roleSchema } from './rows/user';

/**
 * The wire protocol between desktops and the sync server (docs/protocol.md is
 * the prose version). Every payload is validated with these schemas on BOTH
 * ends; acks carry a Result so every failure has a code and a sentence.
 */

/**
 * Bumped whenever a row schema or payload changes incompatibly; the server refuses other versions.
 * 2: service requests by policy category (issue 14), notes and wrap-up rows, installation keys.
 */
export const SCHEMA_VERSION = 2;

export const DEFAULT_SERVER_PORT = 4780;

export const EVENTS = {
  /** client → server, with ack */
  push: 'push',
  pull: 'pull',
  presence: 'presence',
  /** server → client */
  poke: 'poke',
  sessionExpired: 'session-expired',
  protocolError: 'protocol-error',
  /**
   * The policy in force: sent on connect and whenever another comes into force (an
   * administrator published one, or a scheduled one's time came). Desktops run their
   * optimistic mutators and screens with it; the server's own judgement never depends on it.
   */
  policy: 'policy',
} as const;

export const LIMITS = {
  /** Mutations per push. */
  maxMutationsPerPush: 100,
  /** Rows per pull page (default and ceiling). */
  defaultPullLimit: 500,
  maxPullLimit: 2000,
  /** Bytes of one socket message / HTTP body. */
  maxSocketMessageBytes: 1_000_000,
  maxHttpBodyBytes: 64 * 1024,
  mutationNameMaxLength: 100,
  /**
   * Nesting of a JSON body (objects and arrays inside each other). A published script is
   * about 8 deep; a body nested thousands deep would overflow the stack of whatever walks
   * it, so it is refused before it is parsed.
   */
  maxJsonDepth: 64,
} as const;

export const clientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'a client id is 8–64 letters, digits, _ or - (a UUID works)');

/**
 * A desktop installation's secret key (random, kept through sign-outs): the server
 * knows the installation's desk code by it (reference numbers, domain.md).
 */
export const installationKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{32,128}$/, 'an installation key is 32–128 letters, digits, _ or -');

/** socket.io handshake `auth`. */
export const handshakeAuthSchema = z.object({
  token: z.string().min(1, 'a session token is required').max(2048),
  clientId: clientIdSchema,
  schemaVersion: z.number().int(),
  /** Absent: this desktop has no desk code, and a reference number it sends is refused. */
  installation: installationKeySchema.optional(),
});
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

export const mutationEnvelopeSchema = z.object({
  /** Client-generated id (UUID) — for logs and the client's outbox. */
  id: idSchema,
  /** Per-client sequence number, strictly increasing; (clientId, seq) makes a push idempotent. */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  name: z.string().min(1).max(LIMITS.mutationNameMaxLength),
  args: z.unknown(),
});
export type MutationEnvelope = z.infer<typeof mutationEnvelopeSchema>;

export const pushRequestSchema = z.object({
  clientId: clientIdSchema,
  mutations: z
    .array(mutationEnvelopeSchema)
    .min(1, 'a push needs at least one mutation')
    .max(LIMITS.maxMutationsPerPush, `at most ${LIMITS.maxMutationsPerPush} mutations per push`),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const MUTATION_STATUSES = ['applied', 'rejected', 'duplicate'] as const;
export type MutationStatus = (typeof MUTATION_STATUSES)[number];

export const mutationResultSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  status: z.enum(MUTATION_STATUSES),
  /** For a duplicate: what happened the first time. */
  firstStatus: z.enum(['applied', 'rejected']).optional(),
  error: domainErrorSchema.optional(),
  /** The version stamped on the rows it wrote (applied mutations that wrote rows). */
  version: versionSchema.optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z.object({
  /** The last version this client has seen; 0 for a first sync. */
  cursor: versionSchema,
  limit: z.number().int().min(1).max(LIMITS.maxPullLimit).optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

const tableNameSchema = z.enum(Object.keys(ROW_SCHEMAS) as [TableName, ...TableName[]]);

export const pulledRowSchema = z.object({
  table: tableNameSchema,
  id: z.string(),
  version: versionSchema,
  deleted: z.boolean(),
  /** The full row (validate with ROW_SCHEMAS[table]); null when deleted. */
  data: z.unknown(),
});
export type PulledRow = z.infer<typeof pulledRowSchema>;

export const pullResponseSchema = z.object({
  rows: z.array(pulledRowSchema),
  /** Send this back as the next cursor. */
  cursor: versionSchema,
  /** The highest seq the server has processed for this client (applied or rejected). Act on it when `more` is false. */
  lastMutationSeq: z.number().int().min(0),
  /** More rows are waiting: pull again right away with the new cursor. */
  more: z.boolean(),
  /**
   * The access scope the rows were chosen for (an opaque key, e.g. the user's team).
   * It changes when an administrator moves the user to another team or changes their
   * role: a desktop holding rows of another scope must drop them and sync from cursor 0.
   */
  scope: z.string().min(1).max(200),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * A pull answer as a desktop reads it: `scope` may be missing (a server older than
 * the field), in which case the desktop cannot notice a scope change and keeps its cache.
 */
export const pulledPageSchema = pullResponseSchema.extend({
  scope: pullResponseSchema.shape.scope.optional(),
});
export type PulledPage = z.infer<typeof pulledPageSchema>;

export const presenceRequestSchema = z.object({
  status: z.enum(PRESENCE_STATUSES),
  currentItem: itemRefSchema.nullable(),
});
export type PresenceRequest = z.infer<typeof presenceRequestSchema>;

/**
 * The rows a poke may bring: the page of changes from `from` to `cursor` in `scope`,
 * read once per node for the desktops the server last saw caught up at `from`. A
 * desktop applies it only when its cursor is exactly `from` and its outbox is empty
 * (no seq to confirm); otherwise it pulls as for a poke without rows.
 */
export const pokedPageSchema = z
  .object({
    from: versionSchema,
    rows: z.array(pulledRowSchema).max(LIMITS.defaultPullLimit),
    cursor: versionSchema,
    scope: pullResponseSchema.shape.scope,
  })
  .refine((page) => page.cursor > page.from, { message: 'a poked page moves the cursor forward' });
export type PokedPage = z.infer<typeof pokedPageSchema>;

export const pokeSchema = z.object({ version: versionSchema, page: pokedPageSchema.optional() });

/** `policy` event: validate `policy` with policySchema (domain/policy) on receipt. */
export const policyEventSchema = z.object({ policy: z.unknown() });
export type PolicyEvent = z.infer<typeof policyEventSchema>;
export type Poke = z.infer<typeof pokeSchema>;

export const sessionExpiredSchema = z.object({ code: z.string(), message: z.string() });

/** Every ack: the value, or an error with a code and a sentence. */
export type Ack<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ackSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: domainErrorSchema }),
  ]);

/* ---------- HTTP ---------- */

export const signInRequestSchema = z.object({
  username: z.string().trim().min(1, 'enter a user name').max(64),
  password: z.string().min(1, 'enter a password').max(256),
  /**
   * The desktop's client id. A desktop the user already synced from signs in past the
   * address limits, and others' wrong guesses at the name do not delay it.
   */
  clientId: clientIdSchema.optional(),
  /** The installation asking for (or keeping) its desk code. */
  installation: installationKeySchema.optional(),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** POST /api/password: a new password for the account (after a one-time password, or any time). */
export const changePasswordRequestSchema = signInRequestSchema.extend({
  newPassword: z
    .string()
    .min(12, 'a password needs at least 12 characters')
    .max(256, 'a password has at most 256 characters'),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  team: z.string(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const noticeChannelsSchema = z.object({ sms: z.boolean(), email: z.boolean() });
export type NoticeChannels = z.infer<typeof noticeChannelsSchema>;

export const signInResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.number().int(),
  user: sessionUserSchema,
  /** The policy the server enforces; the desktop runs mutators with it. */
  policy: z.unknown(),
  schemaVersion: z.number().int(),
  /** The installation's desk code (reference numbers); null or absent when none was asked for. */
  desk: z.number().int().min(0).nullable().optional(),
  /**
   * The notice channels this server has a provider for (docs/deployment.md §15): the
   * desktop says a channel is unavailable instead of queueing what cannot be sent.
   * Absent from servers before it: the desktop then assumes nothing either way.
   */
  noticeChannels: noticeChannelsSchema.optional(),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;

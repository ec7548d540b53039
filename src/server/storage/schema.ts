import type { Generated } from 'kysely';
import type { TableName } from '../../shared/sync/rows';

/**
 * The server's tables as Kysely sees them. Synced entities share one shape: the
 * columns the server filters on (id, team, version, deleted) plus the row as
 * JSON, validated by the shared zod row schema on every write. One shape keeps
 * pull a single code path for every table, and JSON columns exist in both SQLite
 * and PostgreSQL (jsonb) for later.
 */
export interface EntityTable {
  id: string;
  team: string;
  version: number;
  /** 0/1 (SQLite has no boolean). */
  deleted: number;
  data: string;
}

/** Users are synced (public profile in `data`) and carry credentials the server never sends. */
export interface UsersTable extends EntityTable {
  username: string;
  password_hash: string;
  /** Superseded by sign_in_guards (migration 020); no longer written. */
  failed_sign_ins: number;
  /** Superseded by sign_in_guards (migration 020); no longer written. */
  locked_until: number | null;
  /** 1 while the password is a one-time password an administrator set (migration 020). */
  must_change_password: Generated<number>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  revoked_at: number | null;
}

/** A desktop installation; bound to the first user that syncs with it. */
export interface ClientsTable {
  client_id: string;
  user_id: string;
  last_seq: number;
  created_at: number;
}

export interface MutationLogTable {
  client_id: string;
  seq: number;
  mutation_id: string;
  name: string;
  status: 'applied' | 'rejected';
  error_code: string | null;
  /** Always null since migration 020: refusal sentences may quote what the agent typed (PII). */
  error_message: string | null;
  version: number | null;
  at: number;
}

export interface MetaTable {
  key: string;
  value: number;
}

export interface AuditTable {
  id: Generated<number>;
  at: number;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  source_ip: string | null;
  client_id: string | null;
  outcome: string;
  /** Codes and ids only — never names, phones or receipt numbers. */
  detail: string | null;
}

/** Sign-in failures and delays per guard key (migration 020; storage/sign-in-guards.ts). */
export interface SignInGuardsTable {
  key: string;
  /** The user name the guard protects (its own key, or one of its owner's desktops). */
  account: string;
  failures: number;
  blocked_until: number | null;
  last_failure_at: number;
}

/** Fixed-window counters (migration 020; storage/rate-limits.ts). */
export interface RateLimitsTable {
  bucket: string;
  window_start: number;
  hits: number;
}

/** Published policy versions (migration 021; storage/policies.ts). */
export interface PoliciesTable {
  id: string;
  effective_from: number;
  /** The policy as JSON, validated by policySchema when published and when read. */
  data: string;
  created_at: number;
  created_by: string;
}

export type EntityTables = { [T in Exclude<TableName, 'users'>]: EntityTable };

/** A row that left a team's scope (see migration 004): a deletion for that team's pulls. */
export interface ScopeExitsTable {
  tbl: TableName;
  id: string;
  team: string;
  version: number;
}

export type NoticeState =
  'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'unknown' | 'cancelled' | 'replied';

/** The customer-notification outbox (migration 025); see docs/domain.md. */
export interface NoticesTable {
  id: string;
  callback_id: string;
  customer_id: string;
  team: string;
  kind: 'text-ahead' | 'available-now';
  channel: 'sms' | 'email';
  state: NoticeState;
  send_at: number;
  next_at: number;
  tries: Generated<number>;
  lease_owner: string | null;
  lease_until: number | null;
  provider_id: string | null;
  address_key: string | null;
  reason: string | null;
  reply: string | null;
  reply_at: number | null;
  created_at: number;
  updated_at: number;
}

/** One platform event, kept so a resend of the same id is a duplicate (migration 035). */
export interface TelephonyEventsTable {
  platform: string;
  event_id: string;
  type: string;
  call_id: string;
  received_at: number;
}

export type CallDirection = 'inbound' | 'outbound';

/** One call the bridge follows (migration 035); times are the server's. */
export interface TelephonyCallsTable {
  platform: string;
  call_id: string;
  direction: CallDirection;
  agent_id: string | null;
  callback_id: string | null;
  attempt_id: string | null;
  /** E.164: the caller's number (inbound) or the number dialed (outbound). */
  number: string | null;
  status: string;
  started_at: number;
  answered_at: number | null;
  ended_at: number | null;
  end_reason: string | null;
  duration_seconds: number | null;
}

/** A desk code (docs/domain.md, "Reference numbers"): an installation's, or one the server uses itself. */
export interface DesksTable {
  code: number;
  kind: 'desktop' | 'server';
  /** SHA-256 of the installation key (desktop desks); null for server desks. */
  installation_hash: string | null;
  /** Server desks: the next sequence to hand out (desktops count their own). */
  next_seq: number;
  created_at: number;
}

/** Every reference number given to a record: a reference is used once in the whole deployment. */
export interface RecordReferencesTable {
  reference: string;
  tbl: string;
  id: string;
}

/** An identity at the agency's provider (issuer + subject) and the Agent Desk user it is (migration 038). */
export interface SsoIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: number;
}

/** ID-token nonces already used, until the token could have expired (migration 038). */
export interface SsoNoncesTable {
  nonce: string;
  expires_at: number;
}

export interface Database extends EntityTables {
  sso_identities: SsoIdentitiesTable;
  sso_nonces: SsoNoncesTable;
  notices: NoticesTable;
  desks: DesksTable;
  record_references: RecordReferencesTable;
  telephony_events: TelephonyEventsTable;
  telephony_calls: TelephonyCallsTable;
  users: UsersTable;
  scope_exits: ScopeExitsTable;
  sessions: SessionsTable;
  clients: ClientsTable;
  mutation_log: MutationLogTable;
  meta: MetaTable;
  audit_events: AuditTable;
  sign_in_guards: SignInGuardsTable;
  rate_limits: RateLimitsTable;
  policies: PoliciesTable;
}

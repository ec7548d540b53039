import { z } from 'zod';
import { idSchema } from '../sync/rows/common';
import { leadReportSchema } from '../reports/report-schema';
import { reportQuerySchema } from '../reports/report-query';
import { REPORT_ROLES } from '../sync/authorization';
import { userRowSchema, type Role } from '../sync/rows/user';
import { auditPageSchema, auditQuerySchema } from './audit';
import {
  policyDraftSchema,
  policyPreviewSchema,
  policyStateSchema,
  publishedPolicySchema,
  publishPolicySchema,
} from './policy';
import {
  publishedScriptSchema,
  publishScriptSchema,
  scriptCheckRequestSchema,
  scriptCheckSchema,
  scriptContentSchema,
  scriptListSchema,
} from './scripts';
import {
  createdUserSchema,
  newUserSchema,
  oneTimePasswordSchema,
  reasonOnlySchema,
  unlockedSchema,
  userListSchema,
  userPatchSchema,
  userQuerySchema,
} from './users';

/**
 * The administration area's calls (and the lead reports'): each one a desktop API channel (`admin.*`) and the
 * server HTTP route it is carried by. The desktop core runs every row the same way
 * (AdminDesk: the session's token, the route, the answer checked with `result`), and the
 * IPC channels are derived from this table, so a new admin task is one row here and one
 * route on the server.
 */
export interface AdminCall<A extends z.ZodType, R extends z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH';
  /** The route, with the arguments' ids filled in. */
  path(args: z.output<A>): string;
  /** The JSON body (not for GET: a GET sends its arguments as the query string). */
  body?(args: z.output<A>): unknown;
  args: A;
  result: R;
  /** The server answers text (CSV), carried as `{ text, truncated }`. */
  text?: boolean;
  /** Who may ask (administrators when absent); the server decides again. */
  roles?: readonly Role[];
}

const call = <A extends z.ZodType, R extends z.ZodType>(spec: AdminCall<A, R>) => spec;
const id = (value: string) => encodeURIComponent(value);
const none = z.object({}).strict();
const byId = z.object({ id: idSchema }).strict();
const byIdWithReason = byId.extend(reasonOnlySchema.shape).strict();

export const csvExportSchema = z.object({ text: z.string(), truncated: z.boolean() });
export type CsvExport = z.infer<typeof csvExportSchema>;

export const ADMIN_CALLS = {
  'admin.users.list': call({
    method: 'GET',
    path: () => '/api/admin/users',
    args: userQuerySchema.strict(),
    result: userListSchema,
  }),
  'admin.users.create': call({
    method: 'POST',
    path: () => '/api/admin/users',
    body: (a) => a,
    args: newUserSchema.strict(),
    result: createdUserSchema,
  }),
  /** Name, role, team (a scope move), disable / re-enable; disabling ends every session at once. */
  'admin.users.update': call({
    method: 'PATCH',
    path: (a) => `/api/admin/users/${id(a.id)}`,
    body: (a) => a.patch,
    args: z.object({ id: idSchema, patch: userPatchSchema }).strict(),
    result: userRowSchema,
  }),
  'admin.users.resetPassword': call({
    method: 'POST',
    path: (a) => `/api/admin/users/${id(a.id)}/reset-password`,
    body: (a) => ({ reason: a.reason }),
    args: byIdWithReason,
    result: oneTimePasswordSchema,
  }),
  'admin.users.unlock': call({
    method: 'POST',
    path: (a) => `/api/admin/users/${id(a.id)}/unlock`,
    body: (a) => ({ reason: a.reason }),
    args: byIdWithReason,
    result: unlockedSchema,
  }),

  'admin.scripts.list': call({
    method: 'GET',
    path: () => '/api/admin/scripts',
    args: none,
    result: scriptListSchema,
  }),
  /** One stored version by its row id (`<scriptId>@<version>`). */
  'admin.scripts.get': call({
    method: 'GET',
    path: (a) => `/api/admin/scripts/${id(a.id)}`,
    args: byId,
    result: scriptContentSchema,
  }),
  'admin.scripts.check': call({
    method: 'POST',
    path: () => '/api/admin/scripts/check',
    body: (a) => a,
    args: scriptCheckRequestSchema.strict(),
    result: scriptCheckSchema,
  }),
  'admin.scripts.publish': call({
    method: 'POST',
    path: () => '/api/admin/scripts',
    body: (a) => a,
    args: publishScriptSchema.strict(),
    result: publishedScriptSchema,
  }),
  'admin.scripts.retire': call({
    method: 'POST',
    path: (a) => `/api/admin/scripts/${id(a.id)}/retire`,
    body: (a) => ({ reason: a.reason }),
    args: byIdWithReason,
    result: z.object({ version: z.number().int() }),
  }),

  'admin.policy.get': call({
    method: 'GET',
    path: () => '/api/admin/policy',
    args: none,
    result: policyStateSchema,
  }),
  'admin.policy.preview': call({
    method: 'POST',
    path: () => '/api/admin/policy/preview',
    body: (a) => a,
    args: policyDraftSchema.strict(),
    result: policyPreviewSchema,
  }),
  'admin.policy.publish': call({
    method: 'POST',
    path: () => '/api/admin/policy',
    body: (a) => a,
    args: publishPolicySchema.strict(),
    result: publishedPolicySchema,
  }),

  'admin.audit.search': call({
    method: 'GET',
    path: () => '/api/admin/audit',
    args: auditQuerySchema.strict(),
    result: auditPageSchema,
  }),
  'admin.audit.export': call({
    method: 'GET',
    path: () => '/api/admin/audit.csv',
    args: auditQuerySchema.strict(),
    result: csvExportSchema,
    text: true,
  }),

  /** Reports for leads: a lead's own team, an administrator's any team or all. */
  'reports.lead': call({
    method: 'GET',
    path: () => '/api/reports/lead',
    args: reportQuerySchema,
    result: leadReportSchema,
    roles: REPORT_ROLES,
  }),
  'reports.lead.export': call({
    method: 'GET',
    path: () => '/api/reports/lead.csv',
    args: reportQuerySchema,
    result: csvExportSchema,
    text: true,
    roles: REPORT_ROLES,
  }),
} as const;

export type AdminCallName = keyof typeof ADMIN_CALLS;
export const ADMIN_CALL_NAMES = Object.keys(ADMIN_CALLS) as AdminCallName[];

/** A GET's arguments as a query string: every defined value, as text (percent-encoded). */
export function queryString(args: Record<string, unknown>): string {
  const pairs = Object.entries(args)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

import { DEFAULT_POLICY, HOUR_MS } from '../../../src/shared/domain/policy';
import type { CallbackDetail, ConnectionState, SessionState, WorklistRow } from '../../../src/shared/ipc';
import { signedOutState } from '../../../src/shared/ipc/views';
import { callbackRow, customerRow } from '../../fixtures/rows';

// Tuesday 2026-03-03 15:00 UTC (10:00 in the callback-hours zone).
export const NOW = Date.UTC(2026, 2, 3, 15, 0);

export const USER = { id: 'u-tier2-carmen', name: 'Carmen Tier2', role: 'tier2' as const, team: 'alpha' };

export const SIGNED_OUT: SessionState = signedOutState(DEFAULT_POLICY.security.idleLockMinutes);

export const SIGNED_IN: SessionState = {
  ...SIGNED_OUT,
  status: 'signed-in',
  user: USER,
  policy: DEFAULT_POLICY,
};

export const ONLINE: ConnectionState = {
  state: 'online',
  pending: 0,
  rejected: 0,
  lastSyncedAt: NOW,
  firstSync: null,
  error: null,
  retryAt: null,
};

export function worklistRow(index: number): WorklistRow {
  return {
    id: `cb-${index}`,
    customerId: `cu-${index}`,
    customerName: `Customer ${index}`,
    customerWaitingUntil: null,
    receiptNumber: `EAC22${String(index).padStart(8, '0')}`,
    language: index % 3 === 0 ? 'es' : 'en',
    urgency: index % 2 === 0 ? 'urgent' : 'non-urgent',
    tier: 2,
    status: 'open',
    assigneeId: null,
    assigneeName: null,
    mine: false,
    createdAt: NOW - 10 * HOUR_MS,
    dueAt: NOW + index * HOUR_MS,
    sla: { state: 'on-track', remainingMs: index * HOUR_MS },
    attemptsMade: 0,
    nextAttempt: null,
    scheduledSlot: null,
    pendingSync: false,
    handoff: null,
  };
}

export function callbackDetail(id: string, overrides: Partial<CallbackDetail> = {}): CallbackDetail {
  const allowed = { allowed: true, reason: null };
  return {
    callback: callbackRow({
      id,
      inquiryId: 'inq-1',
      customerId: 'cu-1',
      tier: 2,
      assigneeId: USER.id,
      claimedAt: NOW - HOUR_MS,
      createdAt: NOW - 10 * HOUR_MS,
      dueAt: NOW + 62 * HOUR_MS,
    }),
    customer: customerRow({
      id: 'cu-1',
      name: 'María García',
      preferredLanguage: 'es',
      phones: [
        { label: 'mobile', e164: '+13125550142', ext: null, bestTime: { start: '09:00', end: '11:00' } },
        { label: 'work', e164: '+12065550111', ext: '12', bestTime: null },
      ],
      aNumber: 'A012345678',
    }),
    inquiry: null,
    sla: { state: 'on-track', remainingMs: 62 * HOUR_MS },
    plan: {
      kind: 'next',
      attemptNumber: 1,
      allowedAttempts: 2,
      basis: 'creation',
      window: { earliest: NOW - 9 * HOUR_MS, latest: NOW + 60 * HOUR_MS },
      timing: 'in-window',
    },
    numbers: {
      suggested: 0,
      phones: [
        {
          label: 'mobile',
          e164: '+13125550142',
          ext: null,
          callable: true,
          status: 'best-time',
          reason: "Inside the customer's best time 09:00–11:00 (it is 9:00 in America/Chicago).",
          callableFrom: null,
        },
        {
          label: 'work',
          e164: '+12065550111',
          ext: '12',
          callable: false,
          status: 'outside-hours',
          reason: 'Outside calling hours.',
          callableFrom: NOW + HOUR_MS,
        },
      ],
      reason: 'Call mobile (312) 555-0142: inside the best time.',
      nextCallableAt: null,
    },
    permissions: {
      claim: allowed,
      release: allowed,
      recordAttempt: allowed,
      schedule: allowed,
      askAvailability: allowed,
      grantExtraAttempt: {
        allowed: false,
        reason: { code: 'auth.forbidden', message: 'Only team leads can grant extra callback attempts.' },
      },
      reassign: {
        allowed: false,
        reason: { code: 'auth.forbidden', message: 'Only team leads can reassign callbacks.' },
      },
    },
    pendingSync: false,
    now: NOW,
    handoffNotes: [],
    names: {},
    ...overrides,
  };
}

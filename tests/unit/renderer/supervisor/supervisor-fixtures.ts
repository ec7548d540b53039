import { escalationsWaiting } from '../../../../src/shared/supervisor/escalations';
import { handleTimeReport } from '../../../../src/shared/supervisor/handle-times';
import { DEFAULT_POLICY, HOUR_MS, MINUTE_MS } from '../../../../src/shared/domain/policy';
import type { DrillDownView, SessionState, SupervisorSnapshotView } from '../../../../src/shared/ipc';
import {
  chartsFromCallbacks,
  computeBoard,
  computeRoster,
  summarizeCallback,
  type RosterPresence,
  type RosterUser,
  type SupervisedCallback,
} from '../../../../src/shared/supervisor';
import type { RowOf } from '../../../../src/shared/sync/rows';
import { toSupervised } from '../../../../src/shared/supervisor/supervised-callback';
import { attemptRecord, callbackRow, userRow } from '../../../fixtures/rows';
import { NOW, SIGNED_IN } from '../fixtures';

export const LEAD_SESSION: SessionState = {
  ...SIGNED_IN,
  user: { id: 'u-lead-erin', name: 'Erin Lead', role: 'lead', team: 'alpha' },
};

export const USERS: RosterUser[] = [
  userRow({ id: 'u-tier1-alice', name: 'Alice Tier1', role: 'tier1' }),
  userRow({ id: 'u-tier2-carmen', name: 'Carmen Tier2', role: 'tier2' }),
  userRow({ id: 'u-lead-erin', name: 'Erin Lead', role: 'lead' }),
];

/** Callbacks of team alpha: some overdue, some due soon, one closed unable to reach today. */
export function teamCallbacks(overdue = 2): SupervisedCallback[] {
  const callback = (over: Partial<RowOf<'callbacks'>>) =>
    toSupervised(
      callbackRow({ inquiryId: 'in-1', createdAt: NOW - 80 * HOUR_MS, ...over }),
      [],
      DEFAULT_POLICY,
    );
  const list: SupervisedCallback[] = [];
  for (let i = 0; i < overdue; i++) {
    list.push(
      callback({
        id: `cb-over-${i}`,
        customerId: `cu-over-${i}`,
        urgency: 'urgent',
        dueAt: NOW - (i + 1) * HOUR_MS,
      }),
    );
  }
  list.push(
    callback({ id: 'cb-soon', customerId: 'cu-soon', urgency: 'non-urgent', dueAt: NOW + 2 * HOUR_MS }),
  );
  list.push(
    callback({
      id: 'cb-closed',
      customerId: 'cu-closed',
      urgency: 'urgent',
      dueAt: NOW + 10 * HOUR_MS,
      status: 'closed-unable-to-reach',
      closedAt: NOW - 30 * MINUTE_MS,
      attempts: [
        attemptRecord({ id: 'a1', at: NOW - 3 * HOUR_MS, agentId: 'u-tier1-alice', outcome: 'busy' }),
        attemptRecord({
          id: 'a2',
          at: NOW - 30 * MINUTE_MS,
          agentId: 'u-tier1-alice',
          outcome: 'no-answer-no-message',
        }),
      ],
    }),
  );
  return list;
}

export function snapshot(
  seq: number,
  options: { overdue?: number; presence?: Map<string, RosterPresence> } = {},
): SupervisorSnapshotView {
  const callbacks = teamCallbacks(options.overdue ?? 2);
  return {
    team: 'alpha',
    at: NOW,
    seq,
    board: computeBoard('alpha', callbacks, NOW, DEFAULT_POLICY),
    roster: computeRoster('alpha', USERS, options.presence ?? new Map(), callbacks, NOW, DEFAULT_POLICY).map(
      (entry) => ({ ...entry, currentItemName: entry.currentItem ? 'Ana López' : null }),
    ),
    charts: chartsFromCallbacks('alpha', callbacks, NOW, DEFAULT_POLICY),
    handleTimes: handleTimeReport(() => undefined, [], NOW, DEFAULT_POLICY),
    escalations: escalationsWaiting([]),
  };
}

export function drillDown(figure: DrillDownView['figure'], ids: string[]): DrillDownView {
  const byId = new Map(teamCallbacks().map((c) => [c.id, c]));
  const items = ids.map((id) => {
    const cb = byId.get(id);
    if (!cb) throw new Error(`no fixture callback ${id}`);
    return {
      ...summarizeCallback(cb, NOW, DEFAULT_POLICY),
      customerName: `Customer ${id}`,
      receiptNumber: 'EAC2212345678',
      language: 'en' as const,
      assigneeName: null,
      pendingSync: false,
    };
  });
  return { figure, urgency: null, at: NOW, total: items.length, offset: 0, items };
}

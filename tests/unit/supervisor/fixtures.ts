import fc from 'fast-check';
import { ATTEMPT_OUTCOMES, type AttemptRecord } from '../../../src/shared/domain/attempts';
import { DAY_MS, DEFAULT_POLICY, HOUR_MS, MINUTE_MS } from '../../../src/shared/domain/policy';
import { CALLBACK_STATUSES } from '../../../src/shared/sync/rows/callback';
import {
  toSupervised,
  type SupervisedCallback,
  type SupervisedFields,
} from '../../../src/shared/supervisor/supervised-callback';
import { attemptRecord, callbackRow, FIXTURE_NOW } from '../../fixtures/rows';

export const NOW = FIXTURE_NOW;

/** The supervised part of a callback row (tests/fixtures/rows.ts), with its own inquiry and customer ids. */
/** The supervised part of a callback row, its SLA transitions worked out with `zones` (none by default). */
export function callback(
  id: string,
  over: Partial<SupervisedFields> = {},
  zones: readonly string[] = [],
): SupervisedCallback {
  // A supervised handoff keeps only to/at/by; the fixture row takes it as it is.
  const row = { id, inquiryId: `in-${id}`, customerId: `cu-${id}`, ...over } as Parameters<
    typeof callbackRow
  >[0];
  return toSupervised(callbackRow(row), zones, DEFAULT_POLICY);
}

export function attempt(
  at: number,
  outcome: AttemptRecord['outcome'],
  agentId = 'u-1',
  n = 1,
): AttemptRecord {
  return attemptRecord({
    id: `at-${at}-${n}`,
    at,
    agentId,
    outcome,
    messageLeft: outcome === 'no-answer-message-left',
  });
}

/** Instants around NOW: the last 16 days and the next 16, minute resolution (day edges included). */
export const instantArb = fc
  .integer({ min: -16 * 24 * 60, max: 16 * 24 * 60 })
  .map((m) => NOW + m * MINUTE_MS);

export const attemptArb = fc
  .record({
    at: fc.integer({ min: -15 * 24 * 60, max: 0 }).map((m) => NOW + m * MINUTE_MS),
    outcome: fc.constantFrom(...ATTEMPT_OUTCOMES),
    agentId: fc.constantFrom('u-1', 'u-2', 'u-3'),
  })
  .map((a) => attempt(a.at, a.outcome, a.agentId));

/** Any callback row shape (coherence does not matter: the figures are predicates on the row as it is). */
export const callbackArb = (ids: readonly string[]) =>
  fc
    .record({
      id: fc.constantFrom(...ids),
      team: fc.constantFrom('alpha', 'bravo'),
      urgency: fc.constantFrom('urgent' as const, 'non-urgent' as const),
      assigneeId: fc.constantFrom(null, 'u-1', 'u-2', 'u-3'),
      dueAt: instantArb,
      attempts: fc.array(attemptArb, { maxLength: 3 }),
      extraAttemptsGranted: fc.integer({ min: 0, max: 1 }),
      status: fc.constantFrom(...CALLBACK_STATUSES),
      closedAt: fc.option(
        instantArb.filter((t) => t <= NOW + DAY_MS),
        { nil: null },
      ),
    })
    .map((r) =>
      callback(r.id, {
        ...r,
        createdAt: r.dueAt - 72 * HOUR_MS,
        closedAt: r.status === 'open' ? null : (r.closedAt ?? NOW),
        attempts: r.attempts.map((a, i) => ({ ...a, id: `at-${r.id}-${i}` })),
      }),
    );

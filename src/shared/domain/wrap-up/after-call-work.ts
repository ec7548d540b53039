import { z } from 'zod';
import { teamIdSchema } from '../team-id';

/**
 * After-call work (ACW): the time an agent spends finishing a contact after the
 * caller is gone — notes, the wrap-up code, a follow-up record — shown to the team
 * as the presence "After-call work". How much of it an agent may take is policy,
 * per team:
 * - `optional`: the agent is Available again when the call ends, unless they choose
 *   to take after-call work; it lasts until they record the wrap-up.
 * - `mandatory`: after-call work starts when the call ends and lasts until the agent
 *   records the wrap-up; they cannot become Available before.
 * - `time-boxed`: after-call work starts when the call ends and ends when the agent
 *   records the wrap-up or after `limitSeconds`, whichever comes first; then the agent
 *   is Available automatically (the wrap-up code is still required, but the clock
 *   has stopped counting it as after-call work).
 */
export const afterCallWorkModeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('optional') }),
  z.object({ kind: z.literal('mandatory') }),
  z.object({
    kind: z.literal('time-boxed'),
    limitSeconds: z.number().int().min(10, 'a time box is at least 10 seconds').max(3600),
  }),
]);
export type AfterCallWorkMode = z.infer<typeof afterCallWorkModeSchema>;
export type AfterCallWorkKind = AfterCallWorkMode['kind'];
export const AFTER_CALL_WORK_KINDS = ['optional', 'mandatory', 'time-boxed'] as const;

export const afterCallWorkPolicySchema = z.object({
  /** The mode of every team the `teams` map does not name. */
  default: afterCallWorkModeSchema,
  teams: z.record(teamIdSchema, afterCallWorkModeSchema),
});
export type AfterCallWorkPolicy = z.infer<typeof afterCallWorkPolicySchema>;

export const DEFAULT_AFTER_CALL_WORK: AfterCallWorkPolicy = {
  default: { kind: 'time-boxed', limitSeconds: 120 },
  teams: {},
};

export function afterCallWorkModeFor(policy: AfterCallWorkPolicy, team: string): AfterCallWorkMode {
  return Object.hasOwn(policy.teams, team) ? (policy.teams[team] as AfterCallWorkMode) : policy.default;
}

/** After-call work under way: when it started and, when time-boxed, when it ends by itself. */
export interface AfterCallWork {
  mode: AfterCallWorkKind;
  startedAt: number;
  /** null: it lasts until the agent records the wrap-up. */
  endsAt: number | null;
}

/**
 * What starts when a call ends: after-call work for mandatory and time-boxed teams,
 * nothing for optional ones (the agent may start it with startAfterCallWork).
 */
export function afterCallWorkOnCallEnd(mode: AfterCallWorkMode, callEndedAt: number): AfterCallWork | null {
  if (mode.kind === 'optional') return null;
  return startAfterCallWork(mode, callEndedAt);
}

/** After-call work from `at` under `mode` (an optional team's agent chose to take it). */
export function startAfterCallWork(mode: AfterCallWorkMode, at: number): AfterCallWork {
  return {
    mode: mode.kind,
    startedAt: at,
    endsAt: mode.kind === 'time-boxed' ? at + mode.limitSeconds * 1000 : null,
  };
}

export interface AfterCallWorkClock {
  /** Counting: the agent shows as After-call work. */
  running: boolean;
  elapsedMs: number;
  /** Time left in the box; null when it is not time-boxed. */
  remainingMs: number | null;
}

/** The visible timer at `now`. */
export function afterCallWorkClock(work: AfterCallWork, now: number): AfterCallWorkClock {
  const end = work.endsAt === null ? now : Math.min(now, work.endsAt);
  return {
    running: work.endsAt === null || now < work.endsAt,
    elapsedMs: Math.max(0, end - work.startedAt),
    remainingMs: work.endsAt === null ? null : Math.max(0, work.endsAt - now),
  };
}

/** How after-call work ended: by the agent recording the wrap-up, or by the time box. */
export interface FinishedAfterCallWork {
  mode: AfterCallWorkKind;
  startedAt: number;
  endedAt: number;
  endedBy: 'agent' | 'time-limit';
}

export function finishAfterCallWork(work: AfterCallWork, now: number): FinishedAfterCallWork {
  const timedOut = work.endsAt !== null && now >= work.endsAt;
  return {
    mode: work.mode,
    startedAt: work.startedAt,
    endedAt: timedOut ? (work.endsAt as number) : Math.max(work.startedAt, now),
    endedBy: timedOut ? 'time-limit' : 'agent',
  };
}

/**
 * Whether the agent may become Available (take the next contact) before recording
 * the wrap-up: not in a mandatory team, nor in a time box that is still running.
 */
export function mayBecomeAvailable(work: AfterCallWork | null, now: number): boolean {
  if (work === null) return true;
  return afterCallWorkClock(work, now).running === false;
}

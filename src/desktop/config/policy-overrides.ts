import { DEFAULT_POLICY, policySchema } from '../../shared/domain/policy';
import type { Policy } from '../../shared/domain/policy';

/**
 * Managed settings may override parts of the policy ("callbackHours": {"daily":
 * {"end": "19:00"}}). The partial is merged onto DEFAULT_POLICY and the WHOLE
 * result re-validated with policySchema, so cross-field rules (retry earliest ≤
 * latest, a known time zone) hold for the merged policy, not just the fragment.
 */

export interface FieldProblem {
  /** Dotted path from the file's root, e.g. `policy.sla.urgentDueHours`. */
  field: string;
  message: string;
}

// Keys that would reach Object.prototype if copied naively from parsed JSON.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars replace (a weekday list is replaced whole). */
function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (UNSAFE_KEYS.has(key)) continue;
    merged[key] = Object.hasOwn(base, key) ? deepMerge(base[key], value) : value;
  }
  return merged;
}

/**
 * policySchema strips keys it does not know, so a typo ("urgentDueHour") would be
 * dropped without a word. A file pushed to thousands of desktops deserves an error.
 */
function unknownFields(base: unknown, override: Record<string, unknown>, prefix: string): FieldProblem[] {
  if (!isPlainObject(base)) return [];
  return Object.entries(override).flatMap(([key, value]) => {
    const field = `${prefix}.${key}`;
    if (UNSAFE_KEYS.has(key) || !Object.hasOwn(base, key))
      return [{ field, message: 'is not a policy setting' }];
    return isPlainObject(value) ? unknownFields(base[key], value, field) : [];
  });
}

export function applyPolicyOverrides(
  overrides: Readonly<Record<string, unknown>>,
  base: Policy = DEFAULT_POLICY,
): { ok: true; value: Policy } | { ok: false; problems: FieldProblem[] } {
  const unknown = unknownFields(base, overrides, 'policy');
  if (unknown.length > 0) return { ok: false, problems: unknown };
  const parsed = policySchema.safeParse(deepMerge(base, overrides));
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      field: ['policy', ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  };
}

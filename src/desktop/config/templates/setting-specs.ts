import { buildManagedSettingsJsonSchema, type JsonSchema } from '../managed-settings-json-schema';
import { MANAGED_ONLY_DEFAULTS, SETTING_DEFAULTS } from '../settings-schema';

/**
 * The managed settings as IT's templates need them (ADMX, Jamf schema, .mobileconfig):
 * name, title, description and one of four shapes, read from the settings' JSON
 * Schema — so a setting added to settings-schema.ts appears in every template, and
 * a shape none of them can express fails here instead of going missing.
 */

export type SettingKind =
  | { type: 'text' }
  | { type: 'choice'; values: readonly string[] }
  | { type: 'whole-number'; min: number; max: number }
  | { type: 'list'; values: readonly string[] };

export interface SettingSpec {
  key: string;
  title: string;
  description: string;
  kind: SettingKind;
  /** What applies when nobody sets it; null: none (e.g. the server's idle lock). */
  defaultValue: string | number | null;
}

/** Editor-only key of the JSON file: not a setting. */
const NOT_A_SETTING = new Set(['$schema']);

function kindOf(key: string, schema: JsonSchema): SettingKind {
  const values = schema['enum'];
  if (schema['type'] === 'string' && Array.isArray(values))
    return { type: 'choice', values: values.map(String) };
  if (schema['type'] === 'string') return { type: 'text' };
  if (
    schema['type'] === 'integer' &&
    typeof schema['minimum'] === 'number' &&
    typeof schema['maximum'] === 'number'
  )
    return { type: 'whole-number', min: schema['minimum'], max: schema['maximum'] };
  const items = schema['items'] as JsonSchema | undefined;
  if (schema['type'] === 'array' && items?.['type'] === 'string' && Array.isArray(items['enum']))
    return { type: 'list', values: items['enum'].map(String) };
  throw new Error(`managed setting ${key}: no template can express ${JSON.stringify(schema)}`);
}

export function settingSpecs(): SettingSpec[] {
  const properties = buildManagedSettingsJsonSchema()['properties'] as Record<string, JsonSchema>;
  const defaults: Record<string, unknown> = { ...SETTING_DEFAULTS, ...MANAGED_ONLY_DEFAULTS };
  return Object.entries(properties)
    .filter(([key]) => !NOT_A_SETTING.has(key))
    .map(([key, schema]) => {
      const fallback = defaults[key];
      return {
        key,
        title: String(schema['title'] ?? key),
        description: String(schema['description'] ?? ''),
        kind: kindOf(key, schema),
        defaultValue: typeof fallback === 'string' || typeof fallback === 'number' ? fallback : null,
      };
    });
}

export function xmlEscape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

import { z } from 'zod';
import { LINUX_MANAGED_SETTINGS_FILE } from './app-identity';
import { managedSettingsSchema } from './settings-schema';

/**
 * The managed settings as JSON Schema (draft-07): the file IT writes on Linux and
 * the reference every other template is generated from (policy-templates.ts).
 * Checked in as resources/managed-settings/managed-settings.schema.json by
 * scripts/write-managed-settings-templates.mjs; a unit test fails when it drifts.
 */

export type JsonSchema = { [key: string]: unknown };

export function buildManagedSettingsJsonSchema(): JsonSchema {
  const { $schema, ...settings } = z.toJSONSchema(managedSettingsSchema, {
    target: 'draft-07',
    io: 'input',
  }) as JsonSchema;
  return {
    $schema,
    $id: 'https://agentdesk.invalid/schemas/managed-settings.schema.json',
    title: 'Agent Desk managed settings',
    description: `Settings IT pushes to every desktop. Linux: ${LINUX_MANAGED_SETTINGS_FILE}. Windows: the same names as policies under SOFTWARE\\Policies\\ContactCenter\\Agent Desk (ADMX in windows/). macOS: the same keys in a configuration profile (macos/).`,
    ...settings,
  };
}

/** The file's content before prettier formats it (the test compares parsed JSON, not text). */
export function managedSettingsJsonSchemaText(): string {
  return `${JSON.stringify(buildManagedSettingsJsonSchema(), null, 2)}\n`;
}

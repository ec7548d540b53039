import { z } from 'zod';
import { policySchema } from '../../shared/domain/policy';
import { managedSettingsSchema } from './settings-schema';

/**
 * The managed settings as JSON Schema, for IT's editors and their own validation
 * pipelines. Checked in as resources/managed-settings/managed-settings.schema.json
 * (written by scripts/write-managed-settings-schema.mjs; a unit test fails when the
 * checked-in copy drifts from this).
 *
 * The zod schema only knows `policy` as "an object" (it is validated after merging
 * onto the default policy); here it gets the policy's real shape with every field
 * optional, so editors can complete and check policy overrides too.
 */

type JsonSchema = { [key: string]: unknown };

function isJsonSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object level optional and closed (resolve-settings rejects unknown policy fields). */
function deepPartial(schema: JsonSchema): JsonSchema {
  const copy: JsonSchema = { ...schema };
  if (isJsonSchema(copy['properties'])) {
    delete copy['required'];
    copy['additionalProperties'] = false;
    copy['properties'] = Object.fromEntries(
      Object.entries(copy['properties']).map(([key, value]) => [
        key,
        isJsonSchema(value) ? deepPartial(value) : value,
      ]),
    );
  }
  return copy;
}

export function buildManagedSettingsJsonSchema(): JsonSchema {
  const settings = z.toJSONSchema(managedSettingsSchema, { target: 'draft-07', io: 'input' }) as JsonSchema;
  const { $schema: _ignored, ...policy } = z.toJSONSchema(policySchema, {
    target: 'draft-07',
    io: 'input',
  }) as JsonSchema;
  const properties = settings['properties'] as JsonSchema;
  const policyDescription = (properties['policy'] as JsonSchema | undefined)?.['description'];
  return {
    $schema: settings['$schema'],
    $id: 'https://agentdesk.invalid/schemas/managed-settings.schema.json',
    title: 'Agent Desk managed settings',
    description:
      'Machine-wide settings IT pushes to every desktop. Windows: %ProgramData%\\AgentDesk\\managed-settings.json; macOS: /Library/Application Support/AgentDesk/managed-settings.json; Linux: /etc/agent-desk/managed-settings.json.',
    ...Object.fromEntries(Object.entries(settings).filter(([key]) => key !== '$schema')),
    properties: { ...properties, policy: { ...deepPartial(policy), description: policyDescription } },
  };
}

/** The file's content before prettier formats it (the test compares parsed JSON, not text). */
export function managedSettingsJsonSchemaText(): string {
  return `${JSON.stringify(buildManagedSettingsJsonSchema(), null, 2)}\n`;
}

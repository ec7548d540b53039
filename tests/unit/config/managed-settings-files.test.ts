import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildManagedSettingsJsonSchema } from '../../../src/desktop/config/managed-settings-json-schema';
import { resolveSettings } from '../../../src/desktop/config/resolve-settings';

const dir = new URL('../../../resources/managed-settings/', import.meta.url);
const checkedIn = JSON.parse(readFileSync(new URL('managed-settings.schema.json', dir), 'utf8')) as object;
const examples = readdirSync(dir).filter((name) => name.endsWith('.example.json'));

function resolveExample(name: string) {
  const text = readFileSync(new URL(name, dir), 'utf8');
  return resolveSettings({
    platform: 'darwin',
    env: {},
    userDataDir: '/Users/agent/Library/Application Support/Agent Desk',
    readFile: (path) =>
      path.endsWith('managed-settings.json') ? { kind: 'found', text } : { kind: 'missing' },
  });
}

describe('resources/managed-settings', () => {
  it('the checked-in JSON Schema is up to date (run node scripts/write-managed-settings-schema.mjs)', () => {
    expect(checkedIn).toEqual(buildManagedSettingsJsonSchema());
  });

  it('has the full, minimal and updates-off examples', () => {
    expect(examples.sort()).toEqual([
      'managed-settings.full.example.json',
      'managed-settings.minimal.example.json',
      'managed-settings.updates-off.example.json',
    ]);
  });

  const validate = new Ajv({ allErrors: true }).compile(checkedIn);

  it.each(examples)('%s passes the zod schema and the policy check', (name) => {
    const result = resolveExample(name);
    expect(result.ok ? [] : result.error.issues).toEqual([]);
  });

  it.each(examples)('%s passes the JSON Schema', (name) => {
    const valid = validate(JSON.parse(readFileSync(new URL(name, dir), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the updates-off example turns updates off', () => {
    const result = resolveExample('managed-settings.updates-off.example.json');
    expect(result.ok && result.value.updateChannel).toBe('off');
  });

  it('the JSON Schema bites: unknown keys and unknown policy fields fail', () => {
    expect(validate({ serverURL: 'https://x.example.gov' })).toBe(false);
    expect(validate({ policy: { sla: { urgentDueHour: 1 } } })).toBe(false);
    expect(validate({ updateChannel: 'nightly' })).toBe(false);
    expect(validate({ policy: { sla: { urgentDueHours: 48 } } })).toBe(true);
  });
});

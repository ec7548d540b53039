// @vitest-environment jsdom
// (for DOMParser: the ADMX, ADML and profile must be well-formed XML)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../src/desktop/config/app-identity';
import { readManagedJsonFile } from '../../../src/desktop/config/managed-source';
import { resolveSettings } from '../../../src/desktop/config/resolve-settings';
import { MANAGED_SETTING_KEYS, managedSettingsSchema } from '../../../src/desktop/config/settings-schema';
import { FULL_EXAMPLE_FILE, managedSettingsTemplates } from '../../../src/desktop/config/templates';

const dir = join(import.meta.dirname, '../../../resources/managed-settings');
const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const fullExample = JSON.parse(read(FULL_EXAMPLE_FILE)) as Record<string, unknown>;
const templates = managedSettingsTemplates(fullExample);
const template = (path: string) => {
  const found = templates.find((t) => t.path === path);
  if (!found) throw new Error(`no template ${path}`);
  return read(found.path);
};
const SETTINGS = MANAGED_SETTING_KEYS.filter((key) => key !== '$schema');

function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe('the checked-in templates are what the generator writes (npm run settings:templates)', () => {
  it.each(templates.map((t) => [t.path, t] as const))('%s', (_path, file) => {
    const checkedIn = read(file.path);
    if (file.kind === 'json') expect(JSON.parse(checkedIn)).toEqual(JSON.parse(file.text));
    else expect(checkedIn).toBe(file.text);
  });
});

describe('the JSON Schema and the examples', () => {
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(template('managed-settings.schema.json')));
  const examples = readdirSync(dir).filter((name) => name.endsWith('.example.json'));

  it('has the full, minimal and updates-off examples', () => {
    expect(examples.sort()).toEqual([
      'managed-settings.full.example.json',
      'managed-settings.minimal.example.json',
      'managed-settings.updates-off.example.json',
    ]);
  });

  it.each(examples)('%s passes the app’s own check and the JSON Schema', (name) => {
    const text = read(name);
    const result = resolveSettings({
      platform: 'linux',
      managed: readManagedJsonFile('/etc/agent-desk/managed-settings.json', () => ({ kind: 'found', text })),
      userDataDir: '/home/agent/.config/Agent Desk',
      readFile: () => ({ kind: 'missing' }),
    });
    expect(result.ok ? [] : result.error.issues).toEqual([]);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('bites: unknown keys, a policy, a bad choice fail', () => {
    expect(validate({ serverURL: 'https://x.example.gov' })).toBe(false);
    expect(validate({ policy: { sla: { urgentDueHours: 48 } } })).toBe(false);
    expect(validate({ updateChannel: 'nightly' })).toBe(false);
    expect(validate({ updateCheckIntervalHours: 6 })).toBe(true);
  });
});

describe('Windows ADMX / ADML', () => {
  const admx = parseXml(template('windows/AgentDesk.admx'));
  const adml = parseXml(template('windows/en-US/AgentDesk.adml'));
  const policies = [...admx.getElementsByTagName('policy')];
  const stringIds = new Set([...adml.getElementsByTagName('string')].map((s) => s.getAttribute('id')));
  const presentations = new Map(
    [...adml.getElementsByTagName('presentation')].map((p) => [p.getAttribute('id'), p] as const),
  );

  it('are well-formed Group Policy definition files', () => {
    expect(admx.documentElement.localName).toBe('policyDefinitions');
    expect(adml.documentElement.localName).toBe('policyDefinitionResources');
    expect(admx.documentElement.namespaceURI).toBe(
      'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions',
    );
  });

  it('have one policy per managed setting, for computers and users, under SOFTWARE\\Policies', () => {
    expect(policies.map((p) => p.getAttribute('name'))).toEqual(SETTINGS);
    for (const p of policies) {
      expect(p.getAttribute('class')).toBe('Both');
      expect(p.getAttribute('key')).toBe('SOFTWARE\\Policies\\ContactCenter\\Agent Desk');
    }
  });

  it('every $(string.…) the ADMX names is in the ADML, and every ADML string is used', () => {
    const text = template('windows/AgentDesk.admx');
    const referenced = new Set([...text.matchAll(/\$\(string\.([^)]+)\)/g)].map((m) => m[1]));
    expect([...referenced].filter((id) => !stringIds.has(id ?? ''))).toEqual([]);
    expect([...stringIds].filter((id) => !referenced.has(id ?? ''))).toEqual([]);
  });

  it('every policy has its presentation, whose controls refer to the policy’s elements', () => {
    for (const p of policies) {
      const name = p.getAttribute('name');
      expect(p.getAttribute('presentation')).toBe(`$(presentation.${name})`);
      const elementIds = [...(p.getElementsByTagName('elements')[0]?.children ?? [])].map((e) =>
        e.getAttribute('id'),
      );
      const refIds = [...(presentations.get(name)?.children ?? [])].map((c) => c.getAttribute('refId'));
      expect(refIds, String(name)).toEqual(elementIds);
    }
  });

  it('number policies carry the schema’s bounds; choice policies its values', () => {
    const idle = policies.find((p) => p.getAttribute('name') === 'idleLockMinutes');
    const decimal = idle?.getElementsByTagName('decimal')[0];
    expect([decimal?.getAttribute('minValue'), decimal?.getAttribute('maxValue')]).toEqual(['1', '240']);
    const channel = policies.find((p) => p.getAttribute('name') === 'updateChannel');
    expect([...(channel?.getElementsByTagName('string') ?? [])].map((s) => s.textContent)).toEqual([
      'stable',
      'beta',
      'off',
    ]);
  });
});

/** The XML property list subset profiles use → JSON values. */
function plistValue(node: Element): unknown {
  switch (node.localName) {
    case 'dict': {
      const out: Record<string, unknown> = {};
      const children = [...node.children];
      for (let i = 0; i < children.length; i += 2) {
        expect(children[i]?.localName).toBe('key');
        out[children[i]?.textContent ?? ''] = plistValue(children[i + 1] as Element);
      }
      return out;
    }
    case 'array':
      return [...node.children].map(plistValue);
    case 'string':
      return node.textContent ?? '';
    case 'integer':
      return Number.parseInt(node.textContent ?? '', 10);
    case 'true':
    case 'false':
      return node.localName === 'true';
    default:
      throw new Error(`unexpected plist element <${node.localName}>`);
  }
}

describe('macOS example profile and Jamf schema', () => {
  const text = template(`macos/${APP_ID}.example.mobileconfig`);
  const doc = parseXml(text);
  const profile = plistValue(doc.documentElement.children[0] as Element) as Record<string, unknown>;
  const payloads = profile['PayloadContent'] as Record<string, unknown>[];
  const payload = payloads[0] ?? {};
  const settings = Object.fromEntries(Object.entries(payload).filter(([k]) => !k.startsWith('Payload')));
  const jamf = JSON.parse(template(`macos/${APP_ID}.jamf-schema.json`)) as {
    properties: Record<string, Record<string, unknown>>;
  };

  it('is a device configuration profile with one payload for the app’s preference domain', () => {
    expect(text).toContain('<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN"');
    expect(profile).toMatchObject({
      PayloadType: 'Configuration',
      PayloadScope: 'System',
      PayloadVersion: 1,
    });
    expect(payloads).toHaveLength(1);
    expect(payload).toMatchObject({ PayloadType: APP_ID, PayloadVersion: 1 });
    const uuids = [profile['PayloadUUID'], payload['PayloadUUID']];
    for (const uuid of uuids)
      expect(uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(new Set(uuids).size).toBe(2);
  });

  it('carries the full example’s settings, valid for the app', () => {
    const { $schema: _editorOnly, ...expected } = fullExample;
    expect(settings).toEqual(expected);
    expect(managedSettingsSchema.safeParse(settings).success).toBe(true);
  });

  it('the Jamf schema covers every setting, validates the example, and rejects a bad value', () => {
    expect(Object.keys(jamf.properties)).toEqual(SETTINGS);
    for (const property of Object.values(jamf.properties)) {
      expect(property).toMatchObject({ title: expect.any(String), description: expect.any(String) });
      expect(property['property_order']).toEqual(expect.any(Number));
      // A pre-filled default would push the development server's address to desktops.
      expect(property).not.toHaveProperty('default');
    }
    const validate = new Ajv({ strict: false }).compile(jamf);
    expect(validate(settings), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...settings, idleLockMinutes: 0 })).toBe(false);
  });
});

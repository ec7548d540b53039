import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { readManagedJsonFile } from '../../../src/desktop/config/managed-source';
import { resolveSettings } from '../../../src/desktop/config/resolve-settings';

const root = join(import.meta.dirname, '../../..');
const doc = readFileSync(join(root, 'docs/telephony.md'), 'utf8');
const schema = JSON.parse(
  readFileSync(join(root, 'resources/managed-settings/managed-settings.schema.json'), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

/** The JSON blocks of the section "The desktop's port (managed settings)", in order. */
function examples(): string[] {
  const start = doc.indexOf("## The desktop's port (managed settings)");
  const end = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, end);
  return [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

function resolve(text: string) {
  return resolveSettings({
    platform: 'linux',
    managed: readManagedJsonFile('/etc/agent-desk/managed-settings.json', () => ({ kind: 'found', text })),
    userDataDir: '/home/agent/.config/Agent Desk',
    readFile: () => ({ kind: 'missing' }),
  });
}

describe('docs/telephony.md: the managed settings for the three ports', () => {
  it('gives one example per port, each accepted by the app and the JSON Schema as written', () => {
    const texts = examples();
    expect(texts).toHaveLength(3);
    const ports = texts.map((text) => {
      expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
      const result = resolve(text);
      expect(result.ok ? result.value.notices : result.error.issues).toEqual([]);
      return result.ok ? result.value.telephony : undefined;
    });
    expect(ports).toEqual([
      { port: 'manual', uriTemplate: null },
      { port: 'uri', uriTemplate: 'sip:{digits}@pbx.example.gov' },
      { port: 'cti', uriTemplate: null },
    ]);
  });

  it('bites: a scheme outside the allowlist or a template without the number is refused', () => {
    const bad = (template: string) =>
      JSON.stringify({
        serverUrl: 'https://agentdesk.example.gov:8443',
        telephonyPort: 'uri',
        telephonyUriTemplate: template,
      });
    for (const template of ['https://evil.example.com/{number}', 'tel:5550100']) {
      const result = resolve(bad(template));
      expect(result.ok ? result.value.notices : result.error.issues).not.toEqual([]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { buildDialUri, isAllowedDialUri } from '../../../src/desktop/config/dial-uri';
import { readManagedSettings } from '../../../src/desktop/config/managed-source';
import { resolveSettings } from '../../../src/desktop/config/resolve-settings';
import { machinePorts, memoryFiles } from './memory-files';

const MANAGED = '/etc/agent-desk/managed-settings.json';
const USER = '/home/agent/.config/Agent Desk/settings.json';

function resolve(files: Record<string, string>) {
  const readFile = memoryFiles(files);
  return resolveSettings({
    platform: 'linux',
    managed: readManagedSettings('linux', machinePorts({ readFile })),
    userDataDir: '/home/agent/.config/Agent Desk',
    readFile,
  });
}

describe('telephony port from managed settings', () => {
  it('is manual by default', () => {
    const settings = resolve({});
    expect(settings.ok && settings.value.telephony).toEqual({ port: 'manual', uriTemplate: null });
  });

  it('takes IT’s port and template', () => {
    const settings = resolve({
      [MANAGED]: JSON.stringify({
        telephonyPort: 'uri',
        telephonyUriTemplate: 'sip:{digits}@pbx.example.gov',
      }),
    });
    expect(settings.ok && settings.value.telephony).toEqual({
      port: 'uri',
      uriTemplate: 'sip:{digits}@pbx.example.gov',
    });
  });

  it('falls back to manual, with a notice, for "uri" without a template', () => {
    const settings = resolve({ [MANAGED]: JSON.stringify({ telephonyPort: 'uri' }) });
    expect(settings.ok && settings.value.telephony.port).toBe('manual');
    expect(settings.ok && settings.value.notices.map((n) => n.field)).toContain('telephonyPort');
  });

  it('refuses a template with another scheme or no number, naming the rule', () => {
    for (const template of [
      'https://dial.example.gov/?n={number}',
      'javascript:{number}',
      'tel:+12025550143',
    ]) {
      const settings = resolve({
        [MANAGED]: JSON.stringify({ telephonyPort: 'uri', telephonyUriTemplate: template }),
      });
      expect(settings.ok).toBe(false);
      expect(!settings.ok && settings.error.message).toMatch(/telephonyUriTemplate/);
    }
  });

  it('is not something a user can set in their own file', () => {
    const settings = resolve({ [USER]: JSON.stringify({ telephonyPort: 'cti' }) });
    expect(settings.ok && settings.value.telephony.port).toBe('manual');
  });
});

describe('dial URIs', () => {
  it('fills the template with the number, the digits and the extension', () => {
    expect(buildDialUri('tel:{number}', '+12025550143')).toBe('tel:+12025550143');
    expect(buildDialUri('sip:{digits}@pbx.example.gov', '+12025550143')).toBe(
      'sip:12025550143@pbx.example.gov',
    );
    expect(buildDialUri('tel:{number};postd={ext}', '+12025550143;ext=12')).toBe('tel:+12025550143;postd=12');
  });

  it('allows only what the configured template makes of a US number', () => {
    const template = 'sip:{digits}@pbx.example.gov';
    expect(isAllowedDialUri('sip:12025550143@pbx.example.gov', template)).toBe(true);
    expect(isAllowedDialUri('sip:12025550143@evil.example.com', template)).toBe(false);
    expect(isAllowedDialUri('tel:+12025550143', template)).toBe(false);
    expect(isAllowedDialUri('https://www.uscis.gov', template)).toBe(false);
    expect(isAllowedDialUri('sip:12025550143@pbx.example.gov', null)).toBe(false);
    expect(isAllowedDialUri('tel:+12025550143', 'tel:{number}')).toBe(true);
    expect(isAllowedDialUri('tel:+12025550143?x=1', 'tel:{number}')).toBe(false);
  });
});

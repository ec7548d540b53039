import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedServiceUrl, managedSettingsSchema } from '../../../src/desktop/config/settings-schema';

describe('server and feed URLs', () => {
  it.each([
    'https://agentdesk.example.gov',
    'https://agentdesk.example.gov:8443/base',
    'http://127.0.0.1:4780',
    'http://localhost:4780',
  ])('accepts %s', (url) => expect(isAllowedServiceUrl(url)).toBe(true));

  it.each([
    'http://agentdesk.example.gov',
    'http://10.0.0.5:4780',
    'ws://127.0.0.1:4780',
    'https://user:secret@agentdesk.example.gov',
    'agentdesk.example.gov',
    '',
  ])('rejects %s', (url) => expect(isAllowedServiceUrl(url)).toBe(false));

  it('property: plain http to any non-loopback host is rejected', () => {
    fc.assert(
      fc.property(fc.domain(), (host) => {
        fc.pre(host !== 'localhost');
        expect(isAllowedServiceUrl(`http://${host}/`)).toBe(false);
        expect(isAllowedServiceUrl(`https://${host}/`)).toBe(true);
      }),
    );
  });
});

describe('managedSettingsSchema', () => {
  it('rejects a userOverridable key that is not user-settable (policy stays with IT)', () => {
    expect(managedSettingsSchema.safeParse({ userOverridable: ['policy'] }).success).toBe(false);
  });

  it('accepts an empty file', () => {
    expect(managedSettingsSchema.safeParse({}).success).toBe(true);
  });
});

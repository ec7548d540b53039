import { describe, expect, it } from 'vitest';
import { parseServerConfig, smsSettingsOf } from '../../../src/server/config';

function settings(env: Record<string, string>) {
  const parsed = parseServerConfig([], env);
  if (!parsed.ok) return parsed;
  return smsSettingsOf(parsed.value);
}

const FULL = {
  AGENT_DESK_SMS_ACCOUNT_SID: 'AC0123',
  AGENT_DESK_SMS_AUTH_TOKEN: 'token-0123456789abcdef',
  AGENT_DESK_SMS_FROM: '+12025550100',
  AGENT_DESK_PUBLIC_URL: 'https://desk.agency.example/',
};

describe('the SMS provider settings', () => {
  it('are absent when no provider is configured', () => {
    expect(settings({})).toEqual({ ok: true, value: undefined });
  });

  it('default to Twilio’s API and carry the account, token, From and the public URL', () => {
    expect(settings(FULL)).toEqual({
      ok: true,
      value: {
        apiUrl: 'https://api.twilio.com',
        accountSid: 'AC0123',
        authToken: 'token-0123456789abcdef',
        from: '+12025550100',
        publicUrl: 'https://desk.agency.example',
      },
    });
    const compatible = settings({ ...FULL, AGENT_DESK_SMS_API_URL: 'https://sms-gw.agency.example/' });
    expect(compatible.ok && compatible.value?.apiUrl).toBe('https://sms-gw.agency.example');
  });

  it('refuse a partial configuration or a bad From, with a clear message', () => {
    const { AGENT_DESK_PUBLIC_URL: _url, ...noUrl } = FULL;
    const partial = settings(noUrl);
    expect(partial.ok).toBe(false);
    expect(!partial.ok && partial.error.message).toContain('AGENT_DESK_PUBLIC_URL');
    const badFrom = settings({ ...FULL, AGENT_DESK_SMS_FROM: '555-0100' });
    expect(!badFrom.ok && badFrom.error.message).toContain('E.164');
  });
});

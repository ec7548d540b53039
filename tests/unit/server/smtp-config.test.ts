import { describe, expect, it } from 'vitest';
import { parseServerConfig, smtpSettingsOf } from '../../../src/server/config';

function settings(env: Record<string, string>) {
  const parsed = parseServerConfig([], env);
  if (!parsed.ok) return parsed;
  return smtpSettingsOf(parsed.value, 'PEM');
}

describe('the SMTP relay settings (e-mail notices)', () => {
  it('are absent when no relay is configured', () => {
    expect(settings({})).toEqual({ ok: true, value: undefined });
  });

  it('default to port 587 with STARTTLS, and carry the credentials, From, Reply-To and CA', () => {
    expect(
      settings({
        AGENT_DESK_SMTP_HOST: 'relay.agency.example',
        AGENT_DESK_SMTP_USER: 'agentdesk',
        AGENT_DESK_SMTP_PASSWORD: 'secret',
        AGENT_DESK_SMTP_FROM: 'no-reply@agency.example',
        AGENT_DESK_SMTP_REPLY_TO: 'help@agency.example',
      }),
    ).toEqual({
      ok: true,
      value: {
        host: 'relay.agency.example',
        port: 587,
        secure: false,
        user: 'agentdesk',
        password: 'secret',
        from: 'no-reply@agency.example',
        replyTo: 'help@agency.example',
        ca: 'PEM',
      },
    });
  });

  it('refuse a relay without a From, a user without a password, and settings without a host', () => {
    const noFrom = settings({ AGENT_DESK_SMTP_HOST: 'relay' });
    expect(noFrom.ok ? undefined : noFrom.error.message).toContain('AGENT_DESK_SMTP_FROM');
    const noPassword = settings({
      AGENT_DESK_SMTP_HOST: 'relay',
      AGENT_DESK_SMTP_FROM: 'a@b.example',
      AGENT_DESK_SMTP_USER: 'u',
    });
    expect(noPassword.ok ? undefined : noPassword.error.message).toContain('AGENT_DESK_SMTP_PASSWORD');
    const noHost = settings({ AGENT_DESK_SMTP_FROM: 'a@b.example' });
    expect(noHost.ok ? undefined : noHost.error.message).toContain('AGENT_DESK_SMTP_HOST');
  });

  it('refuse a From that is not an address and a secure flag that is not true or false', () => {
    expect(settings({ AGENT_DESK_SMTP_HOST: 'relay', AGENT_DESK_SMTP_FROM: 'nobody' }).ok).toBe(false);
    expect(settings({ AGENT_DESK_SMTP_SECURE: 'yes' }).ok).toBe(false);
  });
});

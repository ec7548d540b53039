import { describe, expect, it } from 'vitest';
import { parseBootstrapAdminConfig, wantsBootstrapAdmin } from '../../../src/server/config';

describe('the --bootstrap-admin command line', () => {
  it('is recognised in both flag forms, and only then', () => {
    expect(wantsBootstrapAdmin(['--data', 'd', '--bootstrap-admin', 'it.root'])).toBe(true);
    expect(wantsBootstrapAdmin(['--bootstrap-admin=it.root'])).toBe(true);
    expect(wantsBootstrapAdmin(['--data', 'd', '--port', '0'])).toBe(false);
  });

  it('accepts the server options with it, and defaults the name and team', () => {
    const parsed = parseBootstrapAdminConfig(
      ['--bootstrap-admin', 'it.root', '--port', '8443', '--data', 'x'],
      {
        AGENT_DESK_SCRIPTS: 'scripts',
      },
    );
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        bootstrapAdmin: 'it.root',
        adminName: 'Administrator',
        adminTeam: 'it',
        dataDir: 'x',
        scriptsDir: 'scripts',
      },
    });
  });

  it('names the option the operator typed in each error', () => {
    const bad = parseBootstrapAdminConfig(['--bootstrap-admin', 'Root', '--team', '*', '--name', ' '], {});
    expect(bad.ok).toBe(false);
    const message = bad.ok ? '' : bad.error.message;
    expect(message).toContain('--bootstrap-admin: a user name is 3–64');
    expect(message).toContain('--team: a user belongs to one team');
    expect(message).toContain('--name: the name must not be empty');
  });

  it('has no password option (it would show in ps and shell history)', () => {
    const parsed = parseBootstrapAdminConfig(
      ['--bootstrap-admin', 'it.root', '--password', 'x'.repeat(16)],
      {},
    );
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.code).toBe('config.unknown_flag');
  });
});

import { describe, expect, it } from 'vitest';
import { managedSettingsPath, userSettingsPath } from '../../../src/desktop/config/settings-paths';

describe('settings file locations', () => {
  it('Windows: %ProgramData%\\AgentDesk', () => {
    expect(managedSettingsPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\AgentDesk\\managed-settings.json',
    );
    expect(managedSettingsPath('win32', { PROGRAMDATA: 'C:\\PD' })).toBe(
      'C:\\PD\\AgentDesk\\managed-settings.json',
    );
    expect(managedSettingsPath('win32', {})).toBe('C:\\ProgramData\\AgentDesk\\managed-settings.json');
  });

  it('macOS: /Library/Application Support/AgentDesk', () => {
    expect(managedSettingsPath('darwin', {})).toBe(
      '/Library/Application Support/AgentDesk/managed-settings.json',
    );
  });

  it('Linux: /etc/agent-desk', () => {
    expect(managedSettingsPath('linux', {})).toBe('/etc/agent-desk/managed-settings.json');
  });

  it('the user file lives in userData, joined the platform’s way', () => {
    expect(userSettingsPath('win32', 'C:\\Users\\a\\AppData\\Roaming\\Agent Desk')).toBe(
      'C:\\Users\\a\\AppData\\Roaming\\Agent Desk\\settings.json',
    );
    expect(userSettingsPath('darwin', '/Users/a/Library/Application Support/Agent Desk')).toBe(
      '/Users/a/Library/Application Support/Agent Desk/settings.json',
    );
  });
});

import { APP_ID } from '../app-identity';
import { managedSettingsJsonSchemaText } from '../managed-settings-json-schema';
import type { ManagedSettings } from '../settings-schema';
import { admlText, admxText } from './admx';
import { jamfSchemaText, mobileconfigText } from './macos';

/**
 * Every file IT gets generated from the settings schema, by path under
 * resources/managed-settings/. scripts/write-managed-settings-templates.mjs writes
 * them; tests/unit/config/managed-settings-templates.test.ts fails when one drifts.
 */
export interface TemplateFile {
  path: string;
  text: string;
  /** json: compared parsed (prettier formats it); xml: compared as text. */
  kind: 'json' | 'xml';
}

export const FULL_EXAMPLE_FILE = 'managed-settings.full.example.json';

export function managedSettingsTemplates(fullExample: ManagedSettings): TemplateFile[] {
  return [
    { path: 'managed-settings.schema.json', text: managedSettingsJsonSchemaText(), kind: 'json' },
    { path: 'windows/AgentDesk.admx', text: admxText(), kind: 'xml' },
    { path: 'windows/en-US/AgentDesk.adml', text: admlText(), kind: 'xml' },
    { path: `macos/${APP_ID}.example.mobileconfig`, text: mobileconfigText(fullExample), kind: 'xml' },
    { path: `macos/${APP_ID}.jamf-schema.json`, text: jamfSchemaText(), kind: 'json' },
  ];
}

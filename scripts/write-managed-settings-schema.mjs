// Writes resources/managed-settings/managed-settings.schema.json from the zod schema
// in src/desktop/config. Run after changing the managed settings:
//   node scripts/write-managed-settings-schema.mjs
// tests/unit/config/managed-settings-json-schema.test.ts fails while the file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const { module } = await runnerImport(`${root}src/desktop/config/managed-settings-json-schema.ts`, {
  configFile: false,
  root,
  logLevel: 'error',
});
const target = `${root}resources/managed-settings/managed-settings.schema.json`;
// Formatted like every other file, so `npm run format:check` stays quiet.
const options = { ...(await prettier.resolveConfig(target)), filepath: target };
writeFileSync(target, await prettier.format(module.managedSettingsJsonSchemaText(), options));
console.log(`wrote ${target}`);

// Writes IT's templates under resources/managed-settings/ from the zod schema in
// src/desktop/config: the JSON Schema, the Windows ADMX/ADML, the macOS example
// profile and the Jamf schema. Run after changing the managed settings:
//   npm run settings:templates
// tests/unit/config/managed-settings-templates.test.ts fails while a file is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}resources/managed-settings/`;
const { module } = await runnerImport(`${root}src/desktop/config/templates/index.ts`, {
  configFile: false,
  root,
  logLevel: 'error',
});
const example = JSON.parse(readFileSync(`${dir}${module.FULL_EXAMPLE_FILE}`, 'utf8'));
for (const file of module.managedSettingsTemplates(example)) {
  const target = `${dir}${file.path}`;
  mkdirSync(dirname(target), { recursive: true });
  // JSON formatted like every other file, so `npm run format:check` stays quiet.
  const options = { ...(await prettier.resolveConfig(target)), filepath: target };
  writeFileSync(target, file.kind === 'json' ? await prettier.format(file.text, options) : file.text);
  console.log(`wrote ${target}`);
}

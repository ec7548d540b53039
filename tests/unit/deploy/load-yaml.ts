import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// js-yaml ships no types and is here as electron-builder's own dependency; this is
// the one call the deploy tests need from it.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

export const repoRoot = new URL('../../../', import.meta.url);

export function readRepoFile(relative: string): string {
  return readFileSync(new URL(relative, repoRoot), 'utf8');
}

export function loadRepoYaml(relative: string): Record<string, unknown> {
  return yaml.load(readRepoFile(relative)) as Record<string, unknown>;
}

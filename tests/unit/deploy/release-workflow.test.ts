import { describe, expect, it } from 'vitest';
import { loadRepoYaml, readRepoFile } from './load-yaml';

type Json = Record<string, unknown>;
const workflow = loadRepoYaml('.github/workflows/release.yml');
const job = (workflow['jobs'] as Json)['package'] as Json;
const steps = job['steps'] as Json[];
const runs = steps.map((s) => String(s['run'] ?? '')).join('\n');

describe('release workflow', () => {
  it('runs on tag pushes and by hand', () => {
    // js-yaml reads the bare key `on` as the boolean true (YAML 1.1).
    const on = (workflow['on'] ?? workflow['true']) as Json;
    expect(Object.keys(on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect((on['push'] as Json)['tags']).toBeDefined();
  });

  it('builds on Windows, macOS and Linux with Node 20', () => {
    const include = ((job['strategy'] as Json)['matrix'] as Json)['include'] as Json[];
    expect(include.map((m) => m['os'])).toEqual(['windows-latest', 'macos-latest', 'ubuntu-latest']);
    const setupNode = steps.find((s) => String(s['uses']).startsWith('actions/setup-node'));
    expect((setupNode?.['with'] as Json)['node-version']).toBe(20);
  });

  it('installs, downloads Electron, tests, builds, rebuilds native modules and packages, in that order', () => {
    const order = [
      'npm ci',
      'node node_modules/electron/install.js',
      'npm test',
      'npm run build',
      'electron-builder install-app-deps',
      'npx electron-builder ${{ matrix.builder-args }}',
    ].map((command) => runs.indexOf(command));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('refers to signing secrets by name only', () => {
    const text = readRepoFile('.github/workflows/release.yml');
    for (const name of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'WIN_CSC_LINK',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
    ]) {
      expect(text).toContain(`${name}: \${{ secrets.${name} }}`);
    }
  });

  it('uploads the installers', () => {
    expect(steps.some((s) => String(s['uses']).startsWith('actions/upload-artifact'))).toBe(true);
  });
});

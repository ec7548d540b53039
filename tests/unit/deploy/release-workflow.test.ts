import { describe, expect, it } from 'vitest';
import { loadRepoYaml, readRepoFile } from './load-yaml';

type Json = Record<string, unknown>;
type Step = {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Json;
  with?: Json;
  shell?: string;
};
const workflow = loadRepoYaml('.github/workflows/release.yml');
const jobs = workflow['jobs'] as Record<string, Json>;
const testJob = jobs['test'] as Json;
const packageJob = jobs['package'] as Json;
const steps = packageJob['steps'] as Step[];
const matrix = ((packageJob['strategy'] as Json)['matrix'] as Json)['include'] as Json[];
const stepNamed = (pattern: RegExp) => steps.filter((s) => pattern.test(s.name ?? ''));
const indexOf = (pattern: RegExp) => steps.findIndex((s) => pattern.test(`${s.name ?? ''}\n${s.run ?? ''}`));

describe('release workflow', () => {
  it('runs on tag pushes and by hand', () => {
    // js-yaml reads the bare key `on` as the boolean true (YAML 1.1).
    const on = (workflow['on'] ?? workflow['true']) as Json;
    expect(Object.keys(on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect((on['push'] as Json)['tags']).toBeDefined();
  });

  it('runs the whole suite once, on Debian (its Chromium is what the browser-host flows drive)', () => {
    expect(testJob['container']).toMatch(/^node:\d+-bookworm$/);
    expect((testJob['steps'] as Step[]).map((s) => s.run).filter(Boolean)).toEqual(['.ci/run']);
    expect(readRepoFile('.ci/run')).toMatch(/apt-get install[^\n]*chromium[\s\S]*npm test/);
    expect(readRepoFile('playwright.config.ts')).toContain("executablePath: '/usr/bin/chromium'");
  });

  it('packages on Windows, macOS and Linux after the tests pass', () => {
    expect(packageJob['needs']).toBe('test');
    expect(matrix.map((m) => [m['os'], m['release-os']])).toEqual([
      ['windows-latest', 'win'],
      ['macos-latest', 'mac'],
      ['ubuntu-latest', 'linux'],
    ]);
  });

  it('never runs the Linux-only tests (npm test, the browser-host e2e) on the packaging runners', () => {
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).not.toMatch(/npm test\b/);
    expect(runs).not.toMatch(/npm run test:e2e|playwright test(?! -c playwright\.electron\.config\.ts)/);
    const portable = stepNamed(/same on every OS/)[0]?.run ?? '';
    expect(portable.trim().split('\n')).toEqual([
      'npm run format:check',
      'npm run typecheck',
      'npm run test:unit',
      'npm run test:integration',
    ]);
  });

  it('uses the Node version electron 45’s tooling declares, in both jobs', () => {
    const declared = JSON.parse(readRepoFile('node_modules/electron/package.json')) as {
      engines: { node: string };
    };
    const minimum = /(\d+)\.(\d+)/.exec(declared.engines.node);
    const env = workflow['env'] as Json;
    const setupNode = steps.find((s) => s.uses?.startsWith('actions/setup-node'));
    expect(setupNode?.with?.['node-version']).toBe('${{ env.NODE_VERSION }}');
    // A bare major means the newest release of that line, which is past the declared minor.
    expect(Number(env['NODE_VERSION'])).toBe(Number(minimum?.[1]));
    expect(testJob['container']).toBe(`node:${env['NODE_VERSION']}-bookworm`);
  });

  it('installs, downloads Electron, tests, builds, packages, restores Node’s better-sqlite3, then runs the Electron flows', () => {
    const order = [
      /npm ci/,
      /node node_modules\/electron\/install\.js/,
      /npm run test:unit/,
      /npm run build/,
      /scripts\/release\/dist\.ts \$\{\{ matrix\.release-os \}\}/,
      /npm rebuild better-sqlite3/,
      /playwright test -c playwright\.electron\.config\.ts/,
    ].map(indexOf);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('runs the end-to-end flows in the packaged app on each OS, both Mac architectures, Linux with a keyring', () => {
    const electronRuns = stepNamed(/End-to-end flows in the packaged app/);
    expect(electronRuns.map((s) => s.if)).toEqual([
      "matrix.release-os == 'win'",
      "matrix.release-os == 'mac'",
      "matrix.release-os == 'linux'",
    ]);
    expect(electronRuns[0]?.env?.['AGENT_DESK_PACKAGED_APP']).toBe('dist/win-unpacked');
    expect(electronRuns[1]?.run).toContain('AGENT_DESK_PACKAGED_APP="dist/mac-arm64/Agent Desk.app"');
    expect(electronRuns[1]?.run).toContain('AGENT_DESK_PACKAGED_APP="dist/mac/Agent Desk.app"');
    expect(electronRuns[2]?.run).toMatch(/gnome-keyring-daemon --unlock[\s\S]*xvfb-run/);
  });

  it('signs: Developer ID Application and Installer identities, notarization, Windows keys in an HSM', () => {
    const env = stepNamed(/^Package$/)[0]?.env ?? {};
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'CSC_INSTALLER_LINK', 'CSC_INSTALLER_KEY_PASSWORD'])
      expect(env[name]).toBe(`\${{ secrets.${name} }}`);
    for (const name of [
      'APPLE_API_KEY_ID',
      'APPLE_API_ISSUER',
      'AZURE_TENANT_ID',
      'AZURE_CLIENT_ID',
      'AZURE_CLIENT_SECRET',
      'AGENT_DESK_WIN_SIGN_COMMAND',
    ])
      expect(env[name]).toBe(`\${{ secrets.${name} }}`);
    for (const name of [
      'AZURE_SIGN_PUBLISHER_NAME',
      'AZURE_SIGN_ENDPOINT',
      'AZURE_SIGN_CERTIFICATE_PROFILE',
      'AZURE_SIGN_ACCOUNT',
    ])
      expect(env[name]).toBe(`\${{ vars.${name} }}`);
    // No PFX for Windows any more.
    expect(Object.keys(env)).not.toContain('WIN_CSC_LINK');
    expect(stepNamed(/Notarize and staple the PKGs/)[0]?.run).toMatch(
      /notarytool submit[\s\S]*stapler staple/,
    );
  });

  it('bakes no placeholder feed: the URL comes from the repository variable alone', () => {
    expect((packageJob['env'] as Json)['AGENT_DESK_UPDATE_URL']).toBe('${{ vars.AGENT_DESK_UPDATE_URL }}');
    expect(readRepoFile('.github/workflows/release.yml')).not.toMatch(/\.invalid|example\./);
  });

  it('uploads the installers', () => {
    const upload = steps.find((s) => s.name === 'Upload installers');
    expect(String(upload?.with?.['path'])).toMatch(/dist\/\*\.msi[\s\S]*dist\/\*\.pkg[\s\S]*dist\/\*\.yml/);
  });
});

describe('line endings', () => {
  it('.gitattributes checks every text file out with LF (Prettier and the generated-file tests on Windows)', () => {
    const lines = readRepoFile('.gitattributes')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    expect(lines).toContain('* text=auto eol=lf');
    for (const binary of ['*.png', '*.ico', '*.icns']) expect(lines).toContain(`${binary} binary`);
  });
});

import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../../../src/desktop/config/app-identity';
import { loadRepoYaml, readRepoFile } from './load-yaml';

const require = createRequire(import.meta.url);
const scheme = require('app-builder-lib/scheme.json') as object;

type Json = Record<string, unknown>;
const config = loadRepoYaml('electron-builder.yml');
const section = (key: string): Json => config[key] as Json;

function validatorFor(schema: object) {
  // The options electron-builder itself compiles scheme.json with (schemaValidator.js), minus type coercion.
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('electron-builder.yml against electron-builder 26 own schema', () => {
  const validate = validatorFor(scheme);

  it('is valid', () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check bites: a misspelt option is rejected', () => {
    expect(validate({ ...config, nsis: { ...section('nsis'), perMachin: true } })).toBe(false);
    expect(validate({ ...config, mac: { ...section('mac'), hardenedRuntime: 'yes' } })).toBe(false);
  });

  it("passes electron-builder's own validateConfiguration", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    const logger = { isEnabled: false, add: () => {} };
    // A copy: electron-builder's validator coerces types in place.
    await expect(validateConfiguration(structuredClone(config), logger)).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...structuredClone(config), msi: { perMachin: true } }, logger),
    ).rejects.toThrow(/configuration\.msi/);
  }, 30_000); // loading app-builder-lib takes seconds
});

describe('packing rules', () => {
  it('packs only the electron-vite output and package.json (plus exclusions)', () => {
    const files = config['files'] as string[];
    expect(files.filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/**', 'package.json']);
  });

  it('keeps asar on and unpacks better-sqlite3 native module', () => {
    expect(config['asar']).toBe(true);
    const unpack = config['asarUnpack'] as string[];
    expect(unpack.some((p) => p.includes('node_modules/better-sqlite3/') && p.endsWith('*.node'))).toBe(true);
  });

  it('has exactly better-sqlite3 as a runtime dependency (everything else is bundled)', () => {
    const pkg = JSON.parse(readRepoFile('package.json')) as Json;
    expect(Object.keys(pkg['dependencies'] as Json)).toEqual(['better-sqlite3']);
    expect(pkg['main']).toBe('out/main/index.js');
  });

  it('installs per machine on Windows with NSIS and MSI, NSIS assisted with elevation', () => {
    const targets = (section('win')['target'] as Json[]).map((t) => t['target']);
    expect(targets).toEqual(['nsis', 'msi']);
    expect(section('nsis')).toMatchObject({ perMachine: true, oneClick: false, allowElevation: true });
    expect(section('nsis')['deleteAppDataOnUninstall']).toBe(false);
    expect(section('msi')).toMatchObject({ perMachine: true });
    expect(section('msi')['upgradeCode']).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/,
    );
  });

  it('builds DMG and PKG (and the updater zip) for both mac architectures with hardened runtime and entitlements', () => {
    const mac = section('mac');
    for (const target of mac['target'] as Json[]) {
      expect(target['arch']).toEqual(['x64', 'arm64']);
    }
    expect((mac['target'] as Json[]).map((t) => t['target'])).toEqual(['dmg', 'pkg', 'zip']); // zip: what the macOS auto-updater installs
    expect(mac).toMatchObject({ hardenedRuntime: true, entitlements: 'resources/entitlements.mac.plist' });
    expect(readRepoFile('resources/entitlements.mac.plist')).toContain('com.apple.security.cs.allow-jit');
    expect(section('pkg')).toMatchObject({ installLocation: '/Applications', isRelocatable: false });
  });

  it('builds AppImage and deb for developers', () => {
    expect(section('linux')['target']).toEqual(['AppImage', 'deb']);
  });

  it('uses the app id and product name the app is known by (the app reads its policies under them)', () => {
    expect(config).toMatchObject({ appId: APP_ID, productName: PRODUCT_NAME });
    expect(JSON.parse(readRepoFile('package.json'))).toMatchObject({ productName: PRODUCT_NAME });
  });

  it("ships IT's templates (ADMX/ADML, profile, schemas) next to the app", () => {
    const resources = config['extraResources'] as Json[];
    expect(resources).toContainEqual({
      from: 'resources/managed-settings',
      to: 'managed-settings',
      filter: ['**/*'],
    });
  });

  it('bakes no update feed into the app (the release adds one to the self-updatable packages only)', () => {
    expect(config).toHaveProperty('publish', null);
  });

  it('refers only to resources that exist', () => {
    for (const file of [
      section('win')['icon'],
      section('mac')['icon'],
      section('linux')['icon'],
      section('mac')['entitlements'],
      section('mac')['entitlementsInherit'],
    ]) {
      expect(() => readRepoFile(file as string), String(file)).not.toThrow();
    }
  });
});

import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Proves the layer rule in eslint.config.js bites: each case lints a line of code
// as if it lived at `file`, and expects (or not) a no-restricted-imports error.
const eslint = new ESLint({ cwd: process.cwd() });

const LAYER_RULES = ['no-restricted-imports', 'no-restricted-syntax', 'agent-desk/shared-sub-layers'];

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => LAYER_RULES.includes(m.ruleId ?? '')).map((m) => m.message);
}

const cases: Array<[file: string, code: string, allowed: boolean]> = [
  ['src/shared/domain/x.ts', "import { readFileSync } from 'node:fs';", false],
  ['src/shared/domain/x.ts', "import { readFileSync } from 'fs';", false],
  ['src/shared/domain/x.ts', "import { app } from 'electron';", false],
  ['src/shared/domain/x.ts', "import { useState } from 'react';", false],
  ['src/shared/domain/x.ts', "import Database from 'better-sqlite3';", false],
  ['src/shared/domain/x.ts', "import { x } from '../../desktop/store/db';", false],
  ['src/shared/domain/x.ts', "import { z } from 'zod';", true],
  ['src/shared/domain/x.ts', "import { ok } from './result';", true],
  // A folder named like a Node built-in is not the built-in.
  ['src/shared/sync/x.ts', "import { push } from './events/push';", true],
  ['src/renderer/src/x.ts', "import { x } from '../../desktop/core';", false],
  ['src/renderer/src/x.ts', "import { x } from '../../server/app';", false],
  ['src/renderer/src/x.ts', "import { join } from 'node:path';", false],
  ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron';", false],
  ['src/renderer/src/x.ts', "import { DEFAULT_POLICY } from '../../shared/domain/policy';", true],
  ['src/main/x.ts', "import { x } from '../renderer/src/App';", false],
  ['src/main/x.ts', "import { x } from '../server/app';", false],
  ['src/main/x.ts', "import { join } from 'node:path';", true],
  ['src/server/x.ts', "import { x } from '../desktop/core';", false],
  ['src/desktop/core/x.ts', "import { app } from 'electron';", false],
  ['src/desktop/core/x.ts', "import { autoUpdater } from 'electron-updater';", false],
  ['src/desktop/core/x.ts', "import { x } from '../../main/index';", false],
  ['src/desktop/core/x.ts', "import Database from 'better-sqlite3';", true],
  ['src/main/x.ts', "import { createDesktopCore } from '../desktop/core';", true],
  ['src/server/x.ts', "import { app } from 'electron';", false],
  ['src/server/x.ts', "import Database from 'better-sqlite3';", true],
  ['src/preload/x.ts', "import { shell } from 'electron';", false],
  ['src/preload/x.ts', "import { contextBridge, ipcRenderer } from 'electron';", true],
  ['src/preload/x.ts', "import { x } from '../shared/domain/policy';", false],
  ['src/preload/x.ts', "import { readFileSync } from 'node:fs';", false],
];

// The sub-layers of src/shared and what each may import besides itself, written out
// here (not read from eslint.config.js) so that loosening the config fails this test.
// Every pair of sub-layers is a case: the listed ones allowed, every other one refused.
const SHARED_ALLOWED: Record<string, string[]> = {
  domain: [],
  config: ['domain'],
  sync: ['domain'],
  scripts: ['domain', 'sync'],
  supervisor: ['domain', 'sync'],
  ipc: ['domain', 'sync', 'scripts', 'supervisor'],
};
const subLayers = Object.keys(SHARED_ALLOWED);
const sharedCases: Array<[file: string, code: string, allowed: boolean]> = subLayers.flatMap((from) =>
  subLayers.map((to): [string, string, boolean] => [
    `src/shared/${from}/x.ts`,
    `import { x } from '../${to}/x';`,
    to === from || SHARED_ALLOWED[from]!.includes(to),
  ]),
);

const sharedEdgeCases: Array<[file: string, code: string, allowed: boolean]> = [
  // Resolved, not matched by name: a deeper file, and a path that leaves shared and comes back.
  ['src/shared/sync/mutators/x.ts', "import { x } from '../../ipc/result';", false],
  ['src/shared/sync/mutators/x.ts', "import { x } from '../../domain/result';", true],
  ['src/shared/sync/x.ts', "import { x } from '../../shared/ipc/result';", false],
  // A folder inside a sub-layer that shares a sibling's name is still that sub-layer.
  ['src/shared/sync/x.ts', "import { x } from './ipc/x';", true],
  // Re-exports and dynamic imports count too.
  ['src/shared/domain/x.ts', "export { x } from '../sync/x';", false],
  ['src/shared/domain/x.ts', "export * from '../sync/x';", false],
  ['src/shared/domain/x.ts', "const m = import('../sync/x');", false],
  ['src/shared/domain/x.ts', "import type { X } from '../sync/x';", false],
  // A file outside every listed sub-layer is refused until it is placed in the table.
  ['src/shared/extra/x.ts', "import { z } from 'zod';", false],
  ['src/shared/x.ts', "import { z } from 'zod';", false],
];

describe('layer rule (lint)', () => {
  // Loading ESLint's config and parser the first time takes seconds on a busy machine.
  beforeAll(async () => {
    await importErrors('src/shared/domain/warm-up.ts', '');
  }, 60_000);

  it.each([...cases, ...sharedCases, ...sharedEdgeCases])(
    '%s: %s → allowed=%s',
    async (file, code, allowed) => {
      const errors = await importErrors(file, code);
      if (allowed) expect(errors).toEqual([]);
      else expect(errors.length).toBeGreaterThan(0);
    },
  );

  it('points every refusal to docs/architecture.md', async () => {
    const refusals = await Promise.all(
      [...cases, ...sharedCases, ...sharedEdgeCases]
        .filter(([, , allowed]) => !allowed)
        .map(([file, code]) => importErrors(file, code)),
    );
    const messages = refusals.flat();
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toContain('docs/architecture.md');
  });

  it('says which sub-layers of shared a refused one may import', async () => {
    const [message] = await importErrors('src/shared/sync/x.ts', "import { x } from '../ipc/x';");
    expect(message).toBe(
      'src/shared/sync may not import src/shared/ipc; it may import only src/shared/sync, src/shared/domain (shared sub-layers, docs/architecture.md).',
    );
  });

  it('fails on committed focused or skipped tests', async () => {
    // Built from parts so that text searches for committed .only/.skip don't flag this file.
    const cases: Array<[string, string]> = [
      ['it', 'only'],
      ['describe', 'skip'],
      ['test', 'only'],
    ];
    for (const code of cases.map(([fn, modifier]) => `${fn}.${modifier}('x', () => {});`)) {
      const errors = await importErrors('tests/unit/x.test.ts', code);
      expect(errors.join()).toContain('focused');
    }
  });
});

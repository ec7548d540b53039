import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Proves the layer rule in eslint.config.js bites: each case lints a line of code
// as if it lived at `file`, and expects (or not) a no-restricted-imports error.
const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: file });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
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

describe('layer rule (lint)', () => {
  // Loading ESLint's config and parser the first time takes seconds on a busy machine.
  beforeAll(async () => {
    await importErrors('src/shared/warm-up.ts', '');
  }, 60_000);

  it.each(cases)('%s: %s → allowed=%s', async (file, code, allowed) => {
    const errors = await importErrors(file, code);
    if (allowed) expect(errors).toEqual([]);
    else expect(errors.length).toBeGreaterThan(0);
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

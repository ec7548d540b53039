// ESLint flat config. Its main job besides the usual checks is the LAYER RULE
// (ARCHITECTURE.md): which environment each folder of src/ may import from.
// A wrong import fails `npm run lint`, and tests/unit/lint/layer-rule.test.ts
// proves each restriction bites.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];

/**
 * Builds a no-restricted-imports rule for one layer. Module names are matched
 * exactly (a `paths` entry), wildcard ones (`react/*`, `node:*`) as patterns, and
 * relative imports into another layer's folder by path segment.
 */
function layer({ modules = [], layers = [], paths = [] }) {
  const message = 'This layer may not use this module (layer rule, ARCHITECTURE.md).';
  const exact = modules.filter((m) => !m.includes('*'));
  const wildcard = modules.filter((m) => m.includes('*'));
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: [...paths, ...exact.map((name) => ({ name, message }))],
        patterns: [
          ...(wildcard.length ? [{ group: wildcard, message }] : []),
          ...layers.map((name) => ({
            group: [`**/${name}`, `**/${name}/**`],
            message: `This layer may not import from src/${name} (layer rule, ARCHITECTURE.md).`,
          })),
        ],
      },
    ],
  };
}

const serverOnly = [
  'better-sqlite3',
  'fastify',
  'fastify/*',
  '@fastify/*',
  'kysely',
  'pino',
  'socket.io',
  'pg',
  '@socket.io/postgres-adapter',
];
const uiOnly = ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'];

// Committed focused or skipped tests never run: fail lint on them.
const noFocusedTests = {
  'no-restricted-syntax': [
    'error',
    {
      selector:
        'MemberExpression[object.name=/^(it|test|describe|suite)$/][property.name=/^(only|skip|todo)$/]',
      message: 'Do not commit focused (.only) or skipped (.skip/.todo) tests.',
    },
    {
      selector: 'CallExpression[callee.name=/^(xit|xdescribe|fit|fdescribe)$/]',
      message: 'Do not commit focused or skipped tests.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
      ...noFocusedTests,
    },
  },
  {
    files: ['scripts/**', '*.config.*', 'eslint.config.js', 'tests/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/shared/**'],
    rules: layer({
      modules: [...nodeBuiltins, 'electron', ...serverOnly, ...uiOnly, 'socket.io-client'],
      layers: ['main', 'desktop', 'preload', 'renderer', 'server'],
    }),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer({
      modules: [...nodeBuiltins, 'electron', ...serverOnly],
      layers: ['main', 'desktop', 'preload', 'server'],
    }),
  },
  {
    files: ['src/preload/**'],
    rules: layer({
      modules: [...nodeBuiltins, ...serverOnly, ...uiOnly, 'socket.io-client'],
      layers: ['main', 'desktop', 'renderer', 'server', 'shared/domain', 'shared/sync', 'shared/scripts'],
      paths: [
        {
          name: 'electron',
          allowImportNames: ['contextBridge', 'ipcRenderer'],
          message: 'The preload may use only contextBridge and ipcRenderer from electron.',
        },
      ],
    }),
  },
  {
    // The desktop core: plain Node (cache, outbox, sync, IPC handlers, browser host).
    // It never loads Electron, so tests and the browser host can construct it.
    files: ['src/desktop/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: layer({
      modules: [...uiOnly, 'electron', 'electron-updater', 'fastify', 'fastify/*', 'socket.io'],
      layers: ['main', 'renderer', 'server', 'preload'],
    }),
  },
  {
    // The Electron shell: wires the desktop core to windows, ipcMain, safeStorage, updates.
    files: ['src/main/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: layer({
      modules: [...uiOnly, 'fastify', 'fastify/*', 'socket.io'],
      layers: ['renderer', 'server', 'preload'],
    }),
  },
  {
    files: ['src/server/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: layer({
      modules: ['electron', ...uiOnly, 'socket.io-client'],
      layers: ['main', 'desktop', 'preload', 'renderer'],
    }),
  },
);

// ESLint flat config. Its main job besides the usual checks is the LAYER RULE
// (docs/architecture.md): which environment each folder of src/ may import from,
// and which sub-layers of src/shared may import each other. A wrong import fails
// `npm run lint`, and tests/unit/lint/layer-rule.test.ts proves each restriction bites.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import noLiteralUiText from './scripts/eslint/no-literal-ui-text.js';

const RULES_DOC = 'docs/architecture.md';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];

/**
 * Builds a no-restricted-imports rule for one layer. Module names are matched
 * exactly (a `paths` entry), wildcard ones (`react/*`, `node:*`) as patterns, and
 * relative imports into another layer's folder by path segment.
 */
function layer({ modules = [], layers = [], paths = [] }) {
  const message = `This layer may not use this module (layer rule, ${RULES_DOC}).`;
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
            message: `This layer may not import from src/${name} (layer rule, ${RULES_DOC}).`,
          })),
        ],
      },
    ],
  };
}

/**
 * The sub-layers of src/shared, as allow-lists the way VS Code states its layers:
 * each folder names the folders of shared it may import (itself always may), and
 * anything else under src/shared is refused, including a folder not listed here.
 * The order is the one the code already had: domain ← sync ← scripts, supervisor ← ipc;
 * reports (leads' reports, CSV) ← supervisor; admin (the admin API's shapes) ← scripts, reports;
 * config (command-line parsing for the server and the browser host) needs domain only.
 */
const SHARED_SUB_LAYERS = {
  domain: [],
  config: ['domain'],
  network: [],
  sync: ['domain'],
  scripts: ['domain', 'sync'],
  supervisor: ['domain', 'sync'],
  telephony: ['domain', 'sync'],
  reports: ['domain', 'sync', 'supervisor'],
  admin: ['domain', 'sync', 'scripts', 'reports'],
  ipc: ['domain', 'sync', 'scripts', 'supervisor', 'telephony', 'reports', 'admin'],
};

const sharedRoot = path.resolve(import.meta.dirname, 'src/shared');

/** Which sub-layer of shared a path is in ('' for shared itself), or null outside shared. */
function sharedSubLayer(file) {
  const rel = path.relative(sharedRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : '';
}

/** Resolves relative imports (the only way shared imports itself) and checks them against SHARED_SUB_LAYERS. */
const sharedSubLayerRule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      refused: `src/shared/{{from}} may not import src/shared/{{to}}; it may import only {{allowed}} (shared sub-layers, ${RULES_DOC}).`,
      unlisted: `src/shared/{{from}} is not a sub-layer of shared: add it to SHARED_SUB_LAYERS in eslint.config.js and to ${RULES_DOC}.`,
    },
  },
  create(context) {
    const from = sharedSubLayer(context.filename);
    if (from === null) return {};
    const allowed = Object.hasOwn(SHARED_SUB_LAYERS, from) ? SHARED_SUB_LAYERS[from] : null;
    if (!allowed) {
      return {
        Program: (node) => context.report({ node, messageId: 'unlisted', data: { from: from || '*.ts' } }),
      };
    }
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source);
      const to = sharedSubLayer(target);
      if (to === null || to === from || allowed.includes(to)) return;
      const data = {
        from,
        to: to || path.relative(sharedRoot, target),
        allowed: [from, ...allowed].map((l) => `src/shared/${l}`).join(', '),
      };
      context.report({ node, messageId: 'refused', data });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.value),
    };
  },
};

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
      message: `Do not commit focused (.only) or skipped (.skip/.todo) tests (testing, ${RULES_DOC}).`,
    },
    {
      selector: 'CallExpression[callee.name=/^(xit|xdescribe|fit|fdescribe)$/]',
      message: `Do not commit focused or skipped tests (testing, ${RULES_DOC}).`,
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
    plugins: { 'agent-desk': { rules: { 'shared-sub-layers': sharedSubLayerRule } } },
    rules: {
      ...layer({
        modules: [...nodeBuiltins, 'electron', ...serverOnly, ...uiOnly, 'socket.io-client'],
        layers: ['main', 'desktop', 'preload', 'renderer', 'server'],
      }),
      'agent-desk/shared-sub-layers': 'error',
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    // Every word the agent sees comes from the en/es catalogs (scripts/eslint/no-literal-ui-text.js).
    plugins: { 'agent-desk': { rules: { 'no-literal-ui-text': noLiteralUiText } } },
    rules: {
      ...layer({
        modules: [...nodeBuiltins, 'electron', ...serverOnly],
        layers: ['main', 'desktop', 'preload', 'server'],
      }),
      'agent-desk/no-literal-ui-text': 'error',
    },
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
          message: `The preload may use only contextBridge and ipcRenderer from electron (layer rule, ${RULES_DOC}).`,
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

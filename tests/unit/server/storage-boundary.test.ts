import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// SQL and the raw better-sqlite3 handles stay inside src/server/storage: the rest of
// the server asks storage for what it needs (BatchWrites, PullReader, SessionReads…),
// so a second database (PostgreSQL) changes storage only.
const ROOT = join(import.meta.dirname, '../../..');
const SERVER = join(ROOT, 'src/server');
const STORAGE = join(SERVER, 'storage');

const RAW_HANDLE: Array<[RegExp, string]> = [
  [/\brawConnection\b/, 'rawConnection (the writer connection behind Kysely)'],
  [/from\s+['"]better-sqlite3['"]/, 'a better-sqlite3 import'],
  [/\.prepare\(/, 'a prepared statement (.prepare)'],
  [/\.pragma\(/, 'a pragma (.pragma)'],
];

function violations(text: string): string[] {
  return RAW_HANDLE.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === STORAGE ? [] : sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('server storage boundary', () => {
  it('no server module outside storage/ reaches a raw database handle', () => {
    const found = sourceFiles(SERVER).flatMap((file) =>
      violations(readFileSync(file, 'utf8')).map((what) => `${relative(ROOT, file)}: ${what}`),
    );
    expect(found).toEqual([]);
  });

  it('catches a planted violation of each kind', () => {
    expect(violations("import { rawConnection } from '../storage/database';")).toHaveLength(1);
    expect(violations("import type { Statement } from 'better-sqlite3';")).toHaveLength(1);
    expect(violations("const stmt = reader.prepare('select 1');")).toHaveLength(1);
    expect(violations("sqlite.pragma('journal_mode = WAL');")).toHaveLength(1);
    expect(violations("const rows = await db.selectFrom('users').selectAll().execute();")).toEqual([]);
  });
});

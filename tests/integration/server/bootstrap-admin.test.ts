import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_AUDIT_ACTION, bootstrapAdmin } from '../../../src/server/admin/bootstrap-admin';
import { hashPassword } from '../../../src/server/auth/passwords';
import { migrateToLatest, openDatabase } from '../../../src/server/storage/database';
import { insertUser, listUsers } from '../../../src/server/storage/users';
import { postJson, startTestServer, T0 } from './helpers';

const PASSWORD = 'first-admin-passphrase-7';

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** The real server entry under tsx, as `npm run server -- …` runs its bundle; `stdin` is piped then closed. */
function runEntry(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  // The test machine's own settings must not leak in (a demo flag, another data folder).
  for (const key of Object.keys(env))
    if (key.startsWith('AGENT_DESK_') && !(key in (options.env ?? {}))) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/index.ts', ...args], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, err }));
    child.stdin.end(options.stdin ?? '');
  });
}

function neverEchoes(run: Run, password: string): void {
  expect(run.out).not.toContain(password);
  expect(run.err).not.toContain(password);
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-bootstrap-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm run server -- --bootstrap-admin (the real entry, a real SQLite file)', () => {
  let dataDir: string;
  let first: Run;
  beforeAll(async () => {
    dataDir = tempDir();
    first = await runEntry(['--bootstrap-admin', 'it.root', '--name', 'IT Root', '--data', dataDir], {
      stdin: `${PASSWORD}\n`,
    });
  });

  it('creates the first administrator, who then signs in over HTTP and manages users', async () => {
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Created the administrator it.root');
    neverEchoes(first, PASSWORD);

    // A server without demo data (demo: false) on the same folder.
    const t = await startTestServer({ dataDir, demo: false });
    try {
      expect(t.server.seeded).toBe(false);
      const signIn = await postJson(`${t.server.url}/api/sign-in`, {
        username: 'it.root',
        password: PASSWORD,
      });
      expect(signIn.status).toBe(200);
      expect(signIn.json.value.user).toMatchObject({ role: 'admin', team: 'it', name: 'IT Root' });
      const token = signIn.json.value.token as string;
      const created = await postJson(
        `${t.server.url}/api/admin/users`,
        {
          username: 'lead.new',
          name: 'New Lead',
          role: 'lead',
          team: 'alpha',
          reason: { code: 'new-hire' },
        },
        token,
      );
      expect(created.status).toBe(201);
      const users = await listUsers(t.server.db);
      expect(users.map((u) => [u.username, u.profile.role])).toEqual([
        ['it.root', 'admin'],
        ['lead.new', 'lead'],
      ]);
      // The starter scripts were seeded by the bootstrap, since the server no longer finds an empty database.
      expect((await t.server.db.selectFrom('scripts').select('id').execute()).length).toBeGreaterThan(0);
      const audit = await t.server.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', BOOTSTRAP_AUDIT_ACTION)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ outcome: 'ok', actor_id: null, entity_type: 'user' });
      expect(audit[0]?.entity_id).toBe(users[0]?.profile.id);
      expect(JSON.stringify(audit)).not.toContain('it.root');
      expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    } finally {
      await t.server.close();
    }
  });

  it('refuses, with exit code 3, once an administrator exists (password from the environment)', async () => {
    const other = 'second-admin-passphrase';
    const second = await runEntry(['--bootstrap-admin', 'it.second', '--data', dataDir], {
      env: { AGENT_DESK_ADMIN_PASSWORD: other },
    });
    expect(second.code).toBe(3);
    expect(second.out).toBe('');
    expect(second.err).toMatch(/No administrator was created: This server already has 1 administrator/);
    neverEchoes(second, other);
    const db = openDatabase(join(dataDir, 'agent-desk.sqlite'));
    try {
      expect((await listUsers(db)).map((u) => u.username)).not.toContain('it.second');
      const rejected = await db
        .selectFrom('audit_events')
        .select(['outcome', 'detail'])
        .where('action', '=', BOOTSTRAP_AUDIT_ACTION)
        .where('outcome', '=', 'rejected')
        .execute();
      expect(rejected.map((r) => JSON.parse(r.detail ?? '{}').code)).toContain('bootstrap.admin_exists');
    } finally {
      await db.destroy();
    }
  });

  it('two bootstraps racing on one fresh folder create exactly one administrator', async () => {
    const dataDir = tempDir();
    const runs = await Promise.all(
      ['it.one', 'it.two'].map((name) =>
        runEntry(['--bootstrap-admin', name, '--data', dataDir], {
          env: { AGENT_DESK_ADMIN_PASSWORD: PASSWORD },
        }),
      ),
    );
    expect(runs.filter((r) => r.code === 0)).toHaveLength(1);
    expect(
      runs.filter((r) => r.code !== 0).every((r) => r.err.startsWith('No administrator was created')),
    ).toBe(true);
    const db = openDatabase(join(dataDir, 'agent-desk.sqlite'));
    try {
      expect((await listUsers(db)).filter((u) => u.profile.role === 'admin')).toHaveLength(1);
    } finally {
      await db.destroy();
    }
  });
});

describe('bad input exits 2 with a specific message, never echoes the password, and writes nothing', () => {
  it('refuses a weak password', async () => {
    const dataDir = tempDir();
    const weak = 'short-pw';
    const run = await runEntry(['--bootstrap-admin', 'it.root', '--data', dataDir], { stdin: `${weak}\n` });
    expect(run.code).toBe(2);
    expect(run.err).toContain(
      'No administrator was created: password: a password needs at least 12 characters',
    );
    neverEchoes(run, weak);
    expect(existsSync(join(dataDir, 'agent-desk.sqlite'))).toBe(false);
  });

  it('refuses a bad user name before asking for the password', async () => {
    const dataDir = tempDir();
    const run = await runEntry(['--bootstrap-admin', 'Root Admin', '--data', dataDir], {
      stdin: `${PASSWORD}\n`,
    });
    expect(run.code).toBe(2);
    expect(run.err).toContain('--bootstrap-admin: a user name is 3–64 lower-case letters');
    neverEchoes(run, PASSWORD);
    expect(existsSync(join(dataDir, 'agent-desk.sqlite'))).toBe(false);
  });

  it('refuses when no password is given', async () => {
    const dataDir = tempDir();
    const run = await runEntry(['--bootstrap-admin', 'it.root', '--data', dataDir]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('No password given: set AGENT_DESK_ADMIN_PASSWORD or pipe it on stdin');
    expect(existsSync(join(dataDir, 'agent-desk.sqlite'))).toBe(false);
  });

  it('refuses --demo true (demo data brings its own administrator)', async () => {
    const dataDir = tempDir();
    const run = await runEntry(['--bootstrap-admin', 'it.root', '--demo', 'true', '--data', dataDir], {
      stdin: `${PASSWORD}\n`,
    });
    expect(run.code).toBe(2);
    expect(run.err).toContain('--bootstrap-admin is for servers without demo data');
    neverEchoes(run, PASSWORD);
    expect(existsSync(join(dataDir, 'agent-desk.sqlite'))).toBe(false);
  });
});

describe('bootstrapAdmin (in process)', () => {
  it('refuses a user name a non-administrator holds, and bad input, with typed errors', async () => {
    const db = openDatabase(join(tempDir(), 'agent-desk.sqlite'));
    try {
      expect((await migrateToLatest(db)).ok).toBe(true);
      const passwordHash = await hashPassword('tier-one-password');
      await db.transaction().execute((trx) =>
        insertUser(trx, {
          id: 'u-t1',
          username: 'sam',
          name: 'Sam',
          role: 'tier1',
          team: 'alpha',
          passwordHash,
        }),
      );
      const account = { username: 'sam', password: PASSWORD, name: 'Sam Admin', team: 'it' };
      const taken = await bootstrapAdmin(db, account, T0);
      expect(!taken.ok && taken.error.code).toBe('bootstrap.username_taken');
      const everyone = await bootstrapAdmin(db, { ...account, username: 'sam.admin', team: '*' }, T0);
      expect(!everyone.ok && everyone.error.code).toBe('bootstrap.invalid');
      const weak = await bootstrapAdmin(db, { ...account, username: 'sam.admin', password: 'x' }, T0);
      expect(!weak.ok && weak.error.message).toContain('at least 12 characters');
      const made = await bootstrapAdmin(db, { ...account, username: 'sam.admin' }, T0);
      expect(made.ok).toBe(true);
      const again = await bootstrapAdmin(db, { ...account, username: 'sam.other' }, T0);
      expect(!again.ok && again.error.code).toBe('bootstrap.admin_exists');
    } finally {
      await db.destroy();
    }
  });
});

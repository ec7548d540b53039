import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { issuesText } from '../../shared/domain/parse';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import { BOOTSTRAP_PASSWORD_ENV, parseBootstrapAdminConfig } from '../config';
import { passwordSchema } from '../../shared/admin/account-rules';
import { seedIfEmpty } from '../demo/seed';
import { loadScriptFiles, type ScriptFile } from '../scripts/script-files';
import { migrateToLatest } from '../storage/database';
import { openServerStore } from '../storage/open-server-store';
import type { ServerStore } from '../storage/server-store';
import { bootstrapAdmin } from './bootstrap-admin';
import { readPassword, type PasswordSource } from './read-password';

/** Exit codes: the operator's script can tell "fix the input" from "there is already an administrator". */
export const BOOTSTRAP_EXIT = { created: 0, failed: 1, badInput: 2, refused: 3 } as const;

export interface BootstrapIo extends PasswordSource {
  out: (line: string) => void;
  error: (line: string) => void;
}

/** What the command has validated before it touches the data folder. */
interface BootstrapInput {
  username: string;
  password: string;
  name: string;
  team: string;
  dataDir: string;
  /** PostgreSQL instead of the data folder's SQLite file (the servers' own DATABASE_URL). */
  databaseUrl: string | undefined;
  scripts: ScriptFile[];
}

/**
 * `npm run server -- --bootstrap-admin <username>`: validates everything it can
 * before touching the data folder, brings the database to the current schema
 * (seeding the starter scripts into an empty one, as a first server start
 * would — afterwards the database is no longer empty and the server would not),
 * creates the administrator and returns the process exit code. The password is
 * never printed, logged or audited.
 */
export async function runBootstrapAdmin(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: BootstrapIo,
  clock: () => number = Date.now,
): Promise<number> {
  const input = await readInput(argv, env, io);
  if (typeof input === 'string') {
    io.error(`No administrator was created: ${input}`);
    return BOOTSTRAP_EXIT.badInput;
  }
  let store: ServerStore;
  try {
    mkdirSync(input.dataDir, { recursive: true });
    store = openServerStore({
      dataDir: input.dataDir,
      databaseUrl: input.databaseUrl,
      onError: () => undefined,
    });
  } catch (error) {
    io.error(
      `No administrator was created: cannot open the database ${input.databaseUrl ? '(DATABASE_URL)' : `in ${input.dataDir}`} (${(error as Error).message}).`,
    );
    return BOOTSTRAP_EXIT.failed;
  }
  try {
    // Under the nodes' start-up lock: a node starting now, or a second bootstrap, waits (PostgreSQL).
    return await store.exclusively(() => createIn(store, input, io, clock()));
  } catch (error) {
    io.error(`No administrator was created: ${error instanceof Error ? error.message : String(error)}`);
    return BOOTSTRAP_EXIT.failed;
  } finally {
    await store.close();
  }
}

/** The command line, the password and the script files, checked; or why not (exit code badInput). */
async function readInput(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: BootstrapIo,
): Promise<BootstrapInput | string> {
  const config = parseBootstrapAdminConfig(argv, env);
  if (!config.ok) return config.error.message;
  const {
    bootstrapAdmin: username,
    adminName,
    adminTeam,
    dataDir,
    scriptsDir,
    demo,
    databaseUrl,
  } = config.value;
  if (demo === true) {
    return '--bootstrap-admin is for servers without demo data, and demo data brings its own administrator. Drop --demo true (or AGENT_DESK_DEMO=true).';
  }
  const password = await readPassword(env[BOOTSTRAP_PASSWORD_ENV], io);
  if (!password.ok) return password.error.message;
  const strong = passwordSchema.safeParse(password.value);
  if (!strong.success) return `${issuesText(strong.error, 'password')}.`;
  const scripts = loadScriptFiles(resolve(process.cwd(), scriptsDir));
  if (!scripts.ok) return scripts.error.message;
  return {
    username,
    password: password.value,
    name: adminName,
    team: adminTeam,
    dataDir,
    databaseUrl,
    scripts: scripts.value,
  };
}

/** Migrates and seeds the open database, then creates the administrator: the exit code. */
async function createIn(
  store: ServerStore,
  input: BootstrapInput,
  io: BootstrapIo,
  now: number,
): Promise<number> {
  const { db } = store;
  const migrated = await migrateToLatest(db);
  if (!migrated.ok) {
    io.error(`No administrator was created: ${migrated.error.message}`);
    return BOOTSTRAP_EXIT.failed;
  }
  await seedIfEmpty(db, {
    demo: false,
    rows: 0,
    seed: 0,
    now,
    policy: DEFAULT_POLICY,
    scripts: input.scripts,
  });
  const { username, password, name, team } = input;
  const created = await bootstrapAdmin(db, { username, password, name, team }, now);
  if (!created.ok) {
    io.error(`No administrator was created: ${created.error.message}`);
    const { code } = created.error;
    if (code === 'bootstrap.admin_exists' || code === 'bootstrap.username_taken')
      return BOOTSTRAP_EXIT.refused;
    return code === 'bootstrap.invalid' ? BOOTSTRAP_EXIT.badInput : BOOTSTRAP_EXIT.failed;
  }
  io.out(
    `Created the administrator ${created.value.username} (id ${created.value.id}, team ${team}) in ${input.databaseUrl ? 'the PostgreSQL database' : input.dataDir}.`,
  );
  io.out('Start the server and sign in with this user name; add everyone else under /api/admin/users.');
  return BOOTSTRAP_EXIT.created;
}

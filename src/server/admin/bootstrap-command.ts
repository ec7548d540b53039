import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import { BOOTSTRAP_PASSWORD_ENV, parseBootstrapAdminConfig } from '../config';
import { passwordSchema } from '../auth/account-rules';
import { seedIfEmpty } from '../demo/seed';
import { loadScriptFiles } from '../scripts/script-files';
import { DATABASE_FILE, migrateToLatest, openDatabase, type Db } from '../storage/database';
import { bootstrapAdmin } from './bootstrap-admin';
import { readPassword, type PasswordSource } from './read-password';

/** The server's database file in the data folder (start-server.ts opens the same name). */

/** Exit codes: the operator's script can tell "fix the input" from "there is already an administrator". */
export const BOOTSTRAP_EXIT = { created: 0, failed: 1, badInput: 2, refused: 3 } as const;

export interface BootstrapIo extends PasswordSource {
  out: (line: string) => void;
  error: (line: string) => void;
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
  const config = parseBootstrapAdminConfig(argv, env);
  if (!config.ok) {
    io.error(`No administrator was created: ${config.error.message}`);
    return BOOTSTRAP_EXIT.badInput;
  }
  const { bootstrapAdmin: username, adminName, adminTeam, dataDir, scriptsDir, demo } = config.value;
  if (demo === true) {
    io.error(
      'No administrator was created: --bootstrap-admin is for servers without demo data, and demo data brings its own administrator. Drop --demo true (or AGENT_DESK_DEMO=true).',
    );
    return BOOTSTRAP_EXIT.badInput;
  }
  const password = await readPassword(env[BOOTSTRAP_PASSWORD_ENV], io);
  if (!password.ok) {
    io.error(`No administrator was created: ${password.error.message}`);
    return BOOTSTRAP_EXIT.badInput;
  }
  const strong = passwordSchema.safeParse(password.value);
  if (!strong.success) {
    io.error(`No administrator was created: ${strong.error.issues.map((i) => i.message).join('; ')}.`);
    return BOOTSTRAP_EXIT.badInput;
  }
  const scripts = loadScriptFiles(resolve(process.cwd(), scriptsDir));
  if (!scripts.ok) {
    io.error(`No administrator was created: ${scripts.error.message}`);
    return BOOTSTRAP_EXIT.badInput;
  }

  let db: Db;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = openDatabase(join(dataDir, DATABASE_FILE));
  } catch (error) {
    io.error(
      `No administrator was created: cannot open the database in ${dataDir} (${(error as Error).message}).`,
    );
    return BOOTSTRAP_EXIT.failed;
  }
  try {
    const migrated = await migrateToLatest(db);
    if (!migrated.ok) {
      io.error(`No administrator was created: ${migrated.error.message}`);
      return BOOTSTRAP_EXIT.failed;
    }
    const now = clock();
    await seedIfEmpty(db, {
      demo: false,
      rows: 0,
      seed: 0,
      now,
      policy: DEFAULT_POLICY,
      scripts: scripts.value,
    });
    const created = await bootstrapAdmin(
      db,
      { username, password: password.value, name: adminName, team: adminTeam },
      now,
    );
    if (!created.ok) {
      io.error(`No administrator was created: ${created.error.message}`);
      return created.error.code === 'bootstrap.admin_exists' ||
        created.error.code === 'bootstrap.username_taken'
        ? BOOTSTRAP_EXIT.refused
        : created.error.code === 'bootstrap.invalid'
          ? BOOTSTRAP_EXIT.badInput
          : BOOTSTRAP_EXIT.failed;
    }
    io.out(
      `Created the administrator ${created.value.username} (id ${created.value.id}, team ${adminTeam}) in ${dataDir}.`,
    );
    io.out('Start the server and sign in with this user name; add everyone else under /api/admin/users.');
    return BOOTSTRAP_EXIT.created;
  } catch (error) {
    io.error(`No administrator was created: ${error instanceof Error ? error.message : String(error)}`);
    return BOOTSTRAP_EXIT.failed;
  } finally {
    await db.destroy();
  }
}

/**
 * Artillery 2.0.21 (the last release that runs on Node 20), installed on demand
 * into .cache/artillery — ~600 MB, so never a project dependency. Its browser
 * download is skipped (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1); only its built-in
 * socket.io engine is used.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../../src/shared/domain/result';

export const ARTILLERY_VERSION = '2.0.21';

export function ensureArtillery(root: string): Result<string> {
  const prefix = join(root, '.cache', 'artillery');
  const bin = join(prefix, 'node_modules', 'artillery', 'bin', 'run');
  const installed = (): boolean => {
    try {
      const pkg = JSON.parse(
        readFileSync(join(prefix, 'node_modules', 'artillery', 'package.json'), 'utf8'),
      ) as {
        version: string;
      };
      return pkg.version === ARTILLERY_VERSION && existsSync(bin);
    } catch {
      return false;
    }
  };
  if (installed()) return { ok: true, value: bin };
  process.stderr.write(`[bench] installing artillery@${ARTILLERY_VERSION} into ${prefix} (~600 MB, once)\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(
    npm,
    [
      'install',
      '--prefix',
      prefix,
      `artillery@${ARTILLERY_VERSION}`,
      '--save-exact',
      '--no-audit',
      '--no-fund',
    ],
    {
      cwd: root,
      env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
      encoding: 'utf8',
      timeout: 300_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (run.status !== 0 || !installed()) {
    const why = run.error?.message ?? run.stderr.trim().split('\n').slice(-5).join(' / ');
    return {
      ok: false,
      error: {
        code: 'bench.artillery_install',
        message: `npm install of artillery@${ARTILLERY_VERSION} failed: ${why}`,
      },
    };
  }
  return { ok: true, value: bin };
}

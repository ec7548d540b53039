import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Builds the renderer the browser host serves (out/renderer), unless told the
 * build is fresh already (AGENT_DESK_E2E_SKIP_BUILD=1, e.g. in CI after `npm run build`).
 */
export default function globalSetup(): void {
  if (process.env.AGENT_DESK_E2E_SKIP_BUILD === '1' && existsSync('out/renderer/index.html')) return;
  const result = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new Error('e2e: `electron-vite build` failed; the renderer cannot be served');
}

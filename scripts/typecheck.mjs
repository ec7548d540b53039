// Type-checks every layer with its own tsconfig, so a layer that reaches for an
// environment it may not use (DOM in shared, Node in renderer) fails here.
import { spawnSync } from 'node:child_process';

const layers = ['shared', 'desktop', 'main', 'preload', 'renderer', 'server', 'tests'];
let failed = 0;
for (const layer of layers) {
  const result = spawnSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-p', `tsconfig.${layer}.json`],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    console.error(`typecheck: layer "${layer}" has type errors`);
    failed += 1;
  }
}
process.exit(failed === 0 ? 0 : 1);

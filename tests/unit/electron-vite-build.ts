import { resolveConfig } from 'electron-vite';
import { build, type Rolldown } from 'vite';

/**
 * Builds one target of the project's electron.vite.config.ts in memory, the way
 * `electron-vite build` builds it, and answers its chunks (nothing is written).
 */
export async function buildTarget(target: 'preload' | 'renderer'): Promise<Rolldown.OutputChunk[]> {
  // electron-vite sets NODE_ENV for its build; the next test files of this worker must keep theirs.
  const nodeEnv = process.env['NODE_ENV'];
  try {
    const resolved = await resolveConfig({}, 'build', 'production');
    const config = resolved.config?.[target];
    if (!config) throw new Error(`electron.vite.config.ts has no ${target} build`);
    const built = await build({ ...config, logLevel: 'silent', build: { ...config.build, write: false } });
    const outputs = (Array.isArray(built) ? built : [built]) as Rolldown.RolldownOutput[];
    return outputs.flatMap((o) => o.output).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface EmbeddedServer {
  url: string;
  /** false when a healthy server was already listening and was reused. */
  started: boolean;
  stop(): Promise<void>;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts the sync server as a child process (src/main may not import src/server:
 * layer rule). The built server (out/server/index.js) when present, else the
 * source through tsx. A healthy server already on the port is reused.
 */
export async function startEmbeddedServer(options: {
  port: number;
  dataDir: string;
  log: (line: string) => void;
  timeoutMs?: number;
}): Promise<EmbeddedServer> {
  const url = `http://127.0.0.1:${options.port}`;
  if (await healthy(url)) return { url, started: false, stop: async () => {} };
  const entry = existsSync('out/server/index.js')
    ? ['out/server/index.js']
    : ['--import', 'tsx', 'src/server/index.ts'];
  const child: ChildProcess = spawn(
    process.execPath,
    [...entry, '--port', String(options.port), '--data', options.dataDir, '--host', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) options.log(`[server] ${line}`);
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!(await healthy(url))) {
    if (child.exitCode !== null) throw new Error(`the sync server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the sync server did not answer on ${url} in time`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    started: true,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

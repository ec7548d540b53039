import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDesktopCore } from '../core/desktop-core';
import { readTextFileFromDisk } from '../config/read-text-file';
import { fileKeyProvider } from '../core/file-key-provider';
import { nodeNetwork } from '../core/network/node-network';
import { readCaBundle } from '../core/network/trusted-authorities';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server';
import { parseWebHostOptions } from './options';
import { makeLaunchSecret } from './secret';
import { startWebHost } from './web-host';

/** What only a test gives the host: the clock its desktop core reads (production: the system clock). */
export interface WebHostTestHooks {
  clock?: () => number;
}

/**
 * `npm run start:web` (main.ts): the sync server (embedded by default), the desktop
 * core and the built renderer for a browser — one command, a working product. The
 * end-to-end shift test runs it with a clock it moves (tests/e2e/support/clocked-host.ts).
 */
export async function runWebHost(argv: string[], hooks: WebHostTestHooks = {}): Promise<void> {
  const config = parseWebHostOptions(argv, process.env);
  if (!config.ok) {
    console.error(config.error.message);
    process.exit(2);
  }
  const options = config.value;
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    console.error(`No built renderer in ${options.rendererDir}: run \`npx electron-vite build\` first.`);
    process.exit(2);
  }
  let server: EmbeddedServer | undefined;
  let serverUrl = options.serverUrl;
  if (!serverUrl) {
    if (!options.embeddedServer) {
      console.error('Give --server-url, or leave the embedded server on.');
      process.exit(2);
    }
    server = await startEmbeddedServer({
      port: options.serverPort,
      dataDir: options.serverDataDir,
      log: (l) => console.log(l),
    });
    serverUrl = server.url;
  }
  const extraCa = options.extraCa ? readCaBundle(options.extraCa, readTextFileFromDisk) : undefined;
  if (extraCa && !extraCa.ok) {
    console.error(extraCa.error.message);
    await server?.stop();
    process.exit(2);
  }
  const core = await createDesktopCore({
    ...(hooks.clock ? { clock: hooks.clock } : {}),
    dataDir: options.dataDir,
    serverUrl,
    network: nodeNetwork({
      ...(options.proxy ? { proxyUrl: options.proxy } : {}),
      ...(extraCa ? { extraCa: extraCa.value } : {}),
    }),
    keyProvider: fileKeyProvider(join(options.dataDir, 'cache.key')),
    telephony: { port: options.telephonyPort, uriTemplate: null },
    logger: {
      info: (m, d) => console.log(`[core] ${m}`, d ?? ''),
      warn: (m, d) => console.warn(`[core] ${m}`, d ?? ''),
      error: (m, d) => console.error(`[core] ${m}`, d ?? ''),
    },
  });
  if (!core.ok) {
    console.error(core.error.message);
    await server?.stop();
    process.exit(1);
  }
  const host = await startWebHost({
    core: core.value,
    rendererDir: options.rendererDir,
    port: options.port,
    secret: makeLaunchSecret(),
  });
  console.log(`\nAgent Desk (browser host) — sync server ${serverUrl}`);
  console.log(
    `Open: ${host.url}\n(the address holds this launch's secret; anyone with it can use your session)`,
  );
  const stop = () => {
    void (async () => {
      await host.close();
      await core.value.close();
      await server?.stop();
      process.exit(0);
    })();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Runs the host, or says in one line why it could not start. */
export function runWebHostOrExit(argv: string[], hooks: WebHostTestHooks = {}): void {
  runWebHost(argv, hooks).catch((error: unknown) => {
    console.error(
      `The browser host could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}

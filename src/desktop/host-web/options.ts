import { z } from 'zod';
import { parseCommandLine } from '../../shared/config/command-line';
import type { Result } from '../../shared/domain/result';
import { DEFAULT_SERVER_PORT } from '../../shared/sync/protocol';

export const DEFAULT_WEB_PORT = 5780;

/** Flags override environment variables, which override the defaults. */
export const webHostOptionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535, 'port must be 0–65535').default(DEFAULT_WEB_PORT),
  dataDir: z.string().min(1).default('.data/web-host'),
  rendererDir: z.string().min(1).default('out/renderer'),
  /** An existing sync server; when set, no embedded server is started. */
  serverUrl: z.url({ protocol: /^https?$/, error: 'serverUrl must be an http(s) URL' }).optional(),
  /** Start the sync server as a child process (the default: one command gives a working product). */
  embeddedServer: z.stringbool().default(true),
  serverPort: z.coerce.number().int().min(1).max(65535).default(DEFAULT_SERVER_PORT),
  serverDataDir: z.string().min(1).default('.data/server'),
  /** An HTTP proxy for every connection to the sync server, credentials in the URL (no PAC here: that is Chromium's). */
  proxy: z
    .url({ protocol: /^https?$/, error: 'proxy must be an http(s) URL, e.g. http://user:secret@proxy:3128' })
    .optional(),
  /** A PEM file of certificate authorities to trust in addition to Node's roots (the shell's extraCaBundle). */
  extraCa: z.string().min(1).optional(),
  /** How this desktop dials (docs/telephony.md); a browser cannot open a softphone, so manual or cti. */
  telephonyPort: z.enum(['manual', 'cti']).default('manual'),
});
export type WebHostConfig = z.infer<typeof webHostOptionsSchema>;

const FLAGS: Record<string, keyof WebHostConfig> = {
  '--port': 'port',
  '--data': 'dataDir',
  '--renderer': 'rendererDir',
  '--server-url': 'serverUrl',
  '--embedded-server': 'embeddedServer',
  '--server-port': 'serverPort',
  '--server-data': 'serverDataDir',
  '--proxy': 'proxy',
  '--extra-ca': 'extraCa',
  '--telephony-port': 'telephonyPort',
};

const ENV: Record<string, keyof WebHostConfig> = {
  AGENT_DESK_WEB_PORT: 'port',
  AGENT_DESK_WEB_DATA: 'dataDir',
  AGENT_DESK_RENDERER_DIR: 'rendererDir',
  AGENT_DESK_SERVER_URL: 'serverUrl',
  AGENT_DESK_EMBEDDED_SERVER: 'embeddedServer',
  AGENT_DESK_SERVER_PORT: 'serverPort',
  AGENT_DESK_SERVER_DATA: 'serverDataDir',
  AGENT_DESK_PROXY: 'proxy',
  AGENT_DESK_EXTRA_CA: 'extraCa',
  AGENT_DESK_TELEPHONY_PORT: 'telephonyPort',
};

export const WEB_HOST_USAGE = `Usage: npm run start:web -- [--port ${DEFAULT_WEB_PORT}] [--data .data/web-host] [--renderer out/renderer] [--server-url http://127.0.0.1:${DEFAULT_SERVER_PORT} | --embedded-server false] [--server-port ${DEFAULT_SERVER_PORT}] [--server-data .data/server] [--proxy http://user:secret@proxy:3128] [--extra-ca roots.pem] [--telephony-port manual|cti]
Environment: ${Object.keys(ENV).join(', ')}`;

export function parseWebHostOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Result<WebHostConfig> {
  return parseCommandLine(
    {
      schema: webHostOptionsSchema,
      flags: FLAGS,
      env: ENV,
      switches: { '--no-server': ['embeddedServer', 'false'] },
      usage: WEB_HOST_USAGE,
    },
    argv,
    env,
  );
}

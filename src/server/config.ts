import { z } from 'zod';
import { parseCommandLine } from '../shared/config/command-line';
import type { Result } from '../shared/domain/result';
import { DEFAULT_SERVER_PORT } from '../shared/sync/protocol';

/** Flags override environment variables, which override the defaults. */
export const serverConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce
    .number()
    .int()
    .min(0, 'port must be 0–65535')
    .max(65535, 'port must be 0–65535')
    .default(DEFAULT_SERVER_PORT),
  dataDir: z.string().min(1).default('.data/server'),
  /**
   * Seed demo users (published passwords) and demo rows into an empty database.
   * Absent = only when the host is a loopback address (decided by startServer).
   */
  demo: z
    .enum(['true', 'false'], { message: 'demo must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
  /** Demo rows seeded into an empty database (0 = users only). */
  demoRows: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  demoSeed: z.coerce.number().int().min(0).default(20_240_101),
  /**
   * Script files (`<id>.v<n>.json` + index.json) the demo seed publishes into an empty
   * database. Relative paths are resolved against the working directory (the repo root
   * for `npm run server`), not against out/server where the bundle runs.
   */
  scriptsDir: z.string().trim().min(1, 'the scripts folder must not be empty').default('resources/scripts'),
  /** A JSON policy file (validated); default: DEFAULT_POLICY. */
  policyFile: z.string().min(1).optional(),
  /** HMAC secret for session tokens; default: generated into the data folder on first start. */
  sessionSecret: z.string().min(32, 'the session secret must be at least 32 characters').optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;

const FLAGS: Record<string, keyof ServerConfig> = {
  '--host': 'host',
  '--port': 'port',
  '--data': 'dataDir',
  '--demo': 'demo',
  '--rows': 'demoRows',
  '--seed': 'demoSeed',
  '--policy': 'policyFile',
  '--scripts': 'scriptsDir',
  '--log-level': 'logLevel',
};

const ENV: Record<string, keyof ServerConfig> = {
  AGENT_DESK_HOST: 'host',
  AGENT_DESK_PORT: 'port',
  AGENT_DESK_DATA: 'dataDir',
  AGENT_DESK_DEMO: 'demo',
  AGENT_DESK_DEMO_ROWS: 'demoRows',
  AGENT_DESK_DEMO_SEED: 'demoSeed',
  AGENT_DESK_POLICY: 'policyFile',
  AGENT_DESK_SCRIPTS: 'scriptsDir',
  AGENT_DESK_SESSION_SECRET: 'sessionSecret',
  AGENT_DESK_LOG_LEVEL: 'logLevel',
};

export const USAGE = `Usage: npm run server -- [--port 4780] [--host 127.0.0.1] [--data .data/server] [--demo true|false] [--rows 3000] [--seed N] [--scripts resources/scripts] [--policy file.json] [--log-level info]
Environment: ${Object.keys(ENV).join(', ')}`;

export function parseServerConfig(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Result<ServerConfig> {
  return parseCommandLine({ schema: serverConfigSchema, flags: FLAGS, env: ENV, usage: USAGE }, argv, env);
}

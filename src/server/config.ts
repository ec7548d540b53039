import { z } from 'zod';
import { parseCommandLine } from '../shared/config/command-line';
import { err, ok, type Result } from '../shared/domain/result';
import { DEFAULT_SERVER_PORT } from '../shared/sync/protocol';
import { GLOBAL_TEAM, teamSchema } from '../shared/sync/rows/common';
import { usernameSchema } from '../shared/admin/account-rules';
import type { SmtpSettings } from './notices/smtp-sender';
import type { TwilioSettings } from './notices/twilio-sms';

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
  /** A JSON file of telephony platforms (docs/telephony.md); default: none. */
  telephonyFile: z.string().min(1).optional(),
  /** A JSON policy file (validated); default: DEFAULT_POLICY. */
  policyFile: z.string().min(1).optional(),
  /** A JSON file with the single sign-on configuration (auth/sso/sso-config.ts; docs/deployment.md). */
  ssoConfigFile: z.string().min(1).optional(),
  /** HMAC secret for session tokens; default: generated into the data folder on first start. */
  sessionSecret: z.string().min(32, 'the session secret must be at least 32 characters').optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL instead of the data folder's SQLite file (docs/deployment.md §12). */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//i, 'the database URL must start with postgres:// or postgresql://')
    .optional(),
  /** This node's name in logs and pg_stat_activity. */
  nodeName: z.string().trim().min(1).max(63).optional(),
  /** PostgreSQL connections at most for this node. */
  dbPoolSize: z.coerce.number().int().min(2, 'the pool needs at least 2 connections').max(200).default(10),
  /**
   * PostgreSQL connections for the nodes' socket.io adapter (one listens, the rest publish):
   * each change another node must hear about is one NOTIFY, so a busy node needs several.
   */
  clusterPoolSize: z.coerce
    .number()
    .int()
    .min(2, 'the cluster pool needs at least 2 connections (one listens)')
    .max(50)
    .default(8),
  /** The bearer credential GET /metrics needs on the main port (unset: loopback clients only). */
  metricsToken: z.string().min(16, 'the metrics token must be at least 16 characters').optional(),
  /** A separate listener for /metrics without a credential (e.g. 127.0.0.1 for a local agent). */
  metricsHost: z.string().min(1).default('127.0.0.1'),
  metricsPort: z.coerce
    .number()
    .int()
    .min(1, 'port must be 1–65535')
    .max(65535, 'port must be 1–65535')
    .optional(),
  /* E-mail notices over the agency's SMTP relay (docs/deployment.md, "Customer notices"): environment only. */
  smtpHost: z.string().trim().min(1).optional(),
  smtpPort: z.coerce
    .number()
    .int()
    .min(1, 'port must be 1–65535')
    .max(65535, 'port must be 1–65535')
    .default(587),
  /** true: TLS from the first byte (465); false: STARTTLS, which is then required. */
  smtpSecure: z
    .enum(['true', 'false'], { message: 'smtp secure must be true or false' })
    .transform((v) => v === 'true')
    .default(false),
  smtpUser: z.string().min(1).optional(),
  smtpPassword: z.string().min(1).optional(),
  smtpFrom: z.email('the SMTP From must be an e-mail address').optional(),
  smtpReplyTo: z.email('the SMTP Reply-To must be an e-mail address').optional(),
  /** PEM file of a private CA that signed the relay's certificate. */
  smtpCaFile: z.string().min(1).optional(),
  /* SMS notices over a Twilio-shaped Messages API (docs/deployment.md, "Customer notices"): environment only. */
  smsApiUrl: z.url({ protocol: /^https?$/, error: 'the SMS API URL must be an http(s) URL' }).optional(),
  smsAccountSid: z.string().trim().min(1).max(64).optional(),
  smsAuthToken: z.string().min(16, 'the SMS auth token must be at least 16 characters').optional(),
  smsFrom: z
    .string()
    .regex(
      /^\+[1-9]\d{6,14}$|^MG[0-9a-zA-Z]{10,64}$/,
      'the SMS From must be an E.164 number or a Messaging Service SID',
    )
    .optional(),
  /** The https URL the SMS provider reaches this server at (its callbacks are signed over it). */
  publicUrl: z.url({ protocol: /^https?$/, error: 'the public URL must be an http(s) URL' }).optional(),
  /**
   * Load balancers whose X-Forwarded-For is believed: addresses or CIDR ranges,
   * comma-separated (e.g. 10.0.0.0/8). Without it the limits count the balancer's address.
   */
  trustProxy: z
    .string()
    .trim()
    .regex(
      /^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/,
      'trust-proxy is a comma-separated list of addresses or CIDR ranges',
    )
    .optional(),
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
  '--sso-config': 'ssoConfigFile',
  '--telephony': 'telephonyFile',
  '--scripts': 'scriptsDir',
  '--log-level': 'logLevel',
  '--database-url': 'databaseUrl',
  '--node-name': 'nodeName',
  '--db-pool': 'dbPoolSize',
  '--cluster-pool': 'clusterPoolSize',
  '--metrics-host': 'metricsHost',
  '--metrics-port': 'metricsPort',
  '--trust-proxy': 'trustProxy',
};

const ENV: Record<string, keyof ServerConfig> = {
  AGENT_DESK_HOST: 'host',
  AGENT_DESK_PORT: 'port',
  AGENT_DESK_DATA: 'dataDir',
  AGENT_DESK_DEMO: 'demo',
  AGENT_DESK_DEMO_ROWS: 'demoRows',
  AGENT_DESK_DEMO_SEED: 'demoSeed',
  AGENT_DESK_POLICY: 'policyFile',
  AGENT_DESK_SSO_CONFIG: 'ssoConfigFile',
  AGENT_DESK_TELEPHONY: 'telephonyFile',
  AGENT_DESK_SCRIPTS: 'scriptsDir',
  AGENT_DESK_SESSION_SECRET: 'sessionSecret',
  AGENT_DESK_LOG_LEVEL: 'logLevel',
  DATABASE_URL: 'databaseUrl',
  AGENT_DESK_NODE_NAME: 'nodeName',
  AGENT_DESK_DB_POOL: 'dbPoolSize',
  AGENT_DESK_CLUSTER_POOL: 'clusterPoolSize',
  AGENT_DESK_METRICS_TOKEN: 'metricsToken',
  AGENT_DESK_METRICS_HOST: 'metricsHost',
  AGENT_DESK_METRICS_PORT: 'metricsPort',
  AGENT_DESK_SMTP_HOST: 'smtpHost',
  AGENT_DESK_SMTP_PORT: 'smtpPort',
  AGENT_DESK_SMTP_SECURE: 'smtpSecure',
  AGENT_DESK_SMTP_USER: 'smtpUser',
  AGENT_DESK_SMTP_PASSWORD: 'smtpPassword',
  AGENT_DESK_SMTP_FROM: 'smtpFrom',
  AGENT_DESK_SMTP_REPLY_TO: 'smtpReplyTo',
  AGENT_DESK_SMTP_CA_FILE: 'smtpCaFile',
  AGENT_DESK_SMS_API_URL: 'smsApiUrl',
  AGENT_DESK_SMS_ACCOUNT_SID: 'smsAccountSid',
  AGENT_DESK_SMS_AUTH_TOKEN: 'smsAuthToken',
  AGENT_DESK_SMS_FROM: 'smsFrom',
  AGENT_DESK_PUBLIC_URL: 'publicUrl',
  AGENT_DESK_TRUST_PROXY: 'trustProxy',
};

export const USAGE = `Usage: npm run server -- [--port 4780] [--host 127.0.0.1] [--data .data/server] [--demo true|false] [--rows 3000] [--seed N] [--scripts resources/scripts] [--policy file.json] [--sso-config sso.json] [--telephony platforms.json] [--log-level info] [--database-url postgres://…] [--node-name n] [--db-pool 10] [--cluster-pool 8] [--metrics-host 127.0.0.1 --metrics-port 9464] [--trust-proxy 10.0.0.0/8]
Environment: ${Object.keys(ENV).join(', ')}`;

export function parseServerConfig(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Result<ServerConfig> {
  return parseCommandLine({ schema: serverConfigSchema, flags: FLAGS, env: ENV, usage: USAGE }, argv, env);
}

/**
 * The SMTP relay's settings when one is configured (else e-mail notices are
 * unavailable and recorded as such). Checked together: a host needs a From, and a
 * user its password. `ca` is the PEM the caller read from `smtpCaFile`.
 */
export function smtpSettingsOf(config: ServerConfig, ca?: string): Result<SmtpSettings | undefined> {
  const { smtpHost: host, smtpFrom: from, smtpUser: user, smtpPassword: password } = config;
  if (!host) {
    return from || user
      ? err(
          'config.invalid',
          'AGENT_DESK_SMTP_HOST is required when other AGENT_DESK_SMTP_ settings are set.',
        )
      : ok(undefined);
  }
  if (!from) return err('config.invalid', 'AGENT_DESK_SMTP_FROM is required with AGENT_DESK_SMTP_HOST.');
  if (user && !password)
    return err('config.invalid', 'AGENT_DESK_SMTP_PASSWORD is required with AGENT_DESK_SMTP_USER.');
  return ok({
    host,
    port: config.smtpPort,
    secure: config.smtpSecure,
    from,
    ...(user ? { user, password } : {}),
    ...(config.smtpReplyTo ? { replyTo: config.smtpReplyTo } : {}),
    ...(ca ? { ca } : {}),
  });
}

/**
 * `--bootstrap-admin <username>`: the one-shot command that creates the first
 * administrator of a server without demo data. It takes the server's own options
 * (so the usual command line works with the flag added) plus the new account's.
 * The password is deliberately not an option: see BOOTSTRAP_PASSWORD_ENV.
 */
export const bootstrapAdminConfigSchema = serverConfigSchema.extend({
  bootstrapAdmin: usernameSchema,
  adminName: z.string().trim().min(1, 'the name must not be empty').max(120).default('Administrator'),
  adminTeam: teamSchema.refine((t) => t !== GLOBAL_TEAM, 'a user belongs to one team').default('it'),
});
export type BootstrapAdminConfig = z.infer<typeof bootstrapAdminConfigSchema>;

export const BOOTSTRAP_ADMIN_FLAG = '--bootstrap-admin';

/** Where the bootstrap reads the password when it is not typed or piped on stdin (never a flag: `ps` and shell history show those). */
export const BOOTSTRAP_PASSWORD_ENV = 'AGENT_DESK_ADMIN_PASSWORD';

export const BOOTSTRAP_USAGE = `Usage: npm run server -- --bootstrap-admin <username> [--name "Display Name"] [--team it] [--data .data/server] [--scripts resources/scripts]
Creates the first administrator when none exists, then exits. The password comes from ${BOOTSTRAP_PASSWORD_ENV}, else from stdin (typed twice without echo on a terminal, or the first line of a pipe).
Environment: ${Object.keys(ENV).join(', ')}, ${BOOTSTRAP_PASSWORD_ENV}`;

/** Whether the command line asks for the bootstrap instead of a running server. */
export function wantsBootstrapAdmin(argv: readonly string[]): boolean {
  return argv.some((a) => a === BOOTSTRAP_ADMIN_FLAG || a.startsWith(`${BOOTSTRAP_ADMIN_FLAG}=`));
}

export function parseBootstrapAdminConfig(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Result<BootstrapAdminConfig> {
  const parsed = parseCommandLine(
    {
      schema: bootstrapAdminConfigSchema,
      flags: {
        ...FLAGS,
        [BOOTSTRAP_ADMIN_FLAG]: 'bootstrapAdmin',
        '--name': 'adminName',
        '--team': 'adminTeam',
      },
      env: ENV,
      usage: BOOTSTRAP_USAGE,
    },
    argv,
    env,
  );
  if (parsed.ok) return parsed;
  // Name the option the operator typed, not the schema key.
  const message = parsed.error.message
    .replace(/\bbootstrapAdmin:/g, `${BOOTSTRAP_ADMIN_FLAG}:`)
    .replace(/\badminName:/g, '--name:')
    .replace(/\badminTeam:/g, '--team:');
  return { ok: false, error: { ...parsed.error, message } };
}

const TWILIO_API = 'https://api.twilio.com';

/**
 * The SMS provider's settings when one is configured (else SMS notices are unavailable
 * and the agent is told). The account, token, From and the server's public URL go together.
 */
export function smsSettingsOf(config: ServerConfig): Result<TwilioSettings | undefined> {
  const { smsAccountSid: accountSid, smsAuthToken: authToken, smsFrom: from, publicUrl } = config;
  if (!accountSid && !authToken && !from) {
    return config.smsApiUrl
      ? err('config.invalid', 'AGENT_DESK_SMS_ACCOUNT_SID is required when AGENT_DESK_SMS_API_URL is set.')
      : ok(undefined);
  }
  if (!accountSid || !authToken || !from || !publicUrl)
    return err(
      'config.invalid',
      'SMS notices need AGENT_DESK_SMS_ACCOUNT_SID, AGENT_DESK_SMS_AUTH_TOKEN, AGENT_DESK_SMS_FROM and AGENT_DESK_PUBLIC_URL together.',
    );
  return ok({
    apiUrl: (config.smsApiUrl ?? TWILIO_API).replace(/\/+$/, ''),
    accountSid,
    authToken,
    from,
    publicUrl: publicUrl.replace(/\/+$/, ''),
  });
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePolicy, type Policy } from '../shared/domain/policy';
import { runBootstrapAdmin } from './admin/bootstrap-command';
import { loadSsoConfig, type SsoConfig } from './auth/sso/sso-config';
import { parseServerConfig, smsSettingsOf, smtpSettingsOf, wantsBootstrapAdmin } from './config';
import { DEMO_USERS } from './demo/demo-users';
import { startServer } from './start-server';
import { listUsers } from './storage/users';
import { loadTelephonyFile, type TelephonyConfig } from './telephony/telephony-config';

/**
 * `npm run server`: parse flags/env, start, print the demo sign-ins (demo mode only), stop cleanly on SIGINT/SIGTERM.
 * `npm run server -- --bootstrap-admin <username>`: create the first administrator, then exit (docs/deployment.md).
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (wantsBootstrapAdmin(argv)) {
    process.exitCode = await runBootstrapAdmin(argv, process.env, {
      stdin: process.stdin,
      prompt: (text) => process.stderr.write(text),
      out: (line) => console.log(line),
      error: (line) => console.error(line),
    });
    return;
  }
  const config = parseServerConfig(argv, process.env);
  if (!config.ok) {
    console.error(config.error.message);
    process.exit(2);
  }
  let policy: Policy | undefined;
  if (config.value.policyFile) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(config.value.policyFile, 'utf8'));
    } catch (error) {
      console.error(`Cannot read the policy file ${config.value.policyFile}: ${(error as Error).message}`);
      process.exit(2);
    }
    const parsed = parsePolicy(raw);
    if (!parsed.ok) {
      console.error(`The policy file ${config.value.policyFile} is invalid: ${parsed.error}`);
      process.exit(2);
    }
    policy = parsed.value;
  }
  let sso: SsoConfig | undefined;
  if (config.value.ssoConfigFile) {
    const loaded = loadSsoConfig(config.value.ssoConfigFile);
    if (!loaded.ok) {
      console.error(loaded.error.message);
      process.exit(2);
    }
    sso = loaded.value;
  }
  let telephony: TelephonyConfig | undefined;
  if (config.value.telephonyFile) {
    const loaded = loadTelephonyFile(config.value.telephonyFile);
    if (!loaded.ok) {
      console.error(loaded.error.message);
      process.exit(2);
    }
    telephony = loaded.value;
  }
  const { host, port, dataDir, demo, demoRows, demoSeed, sessionSecret, logLevel, trustProxy } = config.value;
  const { databaseUrl, nodeName, dbPoolSize, clusterPoolSize, metricsToken, metricsHost, metricsPort } =
    config.value;
  let ca: string | undefined;
  if (config.value.smtpCaFile) {
    try {
      ca = readFileSync(config.value.smtpCaFile, 'utf8');
    } catch (error) {
      console.error(`Cannot read the SMTP CA file ${config.value.smtpCaFile}: ${(error as Error).message}`);
      process.exit(2);
    }
  }
  const smtp = smtpSettingsOf(config.value, ca);
  if (!smtp.ok) {
    console.error(smtp.error.message);
    process.exit(2);
  }
  const sms = smsSettingsOf(config.value);
  if (!sms.ok) {
    console.error(sms.error.message);
    process.exit(2);
  }
  const server = await startServer({
    notices: { ...(smtp.value ? { smtp: smtp.value } : {}), ...(sms.value ? { sms: sms.value } : {}) },
    host,
    port,
    dataDir,
    demoRows,
    demoSeed,
    logLevel,
    ...(databaseUrl ? { databaseUrl, dbPoolSize, clusterPoolSize } : {}),
    ...(nodeName ? { nodeName } : {}),
    ...(metricsToken ? { metricsToken } : {}),
    ...(metricsPort !== undefined ? { metricsPort, metricsHost } : {}),
    ...(demo !== undefined ? { demo } : {}),
    scriptsDir: resolve(process.cwd(), config.value.scriptsDir),
    ...(policy ? { policy } : {}),
    ...(telephony ? { telephony } : {}),
    ...(sessionSecret ? { sessionSecret } : {}),
    ...(sso ? { sso } : {}),
    ...(trustProxy ? { trustProxy } : {}),
  });
  console.log(
    `\nAgent Desk sync server on ${server.url} (${server.store.kind === 'postgres' ? 'PostgreSQL' : `data: ${dataDir}`})`,
  );
  if (server.demo) {
    console.log('Demo sign-ins (LOCAL USE ONLY):');
    for (const u of DEMO_USERS)
      console.log(`  ${u.username.padEnd(14)} ${u.password}   ${u.role.padEnd(6)} team ${u.team}`);
  } else {
    console.log('Demo mode is off (--demo false, or a non-loopback host): no demo users or rows are seeded.');
    const admins = (await listUsers(server.db)).filter((u) => u.profile.role === 'admin').length;
    if (admins === 0) {
      console.log(
        'No administrator exists yet: create the first one with  npm run server -- --bootstrap-admin <username>  (docs/deployment.md §10).',
      );
    }
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`The server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

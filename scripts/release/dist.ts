// Builds one OS's installers: `node --import tsx scripts/release/dist.ts win|mac|linux`.
// The plan (which runs, which feed, which signing) is release-plan.ts; this file runs it
// with electron-builder and checks that only the self-updatable packages carry a feed.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Arch, build, Platform } from 'electron-builder';
import {
  feedFromEnvironment,
  releaseRuns,
  runConfig,
  signCommandFor,
  unpackedApps,
  windowsSigningFromEnvironment,
  type ReleaseOs,
} from './release-plan';

const PLATFORMS: Record<ReleaseOs, Platform> = {
  win: Platform.WINDOWS,
  mac: Platform.MAC,
  linux: Platform.LINUX,
};

function fail(message: string): never {
  console.error(`dist: ${message}`);
  process.exit(2);
}

const os = process.argv[2];
if (os !== 'win' && os !== 'mac' && os !== 'linux') fail('usage: dist.ts win|mac|linux');
const feed = feedFromEnvironment(process.env);
if (!feed.ok) fail(feed.message);
const signing = windowsSigningFromEnvironment(process.env);
if (!signing.ok) fail(signing.message);
const { productName } = JSON.parse(readFileSync('package.json', 'utf8')) as { productName: string };

console.log(
  feed.feedUrl === null
    ? 'dist: no AGENT_DESK_UPDATE_URL: no package carries an update feed (every install is IT-managed)'
    : `dist: update feed ${feed.feedUrl} for the self-updatable packages`,
);

const signFile = async (file: string) => {
  if (signing.signing.kind !== 'command') return;
  // The command comes from the repository's own secret; it runs the HSM vendor's signing tool.
  execSync(signCommandFor(signing.signing.template, file), { stdio: 'inherit' });
};

for (const run of releaseRuns(os, feed.feedUrl)) {
  const apps = unpackedApps(run, productName);
  // Start from nothing, so no app-update.yml from the previous run survives into this one.
  for (const app of apps) rmSync(app.dir, { recursive: true, force: true });
  console.log(`dist: ${run.targets.join(' + ')} (${run.archs.join(', ')}), feed: ${run.feedUrl ?? 'none'}`);
  await build({
    targets: PLATFORMS[os].createTarget([...run.targets], ...run.archs.map((arch) => Arch[arch])),
    config: runConfig(run, signing.signing, signFile),
    publish: 'never',
  });
  for (const app of apps) {
    const hasFeed = existsSync(`${app.resources}/app-update.yml`);
    if (hasFeed !== (run.feedUrl !== null))
      fail(
        `${app.resources}: app-update.yml ${hasFeed ? 'present' : 'missing'}, expected the opposite for ${run.targets.join(' + ')}`,
      );
  }
}

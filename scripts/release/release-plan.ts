/**
 * What the release builds on each OS, as data (tests/unit/deploy/release-plan.test.ts).
 *
 * Each OS builds in two electron-builder runs, because electron-builder writes ONE
 * resources/app-update.yml into the app it packs, and every installer made from
 * that app carries it:
 * - the self-updatable package (NSIS, DMG + the updater's zip, AppImage), with the
 *   update feed when the release has one;
 * - the IT-deployed package (MSI, PKG, deb), always without a feed, so it can never
 *   try to update itself — an MSI install that found the NSIS feed would install
 *   the NSIS package beside itself.
 * A build without AGENT_DESK_UPDATE_URL has no feed at all: no placeholder URL is
 * ever baked into an installer.
 */

export type ReleaseOs = 'win' | 'mac' | 'linux';
export type ReleaseArch = 'x64' | 'arm64';

export interface BuildRun {
  os: ReleaseOs;
  targets: readonly string[];
  archs: readonly ReleaseArch[];
  /** The generic feed baked into app-update.yml, or null: no app-update.yml, no latest*.yml. */
  feedUrl: string | null;
}

export function releaseRuns(os: ReleaseOs, feedUrl: string | null): BuildRun[] {
  switch (os) {
    case 'win':
      return [
        { os, targets: ['nsis'], archs: ['x64'], feedUrl },
        { os, targets: ['msi'], archs: ['x64'], feedUrl: null },
      ];
    case 'mac':
      return [
        { os, targets: ['dmg', 'zip'], archs: ['x64', 'arm64'], feedUrl },
        { os, targets: ['pkg'], archs: ['x64', 'arm64'], feedUrl: null },
      ];
    case 'linux':
      return [
        { os, targets: ['AppImage'], archs: ['x64'], feedUrl },
        { os, targets: ['deb'], archs: ['x64'], feedUrl: null },
      ];
  }
}

/** RFC 2606 / 6761 names that never reach a real server (the old workflow baked updates.example.invalid in). */
function isReservedName(host: string): boolean {
  const name = host.toLowerCase();
  if (['example.com', 'example.net', 'example.org', 'localhost'].includes(name)) return true;
  return ['.test', '.example', '.invalid', '.localhost', '.example.com', '.example.net', '.example.org'].some(
    (tld) => name.endsWith(tld),
  );
}

/** AGENT_DESK_UPDATE_URL: unset or empty → no feed; anything but a plain https URL → refused. */
export function feedFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; feedUrl: string | null } | { ok: false; message: string } {
  const raw = env['AGENT_DESK_UPDATE_URL']?.trim() ?? '';
  if (raw === '') return { ok: true, feedUrl: null };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: `AGENT_DESK_UPDATE_URL is not a URL: ${raw}` };
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '')
    return { ok: false, message: 'AGENT_DESK_UPDATE_URL must be an https:// URL without credentials' };
  if (isReservedName(url.hostname))
    return { ok: false, message: `AGENT_DESK_UPDATE_URL names a placeholder host (${url.hostname})` };
  return { ok: true, feedUrl: url.href.replace(/\/$/, '') };
}

/**
 * Windows signing without a PFX file (code-signing keys now live in hardware or
 * cloud HSMs): Azure Trusted Signing through electron-builder's azureSignOptions,
 * or any HSM's own command line (DigiCert KeyLocker smctl, SSL.com eSigner, jsign
 * for Google Cloud KMS / AWS KMS / a YubiKey…) through a sign hook.
 */
export type WindowsSigning =
  | {
      kind: 'azure';
      options: Record<
        'publisherName' | 'endpoint' | 'certificateProfileName' | 'codeSigningAccountName',
        string
      >;
    }
  | { kind: 'command'; template: string }
  | { kind: 'none' };

export function windowsSigningFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; signing: WindowsSigning } | { ok: false; message: string } {
  const azure = {
    publisherName: env['AZURE_SIGN_PUBLISHER_NAME'] ?? '',
    endpoint: env['AZURE_SIGN_ENDPOINT'] ?? '',
    certificateProfileName: env['AZURE_SIGN_CERTIFICATE_PROFILE'] ?? '',
    codeSigningAccountName: env['AZURE_SIGN_ACCOUNT'] ?? '',
  };
  const command = env['AGENT_DESK_WIN_SIGN_COMMAND']?.trim() ?? '';
  const azureParts = Object.values(azure).filter((v) => v !== '').length;
  if (azureParts > 0 && command !== '')
    return {
      ok: false,
      message: 'Set either the AZURE_SIGN_* variables or AGENT_DESK_WIN_SIGN_COMMAND, not both',
    };
  if (azureParts > 0 && azureParts < 4)
    return {
      ok: false,
      message:
        'Azure Trusted Signing needs all of AZURE_SIGN_PUBLISHER_NAME, AZURE_SIGN_ENDPOINT, AZURE_SIGN_CERTIFICATE_PROFILE, AZURE_SIGN_ACCOUNT',
    };
  if (azureParts === 4) return { ok: true, signing: { kind: 'azure', options: azure } };
  if (command !== '') {
    if (!command.includes('{file}'))
      return {
        ok: false,
        message: 'AGENT_DESK_WIN_SIGN_COMMAND must contain {file} where the file to sign goes',
      };
    return { ok: true, signing: { kind: 'command', template: command } };
  }
  return { ok: true, signing: { kind: 'none' } };
}

/** The sign command for one file: `{file}` replaced by the file's path, quoted for cmd.exe. */
export function signCommandFor(template: string, file: string): string {
  return template.replaceAll('"{file}"', '{file}').replaceAll('{file}', `"${file}"`);
}

/**
 * The electron-builder settings a run adds to electron-builder.yml. `sign` is the
 * hook electron-builder calls for each Windows file when signing by command.
 */
export function runConfig(
  run: BuildRun,
  signing: WindowsSigning,
  sign: (file: string) => Promise<void>,
): Record<string, unknown> {
  const config: Record<string, unknown> = {
    publish: run.feedUrl === null ? null : { provider: 'generic', url: run.feedUrl },
  };
  if (run.os === 'win' && signing.kind === 'azure') config['win'] = { azureSignOptions: signing.options };
  if (run.os === 'win' && signing.kind === 'command')
    config['win'] = { signtoolOptions: { sign: (task: { path: string }) => sign(task.path) } };
  return config;
}

/** The unpacked apps a run leaves under dist/ (what its installers were made from) and their resources. */
export function unpackedApps(run: BuildRun, productName: string): Array<{ dir: string; resources: string }> {
  switch (run.os) {
    case 'win':
      return [{ dir: 'dist/win-unpacked', resources: 'dist/win-unpacked/resources' }];
    case 'linux':
      return [{ dir: 'dist/linux-unpacked', resources: 'dist/linux-unpacked/resources' }];
    case 'mac':
      return run.archs.map((arch) => {
        const dir = arch === 'x64' ? 'dist/mac' : `dist/mac-${arch}`;
        return { dir, resources: `${dir}/${productName}.app/Contents/Resources` };
      });
  }
}

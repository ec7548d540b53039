import { describe, expect, it } from 'vitest';
import {
  feedFromEnvironment,
  releaseRuns,
  runConfig,
  signCommandFor,
  unpackedApps,
  windowsSigningFromEnvironment,
} from '../../../scripts/release/release-plan';

const FEED = 'https://updates.agency.gov/agent-desk';

describe('release runs: only the self-updatable packages carry a feed', () => {
  it.each([
    ['win', [['nsis'], ['msi']]],
    ['mac', [['dmg', 'zip'], ['pkg']]],
    ['linux', [['AppImage'], ['deb']]],
  ] as const)('%s', (os, targets) => {
    const runs = releaseRuns(os, FEED);
    expect(runs.map((r) => r.targets)).toEqual(targets);
    expect(runs.map((r) => r.feedUrl)).toEqual([FEED, null]);
    expect(releaseRuns(os, null).every((r) => r.feedUrl === null)).toBe(true);
  });

  it('macOS builds both architectures in one run (one latest-mac.yml lists both zips)', () => {
    for (const run of releaseRuns('mac', FEED)) expect(run.archs).toEqual(['x64', 'arm64']);
    expect(unpackedApps(releaseRuns('mac', FEED)[1]!, 'Agent Desk')).toEqual([
      { dir: 'dist/mac', resources: 'dist/mac/Agent Desk.app/Contents/Resources' },
      { dir: 'dist/mac-arm64', resources: 'dist/mac-arm64/Agent Desk.app/Contents/Resources' },
    ]);
  });

  it('a run without a feed sets publish: null (no app-update.yml, no latest*.yml)', () => {
    const [nsis, msi] = releaseRuns('win', FEED);
    const none = { kind: 'none' } as const;
    expect(runConfig(nsis!, none, async () => {})).toEqual({ publish: { provider: 'generic', url: FEED } });
    expect(runConfig(msi!, none, async () => {})).toEqual({ publish: null });
  });
});

describe('AGENT_DESK_UPDATE_URL', () => {
  it('unset or empty: no feed', () => {
    expect(feedFromEnvironment({})).toEqual({ ok: true, feedUrl: null });
    expect(feedFromEnvironment({ AGENT_DESK_UPDATE_URL: ' ' })).toEqual({ ok: true, feedUrl: null });
  });

  it('an https URL is the feed', () => {
    expect(feedFromEnvironment({ AGENT_DESK_UPDATE_URL: `${FEED}/` })).toEqual({ ok: true, feedUrl: FEED });
  });

  it.each([
    'https://updates.example.invalid/agent-desk',
    'https://updates.example.com/x',
    'https://feed.test/x',
    'http://updates.agency.gov/x',
    'https://user:pw@updates.agency.gov/x',
    'not a url',
  ])('refuses %s (never a placeholder or insecure feed in a build)', (url) => {
    expect(feedFromEnvironment({ AGENT_DESK_UPDATE_URL: url }).ok).toBe(false);
  });
});

describe('Windows signing from an HSM', () => {
  const azure = {
    AZURE_SIGN_PUBLISHER_NAME: 'Agency',
    AZURE_SIGN_ENDPOINT: 'https://eus.codesigning.azure.net',
    AZURE_SIGN_CERTIFICATE_PROFILE: 'agent-desk',
    AZURE_SIGN_ACCOUNT: 'agency-signing',
  };

  it('Azure Trusted Signing becomes electron-builder’s azureSignOptions', () => {
    const signing = windowsSigningFromEnvironment(azure);
    expect(signing).toEqual({
      ok: true,
      signing: {
        kind: 'azure',
        options: {
          publisherName: 'Agency',
          endpoint: 'https://eus.codesigning.azure.net',
          certificateProfileName: 'agent-desk',
          codeSigningAccountName: 'agency-signing',
        },
      },
    });
    if (signing.ok) {
      const [nsis] = releaseRuns('win', null);
      expect(runConfig(nsis!, signing.signing, async () => {})).toMatchObject({
        win: { azureSignOptions: { codeSigningAccountName: 'agency-signing' } },
      });
    }
  });

  it('an HSM vendor’s command becomes a sign hook that signs each file', async () => {
    const signing = windowsSigningFromEnvironment({
      AGENT_DESK_WIN_SIGN_COMMAND: 'smctl sign --keypair-alias=key_1 --input "{file}"',
    });
    expect(signing).toMatchObject({ ok: true, signing: { kind: 'command' } });
    if (!signing.ok || signing.signing.kind !== 'command') return;
    expect(signCommandFor(signing.signing.template, 'C:\\a b\\Agent Desk.exe')).toBe(
      'smctl sign --keypair-alias=key_1 --input "C:\\a b\\Agent Desk.exe"',
    );
    const signed: string[] = [];
    const config = runConfig(
      releaseRuns('win', null)[0]!,
      signing.signing,
      async (file) => void signed.push(file),
    );
    const hook = (config['win'] as { signtoolOptions: { sign: (task: { path: string }) => Promise<void> } })
      .signtoolOptions.sign;
    await hook({ path: 'dist/win-unpacked/Agent Desk.exe' });
    expect(signed).toEqual(['dist/win-unpacked/Agent Desk.exe']);
  });

  it('refuses half an Azure setup, both methods at once, or a command without {file}', () => {
    expect(windowsSigningFromEnvironment({ AZURE_SIGN_ENDPOINT: 'https://x' }).ok).toBe(false);
    expect(windowsSigningFromEnvironment({ ...azure, AGENT_DESK_WIN_SIGN_COMMAND: 'x {file}' }).ok).toBe(
      false,
    );
    expect(windowsSigningFromEnvironment({ AGENT_DESK_WIN_SIGN_COMMAND: 'smctl sign' }).ok).toBe(false);
    expect(windowsSigningFromEnvironment({})).toEqual({ ok: true, signing: { kind: 'none' } });
  });

  it('the hook only applies to Windows runs', () => {
    const signing = windowsSigningFromEnvironment(azure);
    if (signing.ok)
      expect(runConfig(releaseRuns('mac', null)[0]!, signing.signing, async () => {})).not.toHaveProperty(
        'win',
      );
  });
});

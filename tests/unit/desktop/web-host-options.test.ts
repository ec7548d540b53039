import { describe, expect, it } from 'vitest';
import { parseWebHostOptions } from '../../../src/desktop/host-web/options';

describe("the browser host's network options", () => {
  it('takes a proxy and an extra CA bundle from flags or the environment', () => {
    const flags = parseWebHostOptions(
      ['--proxy', 'http://svc:secret@10.0.0.2:3128', '--extra-ca', 'roots.pem'],
      {},
    );
    expect(flags.ok && flags.value).toMatchObject({
      proxy: 'http://svc:secret@10.0.0.2:3128',
      extraCa: 'roots.pem',
    });
    const env = parseWebHostOptions([], {
      AGENT_DESK_PROXY: 'http://10.0.0.2:3128',
      AGENT_DESK_EXTRA_CA: '/etc/roots.pem',
    });
    expect(env.ok && env.value).toMatchObject({ proxy: 'http://10.0.0.2:3128', extraCa: '/etc/roots.pem' });
  });

  it('refuses a proxy that is not an http(s) URL, saying what it wants', () => {
    const parsed = parseWebHostOptions(['--proxy', 'socks5://10.0.0.2:1080'], {});
    expect(!parsed.ok && parsed.error.message).toContain('proxy must be an http(s) URL');
  });
});

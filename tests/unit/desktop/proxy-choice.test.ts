import { describe, expect, it } from 'vitest';
import { parseProxyRules, proxyFromUrl, proxyName } from '../../../src/desktop/core/network/proxy-choice';

describe("Chromium's proxy answer (session.resolveProxy) as choices", () => {
  it('reads a PAC result with fallbacks, in order', () => {
    expect(parseProxyRules('PROXY proxy1.agency.gov:8080; PROXY 10.0.0.2:3128; DIRECT')).toEqual([
      { kind: 'proxy', host: 'proxy1.agency.gov', port: 8080, secure: false },
      { kind: 'proxy', host: '10.0.0.2', port: 3128, secure: false },
      { kind: 'direct' },
    ]);
  });

  it('reads an HTTPS proxy and an IPv6 one', () => {
    expect(parseProxyRules('HTTPS secure-proxy.agency.gov:443;PROXY [fd00::1]:8080')).toEqual([
      { kind: 'proxy', host: 'secure-proxy.agency.gov', port: 443, secure: true },
      { kind: 'proxy', host: 'fd00::1', port: 8080, secure: false },
    ]);
  });

  it('is DIRECT when empty, as Chromium reads it', () => {
    expect(parseProxyRules('')).toEqual([{ kind: 'direct' }]);
    expect(parseProxyRules('DIRECT')).toEqual([{ kind: 'direct' }]);
  });

  it('keeps what it cannot use (SOCKS, a bad port) so the error can name it', () => {
    expect(parseProxyRules('SOCKS5 socks.agency.gov:1080; PROXY host:99999')).toEqual([
      { kind: 'unsupported', rule: 'SOCKS5 socks.agency.gov:1080' },
      { kind: 'unsupported', rule: 'PROXY host:99999' },
    ]);
  });
});

describe('an explicit proxy URL (browser host, tests)', () => {
  it('carries decoded Basic credentials, never shown in its name', () => {
    const choice = proxyFromUrl('http://svc%40agency:p%3Ass@127.0.0.1:3128');
    expect(choice).toEqual({
      kind: 'proxy',
      host: '127.0.0.1',
      port: 3128,
      secure: false,
      credentials: { username: 'svc@agency', password: 'p:ss' },
    });
    expect(proxyName(choice)).toBe('127.0.0.1:3128');
  });

  it('defaults the port and refuses other schemes', () => {
    expect(proxyFromUrl('http://proxy.agency.gov')).toMatchObject({ port: 80 });
    expect(proxyFromUrl('socks5://proxy.agency.gov:1080')).toEqual({
      kind: 'unsupported',
      rule: 'socks5: proxy proxy.agency.gov:1080',
    });
  });
});

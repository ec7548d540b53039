import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import {
  parseCaBundle,
  readCaBundle,
  trustedAuthorities,
} from '../../../src/desktop/core/network/trusted-authorities';

const ONE_ROOT = rootCertificates[0] ?? '';
const ANOTHER_ROOT = rootCertificates[1] ?? '';

describe("IT's extra CA bundle", () => {
  it('reads every certificate of a PEM bundle, ignoring the text around them', () => {
    const bundle = `# agency roots\n${ONE_ROOT}\nsome comment\n${ANOTHER_ROOT}\n`;
    const parsed = parseCaBundle(bundle, 'C:\\ProgramData\\Agency\\roots.pem');
    expect(parsed.ok && parsed.value).toEqual([ONE_ROOT.trim(), ANOTHER_ROOT.trim()]);
  });

  it('refuses a file without a certificate, naming it', () => {
    const parsed = parseCaBundle('not a certificate', '/etc/agency/roots.pem');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.message).toBe(
      '/etc/agency/roots.pem holds no PEM certificate (-----BEGIN CERTIFICATE-----).',
    );
  });

  it('refuses a damaged certificate, saying which one', () => {
    const damaged = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----';
    const parsed = parseCaBundle(`${ONE_ROOT}\n${damaged}`, 'roots.pem');
    expect(!parsed.ok && parsed.error.message).toMatch(/^Certificate 2 in roots\.pem cannot be read/);
  });

  it('says when the file is missing', () => {
    const read = readCaBundle('/nowhere/roots.pem', () => ({ kind: 'missing' }));
    expect(!read.ok && read.error.message).toBe(
      'The certificate bundle /nowhere/roots.pem cannot be read (the file does not exist).',
    );
  });
});

describe('the trusted authorities', () => {
  it("are Node's roots plus the extra ones, each once", () => {
    const extra = ['-----BEGIN CERTIFICATE-----\nEXTRA\n-----END CERTIFICATE-----'];
    const trusted = trustedAuthorities({ systemStore: false, extra: [...extra, ...extra] });
    expect(trusted.ca).toEqual([...rootCertificates, ...extra]);
    expect(trusted.systemStore).toBe(false);
  });
});

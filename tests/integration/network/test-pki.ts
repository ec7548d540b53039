import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A certificate authority made for one test run and a server certificate it signed. */
export interface TestPki {
  /** The authority's certificate (PEM): what IT's extra CA bundle would hold. */
  caPem: string;
  /** The server's certificate and key (PEM), for 127.0.0.1 and localhost. */
  server: { cert: string; key: string };
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/**
 * Generates a root CA and a server certificate with the openssl command line
 * (Debian's, which CI installs; macOS ships one too). P-256 keys: a few
 * milliseconds each. Valid from now for two days: TLS checks the real clock,
 * not the tests' server clock.
 */
export function createTestPki(name = 'Agent Desk Test Root CA'): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-pki-'));
  try {
    openssl(
      [
        'req',
        '-x509',
        ...EC_KEY,
        '-keyout',
        'ca.key',
        '-out',
        'ca.pem',
        '-days',
        '2',
        '-subj',
        `/CN=${name}`,
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ],
      dir,
    );
    openssl(['req', ...EC_KEY, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'], dir);
    writeFileSync(
      join(dir, 'server.ext'),
      'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n',
    );
    openssl(
      [
        'x509',
        '-req',
        '-in',
        'server.csr',
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        'server.pem',
        '-days',
        '2',
        '-extfile',
        'server.ext',
      ],
      dir,
    );
    const read = (file: string) => readFileSync(join(dir, file), 'utf8');
    return { caPem: read('ca.pem'), server: { cert: read('server.pem'), key: read('server.key') } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

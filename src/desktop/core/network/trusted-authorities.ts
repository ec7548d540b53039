import { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';
import { err, ok, type Result } from '../../../shared/domain/result';
import type { ReadTextFile } from '../../config/read-text-file';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

type CertificateSource = 'default' | 'system' | 'bundled' | 'extra';
/** Node ≥ 22.15 / 23.5 (Electron's Node): the roots it has, including the operating system's store. */
type GetCACertificates = (source: CertificateSource) => string[];

function getCACertificates(): GetCACertificates | undefined {
  const candidate = (tls as { getCACertificates?: unknown }).getCACertificates;
  return typeof candidate === 'function' ? (candidate as GetCACertificates) : undefined;
}

/**
 * A PEM bundle (IT's extra certificate authorities, e.g. the root of a
 * TLS-inspecting proxy) → its certificates, each checked to be one.
 */
export function parseCaBundle(text: string, origin: string): Result<string[]> {
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    return err(
      'network.ca_bundle_invalid',
      `${origin} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`,
      {
        origin,
      },
    );
  }
  for (const [index, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return err(
        'network.ca_bundle_invalid',
        `Certificate ${index + 1} in ${origin} cannot be read (${reason}).`,
        {
          origin,
        },
      );
    }
  }
  return ok(blocks);
}

export function readCaBundle(file: string, readFile: ReadTextFile): Result<string[]> {
  const read = readFile(file);
  if (read.kind === 'found') return parseCaBundle(read.text, file);
  const reason = read.kind === 'missing' ? 'the file does not exist' : read.reason;
  return err('network.ca_bundle_invalid', `The certificate bundle ${file} cannot be read (${reason}).`, {
    origin: file,
  });
}

export interface TrustedAuthorities {
  /** PEM certificates to trust for the sync server's TLS. */
  ca: string[];
  /** Whether the operating system's store is in `ca` (its Node can read it). */
  systemStore: boolean;
}

/**
 * Node's own roots, plus the operating system's store (Windows' and macOS's
 * trusted roots, where IT installs an agency root) when this Node can read it
 * (tls.getCACertificates('system'), Node ≥ 22.15 — Electron 45's), plus IT's
 * extra bundle. Node 20 (the browser host here) has no system reader: the extra
 * bundle is then the way to add a root.
 */
export function trustedAuthorities(options: {
  systemStore: boolean;
  extra: readonly string[];
}): TrustedAuthorities {
  const read = getCACertificates();
  const base = read ? read('default') : [...tls.rootCertificates];
  const system = options.systemStore && read ? read('system') : [];
  return {
    ca: [...new Set([...base, ...system, ...options.extra])],
    systemStore: options.systemStore && read !== undefined,
  };
}

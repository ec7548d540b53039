import type { CoreLogger } from '../logger';
import { createNetwork, type NetworkPort } from './network-port';
import { DIRECT, proxyFromUrl } from './proxy-choice';
import { trustedAuthorities } from './trusted-authorities';

export interface NodeNetworkOptions {
  /** Every connection goes through this HTTP proxy ("http://user:secret@proxy:3128"); absent: direct. */
  proxyUrl?: string;
  /** Extra certificate authorities (PEM), trusted in addition to Node's roots. */
  extraCa?: readonly string[];
  connectTimeoutMs?: number;
  logger?: CoreLogger;
}

/**
 * The network port with explicit settings, for a plain Node process: the browser
 * host (--proxy, --extra-ca) and the tests. No PAC, no system proxy settings:
 * those are Chromium's, which only the Electron shell has.
 */
export function nodeNetwork(options: NodeNetworkOptions = {}): NetworkPort {
  const choice = options.proxyUrl ? proxyFromUrl(options.proxyUrl) : DIRECT;
  const extra = options.extraCa ?? [];
  return createNetwork({
    resolveProxy: () => Promise.resolve([choice]),
    ...(extra.length > 0 ? { ca: trustedAuthorities({ systemStore: true, extra }).ca } : {}),
    ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}

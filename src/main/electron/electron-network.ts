import type { ReadTextFile } from '../../desktop/config/read-text-file';
import type { CoreLogger } from '../../desktop/core/logger';
import { createNetwork, type NetworkPort } from '../../desktop/core/network/network-port';
import { DIRECT, parseProxyRules, type ProxyChoice } from '../../desktop/core/network/proxy-choice';
import { readCaBundle, trustedAuthorities } from '../../desktop/core/network/trusted-authorities';

export interface ElectronNetworkDeps {
  /** Chromium's proxy for a URL: `session.defaultSession.resolveProxy` (system settings, PAC, WPAD). */
  resolveProxy(url: string): Promise<string>;
  /** IT's extraCaBundle setting (a PEM file), or null. */
  extraCaBundle: string | null;
  readFile: ReadTextFile;
  logger: CoreLogger;
}

/**
 * The network port of the Electron shell. The proxy for each connection is the
 * one Chromium would use for that URL (the operating system's proxy settings,
 * a PAC script or WPAD, as IT configures them for browsers), so the desktop
 * follows the agency's proxy without settings of its own. TLS trusts Node's
 * roots, the operating system's store (where IT installs an agency root or a
 * TLS-inspecting proxy's) and IT's extra bundle.
 *
 * Electron-free on purpose (the two Electron calls come in as functions), so the
 * tests run it against a real proxy without an Electron binary.
 */
export function electronNetwork(deps: ElectronNetworkDeps): NetworkPort {
  const extra = extraAuthorities(deps);
  const trusted = trustedAuthorities({ systemStore: true, extra });
  if (!trusted.systemStore) {
    deps.logger.warn(
      "network: this runtime cannot read the operating system's certificate store; trusting Node's roots and extraCaBundle only",
    );
  }
  return createNetwork({
    resolveProxy: async (url) => {
      try {
        return parseProxyRules(await deps.resolveProxy(url));
      } catch (error) {
        // Chromium could not evaluate the PAC script: a browser on this desk would go direct too.
        deps.logger.warn('network: the proxy for the sync server could not be resolved; going direct', {
          reason: error instanceof Error ? error.message : String(error),
        });
        return [DIRECT] satisfies ProxyChoice[];
      }
    },
    ca: trusted.ca,
    logger: deps.logger,
  });
}

/** IT's bundle, or none when it cannot be used (logged: the connection then names the certificate problem). */
function extraAuthorities(deps: ElectronNetworkDeps): string[] {
  if (deps.extraCaBundle === null) return [];
  const read = readCaBundle(deps.extraCaBundle, deps.readFile);
  if (read.ok) {
    deps.logger.info('network: trusting the extra certificate authorities', { count: read.value.length });
    return read.value;
  }
  deps.logger.error('network: extraCaBundle cannot be used', { reason: read.error.message });
  return [];
}

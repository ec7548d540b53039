import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/domain/result';
import type { SignInResponse } from '../../../shared/sync/protocol';
import type { SsoDiscovery } from '../../../shared/sync/sso';
import { cannotReach, requestSsoDiscovery, requestSsoSignIn } from '../auth-client';
import { httpRequestText } from '../network/http-request';
import type { NetworkPort } from '../network/network-port';
import type { ServerAddresses } from '../server-addresses';
import { openLoopbackRedirect, type LoopbackRedirect } from './loopback-redirect';

/** How long the agent has to finish at the identity provider (smart card, PIN, consent). */
const BROWSER_TIMEOUT_MS = 5 * 60_000;

export interface SsoBrowserFlowDeps {
  servers: ServerAddresses;
  network: NetworkPort;
  /** The issuer IT allows (managed setting ssoIssuer); unset: the server's is used. */
  trustedIssuer?: string | undefined;
  /** Opens the system browser (Electron's shell); false or absent: the screen opens the address itself. */
  openBrowser?: ((url: string) => Promise<boolean> | boolean) | undefined;
  /** The desktop installation key (desk code), sent with the sign-in as with a password. */
  installation: () => string;
}

export interface SsoStarted {
  url: string;
  /** The system browser was opened; otherwise the screen opens `url` (the browser host). */
  opened: boolean;
}

interface Pending {
  serverUrl: string;
  displayName: string;
  verifier: string;
  nonce: string;
  loopback: LoopbackRedirect;
}

const metadataSchema = z.object({ issuer: z.string(), authorization_endpoint: z.string().url() });

const random = () => randomBytes(32).toString('base64url');

/**
 * The desktop's half of single sign-on (OAuth 2.0 for native apps, RFC 8252, with PKCE,
 * RFC 7636): the system browser goes to the agency's identity provider — which does the
 * smart card and PIN; the desktop never sees them — and comes back to a loopback address
 * with a code, which the sync server redeems and validates (docs/deployment.md §14).
 * One sign-in at a time; starting again cancels the one under way.
 */
export class SsoBrowserFlow {
  private pending: Pending | undefined;

  constructor(private readonly deps: SsoBrowserFlowDeps) {}

  /** What the server offers (any node that answers). */
  discover(): Promise<Result<SsoDiscovery & { serverUrl: string }>> {
    return this.deps.servers.firstAnswer(
      async (url) => {
        const found = await requestSsoDiscovery(this.deps.network, url);
        return found.ok ? ok({ ...found.value, serverUrl: url }) : found;
      },
      (r) => !r.ok && cannotReach(r.error.code),
    );
  }

  /**
   * Opens the provider's sign-in page (or hands its address to the screen). At the lock
   * screen (`unlock`) the provider is asked to sign the agent in again (`prompt=login`,
   * `max_age=0`) when the server's policy says every unlock, or once its session ended.
   */
  async start(unlock?: { sessionEnded: boolean }): Promise<Result<SsoStarted>> {
    this.cancel();
    const discovery = await this.discover();
    if (!discovery.ok) return discovery;
    const sso = discovery.value;
    if (!sso.enabled) return err('sso.not_configured', 'Single sign-on is not configured on this server.');
    const trusted = this.deps.trustedIssuer;
    if (trusted !== undefined && trusted !== sso.issuer)
      return err(
        'sso.issuer_not_trusted',
        'The server names an identity provider this desktop is not set up to trust (managed setting ssoIssuer). Tell IT.',
      );
    const endpoint = await this.authorizationEndpoint(sso.issuer);
    if (!endpoint.ok) return endpoint;
    const verifier = random();
    const nonce = random();
    const state = random();
    const loopback = await openLoopbackRedirect(state, BROWSER_TIMEOUT_MS);
    const url = new URL(endpoint.value);
    url.search = new URLSearchParams({
      ...Object.fromEntries(url.searchParams),
      response_type: 'code',
      client_id: sso.clientId,
      redirect_uri: loopback.redirectUri,
      scope: sso.scopes.join(' '),
      state,
      nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      ...(sso.acrValues.length > 0 ? { acr_values: sso.acrValues.join(' ') } : {}),
      ...(unlock && (sso.unlockPrompt === 'every-unlock' || unlock.sessionEnded)
        ? { prompt: 'login', max_age: '0' }
        : {}),
    }).toString();
    this.pending = { serverUrl: sso.serverUrl, displayName: sso.displayName, verifier, nonce, loopback };
    const opened = (await this.deps.openBrowser?.(url.href)) ?? false;
    return ok({ url: url.href, opened });
  }

  /** Waits for the browser to come back, then asks the server for a session with the code. */
  async finish(): Promise<Result<{ session: SignInResponse; displayName: string }>> {
    const pending = this.pending;
    if (!pending) return err('sso.not_started', 'Start the sign-in with the identity provider first.');
    const answer = await pending.loopback.answer;
    if (this.pending === pending) this.pending = undefined;
    if (!answer.ok) return answer;
    const session = await requestSsoSignIn(this.deps.network, pending.serverUrl, {
      code: answer.value.code,
      codeVerifier: pending.verifier,
      redirectUri: pending.loopback.redirectUri,
      nonce: pending.nonce,
      installation: this.deps.installation(),
    });
    return session.ok ? ok({ session: session.value, displayName: pending.displayName }) : session;
  }

  cancel(): void {
    this.pending?.loopback.cancel();
    this.pending = undefined;
  }

  /**
   * The provider's sign-in page from its published metadata. It must be the issuer's
   * own (same origin, HTTPS; plain HTTP only on the loopback interface, for tests), so
   * a server cannot send agents' browsers somewhere else.
   */
  private async authorizationEndpoint(issuer: string): Promise<Result<string>> {
    const unavailable = (why: string) =>
      err(
        'sso.provider_unavailable',
        `The identity provider cannot be reached (${why}). Try again; work already on this computer stays available.`,
      );
    let metadataUrl: URL;
    try {
      metadataUrl = new URL(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
    } catch {
      return err('sso.misconfigured', 'The server names an identity provider address that is not valid.');
    }
    let text: string;
    try {
      const answer = await httpRequestText(this.deps.network, metadataUrl, {
        method: 'GET',
        headers: { accept: 'application/json' },
        timeoutMs: 15_000,
      });
      if (answer.status !== 200) return unavailable(`HTTP ${answer.status}`);
      text = answer.text;
    } catch (error) {
      return unavailable(error instanceof Error ? error.message : String(error));
    }
    let parsed: z.infer<typeof metadataSchema>;
    try {
      parsed = metadataSchema.parse(JSON.parse(text));
    } catch {
      return unavailable('its metadata could not be read');
    }
    const endpoint = new URL(parsed.authorization_endpoint);
    const origin = new URL(issuer);
    const loopback = endpoint.hostname === '127.0.0.1' || endpoint.hostname === '[::1]';
    if (
      parsed.issuer.replace(/\/$/, '') !== issuer.replace(/\/$/, '') ||
      endpoint.origin !== origin.origin ||
      (endpoint.protocol !== 'https:' && !(endpoint.protocol === 'http:' && loopback))
    )
      return err(
        'sso.misconfigured',
        "The identity provider's metadata does not match the issuer the server names; tell IT.",
      );
    return ok(endpoint.href);
  }
}

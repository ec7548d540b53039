/**
 * The desktop's proxy errors after which the agent may enter proxy credentials
 * (channel `network.proxyCredentials`): the proxy asked for a user name and
 * password, or refused the ones sent.
 */
export const PROXY_CREDENTIAL_ERRORS: ReadonlySet<string> = new Set([
  'network.proxy_auth_required',
  'network.proxy_auth_rejected',
]);

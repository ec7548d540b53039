/**
 * The browser host listens on 127.0.0.1 only, and still checks who is asking:
 * a page from another origin (any website the agent has open) must not reach
 * the API, and a Host header other than ours means DNS rebinding.
 */
export function expectedOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}`;
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === expectedOrigin(port);
}

import { z } from 'zod';

/** Basic credentials for a proxy. */
export interface ProxyCredentials {
  username: string;
  password: string;
}

/** One way to reach a server: directly, or through an HTTP proxy with CONNECT. */
export type ProxyChoice =
  | { kind: 'direct' }
  | {
      kind: 'proxy';
      host: string;
      port: number;
      /** The proxy itself speaks TLS (Chromium's "HTTPS host:port"). */
      secure: boolean;
      credentials?: ProxyCredentials;
    }
  /** A kind this desktop cannot use (SOCKS): kept so the error can name it. */
  | { kind: 'unsupported'; rule: string };

export const DIRECT: ProxyChoice = { kind: 'direct' };

const hostPort = z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+):(\d{1,5})$/);

/** "host:port" → its parts; undefined when it is not one. */
function splitHostPort(text: string): { host: string; port: number } | undefined {
  if (!hostPort.safeParse(text).success) return undefined;
  const at = text.lastIndexOf(':');
  const port = Number(text.slice(at + 1));
  if (port < 1 || port > 65535) return undefined;
  return { host: text.slice(0, at).replace(/^\[|\]$/g, ''), port };
}

/**
 * Chromium's answer for a URL (Electron's `session.resolveProxy`: the system's
 * settings or the PAC script's result), e.g. "PROXY proxy.agency.gov:8080; DIRECT",
 * as the choices to try in order. An empty or unreadable answer is DIRECT, as in
 * Chromium.
 */
export function parseProxyRules(rules: string): ProxyChoice[] {
  const choices = rules
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part): ProxyChoice => {
      const [keyword = '', target = ''] = part.split(/\s+/, 2);
      const kind = keyword.toUpperCase();
      if (kind === 'DIRECT') return DIRECT;
      const address = splitHostPort(target);
      if ((kind === 'PROXY' || kind === 'HTTPS') && address)
        return { kind: 'proxy', ...address, secure: kind === 'HTTPS' };
      return { kind: 'unsupported', rule: part };
    });
  return choices.length > 0 ? choices : [DIRECT];
}

/**
 * An explicit proxy URL (the browser host's and the tests' setting), e.g.
 * "http://user:secret@127.0.0.1:3128": one choice, with its credentials.
 */
export function proxyFromUrl(raw: string): ProxyChoice {
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { kind: 'unsupported', rule: `${url.protocol} proxy ${url.host}` };
  }
  const secure = url.protocol === 'https:';
  const credentials =
    url.username === ''
      ? {}
      : {
          credentials: {
            username: decodeURIComponent(url.username),
            password: decodeURIComponent(url.password),
          },
        };
  return {
    kind: 'proxy',
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || (secure ? 443 : 80)),
    secure,
    ...credentials,
  };
}

/** How a choice reads in messages: "proxy.agency.gov:8080" (never with credentials). */
export function proxyName(choice: ProxyChoice): string {
  if (choice.kind === 'direct') return 'DIRECT';
  if (choice.kind === 'unsupported') return choice.rule;
  return `${choice.host.includes(':') ? `[${choice.host}]` : choice.host}:${choice.port}`;
}

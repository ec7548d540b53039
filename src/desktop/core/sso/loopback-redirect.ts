import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { err, ok, type Result } from '../../../shared/domain/result';

/** What the identity provider sent to the redirect: its code, or its refusal. */
export type RedirectAnswer = Result<{ code: string }>;

export interface LoopbackRedirect {
  /** http://127.0.0.1:<ephemeral port>/callback (RFC 8252 §7.3). */
  readonly redirectUri: string;
  /** Settles once: the first answer carrying this flow's state, a timeout, or a cancel. */
  readonly answer: Promise<RedirectAnswer>;
  cancel(): void;
}

const PATH = '/callback';

/** The page the browser shows after the redirect: both languages, nothing from the request echoed. */
const DONE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agent Desk</title></head>
<body style="font-family:sans-serif;margin:3rem;line-height:1.5">
<h1>Agent Desk</h1>
<p>You can close this browser tab and go back to Agent Desk.</p>
<p lang="es">Puede cerrar esta pestaña del navegador y volver a Agent Desk.</p>
</body></html>`;

/**
 * A one-shot listener on the loopback interface for the authorization response of a
 * native app's sign-in (RFC 8252: the system browser is sent back to
 * http://127.0.0.1:<port>/callback). Only a request carrying this flow's `state` settles
 * it (anything else on the port gets 404 and changes nothing); then it stops listening.
 */
export async function openLoopbackRedirect(state: string, timeoutMs: number): Promise<LoopbackRedirect> {
  let settle: (answer: RedirectAnswer) => void = () => undefined;
  const answer = new Promise<RedirectAnswer>((resolve) => {
    settle = resolve;
  });
  let done = false;
  const finish = (result: RedirectAnswer) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
    settle(result);
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== PATH || url.searchParams.get('state') !== state) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .end(DONE_PAGE);
    const code = url.searchParams.get('code');
    const refusal = url.searchParams.get('error');
    if (code) finish(ok({ code }));
    else
      finish(
        err(
          refusal === 'access_denied' ? 'sso.denied' : 'sso.provider_refused',
          refusal === 'access_denied'
            ? 'The sign-in was cancelled or refused at the identity provider.'
            : `The identity provider did not sign you in (${(refusal ?? 'no code').slice(0, 64)}).`,
        ),
      );
  });
  const timer = setTimeout(
    () =>
      finish(err('sso.timed_out', 'The sign-in in the browser was not finished in time. Start it again.')),
    timeoutMs,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}${PATH}`,
    answer,
    cancel: () => finish(err('sso.cancelled', 'The sign-in was cancelled.')),
  };
}

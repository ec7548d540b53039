import { z } from 'zod';
import { ADMIN_CALLS, queryString, type AdminCallName } from '../../../shared/admin/calls';
import { domainErrorSchema } from '../../../shared/domain/error-schema';
import { err, ok, type Result } from '../../../shared/domain/result';
import type { ChannelResult, ParsedChannelArgs } from '../../../shared/ipc/channels';
import type { SessionUser } from '../../../shared/sync/protocol';
import type { Role } from '../../../shared/sync/rows/user';
import { httpRequestText, type HttpAnswer } from '../network/http-request';
import type { NetworkPort } from '../network/network-port';

export interface AdminDeskDeps {
  /** The desktop's way out (proxy, trusted authorities), as for every other request. */
  network: NetworkPort;
  serverUrl: string;
  /** The signed-in user and token; undefined when signed out or the session ended. */
  session: () => { user: SessionUser; token: string } | undefined;
}

const TIMEOUT_MS = 30_000;
/** An audit export of 50,000 events is a few tens of MB at most. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
const answerSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: domainErrorSchema }),
]);

/**
 * The administration area's side of the desktop core: every admin call (a row of
 * shared/admin/calls.ts) is one HTTP request to the server with the session's token.
 * Nothing is cached and nothing queued: an administrator's change happens on the
 * server or not at all, and the server decides who may make it.
 */
export class AdminDesk {
  constructor(private readonly deps: AdminDeskDeps) {}

  async run<C extends AdminCallName>(name: C, args: ParsedChannelArgs<C>): Promise<Result<ChannelResult<C>>> {
    const session = this.deps.session();
    if (!session) return err('auth.session_expired', 'Your session ended; sign in again.');
    const spec = ADMIN_CALLS[name] as unknown as {
      method: 'GET' | 'POST' | 'PATCH';
      path(a: unknown): string;
      body?(a: unknown): unknown;
      text?: boolean;
      roles?: readonly Role[];
    };
    if (!(spec.roles ?? ['admin']).includes(session.user.role)) {
      return spec.roles
        ? err('auth.forbidden', 'Only team leads and administrators can read reports.')
        : err('auth.forbidden', 'Only administrators can open the administration area.');
    }
    const url = new URL(
      spec.path(args) + (spec.method === 'GET' ? queryString(args as Record<string, unknown>) : ''),
      this.deps.serverUrl,
    );
    let response: HttpAnswer;
    try {
      response = await httpRequestText(this.deps.network, url, {
        method: spec.method,
        headers: {
          authorization: `Bearer ${session.token}`,
          ...(spec.body ? { 'content-type': 'application/json' } : {}),
        },
        ...(spec.body ? { body: JSON.stringify(spec.body(args)) } : {}),
        timeoutMs: TIMEOUT_MS,
        maxBytes: MAX_ANSWER_BYTES,
      });
    } catch (error) {
      return err(
        'sync.server_unreachable',
        `The sync server cannot be reached (${error instanceof Error ? error.message : String(error)}); nothing was changed.`,
      );
    }
    return this.answer(response, spec.text === true) as Result<ChannelResult<C>>;
  }

  private answer(response: HttpAnswer, text: boolean): Result<unknown> {
    if (text && response.status === 200) {
      return ok({ text: response.text, truncated: response.headers['x-agent-desk-truncated'] === 'true' });
    }
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      return err(
        'sync.bad_response',
        `The sync server answered with HTTP ${response.status} and no usable body.`,
      );
    }
    const parsed = answerSchema.safeParse(body);
    if (!parsed.success) {
      return err(
        'sync.bad_response',
        `The sync server's answer could not be understood (HTTP ${response.status}).`,
      );
    }
    return parsed.data.ok ? ok(parsed.data.value) : { ok: false, error: parsed.data.error };
  }
}

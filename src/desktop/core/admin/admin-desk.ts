import { z } from 'zod';
import { ADMIN_CALLS, queryString, type AdminCallName } from '../../../shared/admin/calls';
import { domainErrorSchema } from '../../../shared/domain/error-schema';
import { err, ok, type Result } from '../../../shared/domain/result';
import type { ChannelResult, ParsedChannelArgs } from '../../../shared/ipc/channels';
import type { SessionUser } from '../../../shared/sync/protocol';

export interface AdminDeskDeps {
  serverUrl: string;
  /** The signed-in user and token; undefined when signed out or the session ended. */
  session: () => { user: SessionUser; token: string } | undefined;
}

const TIMEOUT_MS = 30_000;
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
    if (session.user.role !== 'admin') {
      return err('auth.forbidden', 'Only administrators can open the administration area.');
    }
    const spec = ADMIN_CALLS[name] as unknown as {
      method: string;
      path(a: unknown): string;
      body?(a: unknown): unknown;
      text?: boolean;
    };
    const url = new URL(
      spec.path(args) + (spec.method === 'GET' ? queryString(args as Record<string, unknown>) : ''),
      this.deps.serverUrl,
    );
    let response: Response;
    try {
      response = await fetch(url, {
        method: spec.method,
        headers: {
          authorization: `Bearer ${session.token}`,
          ...(spec.body ? { 'content-type': 'application/json' } : {}),
        },
        ...(spec.body ? { body: JSON.stringify(spec.body(args)) } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      return err(
        'sync.server_unreachable',
        `The sync server cannot be reached (${error instanceof Error ? error.message : String(error)}); nothing was changed.`,
      );
    }
    return (await this.answer(response, spec.text === true)) as Result<ChannelResult<C>>;
  }

  private async answer(response: Response, text: boolean): Promise<Result<unknown>> {
    if (text && response.ok) {
      return ok({
        text: await response.text(),
        truncated: response.headers.get('x-agent-desk-truncated') === 'true',
      });
    }
    let body: unknown;
    try {
      body = await response.json();
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

import { err, ok, type Result } from '../../shared/domain/result';
import type { PullRequest, PullResponse, SessionUser } from '../../shared/sync/protocol';
import { LIMITS } from '../../shared/sync/protocol';
import { GLOBAL_TEAM, PII_TABLES } from '../../shared/sync/rows';
import type { AuditBatcher } from '../audit-batch';
import type { PullPage, PullReader, PullScope } from '../storage/pull-reader';
import { PullPageMemo } from './pull-page-memo';

export interface PullContext {
  user: SessionUser;
  clientId: string;
  sourceIp: string | null;
  clock: () => number;
}

/** A page plus the customer-bearing ids it delivers (computed once per memoized page). */
interface ServedPage extends PullPage {
  viewed: Record<string, string[]> | null;
}

export interface PullService {
  reader: PullReader;
  audit: AuditBatcher;
  pages: PullPageMemo<ServedPage>;
}

export function createPullService(reader: PullReader, audit: AuditBatcher): PullService {
  return { reader, audit, pages: new PullPageMemo<ServedPage>() };
}

/**
 * One page of changes in the user's scope: their team and global rows. Admins
 * manage users and scripts, not customers (least privilege): they get global rows
 * and every team's users, no customer data. Delivering
 * customer-bearing rows is a "view": audited once per pull with ids, not text.
 * The audit row is written with the other pulls' rows of the same turn (one
 * insert, AuditBatcher) and the page is delivered only once it is stored: a
 * view that could not be recorded is not delivered (the pull fails and is retried).
 *
 * The version, the page and lastMutationSeq are read in one snapshot of the
 * read-only connection, so they agree with each other and never wait for pushes.
 * A page memoized for that version stands for the page read in the snapshot.
 */
export async function servePull(
  service: PullService,
  ctx: PullContext,
  req: PullRequest,
): Promise<Result<PullResponse>> {
  const limit = req.limit ?? LIMITS.defaultPullLimit;
  const scope = pullScope(ctx.user);
  const { reader, pages } = service;
  const scopeName = scopeKey(scope);
  const key = `${scopeName}|${req.cursor}|${limit}`;
  // The common case (a desktop of a team that another one just pulled for): one statement, no transaction.
  const head = reader.head(ctx.clientId);
  const known = req.cursor > head.version ? undefined : pages.peek(key, head.version);
  const read = known
    ? { latest: head.version, page: known, lastSeq: head.lastSeq }
    : reader.snapshot(() => {
        const latest = reader.currentVersion();
        if (req.cursor > latest) return { latest, page: undefined, lastSeq: 0 };
        const page = pages.get(key, latest, () => withViewed(reader.page(scope, req.cursor, limit, latest)));
        return { latest, page, lastSeq: reader.client(ctx.clientId)?.lastSeq ?? 0 };
      });
  if (!read.page) {
    return err(
      'sync.cursor_ahead',
      `This desktop has seen version ${req.cursor} but the server is at ${read.latest}; the server data was reset — start a fresh sync from cursor 0.`,
    );
  }
  const { page } = read;
  if (page.viewed) {
    await service.audit.append({
      at: ctx.clock(),
      actorId: ctx.user.id,
      action: 'sync.pull.viewed',
      sourceIp: ctx.sourceIp,
      clientId: ctx.clientId,
      outcome: 'delivered',
      detail: { cursor: req.cursor, ids: page.viewed },
    });
  }
  return ok({
    rows: page.rows,
    cursor: page.cursor,
    lastMutationSeq: read.lastSeq,
    more: page.more,
    scope: scopeName,
  });
}

function withViewed(page: PullPage): ServedPage {
  const viewed: Record<string, string[]> = {};
  let any = false;
  for (const row of page.rows) {
    if (PII_TABLES.includes(row.table)) {
      (viewed[row.table] ??= []).push(row.id);
      any = true;
    }
  }
  return { ...page, viewed: any ? viewed : null };
}

/**
 * The scope as a string: the memo key's first part and the pull answer's `scope`.
 * Two users get the same key exactly when they may pull the same rows, so a desktop
 * compares it with the one its cache was filled for (a moved user's cache is dropped).
 */
export function scopeKey(scope: PullScope): string {
  return `${scope.team}|${(scope.everyTeam ?? []).join(',')}`;
}

/** What a user may pull (see servePull). */
export function pullScope(user: SessionUser): PullScope {
  return user.role === 'admin' ? { team: GLOBAL_TEAM, everyTeam: ['users'] } : { team: user.team };
}

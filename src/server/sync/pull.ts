import { err, ok, type Result } from '../../shared/domain/result';
import type { PullRequest, PullResponse, SessionUser } from '../../shared/sync/protocol';
import { LIMITS } from '../../shared/sync/protocol';
import { GLOBAL_TEAM, PII_TABLES } from '../../shared/sync/rows';
import type { AuditBatcher } from '../audit-batch';
import type { PullPage, PullScope } from '../storage/pull-reader';
import type { PullStore } from '../storage/server-store';
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

/** One read of a page, shared by the pulls that asked for the same page at the same version. */
interface PageRead {
  latest: number;
  lastSeq: number;
  page: ServedPage | undefined;
}

export interface PullService {
  reader: PullStore;
  audit: AuditBatcher;
  pages: PullPageMemo<ServedPage>;
  /** Reads under way, by page key and the version the asking pulls saw. */
  inflight: Map<string, Promise<PageRead>>;
}

export function createPullService(reader: PullStore, audit: AuditBatcher): PullService {
  return { reader, audit, pages: new PullPageMemo<ServedPage>(), inflight: new Map() };
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
 * The version, the page and lastMutationSeq are read in one snapshot (storage's
 * PullStore.read), so they agree with each other and never wait for pushes. A
 * page memoized for a version stands for the page read at that version: the rows
 * cannot change without the version moving, so the client's seq read with that
 * version (`head`) agrees with it too. After a poke, every desktop of a team asks
 * for the same page at once: the first read is shared by the rest (on PostgreSQL
 * they would otherwise all query before any could fill the memo).
 */
export async function servePull(
  service: PullService,
  ctx: PullContext,
  req: PullRequest,
): Promise<Result<PullResponse>> {
  const limit = req.limit ?? LIMITS.defaultPullLimit;
  const scope = pullScope(ctx.user);
  const { pages } = service;
  const scopeName = scopeKey(scope);
  const key = `${scopeName}|${req.cursor}|${limit}`;
  // The common case (a desktop of a team that another one just pulled for): one statement, no transaction.
  const head = await service.reader.head(ctx.clientId);
  const known = req.cursor > head.version ? undefined : pages.peek(key, head.version);
  const read: PageRead = known
    ? { latest: head.version, page: known, lastSeq: head.lastSeq }
    : await sharedRead(service, ctx, { scope, key, cursor: req.cursor, limit }, head);
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

/**
 * The page at `head.version`: joins a read of the same page under way for that
 * version, else starts one. A joined read that found a newer version is of no use
 * to this pull (its seq was read at the older one): it reads again on its own.
 */
async function sharedRead(
  service: PullService,
  ctx: PullContext,
  want: { scope: PullScope; key: string; cursor: number; limit: number },
  head: { version: number; lastSeq: number },
): Promise<PageRead> {
  const flightKey = `${want.key}@${head.version}`;
  const running = service.inflight.get(flightKey);
  if (running) {
    const shared = await running;
    if (shared.latest === head.version) return { ...shared, lastSeq: head.lastSeq };
  }
  const read = service.reader.read(want.scope, want.cursor, want.limit, ctx.clientId).then((r) => ({
    latest: r.latest,
    lastSeq: r.lastSeq,
    page: r.page && service.pages.get(want.key, r.latest, () => withViewed(r.page as PullPage)),
  }));
  if (!running) {
    service.inflight.set(flightKey, read);
    void read.then(
      () => service.inflight.delete(flightKey),
      () => service.inflight.delete(flightKey),
    );
  }
  return read;
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

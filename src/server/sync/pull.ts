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
export interface ServedPage extends PullPage {
  viewed: Record<string, string[]> | null;
}

/** One read of a page, shared by the pulls that asked for the same page at the same version. */
export interface PageRead {
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
  const read = await readPage(service, ctx.clientId, { scope, cursor: req.cursor, limit });
  if (!read.page) {
    return err(
      'sync.cursor_ahead',
      `This desktop has seen version ${req.cursor} but the server is at ${read.latest}; the server data was reset — start a fresh sync from cursor 0.`,
    );
  }
  const { page } = read;
  await recordView(service, ctx, req.cursor, page);
  return ok({
    rows: page.rows,
    cursor: page.cursor,
    lastMutationSeq: read.lastSeq,
    more: page.more,
    scope: scopeKey(scope),
  });
}

/**
 * The audit row of a delivery of `page` (read from `cursor`) to one desktop, when the
 * page bears customers' rows; resolves once it is stored (a view that could not be
 * recorded must not be delivered). Rows of one turn share one insert (AuditBatcher).
 */
export async function recordView(
  service: PullService,
  ctx: PullContext,
  cursor: number,
  page: ServedPage,
): Promise<void> {
  if (!page.viewed) return;
  await service.audit.append({
    at: ctx.clock(),
    actorId: ctx.user.id,
    action: 'sync.pull.viewed',
    sourceIp: ctx.sourceIp,
    clientId: ctx.clientId,
    outcome: 'delivered',
    detail: { cursor, ids: page.viewed },
  });
}

/**
 * The page of `scope` from `cursor`, with `clientId`'s seq: from the memo when a
 * desktop of the same scope asked for it at the current version (the common case
 * after a poke: one statement, no transaction), else read (or joined: sharedRead).
 */
export async function readPage(
  service: PullService,
  clientId: string,
  want: { scope: PullScope; cursor: number; limit: number },
): Promise<PageRead> {
  const key = pageKey(want);
  const head = await service.reader.head(clientId);
  const known = want.cursor > head.version ? undefined : service.pages.peek(key, head.version);
  return known
    ? { latest: head.version, page: known, lastSeq: head.lastSeq }
    : sharedRead(service, clientId, { ...want, key }, head);
}

/**
 * The page at `head.version`: joins a read of the same page under way for that
 * version, else starts one. A joined read that found a newer version is of no use
 * to this pull (its seq was read at the older one): it reads again on its own.
 */
async function sharedRead(
  service: PullService,
  clientId: string,
  want: { scope: PullScope; key: string; cursor: number; limit: number },
  head: { version: number; lastSeq: number },
): Promise<PageRead> {
  const flightKey = `${want.key}@${head.version}`;
  const running = service.inflight.get(flightKey);
  if (running) {
    const shared = await running;
    if (shared.latest === head.version) return { ...shared, lastSeq: head.lastSeq };
  }
  const read = readPageNow(service, clientId, want);
  if (!running) {
    service.inflight.set(flightKey, read);
    void read.then(
      () => service.inflight.delete(flightKey),
      () => service.inflight.delete(flightKey),
    );
  }
  return read;
}

/**
 * The page read now, in one statement with the version and `clientId`'s seq, and
 * remembered for the pulls of the same page at that version. A poke reads this way:
 * it knows the version moved, so a head read first would only cost a round trip.
 */
export async function readPageNow(
  service: PullService,
  clientId: string,
  want: { scope: PullScope; cursor: number; limit: number },
): Promise<PageRead> {
  const r = await service.reader.read(want.scope, want.cursor, want.limit, clientId);
  const page = r.page;
  return {
    latest: r.latest,
    lastSeq: r.lastSeq,
    page: page && service.pages.get(pageKey(want), r.latest, () => withViewed(page)),
  };
}

/** The memo's key of a page. */
function pageKey(want: { scope: PullScope; cursor: number; limit: number }): string {
  return `${scopeKey(want.scope)}|${want.cursor}|${want.limit}`;
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

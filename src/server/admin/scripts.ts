import { z } from 'zod';
import type { AdminReason } from '../../shared/admin/reason';
import type { PublishScript, ScriptCheck, ScriptList, ScriptVersionInfo } from '../../shared/admin/scripts';
import { err, ok, type Result } from '../../shared/domain/result';
import { scriptShellSchema } from '../../shared/scripts/schema';
import { scriptTitleOf } from '../../shared/scripts/title';
import { describeProblems, validateScript, type ScriptProblem } from '../../shared/scripts/validate';
import { GLOBAL_TEAM } from '../../shared/sync/rows/common';
import { scriptRowId, scriptRowSchema, type ScriptRow } from '../../shared/sync/rows/script';
import { appendAudit } from '../audit';
import { checkScriptForPublishing } from '../scripts/check-script';
import type { Db } from '../storage/database';
import { readRows, writeRows } from '../storage/row-store';
import type { Actor } from './accounts';
import { countNoun } from '../../shared/domain/language/plural';

/** A document's id and version alone (other keys allowed). */
const namedSchema = z.object({ id: scriptShellSchema.shape.id, version: scriptShellSchema.shape.version });

/** Every stored script version (published or retired), parsed. */
async function scriptRows(db: Db): Promise<ScriptRow[]> {
  const rows = await db.selectFrom('scripts').select(['version', 'data']).where('deleted', '=', 0).execute();
  return rows.map((r) => scriptRowSchema.parse({ ...JSON.parse(r.data), version: r.version }));
}

function titleOf(row: ScriptRow): { en: string; es: string } {
  return scriptTitleOf(row.content, row.scriptId);
}

/** The version desktops offer for new forms: the newest published one. */
function offeredOf(rows: readonly ScriptRow[]): ScriptRow | undefined {
  return rows.filter((r) => r.published).sort((a, b) => b.scriptVersion - a.scriptVersion)[0];
}

/** Scripts with their versions, newest first, and which one desktops offer. */
export async function listScripts(db: Db): Promise<ScriptList> {
  const byScript = new Map<string, ScriptRow[]>();
  for (const row of await scriptRows(db))
    byScript.set(row.scriptId, [...(byScript.get(row.scriptId) ?? []), row]);
  const scripts = [...byScript.entries()].map(([scriptId, rows]) => {
    const versions: ScriptVersionInfo[] = rows
      .sort((a, b) => b.scriptVersion - a.scriptVersion)
      .map((r) => ({
        id: r.id,
        scriptVersion: r.scriptVersion,
        title: titleOf(r),
        published: r.published,
        publishedAt: r.publishedAt,
        retiredAt: r.retiredAt ?? null,
      }));
    const offered = offeredOf(rows);
    return {
      scriptId,
      title: offered ? titleOf(offered) : (versions[0]?.title ?? { en: scriptId, es: scriptId }),
      offered: offered?.scriptVersion ?? null,
      versions,
    };
  });
  return { scripts: scripts.sort((a, b) => a.title.en.localeCompare(b.title.en)) };
}

/** One stored version's document. */
export async function scriptContent(
  db: Db,
  id: string,
): Promise<Result<{ id: string; scriptVersion: number; content: unknown }>> {
  const found = (await readRows(db, [{ table: 'scripts', id }])).get(`scripts/${id}`) as
    ScriptRow | undefined;
  if (!found) return err('script.not_found', `No script version ${id}.`);
  return ok({ id, scriptVersion: found.scriptVersion, content: found.content });
}

/**
 * What publishing `content` would meet: the validator's findings (unreachable steps,
 * dead ends, missing translations… — shared/scripts validateScript, every one at once),
 * whether its version number is taken, and the version desktops offer now (for the diff).
 */
export async function checkScript(db: Db, content: unknown): Promise<ScriptCheck> {
  const validated = validateScript(content);
  const problems: ScriptProblem[] = validated.ok ? [] : validated.error;
  // The id and version alone, so a document with other problems still shows which it is.
  const named = namedSchema.safeParse(content);
  const scriptId = named.success ? named.data.id : null;
  const scriptVersion = named.success ? named.data.version : null;
  const rows = scriptId === null ? [] : (await scriptRows(db)).filter((r) => r.scriptId === scriptId);
  const offered = offeredOf(rows);
  return {
    scriptId,
    scriptVersion,
    problems,
    versionTaken: rows.some((r) => r.scriptVersion === scriptVersion),
    offered: offered ? { scriptVersion: offered.scriptVersion, content: offered.content } : null,
  };
}

/**
 * Publishes a new version: it must pass the validator and name the id and version it is
 * published as; published versions are immutable (a taken number is refused). Desktops
 * pull it at their next sync (the row is global; the caller pokes everyone).
 */
export async function publishScript(
  db: Db,
  body: PublishScript,
  by: Actor & { now: number },
): Promise<
  Result<{ id: string; version: number }, { code: string; message: string; problems?: ScriptProblem[] }>
> {
  const checked = checkScriptForPublishing(body.scriptId, body.scriptVersion, body.content);
  if (!checked.ok) {
    return {
      ok: false,
      error: {
        code: 'script.invalid',
        message: `The script cannot be published: ${countNoun('en', checked.error.length, 'problem', 'problems')}.\n${describeProblems(checked.error)}`,
        problems: checked.error,
      },
    };
  }
  const id = scriptRowId(body.scriptId, body.scriptVersion);
  const version = await db.transaction().execute(async (trx) => {
    if ((await readRows(trx, [{ table: 'scripts', id }])).size > 0) return undefined;
    const row = {
      id,
      team: GLOBAL_TEAM,
      scriptId: body.scriptId,
      scriptVersion: body.scriptVersion,
      content: body.content,
      published: true,
      publishedAt: by.now,
      retiredAt: null,
    };
    const v = await writeRows(trx, [{ table: 'scripts', row }]);
    await appendAudit(trx, scriptAudit('admin.script.publish', id, body.reason, by));
    return v;
  });
  if (version === undefined) {
    return err(
      'script.version_exists',
      `Version ${body.scriptVersion} of script ${body.scriptId} is already published; publish a new version.`,
    );
  }
  return ok({ id, version });
}

/**
 * Retires a version: desktops stop offering it for new forms (the newest version not
 * retired is offered instead, if any); a form already in progress keeps its version,
 * whose content stays in every cache.
 */
export async function retireScript(
  db: Db,
  id: string,
  reason: AdminReason,
  by: Actor & { now: number },
): Promise<Result<{ version: number }>> {
  return db.transaction().execute(async (trx) => {
    const found = (await readRows(trx, [{ table: 'scripts', id }])).get(`scripts/${id}`) as
      ScriptRow | undefined;
    if (!found) return err('script.not_found', `No script version ${id}.`);
    if (!found.published) return err('script.already_retired', `Script version ${id} is already retired.`);
    const { version: _v, ...row } = found;
    const version = (await writeRows(trx, [
      { table: 'scripts', row: { ...row, published: false, retiredAt: by.now } },
    ])) as number;
    await appendAudit(trx, scriptAudit('admin.script.retire', id, reason, by));
    return ok({ version });
  });
}

function scriptAudit(action: string, id: string, reason: AdminReason, by: Actor & { now: number }) {
  return {
    at: by.now,
    actorId: by.userId,
    action,
    entityType: 'script',
    entityId: id,
    sourceIp: by.ip,
    outcome: 'ok',
    detail: reason.ticket ? { reason: reason.code, ticket: reason.ticket } : { reason: reason.code },
  };
}

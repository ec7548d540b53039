import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { describeProblems } from '../../shared/scripts/validate';
import { GLOBAL_TEAM, idSchema } from '../../shared/sync/rows/common';
import { scriptRowId } from '../../shared/sync/rows/script';
import { appendAudit } from '../audit';
import { checkScriptForPublishing } from '../scripts/check-script';
import type { Db } from '../storage/database';
import { readRows, writeRows } from '../storage/row-store';
import { fail, parseRequest, requireAdmin } from './replies';
import type { RouteDeps } from './routes';

const publishScriptSchema = z.object({
  scriptId: idSchema,
  scriptVersion: z.number().int().min(1),
  content: z.json(),
});
type PublishScript = z.output<typeof publishScriptSchema>;

/** POST /api/admin/scripts: an administrator publishes a new script version (docs/scripts.md). */
export function registerAdminScriptRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post('/api/admin/scripts', (request, reply) => publishScriptRoute(deps, request, reply));
}

async function publishScriptRoute(deps: RouteDeps, request: FastifyRequest, reply: FastifyReply) {
  const admin = await requireAdmin(deps.auth, request, reply);
  if (!admin) return;
  const body = parseRequest(publishScriptSchema, request.body, reply);
  if (!body) return;
  const checked = checkScriptForPublishing(body.scriptId, body.scriptVersion, body.content);
  if (!checked.ok) {
    return reply.code(400).send({
      ok: false,
      error: {
        code: 'script.invalid',
        message: `The script cannot be published: ${checked.error.length} problem(s).\n${describeProblems(checked.error)}`,
        problems: checked.error,
      },
    });
  }
  const id = scriptRowId(body.scriptId, body.scriptVersion);
  const version = await publishScript(deps.db, id, body, {
    actorId: admin.user.id,
    ip: request.ip,
    now: deps.clock(),
  });
  if (version === undefined) {
    return fail(
      reply,
      409,
      'script.version_exists',
      `Version ${body.scriptVersion} of script ${body.scriptId} is already published; publish a new version.`,
    );
  }
  deps.sync().poke([GLOBAL_TEAM], version);
  return reply.code(201).send({ ok: true, value: { id, version } });
}

/** Writes the script row and its audit event in one transaction; undefined when that version exists. */
async function publishScript(
  db: Db,
  id: string,
  body: PublishScript,
  by: { actorId: string; ip: string; now: number },
): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const existing = await readRows(trx, [{ table: 'scripts', id }]);
    if (existing.size > 0) return undefined;
    const row = {
      id,
      team: GLOBAL_TEAM,
      scriptId: body.scriptId,
      scriptVersion: body.scriptVersion,
      content: body.content,
      published: true,
      publishedAt: by.now,
    };
    const version = await writeRows(trx, [{ table: 'scripts', row }]);
    await appendAudit(trx, {
      at: by.now,
      actorId: by.actorId,
      action: 'admin.script.publish',
      entityType: 'script',
      entityId: id,
      sourceIp: by.ip,
      outcome: 'ok',
    });
    return version;
  });
}

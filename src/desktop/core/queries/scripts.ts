import { err, ok, type Result } from '../../../shared/domain/result';
import { scriptTitleOf } from '../../../shared/scripts/title';
import type { ScriptRow } from '../../../shared/sync/rows/script';
import type { LocalStore } from '../../store/local-store';

export interface ScriptSummary {
  scriptId: string;
  latestVersion: number;
  publishedAt: number | null;
  title: { en: string; es: string };
  /** The IVR intents the script answers (content.intents): a screen pop picks the script by them. */
  intents: string[];
}

function intentsOf(row: ScriptRow): string[] {
  const content = row.content;
  if (!content || typeof content !== 'object' || Array.isArray(content)) return [];
  const intents = (content as Record<string, unknown>)['intents'];
  return Array.isArray(intents) ? intents.filter((i): i is string => typeof i === 'string') : [];
}

/** Published scripts, one entry per script at its latest version. */
export function listScripts(store: LocalStore): ScriptSummary[] {
  const latest = new Map<string, ScriptRow>();
  for (const row of store.rows.list('scripts')) {
    if (!row.published) continue;
    const seen = latest.get(row.scriptId);
    if (!seen || seen.scriptVersion < row.scriptVersion) latest.set(row.scriptId, row);
  }
  return [...latest.values()]
    .map((row) => ({
      scriptId: row.scriptId,
      latestVersion: row.scriptVersion,
      publishedAt: row.publishedAt,
      title: scriptTitleOf(row.content, row.scriptId),
      intents: intentsOf(row),
    }))
    .sort((a, b) => a.title.en.localeCompare(b.title.en));
}

/** One script version (the latest when `version` is omitted). */
export function getScript(
  store: LocalStore,
  scriptId: string,
  version: number | undefined,
): Result<{
  scriptId: string;
  scriptVersion: number;
  content: ScriptRow['content'];
  publishedAt: number | null;
}> {
  const candidates = store.rows.list('scripts').filter((r) => r.scriptId === scriptId && r.published);
  const row =
    version === undefined
      ? candidates.sort((a, b) => b.scriptVersion - a.scriptVersion)[0]
      : candidates.find((r) => r.scriptVersion === version);
  if (!row) {
    return err(
      'script.not_found',
      version === undefined
        ? `No published script "${scriptId}" is in the cache yet.`
        : `Version ${version} of script "${scriptId}" is not in the cache.`,
    );
  }
  return ok({
    scriptId: row.scriptId,
    scriptVersion: row.scriptVersion,
    content: row.content,
    publishedAt: row.publishedAt,
  });
}

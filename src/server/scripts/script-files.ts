import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../shared/domain/result';
import { parseScriptFile, parseScriptIndex, scriptFileName } from '../../shared/scripts/parse-file';
import { describeProblems } from '../../shared/scripts/validate';

export interface ScriptFile {
  fileName: string;
  scriptId: string;
  scriptVersion: number;
  /** The document as written (what gets published); it passed validateScript. */
  content: unknown;
}

const SCRIPT_FILE = /^[a-z0-9-]+\.v[1-9]\d*\.json$/;

/**
 * Every script file in `dir` (`<id>.v<version>.json`), in the order of its
 * `index.json` first, then any file the index does not list. Each is validated with
 * shared/scripts; one bad file fails the whole load with its problems, so a broken
 * starter script is caught at start-up, not by an agent mid-call.
 */
export function loadScriptFiles(dir: string): Result<ScriptFile[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => SCRIPT_FILE.test(n));
  } catch (error) {
    return err('scripts.folder_unreadable', `Cannot read the scripts folder ${dir}: ${messageOf(error)}`);
  }
  let order: string[] = [];
  try {
    const index = parseScriptIndex(readFileSync(join(dir, 'index.json'), 'utf8'));
    if (!index.ok) return err(index.error.code, `${dir}/${index.error.message}`);
    order = index.value.scripts;
  } catch {
    // No index.json: file-name order.
  }
  const unlisted = order.find((n) => !names.includes(n));
  if (unlisted)
    return err('scripts.missing_file', `${dir}/index.json lists ${unlisted}, which does not exist.`);
  const ordered = [...order, ...names.filter((n) => !order.includes(n)).sort()];
  const files: ScriptFile[] = [];
  for (const fileName of ordered) {
    const text = readFileSync(join(dir, fileName), 'utf8');
    const parsed = parseScriptFile(text);
    if (!parsed.ok) {
      return err(
        'scripts.invalid',
        `${dir}/${fileName} is not a valid script:\n${describeProblems(parsed.error)}`,
      );
    }
    if (scriptFileName(parsed.value) !== fileName) {
      return err(
        'scripts.misnamed',
        `${dir}/${fileName} holds ${parsed.value.id} version ${parsed.value.version}; name it ${scriptFileName(parsed.value)}.`,
      );
    }
    files.push({
      fileName,
      scriptId: parsed.value.id,
      scriptVersion: parsed.value.version,
      content: JSON.parse(text) as unknown,
    });
  }
  return ok(files);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

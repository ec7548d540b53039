import type { Result } from '../../shared/domain/result';
import { validateScript, type ScriptProblem } from '../../shared/scripts/validate';
import type { Script } from '../../shared/scripts/schema';

/**
 * Whether `content` may be published as `scriptId` version `scriptVersion`: it must
 * pass shared/scripts validateScript (the interpreter's own rules, every problem at
 * once) and name the same id and version as the row it is published under.
 */
export function checkScriptForPublishing(
  scriptId: string,
  scriptVersion: number,
  content: unknown,
): Result<Script, ScriptProblem[]> {
  const validated = validateScript(content);
  if (!validated.ok) return validated;
  const problems: ScriptProblem[] = [];
  if (validated.value.id !== scriptId) {
    problems.push({
      code: 'schema',
      path: 'id',
      message: `the script's id is "${validated.value.id}" but it is being published as "${scriptId}"`,
    });
  }
  if (validated.value.version !== scriptVersion) {
    problems.push({
      code: 'schema',
      path: 'version',
      message: `the script's version is ${validated.value.version} but it is being published as version ${scriptVersion}`,
    });
  }
  return problems.length > 0 ? { ok: false, error: problems } : validated;
}

import type { z } from 'zod';
import { err, ok, type Result } from '../domain/result';

/**
 * Reads a command's options from environment variables, then `--flag value` /
 * `--flag=value` arguments (flags win), and validates the result with zod. The
 * sync server and the browser host share it so both answer bad input the same way.
 */
export interface CommandLineSpec<T> {
  schema: z.ZodType<T>;
  /** `--port` → `port` */
  flags: Record<string, string>;
  /** `AGENT_DESK_PORT` → `port` */
  env: Record<string, string>;
  /** Flags without a value: `--no-server` → ['embeddedServer', 'false'] */
  switches?: Record<string, [key: string, value: string]>;
  usage: string;
}

export function parseCommandLine<T>(
  spec: CommandLineSpec<T>,
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Result<T> {
  const raw: Record<string, string> = {};
  for (const [name, key] of Object.entries(spec.env)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const toggle = spec.switches?.[arg];
    if (toggle) {
      raw[toggle[0]] = toggle[1];
      continue;
    }
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const key = spec.flags[flag as string];
    if (!key) return err('config.unknown_flag', `Unknown option ${flag}.\n${spec.usage}`);
    const value = inline ?? argv[++i];
    if (value === undefined) return err('config.missing_value', `${flag} needs a value.\n${spec.usage}`);
    raw[key] = value;
  }
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) {
    return err(
      'config.invalid',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  return ok(parsed.data);
}

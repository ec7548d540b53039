import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CoreLogger } from '../../desktop/core/logger';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
type Level = (typeof LEVELS)[number];

/**
 * JSON lines in userData/logs/agent-desk.log, rolled to .1 at `maxBytes`. Never
 * logs customer data: callers pass codes and ids only.
 */
export function fileLogger(
  file: string,
  level: Level,
  maxBytes = 5_000_000,
): CoreLogger & { debug: CoreLogger['info'] } {
  mkdirSync(dirname(file), { recursive: true });
  const threshold = LEVELS.indexOf(level);
  const write = (lvl: Level, message: string, detail?: Record<string, unknown>) => {
    if (LEVELS.indexOf(lvl) > threshold) return;
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > maxBytes) renameSync(file, `${file}.1`);
      appendFileSync(
        file,
        `${JSON.stringify({ time: new Date().toISOString(), level: lvl, message, ...detail })}\n`,
      );
    } catch {
      // Logging must never take the app down.
    }
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
    debug: (m, d) => write('debug', m, d),
  };
}

/** The little the core needs from a logger (pino, a file logger, or nothing in tests). */
export interface CoreLogger {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

export const silentLogger: CoreLogger = { info() {}, warn() {}, error() {} };

import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs. Callers log ids and codes, never customer data; the redact
 * list is a second line of defence for fields that must never appear.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'agent-desk-server' },
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'auth.token',
        'headers.authorization',
        'args',
        '*.args',
      ],
      censor: '[redacted]',
    },
  });
}

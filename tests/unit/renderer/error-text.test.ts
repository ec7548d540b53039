import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAttemptAllowed,
  type AttemptRecord,
  type CallbackAttemptState,
} from '../../../src/shared/domain/attempts';
import { checkExpediteCompleteness } from '../../../src/shared/domain/expedite/completeness';
import { parseANumber } from '../../../src/shared/domain/identifiers/a-number';
import { parseReceiptNumber } from '../../../src/shared/domain/identifiers/receipt-number';
import { parseUsPhone } from '../../../src/shared/domain/phones/phone-number';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import type { DomainError, Result } from '../../../src/shared/domain/result';
import { dueAt } from '../../../src/shared/domain/sla';
import { ipcResultSchema } from '../../../src/shared/ipc/result';
import { z } from 'zod';
import { errorText, type ErrorCatalogHolder } from '../../../src/renderer/src/i18n/error-text';
import { en } from '../../../src/renderer/src/i18n/catalog-en';
import { es } from '../../../src/renderer/src/i18n/catalog-es';
import { formatInstant } from '../../../src/renderer/src/i18n/format';
import { MIN, ny } from '../domain/helpers';

const policy = DEFAULT_POLICY;
const ZONE = policy.callbackHours.timeZone;

function failure<T>(result: Result<T>): DomainError {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

function attempt(at: number): AttemptRecord {
  return {
    id: `a${at}`,
    at,
    agentId: 'u1',
    numberDialed: '+12025550143',
    outcome: 'busy',
    messageLeft: false,
  };
}

function callback(attempts: AttemptRecord[], createdAt = ny('2026-11-30 09:00')): CallbackAttemptState {
  return { createdAt, dueAt: dueAt(createdAt, 'urgent', policy), attempts, extraAttemptsGranted: 0 };
}

describe('errorText', () => {
  it('says a refusal outside callback hours in Spanish, with the next opening in the callback-hours zone', () => {
    const saturday = ny('2026-11-28 10:00');
    const error = failure(checkAttemptAllowed(callback([], ny('2026-11-27 09:00')), saturday, policy));
    expect(error.code).toBe('attempt.outside_hours');
    // The English message is untouched (server logs and tests read it).
    expect(error.message).toBe(
      "Callbacks can't be made now: Sat 2026-11-28 is outside the callback days. Callback hours open again Mon 2026-11-30 07:00 EST.",
    );
    const opens = formatInstant(ny('2026-11-30 07:00'), ZONE);
    expect(errorText(error, es)).toBe(
      `No se pueden hacer llamadas de seguimiento en este momento: ${formatInstant(saturday, ZONE)} no es un día de llamadas. El horario de llamadas vuelve a abrir: ${opens}.`,
    );
    // An English screen shows the domain's sentence as sent (one code can carry several).
    expect(errorText(error, en)).toBe(error.message);
  });

  it('names the holiday in Spanish and says before-hours with the clock time', () => {
    const thanksgiving = failure(
      checkAttemptAllowed(callback([], ny('2026-11-25 09:00')), ny('2026-11-26 10:00'), policy),
    );
    expect(errorText(thanksgiving, es)).toContain('es día feriado federal (Día de Acción de Gracias)');
    const early = failure(
      checkAttemptAllowed(callback([], ny('2026-11-27 09:00')), ny('2026-11-30 06:15'), policy),
    );
    expect(errorText(early, es)).toContain(
      'la hora actual (6:15 AM EST) es anterior al horario de llamadas (07:00–18:30 EST)',
    );
  });

  it('keeps the attempt number, the earliest time and the policy minutes of a too-early retry', () => {
    const first = ny('2026-11-30 10:00');
    const error = failure(checkAttemptAllowed(callback([attempt(first)]), first + 30 * MIN, policy));
    expect(error.code).toBe('attempt.too_early');
    expect(errorText(error, es)).toBe(
      `Todavía no corresponde el intento 2: se puede hacer a partir de ${formatInstant(first + policy.attempts.retryEarliestMinutes * MIN, ZONE)} (${policy.attempts.retryEarliestMinutes} minutos después del último intento).`,
    );
  });

  it('translates field validation with its specifics, and nested receipt errors in the expedite checklist', () => {
    expect(errorText(failure(parseReceiptNumber('EAC12345')), es)).toBe(
      'el número de recibo tiene 8 caracteres; debe tener 13 (3 letras y 10 dígitos)',
    );
    expect(errorText(failure(parseANumber('12345678')), es)).toBe(
      'el número A debe empezar con la letra A, por ejemplo, A012345678; si es un número A, agregue la A: A12345678',
    );
    expect(errorText(failure(parseUsPhone('555-1234')), es)).toBe(
      'el número de teléfono tiene 7 dígitos; debe tener 10',
    );
    const issues = checkExpediteCompleteness({
      receiptNumber: 'XYZ2212345678',
      criteria: ['severe-financial-loss'],
      explanation: 'x',
      documentation: {},
    } as Parameters<typeof checkExpediteCompleteness>[0]);
    const receipt = issues.find((i) => i.code === 'expedite.receipt_invalid');
    expect(receipt && errorText(receipt, es)).toMatch(
      /^número de recibo: el prefijo de recibo XYZ no es conocido/,
    );
    const docs = issues.find((i) => i.code === 'expedite.documentation_not_recorded');
    expect(docs && errorText(docs, es)).toContain('«Pérdida financiera grave»');
    const routing = issues.find((i) => i.code === 'expedite.routing_required');
    expect(routing && errorText(routing, es)).toContain('el número de recibo no es válido');
  });

  it('says in English exactly what the domain says for sentences without times', () => {
    for (const input of ['', 'abc', '555-1234', '+44 20 7946 0958', '(900) 555-0199']) {
      const error = failure(parseUsPhone(input));
      expect(errorText(error, en)).toBe(error.message);
    }
    for (const input of ['', 'EAC12345', 'XYZ2212345678', 'EA#2212345678', 'EACD212345678']) {
      const error = failure(parseReceiptNumber(input));
      expect(errorText(error, en)).toBe(error.message);
    }
    for (const input of ['', '12345678', 'A12', 'A0000000', 'A12345678901']) {
      const error = failure(parseANumber(input));
      expect(errorText(error, en)).toBe(error.message);
    }
  });

  it('falls back to the English message for unknown codes and for known codes whose params did not arrive', () => {
    expect(
      errorText(
        { code: 'store.write_failed', message: 'The change could not be saved locally: disk full.' },
        es,
      ),
    ).toBe('The change could not be saved locally: disk full.');
    // A stored push rejection carries no params: the retry sentence needs them.
    const rejection = {
      code: 'attempt.too_early',
      message: 'Attempt 2 is not due before Mon 2026-11-30 11:00 EST.',
    };
    expect(errorText(rejection, es)).toBe(rejection.message);
    // A forbidden refusal without a known rule stays English; a known rule is translated.
    expect(errorText({ code: 'auth.forbidden', message: 'Only team leads can reassign.' }, es)).toBe(
      'Only team leads can reassign.',
    );
    expect(errorText({ code: 'auth.forbidden', message: 'x', params: { rule: 'tier2-claim' } }, es)).toBe(
      'Solo los agentes de Nivel 2 y los supervisores de equipo pueden asignarse llamadas de seguimiento de Nivel 2.',
    );
    // Params of the wrong type or an unknown zone are treated as missing.
    expect(errorText({ code: 'auth.locked', message: 'locked', params: { minutes: '5' } }, es)).toBe(
      'locked',
    );
    expect(
      errorText(
        {
          code: 'attempt.too_early',
          message: 'early',
          params: { basis: 'customer', earliest: 0, timeZone: 'Mars/Base' },
        },
        es,
      ),
    ).toBe('early');
    // Codes that share a name with Object.prototype members are not catalog entries.
    expect(errorText({ code: 'toString', message: 'plain' }, es)).toBe('plain');
  });

  it('translates codes without params by code, e.g. claim refusals that come back as push rejections', () => {
    expect(
      errorText(
        { code: 'callback.already_claimed', message: 'This callback is already claimed by another agent.' },
        es,
      ),
    ).toBe('Otro agente ya se asignó esta llamada de seguimiento.');
    expect(
      errorText({ code: 'session.wrong_password', message: 'm', params: { attemptsLeft: 1 } }, es),
    ).toContain('le queda 1 intento');
  });

  it('never throws and never shows a blank, whatever arrives', () => {
    const codes = [...Object.keys(es.errors), 'unknown.code'];
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.string({ minLength: 1 }),
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.double(), fc.integer())),
        (code, message, params) => {
          for (const catalog of [en, es]) {
            const text = errorText({ code, message, params }, catalog);
            expect(text.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('has every error code in both languages (the Spanish catalog type also enforces it)', () => {
    expect(Object.keys(es.errors).sort()).toEqual(Object.keys(en.errors).sort());
    for (const [code, entry] of Object.entries(es.errors)) {
      expect(typeof entry, code).toBe(typeof en.errors[code as keyof typeof en.errors]);
    }
  });

  it('counts in words by each language’s plural rules, never "(s)" (issue 13 item 7)', () => {
    // English shows the sender's message (messagesAreNative): read the English sentences directly too.
    const english = { errors: en.errors };
    const say = (code: string, params: Record<string, number>, catalog: ErrorCatalogHolder = english) =>
      errorText({ code, message: 'unused', params }, catalog);
    expect(say('session.pending_changes', { count: 1 })).toMatch(/^1 change has not reached/);
    expect(say('session.pending_changes', { count: 2 })).toMatch(/^2 changes have not reached/);
    expect(say('session.other_user_pending', { count: 1 })).toMatch(
      /^1 change made by another user on this desktop has not/,
    );
    expect(say('session.wrong_password', { attemptsLeft: 1 })).toContain('(1 attempt left before');
    expect(say('auth.rate_limited', { seconds: 1 })).toContain('try again in 1 second.');
    expect(say('auth.locked', { minutes: 5 })).toContain('locked for 5 more minutes.');
    expect(say('attempt.grant_limit', { granted: 1, limit: 1 })).toContain('had 1 extra attempt granted');
    expect(say('auth.locked', { minutes: 1 }, es)).toContain('durante 1 minuto más');
    expect(say('auth.rate_limited', { seconds: 1 }, es)).toContain('en 1 segundo.');
    // The messages the domain, desktop core and server send (English screens show them as sent).
    const files = [
      'renderer/src/i18n/errors-en.ts',
      'renderer/src/i18n/errors-es.ts',
      'desktop/core/desktop-session.ts',
      'server/auth/sign-in-gate.ts',
      'server/sync/connection-rate.ts',
      'server/admin/scripts.ts',
      'shared/domain/attempts.ts',
      'shared/sync/mutators/callback-schedule.ts',
    ];
    for (const file of files) {
      const source = readFileSync(new URL(`../../../src/${file}`, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/[a-z]\((s|es)\)( [a-z]|[.,;][ '`])/);
    }
  });

  it('keeps params across the IPC result schema', () => {
    const error = failure(parseReceiptNumber('EAC12345'));
    const parsed = ipcResultSchema(z.null()).parse({ ok: false, error });
    expect(parsed).toEqual({ ok: false, error });
  });
});

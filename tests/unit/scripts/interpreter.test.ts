import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseANumber, parseReceiptNumber } from '../../../src/shared/domain/identifiers';
import { parseUsPhone } from '../../../src/shared/domain/phones';
import { scriptProgressSchema } from '../../../src/shared/sync/rows/inquiry';
import {
  answer,
  back,
  canGoBack,
  checkAnswer,
  formatAnswer,
  currentAnswer,
  currentStep,
  isFinished,
  next,
  outcomeOf,
  progressOf,
  renderText,
  startScript,
  toScriptRecord,
  validateScript,
} from '../../../src/shared/scripts';
import type { AnswerSpec, Script, ScriptSession } from '../../../src/shared/scripts';
import { minimalScript } from './fixtures';
import { candidateInputs, loadStarterScripts, step } from './helpers';

function fixture(): Script {
  const parsed = validateScript(minimalScript());
  if (!parsed.ok) throw new Error('fixture must validate');
  return parsed.value;
}

function errorOf<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }) {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

const spec = (type: AnswerSpec['type'], required = true): AnswerSpec => ({ key: 'x', type, required });

describe('checkAnswer', () => {
  it('normalizes typed answers', () => {
    expect(checkAnswer(spec('receipt-number'), 'eac-22-123-45678')).toEqual({
      ok: true,
      value: 'EAC2212345678',
    });
    expect(checkAnswer(spec('a-number'), 'a-12-345-678')).toEqual({ ok: true, value: 'A012345678' });
    expect(checkAnswer(spec('phone'), '(202) 555-0143')).toEqual({ ok: true, value: '+12025550143' });
    expect(checkAnswer(spec('phone'), '202-555-0143 ext. 12')).toEqual({
      ok: true,
      value: '+12025550143;ext=12',
    });
    expect(checkAnswer(spec('date'), ' 2024-02-29 ')).toEqual({ ok: true, value: '2024-02-29' });
    expect(checkAnswer(spec('yes-no'), 'Sí')).toEqual({ ok: true, value: true });
    expect(checkAnswer(spec('yes-no'), false)).toEqual({ ok: true, value: false });
    expect(checkAnswer(spec('text'), '  hello ')).toEqual({ ok: true, value: 'hello' });
  });

  it('gives the domain message for bad identifiers', () => {
    for (const [type, input, parse] of [
      ['receipt-number', 'XYZ2212345678', parseReceiptNumber],
      ['a-number', '12345678', parseANumber],
      ['phone', '+44 20 7946 0958', parseUsPhone],
    ] as const) {
      const expected = parse(input);
      expect(expected.ok).toBe(false);
      if (!expected.ok) expect(errorOf(checkAnswer(spec(type), input))).toEqual(expected.error);
    }
  });

  it('rejects bad dates, choices and yes/no with a message', () => {
    expect(errorOf(checkAnswer(spec('date'), '2023-02-29')).code).toBe('date.no_such_day');
    expect(errorOf(checkAnswer(spec('date'), 'soon')).message).toContain('MM/DD/YYYY');
    const choice: AnswerSpec = {
      ...spec('choice'),
      choices: [
        { value: 'a', label: { en: 'A', es: 'A' } },
        { value: 'b', label: { en: 'B', es: 'B' } },
      ],
    };
    expect(errorOf(checkAnswer(choice, 'c')).message).toContain('a, b');
    expect(errorOf(checkAnswer(spec('yes-no'), 'maybe')).code).toBe('answer.yes_no');
    expect(errorOf(checkAnswer(spec('text'), 'x'.repeat(4001))).code).toBe('answer.too_long');
    expect(errorOf(checkAnswer(spec('receipt-number'), 42)).code).toBe('answer.not_text');
  });

  it("reads a date the way the agent's screen language writes it, and says it in words", () => {
    expect(checkAnswer(spec('date'), '11/02/2026')).toEqual({ ok: true, value: '2026-11-02' });
    expect(checkAnswer(spec('date'), '11/02/2026', 'es')).toEqual({ ok: true, value: '2026-02-11' });
    expect(checkAnswer(spec('date'), '2 de noviembre de 2026', 'es')).toEqual({
      ok: true,
      value: '2026-11-02',
    });
    expect(formatAnswer(spec('date'), '2026-11-02', 'en')).toBe('Monday, November 2, 2026');
    expect(formatAnswer(spec('date'), '2026-11-02', 'es')).toBe('lunes, 2 de noviembre de 2026');
  });

  it('empty is required or null', () => {
    expect(errorOf(checkAnswer(spec('text'), '  ')).code).toBe('answer.required');
    expect(checkAnswer(spec('text', false), '')).toEqual({ ok: true, value: null });
  });
});

describe('interpreter: walking a script', () => {
  it('starts at the start step and prefills from the IVR', () => {
    const s = startScript(fixture(), {
      language: 'en',
      ivr: { intent: 'x', receiptNumber: 'EAC2212345678' },
    });
    expect(s.stepId).toBe('hello');
    expect(s.answers.receiptNumber).toBe('EAC2212345678');
    expect(s.prefilled).toEqual(['receiptNumber']);
    const atReceipt = step(s);
    expect(currentAnswer(atReceipt)).toBe('EAC2212345678');
    // The prefilled answer lets the agent move on after confirming it.
    expect(step(atReceipt).stepId).toBe('kind');
  });

  it('does not prefill a value the IVR heard wrong', () => {
    const s = startScript(fixture(), { language: 'en', ivr: { receiptNumber: 'EAC22' } });
    expect(s.answers.receiptNumber).toBeUndefined();
    expect(s.prefilled).toEqual([]);
  });

  it('editing a prefilled answer clears its prefilled mark', () => {
    const s = step(startScript(fixture(), { language: 'en', ivr: { receiptNumber: 'EAC2212345678' } }));
    const edited = answer(s, 'WAC2212345678');
    expect(edited.ok && edited.value.prefilled).toEqual([]);
  });

  it('answers are validated and normalized; a bad one leaves the session as it was', () => {
    const s = step(startScript(fixture(), { language: 'en' }));
    const bad = answer(s, 'EAC-22');
    expect(errorOf(bad).code).toBe('receipt.wrong_length');
    const good = answer(s, 'eac 22 123 45678');
    expect(good.ok && good.value.answers.receiptNumber).toBe('EAC2212345678');
    expect(s.answers.receiptNumber).toBeUndefined();
  });

  it('a required question blocks next until answered', () => {
    const s = step(startScript(fixture(), { language: 'en' }));
    expect(errorOf(next(s)).code).toBe('answer.required');
  });

  it('refuses to answer a say step, to go past an outcome or back from the start', () => {
    const s = startScript(fixture(), { language: 'en' });
    expect(errorOf(answer(s, 'x')).code).toBe('script.not_a_question');
    expect(errorOf(back(s)).code).toBe('script.at_start');
    expect(canGoBack(s)).toBe(false);
    const done = step(step(step(step(s), 'EAC2212345678'), 'simple'), true);
    expect(isFinished(done)).toBe(true);
    expect(errorOf(next(done)).code).toBe('script.finished');
  });

  it('follows branches to the outcome and reports it', () => {
    const s = startScript(fixture(), { language: 'en' });
    const hard = step(step(step(step(s), 'EAC2212345678'), 'hard'), '202-555-0143');
    expect(outcomeOf(hard)).toEqual({
      stepId: 'escalate',
      outcome: 'tier2-escalation',
      reason: 'beyond-tier1-scope',
      carried: {},
      note: 'An officer will call (202) 555-0143.',
    });
    expect(outcomeOf(s)).toBeUndefined();
  });

  it('back and forward keep later answers', () => {
    let s = startScript(fixture(), { language: 'en' });
    s = step(step(step(s), 'EAC2212345678'), 'simple');
    s = must(answer(s, true));
    // Back twice to the receipt question, then forward again along the same way.
    s = must(back(must(back(s))));
    expect(s.stepId).toBe('receipt');
    expect(s.ahead).toEqual(['kind', 'confirm']);
    s = must(next(s));
    expect(currentAnswer(s)).toBe('simple');
    s = must(next(s));
    expect(s.stepId).toBe('confirm');
    expect(currentAnswer(s)).toBe(true);
  });

  it('a changed branch drops the answers of the abandoned path', () => {
    let s = startScript(fixture(), { language: 'en' });
    s = step(step(step(s), 'EAC2212345678'), 'simple');
    s = must(answer(s, true));
    s = must(back(s));
    s = must(answer(s, 'hard'));
    s = must(next(s));
    expect(s.stepId).toBe('phone');
    expect(s.answers.done).toBeUndefined();
    expect(s.answers.receiptNumber).toBe('EAC2212345678');
    expect(s.ahead).toEqual([]);
  });

  it('renders Spanish text for a Spanish caller, with details filled in', () => {
    let s = startScript(fixture(), { language: 'es', customer: { name: 'Ana Pérez' } });
    expect(renderText(currentStep(s), s)).toBe('Hola Ana Pérez.');
    s = step(step(step(s), 'EAC2212345678'), 'simple');
    expect(renderText(currentStep(s), s)).toBe('¿Resuelto para EAC2212345678?');
    s = step(s, 'sí');
    expect(outcomeOf(s)?.note).toBe('Listo: Sencillo.');
  });

  it('shows a missing detail as [field] rather than reading braces aloud', () => {
    const s = startScript(fixture(), { language: 'en' });
    expect(renderText(currentStep(s), s)).toBe('Hello [customer.name].');
  });

  it('progress counts the walked steps and the predicted rest', () => {
    let s = startScript(fixture(), { language: 'en' });
    expect(progressOf(s)).toEqual({ step: 1, of: 5, approximate: true });
    s = step(step(step(s), 'EAC2212345678'), 'hard');
    expect(progressOf(s)).toEqual({ step: 4, of: 5, approximate: false });
  });

  it('records the script id, version and the answers on the walked path', () => {
    let s = startScript(fixture(), { language: 'en' });
    s = step(step(step(step(s), 'EAC2212345678'), 'hard'), '202-555-0143');
    const record = toScriptRecord(s);
    expect(record).toEqual({
      scriptId: 'fixture',
      scriptVersion: 1,
      answers: { receiptNumber: 'EAC2212345678', kind: 'hard', phone: '+12025550143' },
    });
    expect(scriptProgressSchema.safeParse(record).success).toBe(true);
  });

  it('sessions are plain data: a JSON round trip walks on the same', () => {
    const s = step(startScript(fixture(), { language: 'en' }));
    const copy = JSON.parse(JSON.stringify(s)) as ScriptSession;
    expect(must(answer(copy, 'EAC2212345678'))).toEqual(must(answer(s, 'EAC2212345678')));
  });

  it('never mutates the session it is given', () => {
    const s = Object.freeze(step(startScript(fixture(), { language: 'en' })));
    expect(() => must(next(must(answer(s, 'EAC2212345678'))))).not.toThrow();
  });
});

describe('interpreter: random walks (property)', () => {
  const scripts = [fixture(), ...loadStarterScripts()];
  const action = fc.oneof(
    fc.constant({ kind: 'next' as const }),
    fc.constant({ kind: 'back' as const }),
    fc.record({ kind: fc.constant('candidate' as const), pick: fc.nat() }),
    fc.record({
      kind: fc.constant('raw' as const),
      value: fc.oneof(
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        fc.integer(),
        fc.constant('EAC2212345678'),
      ),
    }),
  );

  it('never throws and always stays on a step of the script', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scripts),
        fc.constantFrom('en' as const, 'es' as const),
        fc.array(action, { maxLength: 60 }),
        (script, language, actions) => {
          let s = startScript(script, { language, ivr: { receiptNumber: 'EAC2212345678' } });
          for (const a of actions) {
            let r;
            if (a.kind === 'next') r = next(s);
            else if (a.kind === 'back') r = back(s);
            else if (a.kind === 'raw') r = answer(s, a.value);
            else {
              const options = candidateInputs(s);
              r = options.length > 0 ? answer(s, options[a.pick % options.length]) : answer(s, 'x');
            }
            if (r.ok) s = r.value;
            else expect(r.error.message.length).toBeGreaterThan(0);
            expect(script.steps[s.stepId]).toBeDefined();
            for (const id of [...s.history, ...s.ahead]) expect(script.steps[id]).toBeDefined();
            expect(typeof renderText(currentStep(s), s)).toBe('string');
            const p = progressOf(s);
            expect(p.step).toBe(s.history.length + 1);
            expect(p.of).toBeGreaterThanOrEqual(p.step);
            expect(isFinished(s)).toBe(outcomeOf(s) !== undefined);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

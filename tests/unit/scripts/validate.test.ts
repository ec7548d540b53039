import { describe, expect, it } from 'vitest';
import { INQUIRY_OUTCOMES } from '../../../src/shared/sync/rows/inquiry';
import { parseScriptFile, validateScript } from '../../../src/shared/scripts';
import type { ScriptProblem, ScriptProblemCode } from '../../../src/shared/scripts';
import { broken, minimalScript } from './fixtures';

function problemsOf(doc: unknown): ScriptProblem[] {
  const result = validateScript(doc);
  return result.ok ? [] : result.error;
}

function only(doc: unknown, code: ScriptProblemCode): ScriptProblem[] {
  const problems = problemsOf(doc);
  expect(problems.map((p) => p.code)).toContain(code);
  return problems.filter((p) => p.code === code);
}

describe('validateScript', () => {
  it('accepts the minimal fixture and fills defaults', () => {
    const result = validateScript(minimalScript());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.steps.hello?.kind).toBe('say');
  });

  it('reports schema errors with the step id and field', () => {
    const [p] = only(
      broken((d) => {
        d.steps.receipt.answer.type = 'zip-code';
      }),
      'schema',
    );
    expect(p?.stepId).toBe('receipt');
    expect(p?.path).toBe('steps.receipt.answer.type');
    expect(p?.message).toContain('step "receipt"');
  });

  it('rejects a non-object document without throwing', () => {
    for (const doc of [null, 42, 'script', [], undefined]) {
      const problems = problemsOf(doc);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.code === 'schema')).toBe(true);
    }
  });

  it('reports an invalid step id', () => {
    const doc = broken((d) => {
      d.steps['Bad Id'] = d.steps.resolved;
      d.steps.confirm.next.branches[0].next = 'Bad Id';
    });
    const problems = only(doc, 'schema');
    expect(problems.some((p) => p.stepId === 'Bad Id' && p.message.startsWith('step id "Bad Id"'))).toBe(
      true,
    );
  });

  it('reports an unknown next target, branch target, otherwise and start', () => {
    const doc = broken((d) => {
      d.start = 'nowhere';
      d.steps.hello.next = 'missing-a';
      d.steps.kind.next.branches[0].next = 'missing-b';
      d.steps.confirm.next.otherwise = 'missing-c';
    });
    const problems = only(doc, 'unknown-target');
    expect(problems.map((p) => p.path).sort()).toEqual([
      'start',
      'steps.confirm.next.otherwise',
      'steps.hello.next',
      'steps.kind.next.branches.0.next',
    ]);
    expect(problems.find((p) => p.path === 'steps.hello.next')?.message).toContain('"missing-a"');
  });

  it('reports unreachable steps', () => {
    const doc = broken((d) => {
      d.steps.orphan = { kind: 'say', text: { en: 'Hi', es: 'Hola' }, next: 'resolved' };
    });
    const [p] = only(doc, 'unreachable');
    expect(p?.stepId).toBe('orphan');
  });

  it('reports dead ends: a loop with no exit', () => {
    const doc = broken((d) => {
      d.steps.confirm.next = 'loop-a';
      d.steps['loop-a'] = { kind: 'say', text: { en: 'A', es: 'A' }, next: 'loop-b' };
      d.steps['loop-b'] = { kind: 'say', text: { en: 'B', es: 'B' }, next: 'loop-a' };
    });
    const ids = only(doc, 'dead-end').map((p) => p.stepId);
    expect(ids).toEqual(expect.arrayContaining(['loop-a', 'loop-b']));
    // The steps before still reach an outcome through the other branch.
    expect(ids).not.toContain('hello');
  });

  it('accepts a loop that has an exit', () => {
    const doc = broken((d) => {
      d.steps.confirm.next = {
        branches: [{ when: { answer: 'done', equals: false }, next: 'receipt' }],
        otherwise: 'resolved',
      };
    });
    expect(problemsOf(doc)).toEqual([]);
  });

  it('reports a script with no outcome at all as dead ends', () => {
    const doc = {
      ...minimalScript(),
      start: 'a',
      steps: { a: { kind: 'say', text: { en: 'A', es: 'A' }, next: 'a' } },
    };
    expect(only(doc, 'dead-end').map((p) => p.stepId)).toEqual(['a']);
  });

  it('reports missing translations, including a missing side and the title', () => {
    const doc = broken((d) => {
      d.title.es = '';
      d.steps.hello.text.es = '   ';
      delete d.steps.kind.answer.choices[1].label.en;
      d.steps.resolved.note = { en: 'Done.' };
    });
    const problems = only(doc, 'missing-translation');
    expect(problems.map((p) => p.path).sort()).toEqual([
      'steps.hello.text.es',
      'steps.kind.answer.choices.1.label.en',
      'steps.resolved.note.es',
      'title.es',
    ]);
    expect(problems.find((p) => p.stepId === 'hello')?.message).toContain('Spanish');
  });

  it('requires the topic in both languages; a bare string topic is the English side, reported without Spanish', () => {
    const bare = { ...minimalScript(), topic: 'Case status' };
    const problems = only(bare, 'missing-translation');
    expect(problems.map((p) => [p.path, p.message])).toEqual([['topic.es', 'topic has no Spanish text']]);
    const noEnglish = { ...minimalScript(), topic: { en: ' ', es: 'Estado del caso' } };
    expect(problemsOf(noEnglish).map((p) => p.path)).toContain('topic.en');
    const both = validateScript(minimalScript());
    expect(both.ok && both.value.topic).toEqual({ en: 'Fixture topic', es: 'Tema de prueba' });
  });

  it('reports a translation that mentions different details', () => {
    const doc = broken((d) => {
      d.steps.hello.text.es = 'Hola.';
    });
    expect(only(doc, 'translation-mismatch')[0]?.stepId).toBe('hello');
  });

  it('reports a choice branch on a value that is not a choice', () => {
    const doc = broken((d) => {
      d.steps.kind.next.branches = [
        { when: { answer: 'kind', equals: 'medium' }, next: 'phone' },
        { when: { answer: 'kind', in: ['simple', 'easy'] }, next: 'confirm' },
      ];
    });
    const problems = only(doc, 'unknown-choice');
    expect(problems).toHaveLength(2);
    expect(problems[0]?.message).toContain('"medium"');
    expect(problems[1]?.message).toContain('"easy"');
  });

  it('reports branches on unknown answers and on the wrong type', () => {
    const doc = broken((d) => {
      d.steps.kind.next.branches = [
        { when: { answer: 'nope', isSet: true }, next: 'phone' },
        { when: { answer: 'kind', equals: true }, next: 'phone' },
      ];
      d.steps.confirm.next.branches[0].when = { answer: 'done', equals: 'yes' };
    });
    expect(only(doc, 'unknown-answer')[0]?.message).toContain('"nope"');
    expect(
      only(doc, 'branch-type-mismatch')
        .map((p) => p.stepId)
        .sort(),
    ).toEqual(['confirm', 'kind']);
  });

  it('reports a condition with none or two of equals/in/isSet', () => {
    const doc = broken((d) => {
      d.steps.kind.next.branches[0].when = { answer: 'kind' };
      d.steps.confirm.next.branches[0].when = { answer: 'done', equals: true, isSet: true };
    });
    const problems = only(doc, 'schema');
    expect(problems.map((p) => p.stepId).sort()).toEqual(['confirm', 'kind']);
    expect(problems[0]?.message).toContain('exactly one of');
  });

  it('reports duplicate answer keys', () => {
    const doc = broken((d) => {
      d.steps.phone.answer.key = 'receiptNumber';
      d.steps.phone.answer.type = 'receipt-number';
    });
    const [p] = only(doc, 'duplicate-answer-key');
    expect(['phone', 'receipt']).toContain(p?.stepId);
    expect(p?.message).toContain('receiptNumber');
  });

  it('reports unknown placeholders and stray braces', () => {
    const doc = broken((d) => {
      d.steps.hello.text = { en: 'Hi {{customer.shoeSize}}', es: 'Hola {{customer.shoeSize}}' };
      d.steps.resolved.note = { en: 'Done {{answers.nothing}}.', es: 'Listo {{answers.nothing}}.' };
      d.steps.escalate.note = { en: 'Call {{answers.phone}.', es: 'Llamar {{answers.phone}.' };
    });
    const problems = only(doc, 'unknown-placeholder');
    expect(problems.filter((p) => p.stepId === 'hello')).toHaveLength(2);
    expect(problems.filter((p) => p.stepId === 'resolved')).toHaveLength(2);
    expect(problems.find((p) => p.stepId === 'escalate')?.message).toContain('unclosed');
  });

  it('reports a prefill source that does not fit the question type', () => {
    const doc = broken((d) => {
      d.steps.phone.answer.prefillFrom = 'customer.aNumber';
    });
    expect(only(doc, 'prefill-mismatch')[0]?.message).toContain('a-number');
  });

  it('requires the per-outcome details', () => {
    const doc = broken((d) => {
      d.steps.resolved = { kind: 'outcome', outcome: 'callback', note: { en: 'x', es: 'x' } };
      d.steps.escalate = {
        kind: 'outcome',
        outcome: 'link-sent',
        reason: 'urgent-situation',
        link: 'http://example.com',
        note: { en: 'x', es: 'x' },
      };
    });
    const messages = only(doc, 'schema').map((p) => `${p.stepId}: ${p.message}`);
    expect(messages.some((m) => m.startsWith('resolved') && m.includes('urgency'))).toBe(true);
    expect(messages.some((m) => m.startsWith('escalate') && m.includes('channel'))).toBe(true);
    expect(messages.some((m) => m.startsWith('escalate') && m.includes('https'))).toBe(true);
    expect(messages.some((m) => m.startsWith('escalate') && m.includes('"reason"'))).toBe(true);
  });

  it('checks what an outcome carries forward and a service request type', () => {
    const doc = broken((d) => {
      d.steps.resolved = {
        kind: 'outcome',
        outcome: 'appointment-request',
        urgency: 'urgent',
        carry: { urgentReason: 'kind', explanation: 'phone' },
        note: { en: 'x', es: 'x' },
      };
      d.steps.escalate = {
        kind: 'outcome',
        outcome: 'tier2-escalation',
        reason: 'urgent-situation',
        serviceRequestType: 'non-delivery',
        note: { en: 'x', es: 'x' },
      };
    });
    const mismatches = only(doc, 'prefill-mismatch').map((p) => p.message);
    expect(mismatches.some((m) => m.includes('urgent reason') && m.includes('simple'))).toBe(true);
    expect(mismatches.some((m) => m.includes('explanation') && m.includes('phone answer'))).toBe(true);
    expect(only(doc, 'schema').some((p) => p.message.includes('serviceRequestType'))).toBe(true);
    const unknown = broken((d) => {
      d.steps.resolved = {
        kind: 'outcome',
        outcome: 'service-request',
        serviceRequestType: 'non-delivery',
        carry: { explanation: 'nothing' },
        note: { en: 'x', es: 'x' },
      };
    });
    expect(only(unknown, 'unknown-answer')[0]?.path).toBe('steps.resolved.carry.explanation');
  });

  it('rejects an outcome kind the inquiry row does not know', () => {
    const doc = broken((d) => {
      d.steps.resolved.outcome = 'approved';
    });
    const [p] = only(doc, 'schema');
    expect(p?.path).toBe('steps.resolved.outcome');
    for (const kind of INQUIRY_OUTCOMES) expect(p?.message).toContain(kind);
  });

  it('reports every kind of problem in one pass', () => {
    const doc = broken((d) => {
      d.title.en = '';
      d.steps.phone.answer.key = 'kind';
      d.steps.phone.answer.type = 'choice';
      d.steps.phone.answer.choices = [
        { value: 'x', label: { en: 'X', es: 'X' } },
        { value: 'y', label: { en: 'Y', es: 'Y' } },
      ];
      d.steps.hello.text = { en: '{{answers.nope}}', es: '{{answers.nope}}' };
      d.steps.kind.next.branches[0].when.equals = 'medium';
      d.steps.escalate.next = 'x';
    });
    const codes = new Set(problemsOf(doc).map((p) => p.code));
    expect(codes).toEqual(
      new Set([
        'missing-translation',
        'duplicate-answer-key',
        'unknown-placeholder',
        'unknown-choice',
        'schema',
      ]),
    );
  });
});

describe('parseScriptFile', () => {
  it('reports text that is not JSON', () => {
    const result = parseScriptFile('{ "id": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]?.code).toBe('invalid-json');
  });

  it('parses and validates a file', () => {
    expect(parseScriptFile(JSON.stringify(minimalScript())).ok).toBe(true);
  });
});

import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { issuesText, parseUnknown } from '../../../src/shared/domain/parse';

const schema = z.object({ name: z.string().min(1), count: z.number().int() }).strict();

describe('issuesText', () => {
  it('names each issue by its path, and the root when it has none', () => {
    const parsed = schema.safeParse({ name: '', count: 1.5 });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(issuesText(parsed.error)).toMatch(/^name: .+; count: .+$/);
    const top = z.string().safeParse(3);
    if (top.success) throw new Error('a number is not a string');
    expect(issuesText(top.error, 'body')).toMatch(/^body: /);
  });
});

describe('parseUnknown', () => {
  it('answers the parsed value', () => {
    expect(parseUnknown(schema, { name: 'a', count: 2 }, 'x.bad', 'The thing')).toEqual({
      ok: true,
      value: { name: 'a', count: 2 },
    });
  });

  it('answers the code and a sentence naming what was wrong', () => {
    const answer = parseUnknown(schema, { name: 'a', count: 2, extra: true }, 'x.bad', 'The thing');
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('x.bad');
    expect(answer.error.message).toMatch(/^The thing is not valid: value: .*extra/);
  });
});

import { describe, expect, it } from 'vitest';
import { expediteDraftSchema, expediteRequestSchema } from '../../../../src/shared/domain/expedite';
import type { ExpediteRequest } from '../../../../src/shared/domain/expedite';
import { completeRequest } from './fixtures';

function messages(input: unknown): string[] {
  const result = expediteRequestSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('expediteRequestSchema', () => {
  it('accepts a complete request and normalizes its receipt number', () => {
    const result = expediteRequestSchema.safeParse(completeRequest({ receiptNumber: 'eac-22-123-45678' }));
    expect(result.success).toBe(true);
    expect(result.data?.receiptNumber).toBe('EAC2212345678');
  });

  it('accepts a request without a receipt number', () => {
    const { receiptNumber: _omit, ...rest } = completeRequest();
    expect(expediteRequestSchema.safeParse(rest).success).toBe(true);
  });

  it.each(['decision', 'approved', 'denied'])('rejects a payload that carries a %s property', (key) => {
    for (const value of [true, false, 'approved', 'denied', null]) {
      const result = expediteRequestSchema.safeParse({ ...completeRequest(), [key]: value });
      expect(result.success).toBe(false);
      expect(
        result.error?.issues.some((i) => i.code === 'unrecognized_keys' && i.message.includes(key)),
      ).toBe(true);
    }
  });

  it('rejects decision-like keys in a draft too, so no path can carry one', () => {
    const { routing: _r, status: _s, ...draft } = completeRequest();
    expect(expediteDraftSchema.safeParse(draft).success).toBe(true);
    expect(expediteDraftSchema.safeParse({ ...draft, decision: 'approved' }).success).toBe(false);
  });

  it('has no decision field in its type', () => {
    // @ts-expect-error — an ExpediteRequest cannot carry a decision
    const withDecision: ExpediteRequest = { ...completeRequest(), decision: 'approved' };
    expect(withDecision).toBeDefined();
  });

  it('rejects an incomplete request with the completeness messages', () => {
    expect(messages(completeRequest({ explanation: '  ' }))).toContain(
      "explanation is required: record in the caller's words why the case needs to be expedited",
    );
    expect(messages(completeRequest({ criteria: [], documentation: {} }))).toEqual([
      'choose at least one criterion: Severe financial loss, Urgent humanitarian reasons, Compelling U.S. government interests, Clear USCIS error',
    ]);
  });

  it('requires a routing and a status', () => {
    const { routing: _r, ...noRouting } = completeRequest();
    expect(expediteRequestSchema.safeParse(noRouting).success).toBe(false);
    expect(expediteRequestSchema.safeParse({ ...completeRequest(), status: 'approved' }).success).toBe(false);
  });

  it('rejects a repeated criterion, an unknown documentation item and documentation for an unchosen criterion', () => {
    expect(
      messages(completeRequest({ criteria: ['severe-financial-loss', 'severe-financial-loss'] })),
    ).toContain("criterion 'Severe financial loss' is chosen twice");
    expect(
      messages(
        completeRequest({
          documentation: {
            'severe-financial-loss': {
              'proof-of-loss': 'provided',
              'not-own-failure': 'provided',
              tax: 'provided',
            },
          },
        }),
      ),
    ).toContain(
      "'Severe financial loss' has no documentation item 'tax'; expected one of proof-of-loss, not-own-failure",
    );
    expect(
      messages(
        completeRequest({
          documentation: {
            ...completeRequest().documentation,
            'clear-uscis-error': { 'notice-with-error': 'provided' },
          },
        }),
      ),
    ).toContain(
      "documentation is recorded for 'Clear USCIS error', which is not a chosen criterion; choose it or remove that documentation",
    );
  });

  it('rejects an invalid receipt number with its message', () => {
    expect(messages(completeRequest({ receiptNumber: 'XYZ2212345678' }))[0]).toMatch(
      /^unknown receipt prefix XYZ/,
    );
  });

  it('rejects an unknown documentation status', () => {
    expect(
      expediteRequestSchema.safeParse(
        completeRequest({
          documentation: {
            'severe-financial-loss': { 'proof-of-loss': 'approved', 'not-own-failure': 'provided' },
          } as never,
        }),
      ).success,
    ).toBe(false);
  });
});

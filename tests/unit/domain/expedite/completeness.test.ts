import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENTATION_STATUSES,
  EXPEDITE_CRITERIA,
  EXPEDITE_CRITERION_IDS,
  EXPEDITE_EXPLANATION_MAX_CHARS,
  checkExpediteCompleteness,
  expediteCriterion,
} from '../../../../src/shared/domain/expedite';
import type { CriterionDocumentation, ExpediteDraft } from '../../../../src/shared/domain/expedite';
import { completeRequest } from './fixtures';

const messages = (draft: ExpediteDraft) => checkExpediteCompleteness(draft).map((i) => i.message);
const codes = (draft: ExpediteDraft) => checkExpediteCompleteness(draft).map((i) => i.code);

describe('checkExpediteCompleteness: examples', () => {
  it('is empty for a complete request', () => {
    expect(checkExpediteCompleteness(completeRequest())).toEqual([]);
  });

  it('reports an empty draft item by item', () => {
    expect(messages({ criteria: [], explanation: '', documentation: {} })).toEqual([
      'choose at least one criterion: Severe financial loss, Urgent humanitarian reasons, Compelling U.S. government interests, Clear USCIS error',
      "explanation is required: record in the caller's words why the case needs to be expedited",
      'choose a routing: no receipt number was recorded, so nothing suggests a component; choose one from the case data',
    ]);
  });

  it('names the criterion and the documentation not yet recorded', () => {
    expect(
      messages(
        completeRequest({ documentation: { 'severe-financial-loss': { 'not-own-failure': 'provided' } } }),
      ),
    ).toEqual(["documentation for 'Severe financial loss' is not recorded: proof of the loss"]);
    expect(
      messages(
        completeRequest({
          criteria: ['severe-financial-loss', 'urgent-humanitarian-reasons'],
        }),
      ),
    ).toEqual([
      "documentation for 'Urgent humanitarian reasons' is not recorded: medical records or a letter from a doctor; death certificate; evidence of the urgent travel",
    ]);
  });

  it('requires some documentation: not everything may be "not available"', () => {
    expect(
      messages(
        completeRequest({
          documentation: {
            'severe-financial-loss': { 'proof-of-loss': 'not-available', 'not-own-failure': 'not-available' },
          },
        }),
      ),
    ).toEqual([
      "documentation is required for 'Severe financial loss', but none is provided or will be sent: ask whether the caller can send proof of the loss or proof the loss is not from the customer's own delay",
    ]);
  });

  it('accepts "not available" for items that do not apply when others are coming', () => {
    expect(
      checkExpediteCompleteness(
        completeRequest({
          criteria: ['urgent-humanitarian-reasons'],
          documentation: {
            'urgent-humanitarian-reasons': {
              'medical-evidence': 'will-send',
              'death-certificate': 'not-available',
              'travel-evidence': 'not-available',
            },
          },
        }),
      ),
    ).toEqual([]);
  });

  it('suggests the routing from the receipt number when none is chosen', () => {
    expect(messages(completeRequest({ routing: undefined as never }))).toEqual([
      'choose a routing: the receipt number suggests Service Center Operations (receipt prefix EAC is the Vermont Service Center, reviewed by Service Center Operations)',
    ]);
  });

  it('says why an IOE receipt number does not tell the routing', () => {
    expect(
      messages(completeRequest({ receiptNumber: 'IOE0912345678', routing: undefined as never })),
    ).toEqual([
      'choose a routing: the receipt number IOE-09-123-45678 (Online filing (USCIS ELIS)) does not tell which component handles the case; choose one from the case data',
    ]);
  });

  it('reports an invalid receipt number and does not route on it', () => {
    expect(messages(completeRequest({ receiptNumber: 'EAC22', routing: undefined as never }))).toEqual([
      'receipt number: receipt number has 5 characters, expected 13 (3 letters + 10 digits)',
      'choose a routing: the receipt number is not valid, so it cannot suggest a component',
    ]);
  });

  it('bounds the explanation length', () => {
    const long = 'x'.repeat(EXPEDITE_EXPLANATION_MAX_CHARS + 1);
    expect(messages(completeRequest({ explanation: long }))).toEqual([
      `explanation has ${EXPEDITE_EXPLANATION_MAX_CHARS + 1} characters; shorten it to ${EXPEDITE_EXPLANATION_MAX_CHARS} or fewer`,
    ]);
    expect(codes(completeRequest({ explanation: 'x'.repeat(EXPEDITE_EXPLANATION_MAX_CHARS) }))).toEqual([]);
  });
});

describe('checkExpediteCompleteness: property', () => {
  const status = fc.option(fc.constantFrom(...DOCUMENTATION_STATUSES), { nil: undefined });
  const documentation: fc.Arbitrary<CriterionDocumentation> = fc
    .tuple(
      ...EXPEDITE_CRITERIA.map((c) =>
        fc.option(fc.tuple(...c.documentation.map(() => status)), { nil: undefined, freq: 4 }),
      ),
    )
    .map((perCriterion) => {
      const doc: CriterionDocumentation = {};
      perCriterion.forEach((answers, index) => {
        const criterion = EXPEDITE_CRITERIA[index];
        if (!criterion || !answers) return;
        const entry: Record<string, (typeof DOCUMENTATION_STATUSES)[number]> = {};
        criterion.documentation.forEach((item, i) => {
          const answer = answers[i];
          if (answer !== undefined) entry[item.id] = answer;
        });
        doc[criterion.id] = entry;
      });
      return doc;
    });
  const draft: fc.Arbitrary<ExpediteDraft> = fc.record(
    {
      receiptNumber: fc.constantFrom('EAC2212345678', 'IOE0912345678', 'MSC2212345678'),
      criteria: fc.subarray([...EXPEDITE_CRITERION_IDS]),
      explanation: fc.oneof(
        fc.constantFrom(
          '',
          '   ',
          '\n',
          'I will lose my job.',
          'x'.repeat(EXPEDITE_EXPLANATION_MAX_CHARS + 1),
        ),
        fc.string({ maxLength: 40 }),
      ),
      documentation,
      routing: fc.constantFrom('service-center-operations' as const, 'field-operations' as const),
    },
    { requiredKeys: ['criteria', 'explanation', 'documentation'] },
  );

  /** The definition of "complete", written independently of the implementation. */
  function allRequiredPartsPresent(d: ExpediteDraft): boolean {
    return (
      d.criteria.length > 0 &&
      d.explanation.trim().length > 0 &&
      d.explanation.length <= EXPEDITE_EXPLANATION_MAX_CHARS &&
      d.routing !== undefined &&
      d.criteria.every((id) => {
        const answers = d.documentation[id] ?? {};
        const items = expediteCriterion(id).documentation;
        return (
          items.every((item) => answers[item.id] !== undefined) &&
          items.some((item) => answers[item.id] === 'provided' || answers[item.id] === 'will-send')
        );
      })
    );
  }

  it('is empty exactly when all required parts are present', () => {
    fc.assert(
      fc.property(draft, (d) => {
        expect(checkExpediteCompleteness(d).length === 0).toBe(allRequiredPartsPresent(d));
      }),
      { numRuns: 2000 },
    );
  });
});

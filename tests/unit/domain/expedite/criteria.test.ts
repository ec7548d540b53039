import { describe, expect, it } from 'vitest';
import {
  EXPEDITE_CRITERIA,
  EXPEDITE_CRITERION_IDS,
  expediteCriterion,
} from '../../../../src/shared/domain/expedite';

describe('expedite criteria data', () => {
  it('has the four criteria of PRODUCT.md rule 7, in order', () => {
    expect(EXPEDITE_CRITERIA.map((c) => c.label.en)).toEqual([
      'Severe financial loss',
      'Urgent humanitarian reasons',
      'Compelling U.S. government interests',
      'Clear USCIS error',
    ]);
    expect(EXPEDITE_CRITERIA.map((c) => c.id)).toEqual([...EXPEDITE_CRITERION_IDS]);
  });

  it('labels every criterion and documentation item in English and Spanish', () => {
    for (const criterion of EXPEDITE_CRITERIA) {
      expect(criterion.label.es.trim()).not.toBe('');
      expect(criterion.label.es).not.toBe(criterion.label.en);
      expect(criterion.documentation.length).toBeGreaterThan(0);
      for (const item of criterion.documentation) {
        for (const text of [item.label.en, item.label.es, item.examples.en, item.examples.es]) {
          expect(text.trim()).not.toBe('');
        }
        expect(item.label.es).not.toBe(item.label.en);
      }
    }
  });

  it('uses unique item ids within a criterion', () => {
    for (const criterion of EXPEDITE_CRITERIA) {
      const ids = criterion.documentation.map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('asks for the documentation each criterion realistically needs', () => {
    const items = (id: (typeof EXPEDITE_CRITERION_IDS)[number]) =>
      expediteCriterion(id).documentation.map((d) => d.label.en);
    expect(items('severe-financial-loss')).toEqual([
      'proof of the loss',
      "proof the loss is not from the customer's own delay",
    ]);
    expect(items('urgent-humanitarian-reasons')).toEqual([
      'medical records or a letter from a doctor',
      'death certificate',
      'evidence of the urgent travel',
    ]);
    expect(items('compelling-government-interests')[0]).toBe(
      'request letter from a federal, state or local agency',
    );
    expect(items('clear-uscis-error')).toContain('the notice or document with the error');
  });
});

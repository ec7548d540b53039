import type { ExpediteRequest } from '../../../../src/shared/domain/expedite';

/** A complete, recorded financial-loss request on a Vermont receipt number. */
export function completeRequest(overrides: Partial<ExpediteRequest> = {}): ExpediteRequest {
  return {
    receiptNumber: 'EAC2212345678',
    criteria: ['severe-financial-loss'],
    explanation: 'My employer will let me go on the 30th if my work permit is not renewed.',
    documentation: {
      'severe-financial-loss': { 'proof-of-loss': 'will-send', 'not-own-failure': 'provided' },
    },
    routing: 'service-center-operations',
    status: 'recorded',
    ...overrides,
  };
}

import { describe, expect, it } from 'vitest';
import { routeExpedite } from '../../../../src/shared/domain/expedite';
import { parseReceiptNumber } from '../../../../src/shared/domain/identifiers';
import type { ReceiptNumber } from '../../../../src/shared/domain/identifiers';

function receipt(input: string): ReceiptNumber {
  const r = parseReceiptNumber(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('routeExpedite', () => {
  it('defaults a service-center receipt to Service Center Operations', () => {
    expect(routeExpedite(receipt('WAC2212345678'))).toEqual({
      kind: 'default',
      routing: 'service-center-operations',
      reason: 'receipt prefix WAC is the California Service Center, reviewed by Service Center Operations',
    });
  });

  it('defaults a National Benefits Center receipt to Field Operations', () => {
    expect(routeExpedite(receipt('MSC2212345678'))).toMatchObject({
      kind: 'default',
      routing: 'field-operations',
    });
    expect(routeExpedite(receipt('NBC2212345678'))).toMatchObject({
      kind: 'default',
      routing: 'field-operations',
    });
  });

  it('asks the agent for an online-filing (IOE) receipt', () => {
    expect(routeExpedite(receipt('IOE0912345678'))).toEqual({
      kind: 'agent-must-choose',
      reason:
        'the receipt number IOE-09-123-45678 (Online filing (USCIS ELIS)) does not tell which component handles the case; choose one from the case data',
    });
  });

  it('asks the agent when there is no receipt number', () => {
    expect(routeExpedite()).toMatchObject({ kind: 'agent-must-choose' });
    expect(routeExpedite(undefined).reason).toMatch(/^no receipt number was recorded/);
  });
});

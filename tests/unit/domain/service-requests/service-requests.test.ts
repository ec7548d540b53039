import { describe, expect, it } from 'vitest';
import { parseReceiptNumber } from '../../../../src/shared/domain/identifiers/receipt-number';
import { DEFAULT_POLICY, parsePolicy } from '../../../../src/shared/domain/policy';
import {
  checkStatusChange,
  findCategory,
  isPastTarget,
  routeServiceRequest,
  serviceRequestTargetDate,
} from '../../../../src/shared/domain/service-requests';
import { ny } from '../helpers';

const categories = DEFAULT_POLICY.serviceRequests.categories;
const five = { targetBusinessDays: 5 };
const receipt = (text: string) => {
  const parsed = parseReceiptNumber(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};

describe('service-request target dates (business calendar)', () => {
  it('count business days after the day the request is received', () => {
    // Tuesday 2025-03-11 10:00 → 5 business days → Tuesday 2025-03-18.
    expect(serviceRequestTargetDate(ny('2025-03-11 10:00'), five, DEFAULT_POLICY)).toBe('2025-03-18');
  });

  it('a request made after hours or on a weekend is received the next business day', () => {
    // Friday 19:00 → received Monday 03-17 → Monday 03-24.
    expect(serviceRequestTargetDate(ny('2025-03-14 19:00'), five, DEFAULT_POLICY)).toBe('2025-03-24');
    expect(serviceRequestTargetDate(ny('2025-03-15 11:00'), five, DEFAULT_POLICY)).toBe('2025-03-24');
  });

  it('skip observed federal holidays', () => {
    // Wednesday 2025-06-18 + 2 business days: Thursday 06-19 is Juneteenth → Monday 06-23.
    expect(serviceRequestTargetDate(ny('2025-06-18 09:00'), { targetBusinessDays: 2 }, DEFAULT_POLICY)).toBe(
      '2025-06-23',
    );
    // Christmas 2027 is a Saturday, observed Friday 12-24: Thursday 12-23 + 1 → Monday 12-27.
    expect(serviceRequestTargetDate(ny('2027-12-23 09:00'), { targetBusinessDays: 1 }, DEFAULT_POLICY)).toBe(
      '2027-12-27',
    );
  });

  it('are past target from the day after the target date, until answered', () => {
    const request = { status: 'open' as const, targetDate: '2025-03-18' };
    expect(isPastTarget(request, ny('2025-03-18 23:59'), DEFAULT_POLICY)).toBe(false);
    expect(isPastTarget(request, ny('2025-03-19 00:01'), DEFAULT_POLICY)).toBe(true);
    expect(
      isPastTarget({ ...request, status: 'sent-to-office' }, ny('2025-03-20 09:00'), DEFAULT_POLICY),
    ).toBe(true);
    expect(isPastTarget({ ...request, status: 'answered' }, ny('2025-03-20 09:00'), DEFAULT_POLICY)).toBe(
      false,
    );
  });
});

describe('service-request categories and routing', () => {
  it('a category is the policy’s; a retired one is refused for new requests only', () => {
    const retired = categories.map((c) => (c.id === 'other' ? { ...c, retired: true } : c));
    expect(findCategory(retired, 'other', { forNewRequest: true })).toMatchObject({
      ok: false,
      error: { code: 'service_request.category_retired' },
    });
    expect(findCategory(retired, 'other', { forNewRequest: false })).toMatchObject({ ok: true });
    expect(findCategory(categories, 'nope', { forNewRequest: true })).toMatchObject({
      ok: false,
      error: { code: 'service_request.unknown_category', params: { category: 'nope' } },
    });
  });

  it('goes to the office that has the case, the category’s component, or the agent’s choice', () => {
    const caseOffice = { routesTo: 'case-office' as const };
    expect(routeServiceRequest(caseOffice, receipt('EAC2212345678'), null)).toEqual({
      ok: true,
      value: { routing: 'service-center-operations', office: 'Vermont Service Center', source: 'receipt' },
    });
    expect(routeServiceRequest(caseOffice, receipt('MSC2212345678'), null)).toMatchObject({
      ok: true,
      value: { routing: 'field-operations', office: 'National Benefits Center' },
    });
    expect(routeServiceRequest(caseOffice, receipt('IOE0912345678'), null)).toMatchObject({
      ok: false,
      error: { code: 'service_request.routing_required' },
    });
    expect(routeServiceRequest(caseOffice, undefined, 'field-operations')).toEqual({
      ok: true,
      value: { routing: 'field-operations', office: null, source: 'agent' },
    });
    expect(routeServiceRequest({ routesTo: 'field-operations' }, receipt('EAC2212345678'), null)).toEqual({
      ok: true,
      value: { routing: 'field-operations', office: null, source: 'category' },
    });
  });

  it('statuses move forward only; a closed request stays closed', () => {
    expect(checkStatusChange('open', 'sent-to-office')).toEqual({ ok: true, value: undefined });
    expect(checkStatusChange('open', 'closed')).toEqual({ ok: true, value: undefined });
    expect(checkStatusChange('answered', 'sent-to-office')).toMatchObject({
      ok: false,
      error: { code: 'service_request.status_backwards', params: { from: 'answered', to: 'sent-to-office' } },
    });
    expect(checkStatusChange('closed', 'closed')).toMatchObject({
      ok: false,
      error: { code: 'service_request.closed' },
    });
  });

  it('the policy refuses duplicate ids, no active category and targets out of range', () => {
    const withCategories = (list: unknown) =>
      parsePolicy({ ...DEFAULT_POLICY, serviceRequests: { categories: list } });
    expect(withCategories([...categories, categories[0]])).toMatchObject({
      ok: false,
      error: expect.stringContaining('unique'),
    });
    expect(withCategories(categories.map((c) => ({ ...c, retired: true })))).toMatchObject({
      ok: false,
      error: expect.stringContaining('must not be retired'),
    });
    expect(withCategories([{ ...categories[0], targetBusinessDays: 0 }])).toMatchObject({
      ok: false,
      error: expect.stringContaining('targetBusinessDays'),
    });
  });
});

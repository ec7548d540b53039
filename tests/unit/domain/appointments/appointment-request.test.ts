import { describe, expect, it } from 'vitest';
import {
  APPOINTMENT_EXPLANATION_MAX_CHARS,
  URGENT_APPOINTMENT_REASONS,
  URGENT_APPOINTMENT_REASON_LABELS,
  appointmentRequestSchema,
  checkAppointmentRequest,
} from '../../../../src/shared/domain/appointments';
import type { AppointmentRequest } from '../../../../src/shared/domain/appointments';

const urgent: AppointmentRequest = {
  urgent: true,
  urgentReason: 'medical-emergency',
  explanation: 'Needs a travel document to reach a hospital abroad next week.',
  preferredOffice: 'Baltimore Field Office',
};
const nonUrgent: AppointmentRequest = { urgent: false, explanation: 'Needs an ADIT stamp.' };

describe('urgent appointment reasons', () => {
  it('are the three of PRODUCT.md rule 8, labeled in English and Spanish', () => {
    expect(URGENT_APPOINTMENT_REASONS.map((r) => URGENT_APPOINTMENT_REASON_LABELS[r].en)).toEqual([
      'Family emergency that requires travel',
      'Medical emergency',
      'Financial issue, including loss of employment or of aid or benefits',
    ]);
    for (const reason of URGENT_APPOINTMENT_REASONS) {
      const { en, es } = URGENT_APPOINTMENT_REASON_LABELS[reason];
      expect(es.trim()).not.toBe('');
      expect(es).not.toBe(en);
    }
  });
});

describe('checkAppointmentRequest', () => {
  it('accepts a valid urgent and a valid non-urgent request', () => {
    expect(checkAppointmentRequest(urgent)).toEqual([]);
    expect(checkAppointmentRequest(nonUrgent)).toEqual([]);
  });

  it('requires a reason for an urgent request', () => {
    expect(checkAppointmentRequest({ ...urgent, urgentReason: undefined })).toEqual([
      {
        code: 'appointment.urgent_reason_required',
        message:
          'an urgent appointment request needs a reason: family emergency that requires travel; medical emergency; financial issue, including loss of employment or of aid or benefits',
      },
    ]);
  });

  it('refuses an urgent reason on a non-urgent request', () => {
    expect(checkAppointmentRequest({ ...nonUrgent, urgentReason: 'family-emergency-travel' })).toMatchObject([
      {
        code: 'appointment.reason_without_urgency',
        message:
          "a non-urgent request must not carry an urgent reason ('Family emergency that requires travel'): mark it urgent or remove the reason",
      },
    ]);
  });

  it('requires an explanation, asking why it cannot wait when urgent', () => {
    expect(checkAppointmentRequest({ ...nonUrgent, explanation: ' ' })).toMatchObject([
      {
        code: 'appointment.explanation_required',
        message: 'explanation is required: record what the caller needs the appointment for',
      },
    ]);
    expect(checkAppointmentRequest({ ...urgent, explanation: '' })[0]?.message).toBe(
      'explanation is required: record what the caller needs the appointment for and why it cannot wait',
    );
  });

  it('bounds the explanation length', () => {
    const n = APPOINTMENT_EXPLANATION_MAX_CHARS + 1;
    expect(checkAppointmentRequest({ ...nonUrgent, explanation: 'x'.repeat(n) })).toMatchObject([
      {
        code: 'appointment.explanation_too_long',
        message: `explanation has ${n} characters; shorten it to ${APPOINTMENT_EXPLANATION_MAX_CHARS} or fewer`,
      },
    ]);
  });
});

describe('appointmentRequestSchema', () => {
  it('accepts valid requests and normalizes a receipt number', () => {
    expect(
      appointmentRequestSchema.parse({ ...nonUrgent, receiptNumber: 'msc-22-123-45678' }).receiptNumber,
    ).toBe('MSC2212345678');
    expect(appointmentRequestSchema.safeParse(urgent).success).toBe(true);
  });

  it('reports the same messages on the right field', () => {
    const result = appointmentRequestSchema.safeParse({ urgent: true, explanation: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['urgentReason', expect.stringMatching(/^an urgent appointment request needs a reason/)],
      ['explanation', expect.stringMatching(/^explanation is required/)],
    ]);
  });

  it('rejects unknown keys, an unknown reason and a bad receipt number', () => {
    expect(appointmentRequestSchema.safeParse({ ...nonUrgent, scheduledFor: 1 }).success).toBe(false);
    expect(appointmentRequestSchema.safeParse({ ...urgent, urgentReason: 'vacation' }).success).toBe(false);
    expect(appointmentRequestSchema.safeParse({ ...nonUrgent, receiptNumber: 'ABC' }).success).toBe(false);
  });
});

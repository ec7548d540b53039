/**
 * The reasons that make an in-person appointment request urgent (PRODUCT.md rule 8).
 * Urgent requests are reviewed individually and prioritized; anything else queues.
 */
type Bilingual = Readonly<{ en: string; es: string }>;

export const URGENT_APPOINTMENT_REASONS = [
  'family-emergency-travel',
  'medical-emergency',
  'financial-loss-employment-or-benefits',
] as const;
export type UrgentAppointmentReason = (typeof URGENT_APPOINTMENT_REASONS)[number];

export const URGENT_APPOINTMENT_REASON_LABELS: Readonly<Record<UrgentAppointmentReason, Bilingual>> = {
  'family-emergency-travel': {
    en: 'Family emergency that requires travel',
    es: 'Emergencia familiar que requiere viajar',
  },
  'medical-emergency': {
    en: 'Medical emergency',
    es: 'Emergencia médica',
  },
  'financial-loss-employment-or-benefits': {
    en: 'Financial issue, including loss of employment or of aid or benefits',
    es: 'Problema financiero, incluida la pérdida del empleo o de ayudas o beneficios',
  },
};

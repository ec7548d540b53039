/**
 * Order of the appointment-request queue (PRODUCT.md rule 8): urgent requests are
 * reviewed individually and come first; everything else is queued for the next
 * available slot, first come first served. Within each band, older first.
 */
type Bilingual = Readonly<{ en: string; es: string }>;

export type AppointmentHandling = 'review-individually' | 'next-available-slot';

export interface AppointmentPriority {
  /** 0 = urgent, 1 = non-urgent; lower sorts first. */
  readonly band: 0 | 1;
  /** Epoch ms the request was created (server clock); the tie-breaker within a band. */
  readonly createdAt: number;
  readonly handling: AppointmentHandling;
}

export const APPOINTMENT_HANDLING_LABELS: Readonly<Record<AppointmentHandling, Bilingual>> = {
  'review-individually': {
    en: 'Urgent: reviewed individually and prioritized',
    es: 'Urgente: se revisa individualmente y tiene prioridad',
  },
  'next-available-slot': {
    en: 'Queued for the next available slot',
    es: 'En espera de la próxima cita disponible',
  },
};

export function appointmentPriority(
  request: { readonly urgent: boolean },
  createdAt: number,
): AppointmentPriority {
  return request.urgent
    ? { band: 0, createdAt, handling: 'review-individually' }
    : { band: 1, createdAt, handling: 'next-available-slot' };
}

/** For Array#sort: negative when `a` should be handled before `b`. A non-finite time sorts last in its band. */
export function compareAppointmentPriority(a: AppointmentPriority, b: AppointmentPriority): number {
  if (a.band !== b.band) return a.band - b.band;
  const at = Number.isFinite(a.createdAt) ? a.createdAt : Number.POSITIVE_INFINITY;
  const bt = Number.isFinite(b.createdAt) ? b.createdAt : Number.POSITIVE_INFINITY;
  return at === bt ? 0 : at < bt ? -1 : 1;
}

/**
 * The two USCIS operational components that review what the contact center records
 * (expedite requests, referrals). The contact center itself decides nothing; it routes.
 */
export const OPERATIONAL_COMPONENT_IDS = ['service-center-operations', 'field-operations'] as const;
export type OperationalComponent = (typeof OPERATIONAL_COMPONENT_IDS)[number];

export const OPERATIONAL_COMPONENT_LABELS: Readonly<
  Record<OperationalComponent, Readonly<{ en: string; es: string }>>
> = {
  'service-center-operations': {
    en: 'Service Center Operations',
    es: 'Operaciones de Centros de Servicio',
  },
  'field-operations': {
    en: 'Field Operations',
    es: 'Operaciones de Campo',
  },
};

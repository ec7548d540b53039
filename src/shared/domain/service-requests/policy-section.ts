import { z } from 'zod';
import { bilingualLabelSchema, policyItemIdSchema, uniqueIds } from '../bilingual-label';
import { OPERATIONAL_COMPONENT_IDS } from '../identifiers/operational-components';

/**
 * Service-request categories (PRODUCT.md rule 11): what agents pick from, each with
 * its target response time in business days and where it goes. Policy data: the
 * center changes categories and targets by directive.
 *
 * `routesTo`:
 * - `case-office`: the office that has the case, as the receipt number tells (the
 *   Vermont Service Center for EAC…), under that office's operational component; when
 *   the receipt cannot tell (IOE, none recorded) the agent chooses the component;
 * - an operational component: always there (accommodations go to Field Operations,
 *   which runs the field offices and application support centers).
 */
export const SERVICE_REQUEST_ROUTES = ['case-office', ...OPERATIONAL_COMPONENT_IDS] as const;
export type ServiceRequestRoute = (typeof SERVICE_REQUEST_ROUTES)[number];

export const serviceRequestCategorySchema = z.object({
  id: policyItemIdSchema,
  label: bilingualLabelSchema,
  targetBusinessDays: z.number().int().min(1, 'a target is at least 1 business day').max(120),
  routesTo: z.enum(SERVICE_REQUEST_ROUTES),
  /** A retired category stays readable on old requests but is no longer offered. */
  retired: z.boolean().default(false),
});
export type ServiceRequestCategory = z.infer<typeof serviceRequestCategorySchema>;

export const serviceRequestPolicySchema = z.object({
  categories: z
    .array(serviceRequestCategorySchema)
    .min(1, 'at least one service-request category is required')
    .refine(uniqueIds, { message: 'service-request category ids must be unique' })
    .refine((list) => list.some((c) => !c.retired), {
      message: 'at least one service-request category must not be retired',
    }),
});
export type ServiceRequestPolicy = z.infer<typeof serviceRequestPolicySchema>;

/**
 * Starter categories, named after the service request tool's common types; their
 * ids are the `type` values requests carried before categories were policy, so
 * those requests keep their category. Targets are examples an admin sets.
 */
export const DEFAULT_SERVICE_REQUESTS: ServiceRequestPolicy = {
  categories: [
    {
      id: 'outside-normal-processing-time',
      label: { en: 'Case outside normal processing time', es: 'Caso fuera del tiempo normal de trámite' },
      targetBusinessDays: 15,
      routesTo: 'case-office',
      retired: false,
    },
    {
      id: 'non-delivery',
      label: { en: 'Notice or card not delivered', es: 'Notificación o tarjeta no entregada' },
      targetBusinessDays: 10,
      routesTo: 'case-office',
      retired: false,
    },
    {
      id: 'typographical-error',
      label: {
        en: 'Typographical error on a notice or card',
        es: 'Error tipográfico en una notificación o tarjeta',
      },
      targetBusinessDays: 15,
      routesTo: 'case-office',
      retired: false,
    },
    {
      id: 'address-change',
      label: { en: 'Address change on a pending case', es: 'Cambio de dirección en un caso pendiente' },
      targetBusinessDays: 5,
      routesTo: 'case-office',
      retired: false,
    },
    {
      id: 'accommodation',
      label: { en: 'Disability accommodation request', es: 'Solicitud de acomodo por discapacidad' },
      targetBusinessDays: 5,
      routesTo: 'field-operations',
      retired: false,
    },
    {
      id: 'other',
      label: { en: 'Other case problem', es: 'Otro problema del caso' },
      targetBusinessDays: 15,
      routesTo: 'case-office',
      retired: false,
    },
  ],
};

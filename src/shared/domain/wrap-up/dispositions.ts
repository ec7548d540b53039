import { z } from 'zod';
import { bilingualLabelSchema, policyItemIdSchema, uniqueIds } from '../bilingual-label';
import { contactChannelSchema, type ContactChannel } from '../contact-channels';
import { err, ok, type Result } from '../result';
import { CASE_ROLES, type Role } from '../roles';

/**
 * Wrap-up codes (dispositions): what the agent says a contact came to when it ends.
 * The list is policy data — the center adds and retires codes by directive — and
 * each code says which roles may pick it and on which channels (a callback can end
 * in "voicemail left"; a live call cannot).
 */
export const dispositionSchema = z.object({
  id: policyItemIdSchema,
  label: bilingualLabelSchema,
  roles: z.array(z.enum(CASE_ROLES)).min(1, 'a wrap-up code needs at least one role'),
  channels: z.array(contactChannelSchema).min(1, 'a wrap-up code needs at least one channel'),
});
export type Disposition = z.infer<typeof dispositionSchema>;

export const dispositionListSchema = z
  .array(dispositionSchema)
  .min(1, 'at least one wrap-up code is required')
  .refine(uniqueIds, { message: 'wrap-up code ids must be unique' });

const LIVE = ['phone', 'chat', 'email'] as const;
const ALL = ['phone', 'chat', 'email', 'callback'] as const;
const EVERYONE = ['tier1', 'tier2', 'lead'] as const;

/** The starter list (an admin edits it in the policy). */
export const DEFAULT_DISPOSITIONS: readonly Disposition[] = [
  {
    id: 'case-status-given',
    label: { en: 'Case status given', es: 'Estado del caso informado' },
    roles: [...EVERYONE],
    channels: [...ALL],
  },
  {
    id: 'general-information',
    label: { en: 'General information given', es: 'Información general dada' },
    roles: [...EVERYONE],
    channels: [...ALL],
  },
  {
    id: 'service-request-created',
    label: { en: 'Service request created', es: 'Solicitud de servicio creada' },
    roles: [...EVERYONE],
    channels: [...ALL],
  },
  {
    id: 'expedite-recorded',
    label: { en: 'Expedite request recorded', es: 'Solicitud de trámite acelerado registrada' },
    roles: [...EVERYONE],
    channels: [...ALL],
  },
  {
    id: 'appointment-requested',
    label: { en: 'Appointment requested', es: 'Cita solicitada' },
    roles: [...EVERYONE],
    channels: [...ALL],
  },
  {
    id: 'escalated-to-tier2',
    label: { en: 'Escalated to Tier 2', es: 'Escalado al Nivel 2' },
    roles: ['tier1'],
    channels: [...ALL],
  },
  {
    id: 'resolved-by-tier2',
    label: { en: 'Resolved by a Tier 2 officer', es: 'Resuelto por un oficial de Nivel 2' },
    roles: ['tier2', 'lead'],
    channels: [...ALL],
  },
  {
    id: 'returned-to-tier1',
    label: { en: 'Returned to Tier 1', es: 'Devuelto al Nivel 1' },
    roles: ['tier2', 'lead'],
    channels: [...ALL],
  },
  {
    id: 'referred-elsewhere',
    label: { en: 'Referred to another agency', es: 'Remitido a otra agencia' },
    roles: [...EVERYONE],
    channels: [...ALL],
  },
  {
    id: 'identity-not-verified',
    label: { en: 'Caller not verified: nothing disclosed', es: 'Llamante no verificado: nada divulgado' },
    roles: [...EVERYONE],
    channels: [...ALL],
  },
  {
    id: 'caller-disconnected',
    label: { en: 'Caller disconnected', es: 'El llamante colgó' },
    roles: [...EVERYONE],
    channels: [...LIVE],
  },
  {
    id: 'voicemail-left',
    label: { en: 'No answer: voicemail left', es: 'Sin respuesta: mensaje de voz dejado' },
    roles: [...EVERYONE],
    channels: ['callback'],
  },
  {
    id: 'no-contact',
    label: { en: 'No answer: no message possible', es: 'Sin respuesta: no se pudo dejar mensaje' },
    roles: [...EVERYONE],
    channels: ['callback'],
  },
];

/** The codes an agent of `role` may pick on `channel`, in the policy's order. */
export function dispositionsFor(
  list: readonly Disposition[],
  role: Role,
  channel: ContactChannel,
): Disposition[] {
  return list.filter((d) => (d.roles as readonly string[]).includes(role) && d.channels.includes(channel));
}

/** Whether `id` is a code this agent may pick for this contact; the reason when not. */
export function checkDisposition(
  list: readonly Disposition[],
  id: string,
  role: Role,
  channel: ContactChannel,
): Result<Disposition> {
  const found = list.find((d) => d.id === id);
  if (!found) {
    return err('wrap_up.unknown_disposition', `"${id}" is not a wrap-up code of the current policy.`, {
      disposition: id,
    });
  }
  if (!(found.roles as readonly string[]).includes(role) || !found.channels.includes(channel)) {
    return err(
      'wrap_up.disposition_not_allowed',
      `The wrap-up code "${found.label.en}" is not available to your role on a ${channel} contact.`,
      { disposition: id, channel },
    );
  }
  return ok(found);
}

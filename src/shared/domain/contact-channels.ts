import { z } from 'zod';

/** How a contact reached the center or the center reached the customer. */
export const CONTACT_CHANNELS = ['phone', 'chat', 'email', 'callback'] as const;
export const contactChannelSchema = z.enum(CONTACT_CHANNELS);
export type ContactChannel = z.infer<typeof contactChannelSchema>;

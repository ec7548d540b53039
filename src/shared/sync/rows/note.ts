import { z } from 'zod';
import { NOTE_STORAGE_MAX_CHARS } from '../../domain/notes/notes';
import { baseRowShape, idSchema, instantSchema } from './common';

/** The contacts a note can be about (besides the customer as a whole). */
export const NOTE_SUBJECT_TABLES = [
  'inquiries',
  'callbacks',
  'service_requests',
  'expedite_requests',
  'appointment_requests',
] as const;

export const noteSubjectSchema = z.object({ table: z.enum(NOTE_SUBJECT_TABLES), id: idSchema });
export type NoteSubject = z.infer<typeof noteSubjectSchema>;

/**
 * A note (domain/notes): free text by an agent on a customer or one of their
 * contacts. Its text never changes; a correction is a new note (`corrects`) and
 * the old one only gains `correctedBy`. PII: encrypted in the desktop cache like
 * every row, and its delivery is an audited read on the server.
 */
export const noteRowSchema = z.object({
  ...baseRowShape,
  customerId: idSchema,
  /** The contact it is about; null = the customer as a whole. */
  about: noteSubjectSchema.nullable(),
  text: z.string().trim().min(1, 'a note needs text').max(NOTE_STORAGE_MAX_CHARS),
  /** The note this one corrects. */
  corrects: idSchema.nullable(),
  /** The note that corrects this one. */
  correctedBy: idSchema.nullable(),
  createdAt: instantSchema,
  createdBy: idSchema,
});
export type NoteRow = z.infer<typeof noteRowSchema>;

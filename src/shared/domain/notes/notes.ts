import { z } from 'zod';
import { err, ok, type Result } from '../result';

/**
 * Notes (issue 14): free text on a customer or on one of their contacts. A note is
 * never edited in place — the record of what an agent wrote when must hold — so a
 * correction is a new note that names the one it corrects, and the old note only
 * gains a pointer to its correction (its text never changes); screens show it
 * marked "corrected" next to the correction.
 */

/**
 * The most any stored note can hold, whatever the policy says: a storage bound, so
 * a policy typo cannot let megabytes into every desktop's cache.
 */
export const NOTE_STORAGE_MAX_CHARS = 20_000;

export const notesPolicySchema = z.object({
  /** The longest note an agent may write, in characters. */
  maxChars: z.number().int().min(100).max(NOTE_STORAGE_MAX_CHARS),
});
export type NotesPolicy = z.infer<typeof notesPolicySchema>;

export const DEFAULT_NOTES: NotesPolicy = { maxChars: 2000 };

/** The note as it will be stored (trimmed), or why it cannot be. */
export function checkNoteText(text: string, policy: NotesPolicy): Result<string> {
  const trimmed = text.trim();
  if (trimmed === '') return err('note.empty', 'Write the note before saving it.');
  const length = [...trimmed].length;
  if (length > policy.maxChars) {
    return err(
      'note.too_long',
      `A note holds at most ${policy.maxChars} characters; this one has ${length}. Shorten it or split it into two notes.`,
      { max: policy.maxChars, length },
    );
  }
  return ok(trimmed);
}

/** What a correction needs to know about the note it corrects. */
export interface CorrectedNote {
  id: string;
  customerId: string;
  correctedBy: string | null;
}

/**
 * A correction must be about the same customer, and a note is corrected once: a
 * second correction corrects the correction, so the chain stays one line.
 */
export function checkCorrection(target: CorrectedNote | undefined, customerId: string): Result<void> {
  if (!target) return err('note.not_found', 'The note to correct does not exist or is not on your team.');
  if (target.customerId !== customerId) {
    return err(
      'note.wrong_customer',
      'A correction must be about the same customer as the note it corrects.',
    );
  }
  if (target.correctedBy !== null) {
    return err(
      'note.already_corrected',
      'This note has already been corrected; correct the latest correction instead.',
    );
  }
  return ok(undefined);
}

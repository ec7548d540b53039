import { z } from 'zod';
import { checkCorrection, checkNoteText } from '../../domain/notes/notes';
import { err, ok, type Result } from '../../domain/result';
import { AGENT_ROLES, requireRole } from '../authorization';
import { defineMutator, getRow, put, withoutVersion, type RowWrite } from '../mutator';
import { idSchema } from '../rows/common';
import type { RowKey } from '../rows';
import { NOTE_STORAGE_MAX_CHARS } from '../../domain/notes/notes';
import { noteSubjectSchema } from '../rows/note';

export const addNote = defineMutator({
  name: 'note.add@1',
  description:
    'Write a note on a customer or one of their contacts; a correction names the note it corrects (which is never edited).',
  args: z.object({
    noteId: idSchema,
    customerId: idSchema,
    about: noteSubjectSchema.nullable(),
    // The policy's limit is checked in apply (with its own message); this only bounds the payload.
    text: z.string().max(NOTE_STORAGE_MAX_CHARS * 2),
    corrects: idSchema.nullable(),
  }),
  reads: (args) => {
    const keys: RowKey[] = [
      { table: 'notes', id: args.noteId },
      { table: 'customers', id: args.customerId },
    ];
    if (args.about) keys.push({ table: args.about.table, id: args.about.id });
    if (args.corrects) keys.push({ table: 'notes', id: args.corrects });
    return keys;
  },
  authorize: (actor) => requireRole(actor, AGENT_ROLES, 'write notes'),
  apply(rows, args, ctx): Result<RowWrite[]> {
    if (getRow(rows, 'notes', args.noteId)) return err('row.already_exists', 'This note already exists.');
    const customer = getRow(rows, 'customers', args.customerId);
    if (!customer) return err('customer.not_found', 'The customer does not exist or is not on your team.');
    if (args.about) {
      const subject = getRow(rows, args.about.table, args.about.id);
      if (!subject || subject.customerId !== customer.id) {
        return err('note.subject_not_found', 'The contact this note is about is not one of this customer’s.');
      }
    }
    const text = checkNoteText(args.text, ctx.policy.notes);
    if (!text.ok) return text;
    const writes: RowWrite[] = [];
    if (args.corrects) {
      const target = getRow(rows, 'notes', args.corrects);
      const allowed = checkCorrection(target, customer.id);
      if (!allowed.ok) return allowed;
      if (target) writes.push(put('notes', { ...withoutVersion(target), correctedBy: args.noteId }));
    }
    writes.push(
      put('notes', {
        id: args.noteId,
        team: customer.team,
        customerId: customer.id,
        about: args.about,
        text: text.value,
        corrects: args.corrects,
        correctedBy: null,
        createdAt: ctx.now,
        createdBy: ctx.userId,
      }),
    );
    return ok(writes);
  },
});

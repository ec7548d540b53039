import { describe, expect, it } from 'vitest';
import { checkCorrection, checkNoteText, DEFAULT_NOTES } from '../../../../src/shared/domain/notes';

describe('notes', () => {
  it('are trimmed, never empty, and at most the policy’s length (counted in characters)', () => {
    expect(checkNoteText('  Caller asked for the I-797 again.  ', DEFAULT_NOTES)).toEqual({
      ok: true,
      value: 'Caller asked for the I-797 again.',
    });
    expect(checkNoteText(' \n ', DEFAULT_NOTES)).toMatchObject({ ok: false, error: { code: 'note.empty' } });
    const max = DEFAULT_NOTES.maxChars;
    expect(checkNoteText('ñ'.repeat(max), DEFAULT_NOTES)).toMatchObject({ ok: true });
    expect(checkNoteText('ñ'.repeat(max + 1), DEFAULT_NOTES)).toEqual({
      ok: false,
      error: {
        code: 'note.too_long',
        message: `A note holds at most ${max} characters; this one has ${max + 1}. Shorten it or split it into two notes.`,
        params: { max, length: max + 1 },
      },
    });
  });

  it('a correction is about the same customer and each note is corrected once', () => {
    const note = { id: 'n1', customerId: 'c1', correctedBy: null };
    expect(checkCorrection(note, 'c1')).toEqual({ ok: true, value: undefined });
    expect(checkCorrection(undefined, 'c1')).toMatchObject({ ok: false, error: { code: 'note.not_found' } });
    expect(checkCorrection(note, 'c2')).toMatchObject({ ok: false, error: { code: 'note.wrong_customer' } });
    expect(checkCorrection({ ...note, correctedBy: 'n2' }, 'c1')).toMatchObject({
      ok: false,
      error: { code: 'note.already_corrected' },
    });
  });
});

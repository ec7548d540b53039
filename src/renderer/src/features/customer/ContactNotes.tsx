import { useEffect, useRef, useState } from 'react';
import type { CustomerRecord } from '../../../../shared/ipc/customer-views';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { NoteForm } from './NotesPanel';
import { notesOn, noteSubjectOf, type TimelineItem } from './timeline';
import { personName } from '../../i18n/person-name';

/**
 * The notes on one contact, inside its timeline entry, and "Note on this contact"
 * (issue 14 item 4): the note is attached to that contact, so the next agent reads it
 * where the contact is, not only in the customer's notes list.
 */
export function ContactNotes({ item, record }: { item: TimelineItem; record: CustomerRecord }) {
  const t = useT();
  const zone = usePolicy().callbackHours.timeZone;
  const [writing, setWriting] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  /** Set when the form closes: the button that opened it takes focus once it is back on screen. */
  const returnFocus = useRef(false);
  useEffect(() => {
    if (writing || !returnFocus.current) return;
    returnFocus.current = false;
    // Back to the button that opened the form, so a keyboard user keeps their place.
    opener.current?.focus();
  }, [writing]);
  const subject = noteSubjectOf(item);
  const notes = notesOn(record, subject);
  const idPrefix = `contact-note-${item.kind}-${item.row.id}`;
  return (
    <div className="contact-notes">
      {notes.length > 0 ? (
        <ul className="plain-list" data-testid="contact-notes">
          {notes.map((note) => (
            <li key={note.id}>
              <span className="note-meta">
                {t.record.notes.onContactBy(
                  personName(record.names, note.createdBy, t),
                  formatInstant(note.createdAt, zone),
                )}
              </span>{' '}
              {note.text}
            </li>
          ))}
        </ul>
      ) : null}
      {writing ? (
        <NoteForm
          customerId={record.customer.id}
          correcting={null}
          about={subject}
          idPrefix={idPrefix}
          onDone={() => {
            returnFocus.current = true;
            setWriting(false);
          }}
        />
      ) : (
        <button
          type="button"
          ref={opener}
          aria-describedby={`${idPrefix}-what`}
          onClick={() => setWriting(true)}
        >
          {t.record.notes.addOnContact}
          <span id={`${idPrefix}-what`} hidden>
            {t.record.kinds[item.kind]} {item.row.reference ?? ''}
          </span>
        </button>
      )}
    </div>
  );
}

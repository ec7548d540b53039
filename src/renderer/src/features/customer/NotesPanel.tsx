import { useState } from 'react';
import type { CustomerRecord } from '../../../../shared/ipc/customer-views';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { displayReference } from '../../../../shared/domain/identifiers/reference-number';
import type { NoteSubject } from '../../../../shared/sync/rows/note';
import { personName } from '../../i18n/person-name';

type Note = CustomerRecord['notes'][number];

/**
 * The customer's notes, newest first (issue 14 item 4): who and when, what they are
 * about; never edited — "Correct" writes a new note that names the old one.
 */
export function NotesPanel({ record }: { record: CustomerRecord }) {
  const t = useT();
  const zone = usePolicy().callbackHours.timeZone;
  const [correcting, setCorrecting] = useState<Note | null>(null);
  const notes = [...record.notes].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section className="panel" aria-labelledby="notes-title">
      <h2 id="notes-title">{t.record.notes.title}</h2>
      {notes.length === 0 ? (
        <p>{t.record.notes.empty}</p>
      ) : (
        <ol className="note-list" data-testid="notes">
          {notes.map((note) => (
            <li key={note.id} data-testid="note">
              <p className="note-meta">
                {personName(record.names, note.createdBy, t)} · {formatInstant(note.createdAt, zone)}
                {note.about ? ` · ${t.record.notes.about(aboutText(note, record, t))}` : ''}
                {note.corrects ? ` · ${t.record.notes.corrects}` : ''}
                {note.correctedBy ? ` · ${t.record.notes.correctedBy}` : ''}
              </p>
              {note.text}
              {note.correctedBy ? null : (
                <div>
                  <button type="button" onClick={() => setCorrecting(note)}>
                    {t.record.notes.correct}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <NoteForm
        key={correcting?.id ?? 'new'}
        customerId={record.customer.id}
        correcting={correcting}
        onDone={() => setCorrecting(null)}
      />
    </section>
  );
}

function aboutText(note: Note, record: CustomerRecord, t: ReturnType<typeof useT>): string {
  const about = note.about;
  if (!about) return '';
  const lists = {
    inquiries: [record.inquiries, t.record.kinds.inquiry],
    callbacks: [record.callbacks, t.record.kinds.callback],
    service_requests: [record.serviceRequests, t.record.kinds['service-request']],
    expedite_requests: [record.expedites, t.record.kinds.expedite],
    appointment_requests: [record.appointments, t.record.kinds.appointment],
  } as const;
  const [rows, label] = lists[about.table];
  const row = (rows as readonly { id: string; reference?: string }[]).find((r) => r.id === about.id);
  return `${label} ${displayReference(row?.reference) ?? ''}`.trim();
}

export interface NoteFormProps {
  customerId: string;
  correcting: Note | null;
  /** The contact a new note is on (a correction keeps the corrected note's); null = the customer. */
  about?: NoteSubject | null;
  /** Prefix of the form's element ids, unique on the page (one form per timeline item may be open). */
  idPrefix?: string;
  onDone(): void;
}

/** A new note (or the correction of one), with the policy's size limit shown as the agent types. */
export function NoteForm(props: NoteFormProps) {
  const t = useT();
  const max = usePolicy().notes.maxChars;
  const announce = useUiStore((s) => s.announce);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const length = [...text.trim()].length;
  const tooLong = length > max;
  const ids = { text: `${props.idPrefix ?? 'note'}-text`, count: `${props.idPrefix ?? 'note'}-count` };
  const heading = props.correcting
    ? t.record.notes.correcting
    : props.about
      ? t.record.notes.addOnContact
      : t.record.notes.add;
  const save = async () => {
    setSaving(true);
    const result = await invoke('note.add', {
      customerId: props.customerId,
      about: props.correcting ? props.correcting.about : (props.about ?? null),
      text,
      corrects: props.correcting?.id ?? null,
    });
    setSaving(false);
    if (!result.ok) return setError(errorText(result.error, t));
    setError(null);
    setText('');
    announce(t.record.notes.saved);
    props.onDone();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{heading}</h3>
      <div className="field">
        <label htmlFor={ids.text}>{t.record.notes.text}</label>
        <textarea
          id={ids.text}
          value={text}
          aria-describedby={ids.count}
          aria-invalid={tooLong}
          onChange={(e) => setText(e.target.value)}
        />
        <p id={ids.count} className={tooLong ? 'field-error' : 'field-hint'}>
          {tooLong ? t.record.notes.tooLong(max, length) : t.record.notes.count(length, max)}
        </p>
      </div>
      {error ? (
        <p role="alert" className="error-box">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving || length === 0 || tooLong}>
          {t.record.notes.save}
        </button>
        {props.correcting || props.about ? (
          <button type="button" onClick={props.onDone}>
            {t.record.notes.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}

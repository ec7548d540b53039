import { useState } from 'react';
import { parseReference, type ReferenceKind } from '../../../../shared/domain/identifiers/reference-number';
import { referenceReadBack } from '../../../../shared/domain/identifiers/reference-read-back';
import type { ChannelResult } from '../../../../shared/ipc';
import { useT } from '../../i18n';
import { useUiStore } from '../../state/ui-store';
import { WrapUpPanel, type WrapUpContact } from '../wrap-up/WrapUpPanel';
import './ReferenceConfirmation.css';

type References = ChannelResult<'inquiry.submit'>['references'];

/** What a saved inquiry shows: its records' reference numbers and who the caller is. */
export interface SavedInquiry {
  customerId: string;
  callerLanguage: 'en' | 'es';
  references: References;
  /** The live call this inquiry was (wrap-up and after-call work follow it); absent for other intakes. */
  call?: WrapUpContact;
}

/** The follow-up record first (the number the caller will quote), the inquiry last. */
const ORDER: ReadonlyArray<[keyof References, ReferenceKind]> = [
  ['serviceRequest', 'service-request'],
  ['expedite', 'expedite'],
  ['appointment', 'appointment'],
  ['callback', 'callback'],
  ['inquiry', 'inquiry'],
];

/**
 * The confirmation after an inquiry is saved (issue 14 item 1): every reference
 * number in large type, and the read-back in the caller's language — the sentence,
 * the number spelled with ICAO words, the advice to keep it.
 */
export function ReferenceConfirmation(props: {
  saved: SavedInquiry;
  /** The screen's heading and its id; the status line's test id. */
  title: string;
  headingId: string;
  doneTestId: string;
  onAnother(): void;
}) {
  const t = useT();
  const navigate = useUiStore((s) => s.navigate);
  const { saved } = props;
  // A mandatory team (or a running time box) records the wrap-up before the next contact.
  const [blocking, setBlocking] = useState(false);
  const cards = ORDER.flatMap(([key, kind]) => {
    const parsed = saved.references[key] ? parseReference(saved.references[key]) : undefined;
    return parsed?.ok ? [{ kind, reference: parsed.value }] : [];
  });
  return (
    <section aria-labelledby={props.headingId} className="reference-confirmation">
      <h1 id={props.headingId}>{props.title}</h1>
      <p role="status" className="notice" data-testid={props.doneTestId}>
        ✔ {t.record.saved.instruction}
      </p>
      {cards.map(({ kind, reference }) => {
        const readBack = referenceReadBack(reference, saved.callerLanguage);
        const headingId = `reference-${kind}`;
        return (
          <section key={kind} className="reference-card" aria-labelledby={headingId} data-kind={kind}>
            <h2 id={headingId}>{t.record.referenceLabel(t.record.kinds[kind])}</h2>
            <p className="reference-number" data-testid={`reference-${kind}`}>
              {reference.display}
            </p>
            <div className="read-back" lang={saved.callerLanguage}>
              <h3>{t.record.saved.readBackIn(t.languages[saved.callerLanguage])}</h3>
              <p data-testid={`read-back-${kind}`}>{readBack.sentence}</p>
              <p className="spelled">{readBack.spelled}</p>
              <p>{readBack.keep}</p>
            </div>
          </section>
        );
      })}
      {saved.call ? <WrapUpPanel contact={saved.call} onBlocking={setBlocking} /> : null}
      <div className="actions">
        <button type="button" onClick={() => navigate({ name: 'customer', customerId: saved.customerId })}>
          {t.record.saved.openCustomer}
        </button>
        <button type="button" className="primary" disabled={blocking} onClick={props.onAnother}>
          {t.record.saved.another}
        </button>
      </div>
    </section>
  );
}

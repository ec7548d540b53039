import type { ReactNode } from 'react';
import { dateInWords, parseDateInput } from '../../../shared/domain/language';
import { useT } from '../i18n';
import { useUiStore } from '../state/ui-store';

/**
 * The one date input an agent types into (issue 13 item 6): typed the screen
 * language's usual way (11/02/2026 on an English screen, 02/11/2026 on a Spanish one;
 * ISO and written-out months work too) and read back in words beside it ("lunes, 2 de
 * noviembre de 2026"), so a swapped day and month shows before it is saved. The parent
 * keeps the typed text and parses it with parseDateInput in the screen language when
 * it saves; mistakes are the parent's to report, next to the field.
 */
export function DateField(props: {
  id: string;
  label: ReactNode;
  labelClassName?: string;
  value: string;
  onChange(text: string): void;
  invalid?: boolean;
  /** The id of the parent's error message, when it shows one. */
  errorId?: string;
}) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const typed = props.value.trim() === '' ? null : parseDateInput(props.value, language);
  const wordsId = `${props.id}-words`;
  return (
    <div className="field">
      <label htmlFor={props.id} className={props.labelClassName}>
        {props.label}
      </label>
      <input
        id={props.id}
        value={props.value}
        autoComplete="off"
        placeholder={t.dateField.pattern}
        aria-invalid={props.invalid}
        aria-describedby={[wordsId, props.errorId].filter(Boolean).join(' ')}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <p id={wordsId} className="field-hint" data-testid={wordsId} aria-live="polite">
        {typed?.ok
          ? t.dateField.reads(dateInWords(typed.value, language))
          : t.dateField.typeAs(t.dateField.pattern)}
      </p>
    </div>
  );
}

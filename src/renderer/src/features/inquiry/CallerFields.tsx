import { useState } from 'react';
import { parseANumber, parseReceiptNumber } from '../../../../shared/domain/identifiers';
import { parseUsPhone } from '../../../../shared/domain/phones';
import { useT } from '../../i18n';
import { checkCaller, type CallerDraft } from './caller';

/** Name, phone, e-mail, language, receipt and A-number of the caller, each checked as the agent types. */
export function CallerFields({
  caller,
  onChange,
  idPrefix,
  showLanguage = true,
  showReceipt = true,
  receiptLabel,
}: {
  caller: CallerDraft;
  onChange(caller: CallerDraft): void;
  idPrefix: string;
  showLanguage?: boolean;
  /** Off where another part of the screen asks for the receipt number (the expedite checklist). */
  showReceipt?: boolean;
  receiptLabel?: string;
}) {
  const t = useT();
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const problems = checkCaller(caller, t);
  const phone = caller.phone.trim() ? parseUsPhone(caller.phone) : undefined;
  const receipt = caller.receipt.trim() ? parseReceiptNumber(caller.receipt) : undefined;
  const set = (patch: Partial<CallerDraft>, field: string) => {
    setTouched((s) => ({ ...s, [field]: true }));
    onChange({ ...caller, ...patch });
  };
  const aNumber = caller.aNumber.trim() ? parseANumber(caller.aNumber) : undefined;
  const shown = (field: 'name' | 'phone' | 'receipt' | 'aNumber') =>
    touched[field] ? problems[field] : undefined;

  return (
    <fieldset>
      <legend>{t.customer.title}</legend>
      <CheckedField
        id={`${idPrefix}-name`}
        label={t.customer.name}
        value={caller.name}
        error={shown('name')}
        onChange={(name) => set({ name }, 'name')}
      />
      <CheckedField
        id={`${idPrefix}-phone`}
        type="tel"
        label={t.customer.phone}
        value={caller.phone}
        error={shown('phone')}
        ok={phone?.ok ? t.validation.phoneOk(phone.value.display) : undefined}
        onChange={(value) => set({ phone: value }, 'phone')}
      />
      <div className="field">
        <label htmlFor={`${idPrefix}-email`}>{t.customer.email}</label>
        <input
          id={`${idPrefix}-email`}
          type="email"
          value={caller.email}
          autoComplete="off"
          onChange={(e) => set({ email: e.target.value }, 'email')}
        />
      </div>
      {showLanguage ? (
        <div className="field">
          <label htmlFor={`${idPrefix}-language`}>{t.customer.language}</label>
          <select
            id={`${idPrefix}-language`}
            value={caller.language}
            onChange={(e) => set({ language: e.target.value === 'es' ? 'es' : 'en' }, 'language')}
          >
            <option value="en">{t.languages.en}</option>
            <option value="es">{t.languages.es}</option>
          </select>
        </div>
      ) : null}
      {showReceipt ? (
        <CheckedField
          id={`${idPrefix}-receipt`}
          label={receiptLabel ?? t.customer.receipt}
          value={caller.receipt}
          error={shown('receipt')}
          ok={
            receipt?.ok ? t.validation.receiptOk(receipt.value.normalized, receipt.value.office) : undefined
          }
          onChange={(value) => set({ receipt: value }, 'receipt')}
        />
      ) : null}
      <CheckedField
        id={`${idPrefix}-a-number`}
        label={t.customer.aNumber}
        value={caller.aNumber}
        error={shown('aNumber')}
        ok={aNumber?.ok ? t.validation.aNumberOk(aNumber.value.normalized) : undefined}
        onChange={(value) => set({ aNumber: value }, 'aNumber')}
      />
    </fieldset>
  );
}

/** A text field whose message below says what is wrong (once touched) or what was understood. */
function CheckedField(props: {
  id: string;
  type?: 'tel';
  label: string;
  value: string;
  error: string | undefined;
  ok?: string | undefined;
  onChange(value: string): void;
}) {
  const { id, error, ok } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type}
        value={props.value}
        autoComplete="off"
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-msg`}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span id={`${id}-msg`} className={error ? 'field-error' : ok ? 'field-ok' : 'field-hint'}>
        {error ?? ok ?? ''}
      </span>
    </div>
  );
}

import { useState } from 'react';
import { parseReceiptNumber } from '../../../../shared/domain/identifiers';
import { parseUsPhone } from '../../../../shared/domain/phones';
import { useT } from '../../i18n';
import { checkCaller, type CallerDraft } from './caller';

/** Name, phone, e-mail, language and receipt of the caller, each checked as the agent types. */
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
  const shown = (field: 'name' | 'phone' | 'receipt') => (touched[field] ? problems[field] : undefined);

  return (
    <fieldset>
      <legend>{t.customer.title}</legend>
      <div className="field">
        <label htmlFor={`${idPrefix}-name`}>{t.customer.name}</label>
        <input
          id={`${idPrefix}-name`}
          value={caller.name}
          autoComplete="off"
          aria-invalid={Boolean(shown('name'))}
          aria-describedby={`${idPrefix}-name-msg`}
          onChange={(e) => set({ name: e.target.value }, 'name')}
        />
        <span id={`${idPrefix}-name-msg`} className={shown('name') ? 'field-error' : 'field-hint'}>
          {shown('name') ?? ''}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-phone`}>{t.customer.phone}</label>
        <input
          id={`${idPrefix}-phone`}
          type="tel"
          value={caller.phone}
          autoComplete="off"
          aria-invalid={Boolean(shown('phone'))}
          aria-describedby={`${idPrefix}-phone-msg`}
          onChange={(e) => set({ phone: e.target.value }, 'phone')}
        />
        <span
          id={`${idPrefix}-phone-msg`}
          className={shown('phone') ? 'field-error' : phone?.ok ? 'field-ok' : 'field-hint'}
        >
          {shown('phone') ?? (phone?.ok ? t.validation.phoneOk(phone.value.display) : '')}
        </span>
      </div>
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
        <div className="field">
          <label htmlFor={`${idPrefix}-receipt`}>{receiptLabel ?? t.customer.receipt}</label>
          <input
            id={`${idPrefix}-receipt`}
            value={caller.receipt}
            autoComplete="off"
            aria-invalid={Boolean(shown('receipt'))}
            aria-describedby={`${idPrefix}-receipt-msg`}
            onChange={(e) => set({ receipt: e.target.value }, 'receipt')}
          />
          <span
            id={`${idPrefix}-receipt-msg`}
            className={shown('receipt') ? 'field-error' : receipt?.ok ? 'field-ok' : 'field-hint'}
          >
            {shown('receipt') ??
              (receipt?.ok ? t.validation.receiptOk(receipt.value.normalized, receipt.value.office) : '')}
          </span>
        </div>
      ) : null}
    </fieldset>
  );
}

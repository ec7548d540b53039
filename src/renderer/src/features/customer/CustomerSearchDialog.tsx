import { useEffect, useRef, useState } from 'react';
import type { CustomerSearchResult } from '../../../../shared/ipc/customer-views';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { useUiStore } from '../../state/ui-store';

/**
 * The one customer search box (issue 14 item 2), a dialog opened with Ctrl+K from
 * anywhere: by name (accents and case ignored), A-number, receipt, phone or reference
 * number in any formatting. The core answers from the cache, so it works offline.
 * Enter opens the first customer; ↓ moves into the list; Escape closes and focus
 * returns where it was.
 */
export function CustomerSearchDialog() {
  const t = useT();
  const open = useUiStore((s) => s.searchOpen);
  const setOpen = useUiStore((s) => s.setSearchOpen);
  const forCaller = useUiStore((s) => s.searchFor?.caller === true);
  const returnTo = useRef<Element | null>(null);

  // Escape closes it wherever the focus is (a screen pop may open it while the page moves focus).
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(false);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [open, setOpen]);

  useEffect(() => {
    if (open) returnTo.current = document.activeElement;
    else if (returnTo.current instanceof HTMLElement && document.contains(returnTo.current)) {
      returnTo.current.focus();
      returnTo.current = null;
    }
  }, [open]);

  if (!open) return null;
  return (
    <div className="overlay-backdrop">
      <div className="overlay panel" role="dialog" aria-modal="true" aria-labelledby="customer-search-title">
        <h2 id="customer-search-title">{t.record.search.title}</h2>
        {forCaller ? <p className="notice">{t.record.search.forCaller}</p> : null}
        <SearchBox onClose={() => setOpen(false)} />
        <div className="actions">
          <button type="button" onClick={() => setOpen(false)}>
            {t.app.close}
          </button>
        </div>
      </div>
    </div>
  );
}

function SearchBox({ onClose }: { onClose(): void }) {
  const t = useT();
  const navigate = useUiStore((s) => s.navigate);
  const searchFor = useUiStore((s) => s.searchFor);
  const [text, setText] = useState('');
  const [result, setResult] = useState<CustomerSearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef('');
  const listRef = useRef<HTMLUListElement>(null);

  const search = async (value: string) => {
    setText(value);
    latest.current = value;
    if (value.trim() === '') return setResult(null);
    const answer = await invoke('customer.search', { text: value });
    if (latest.current !== value) return; // an older answer arriving late
    if (!answer.ok) return setError(errorText(answer.error, t));
    setError(null);
    setResult(answer.value);
  };
  const openCustomer = (customerId: string) => {
    // For a caller (a screen pop nobody matched): the customer becomes the inquiry's caller.
    if (searchFor?.caller) return useUiStore.getState().chooseCaller(customerId);
    onClose();
    navigate({ name: 'customer', customerId });
  };
  const input = useRef<HTMLInputElement>(null);
  // Opened with a number (the screen pop): search for it at once, with the focus in the box
  // (the page the pop opened may have taken it meanwhile).
  useEffect(() => {
    if (!searchFor?.text) return;
    void search(searchFor.text);
    const id = setTimeout(() => input.current?.focus(), 0);
    return () => clearTimeout(id);
    // Once per opening: search() reads the latest state itself.
  }, [searchFor]);
  const first = result?.customers[0];
  return (
    <>
      <div className="field">
        <label htmlFor="customer-search">{t.record.search.label}</label>
        <input
          id="customer-search"
          ref={input}
          type="search"
          autoFocus
          autoComplete="off"
          value={text}
          aria-describedby="customer-search-hint"
          onChange={(e) => void search(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && first) {
              e.preventDefault();
              openCustomer(first.id);
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              listRef.current?.querySelector('button')?.focus();
            }
          }}
        />
        <p id="customer-search-hint" className="field-hint">
          {t.record.search.hint}
        </p>
      </div>
      {error ? (
        <p role="alert" className="error-box">
          {error}
        </p>
      ) : null}
      <p role="status" data-testid="customer-search-count">
        {result
          ? result.total === 0
            ? t.record.search.none
            : `${t.record.search.results(result.total)}${result.total > result.customers.length ? ` ${t.record.search.more(result.customers.length)}` : ''}`
          : ''}
      </p>
      {result && result.customers.length > 0 ? (
        <ul className="search-results" ref={listRef} aria-label={t.record.search.title} onKeyDown={moveFocus}>
          {result.customers.map((c) => (
            <li key={c.id}>
              <button type="button" data-testid="customer-search-result" onClick={() => openCustomer(c.id)}>
                <strong>{c.name}</strong>
                {c.aNumber ? ` · ${c.aNumber}` : ''}
                {c.phone ? ` · ${c.phone}` : ''}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** ↑/↓ move between the result buttons (↑ from the first goes back to the box). */
function moveFocus(event: React.KeyboardEvent<HTMLUListElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  event.preventDefault();
  const next = at + (event.key === 'ArrowDown' ? 1 : -1);
  if (next < 0) document.getElementById('customer-search')?.focus();
  else buttons[Math.min(next, buttons.length - 1)]?.focus();
}

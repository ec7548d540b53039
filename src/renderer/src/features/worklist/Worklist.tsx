import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { SLA_STATES } from '../../../../shared/domain/sla';
import { MINUTE_MS } from '../../../../shared/domain/policy';
import { invoke } from '../../api/agent-desk';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { VirtualList } from '../../components/VirtualList';
import { useT } from '../../i18n';
import { useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { PastTargetRequests } from '../service-requests/PastTargetRequests';
import { useOpenWhenLoaded } from './use-open-when-loaded';
import { useWorklistPages, type WorklistPages } from './use-worklist-pages';
import { useWaitingNotice } from '../notices/use-waiting-notice';
import { DEFAULT_FILTERS, type WorklistFilters, type WorklistScope } from './worklist-query';
import { WorklistRowView } from './WorklistRowView';
import { useWorklistStore } from './worklist-store';
import './Worklist.css';
import { errorText } from '../../i18n/error-text';

/** Keep equal to --vlist-row-height in VirtualList.css. */
export const WORKLIST_ROW_HEIGHT = 56;
const SEARCH_DEBOUNCE_MS = 200;
const SCOPES: readonly WorklistScope[] = ['mine', 'queue', 'team'];

// Over ~80 lines: left whole while its data refresh (issue 12, item 8) is reworked on another branch; split it after that lands.
export function Worklist() {
  const t = useT();
  const navigate = useUiStore((s) => s.navigate);
  // The first download is under way: an empty list means "not here yet", not "none match".
  const firstSync = useSessionStore((s) => s.progress !== null);
  const { filters, setFilters, activeIndex, setActiveIndex } = useWorklistStore();
  const [searchText, setSearchText] = useState(filters.search);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const data = useWorklistPages(filters, MINUTE_MS);
  useWaitingNotice(data.rowAt, data.total);

  useSearchAsTyped(searchText);

  const update = (patch: Partial<WorklistFilters>) => {
    setFilters({ ...filters, ...patch });
    setActiveIndex(0);
  };

  const whenLoaded = useOpenWhenLoaded(data, activeIndex);
  const open = useCallback(
    (index: number) => whenLoaded(index, (row) => navigate({ name: 'callback', callbackId: row.id })),
    [whenLoaded, navigate],
  );
  const openCustomer = useCallback(
    (index: number) => whenLoaded(index, (row) => navigate({ name: 'customer', customerId: row.customerId })),
    [whenLoaded, navigate],
  );

  const { actionError, onOtherKey } = useRowShortcuts(data, openCustomer);
  useWorklistShortcuts(searchRef);

  const total = data.total ?? 0;
  return (
    <section className="worklist" aria-labelledby="worklist-title">
      <h1 id="worklist-title">{t.worklist.title}</h1>
      <div className="wl-layout">
        <FilterPanel
          filters={filters}
          update={update}
          searchText={searchText}
          onSearchText={setSearchText}
          searchRef={searchRef}
          onLeaveSearch={() => listRef.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus()}
        />
        <div className="wl-main" ref={listRef}>
          <div className="wl-toolbar">
            <p id="wl-count" className="wl-count" aria-live="polite">
              {data.total === null ? t.app.loading : t.worklist.count(total)}
            </p>
            {/* Acts on the selected row: a button inside a listbox option would be a nested control. */}
            <button
              type="button"
              disabled={!data.rowAt(activeIndex)}
              aria-keyshortcuts="o"
              onClick={() => openCustomer(activeIndex)}
            >
              {t.worklist.openCustomer} <kbd aria-hidden="true">o</kbd>
            </button>
          </div>
          {actionError ? (
            <p role="alert" className="error-box">
              {actionError}
            </p>
          ) : null}
          {data.error ? (
            <p role="alert" className="error-box">
              {errorText(data.error, t)}
            </p>
          ) : null}
          {data.total === 0 ? (
            <p>{firstSync ? t.worklist.stillDownloading : t.worklist.empty}</p>
          ) : (
            <VirtualList
              id="worklist"
              label={t.worklist.listLabel}
              describedBy="wl-count"
              count={total}
              rowHeight={WORKLIST_ROW_HEIGHT}
              activeIndex={activeIndex}
              onActiveChange={setActiveIndex}
              onActivate={open}
              onOtherKey={onOtherKey}
              onRangeChange={data.ensureRange}
              renderRow={(index) => <WorklistRowView row={data.rowAt(index)} />}
            />
          )}
        </div>
      </div>
      <PastTargetRequests />
    </section>
  );
}

/** The search text becomes the filter once the agent stops typing for a moment. */
function useSearchAsTyped(searchText: string): void {
  const { filters, setFilters } = useWorklistStore();
  useEffect(() => {
    const id = window.setTimeout(() => {
      if (searchText !== filters.search) setFilters({ ...filters, search: searchText });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(id);
  }, [searchText, filters, setFilters]);
}

/** c claims and u releases the active row, o opens its customer; a refusal is shown until the next success. */
function useRowShortcuts(data: WorklistPages, openCustomer: (index: number) => void) {
  const t = useT();
  const announce = useUiStore((s) => s.announce);
  const [actionError, setActionError] = useState<string | null>(null);
  const claimOrRelease = async (index: number, action: 'callback.claim' | 'callback.release') => {
    const row = data.rowAt(index);
    if (!row) return;
    const result = await invoke(action, { callbackId: row.id });
    if (result.ok) {
      setActionError(null);
      // No refresh here: the core announces the change (dataChanged) before it answers.
      announce(action === 'callback.claim' ? t.worklist.claimed : t.worklist.released);
    } else setActionError(errorText(result.error, t));
  };

  const onOtherKey = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'c') {
      event.preventDefault();
      void claimOrRelease(index, 'callback.claim');
    } else if (event.key === 'u') {
      event.preventDefault();
      void claimOrRelease(index, 'callback.release');
    } else if (event.key === 'o') {
      event.preventDefault();
      openCustomer(index);
    }
  };
  return { actionError, onOtherKey };
}

/** Worklist-wide shortcuts: "/" focuses search, 1–3 switch scope (not while typing). */
function useWorklistShortcuts(searchRef: RefObject<HTMLInputElement | null>): void {
  const { setFilters, setActiveIndex } = useWorklistStore();
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
      }
      const scope = SCOPES[Number(event.key) - 1];
      if (scope && /^[1-3]$/.test(event.key)) {
        event.preventDefault();
        setFilters({ ...useWorklistStore.getState().filters, scope });
        setActiveIndex(0);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setFilters, setActiveIndex]);
}

interface FilterPanelProps {
  filters: WorklistFilters;
  update(patch: Partial<WorklistFilters>): void;
  searchText: string;
  onSearchText(text: string): void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** ↓ or Enter in the search field: on to the list. */
  onLeaveSearch(): void;
}

/** Search, scope and the filters (an empty selection means any). */
function FilterPanel({
  filters,
  update,
  searchText,
  onSearchText,
  searchRef,
  onLeaveSearch,
}: FilterPanelProps) {
  const t = useT();
  return (
    <form
      className="wl-filters"
      role="search"
      aria-label={t.worklist.filters}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor="wl-search">{t.worklist.search}</label>
        <input
          id="wl-search"
          ref={searchRef}
          type="search"
          value={searchText}
          onChange={(e) => onSearchText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              onLeaveSearch();
            }
          }}
        />
      </div>
      <fieldset>
        <legend>{t.worklist.scope}</legend>
        {SCOPES.map((scope, i) => (
          <label key={scope} className="choice">
            <input
              type="radio"
              name="wl-scope"
              value={scope}
              checked={filters.scope === scope}
              onChange={() => update({ scope })}
            />
            {t.worklist.scopes[scope]} <kbd aria-hidden="true">{i + 1}</kbd>
          </label>
        ))}
      </fieldset>
      <FilterChoices filters={filters} update={update} />
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            onSearchText('');
            update({ ...DEFAULT_FILTERS, scope: filters.scope });
          }}
        >
          {t.worklist.clearFilters}
        </button>
      </div>
    </form>
  );
}

/** The filters with fixed choices: urgency, due window, status, language, tier, attempt 2 pending. */
function FilterChoices({ filters, update }: Pick<FilterPanelProps, 'filters' | 'update'>) {
  const t = useT();
  return (
    <>
      <CheckboxGroup
        legend={t.worklist.urgency}
        name="wl-urgency"
        options={(['urgent', 'non-urgent'] as const).map((value) => ({ value, label: t.urgency[value] }))}
        selected={filters.urgency}
        onChange={(urgency) => update({ urgency })}
      />
      <CheckboxGroup
        legend={t.worklist.dueWindow}
        name="wl-sla"
        options={SLA_STATES.map((value) => ({ value, label: t.sla[value] }))}
        selected={filters.sla}
        onChange={(sla) => update({ sla })}
      />
      <CheckboxGroup
        legend={t.worklist.status}
        name="wl-status"
        options={(['open', 'closed-resolved', 'closed-unable-to-reach'] as const).map((value) => ({
          value,
          label: t.callbackStatus[value],
        }))}
        selected={filters.status}
        onChange={(status) => update({ status })}
      />
      <CheckboxGroup
        legend={t.worklist.language}
        name="wl-language"
        options={(['en', 'es'] as const).map((value) => ({ value, label: t.languages[value] }))}
        selected={filters.language}
        onChange={(language) => update({ language })}
      />
      <CheckboxGroup
        legend={t.worklist.tier}
        name="wl-tier"
        options={([1, 2] as const).map((value) => ({ value, label: t.tier[value] }))}
        selected={filters.tier}
        onChange={(tier) => update({ tier })}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={filters.secondAttemptPending}
          onChange={(e) => update({ secondAttemptPending: e.target.checked })}
        />
        {t.worklist.secondAttemptPending}
      </label>
    </>
  );
}

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

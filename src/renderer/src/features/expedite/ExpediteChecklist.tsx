import { useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import {
  DOCUMENTATION_STATUSES,
  EXPEDITE_CRITERIA,
  checkExpediteCompleteness,
  criterionIdSchema,
  expediteDocumentationSchema,
  expediteRoutingSchema,
  expediteReadBack,
  routeExpedite,
  type CriterionId,
  type DocumentationStatus,
  type ExpediteDraft,
  type ExpediteRequest,
  type ExpediteRouting,
} from '../../../../shared/domain/expedite';
import {
  OPERATIONAL_COMPONENT_IDS,
  OPERATIONAL_COMPONENT_LABELS,
  formatReceiptNumber,
  parseReceiptNumber,
  type ReceiptNumber,
} from '../../../../shared/domain/identifiers';
import { useT, type Messages } from '../../i18n';
import { useUiStore } from '../../state/ui-store';
import type { RoutingSource } from './to-ipc';
import './Expedite.css';
import { errorText } from '../../i18n/error-text';

/** What the agent has put in the checklist, as kept in a draft (as typed: not yet parsed). */
export const expediteInputSchema = z.object({
  receipt: z.string(),
  criteria: z.array(criterionIdSchema),
  explanation: z.string(),
  documentation: expediteDocumentationSchema,
  chosenRouting: expediteRoutingSchema.optional(),
});
export type ExpediteInput = z.output<typeof expediteInputSchema>;

export function isEmptyExpediteInput(input: ExpediteInput): boolean {
  return (
    input.receipt === '' &&
    input.criteria.length === 0 &&
    input.explanation === '' &&
    input.chosenRouting === undefined
  );
}

export interface ExpediteChecklistProps {
  /** The caller's language: the read-back is in it. */
  callerLanguage: 'en' | 'es';
  initialReceipt?: string;
  /** The input of a restored draft (it wins over `initialReceipt`). */
  initial?: ExpediteInput;
  /** The input as the agent changes it, for the draft. */
  onInput?(input: ExpediteInput): void;
  submitting?: boolean;
  /** `routingSource`: whether the agent picked the routing or kept the receipt's suggestion. */
  onSubmit(request: ExpediteRequest, routingSource: RoutingSource): void;
}

/**
 * The expedite intake checklist (PRODUCT.md rule 7): criteria, the documentation each
 * needs, routing (suggested by the receipt, the agent's choice where it can't tell),
 * the "not decided here" notice and the read-back. Recording is possible only when
 * the shared completeness check finds nothing missing. There is no approve or deny.
 */
export function ExpediteChecklist(props: ExpediteChecklistProps) {
  const t = useT();
  const [receipt, setReceipt] = useState(props.initial?.receipt ?? props.initialReceipt ?? '');
  const [criteria, setCriteria] = useState<CriterionId[]>(props.initial?.criteria ?? []);
  const [explanation, setExplanation] = useState(props.initial?.explanation ?? '');
  const [documentation, setDocumentation] = useState<ExpediteDraft['documentation']>(
    props.initial?.documentation ?? {},
  );
  const [chosenRouting, setChosenRouting] = useState<ExpediteRouting | undefined>(
    props.initial?.chosenRouting,
  );
  const input: ExpediteInput = {
    receipt,
    criteria,
    explanation,
    documentation,
    ...(chosenRouting ? { chosenRouting } : {}),
  };
  const reported = JSON.stringify(input);
  useEffect(() => props.onInput?.(input), [reported]);

  const parsedReceipt = receipt.trim() === '' ? undefined : parseReceiptNumber(receipt);
  const suggestion = routeExpedite(parsedReceipt?.ok ? parsedReceipt.value : undefined);
  // The receipt's suggestion stands until the agent picks a routing themselves.
  const routing = chosenRouting ?? (suggestion.kind === 'default' ? suggestion.routing : undefined);

  const draft: ExpediteDraft = useMemo(
    () => ({
      ...(receipt.trim() !== '' ? { receiptNumber: receipt } : {}),
      criteria,
      explanation,
      documentation: Object.fromEntries(
        Object.entries(documentation).filter(([id]) => criteria.includes(id as CriterionId)),
      ),
      ...(routing ? { routing } : {}),
    }),
    [receipt, criteria, explanation, documentation, routing],
  );
  const missing = checkExpediteCompleteness(draft);
  const complete = missing.length === 0 && routing !== undefined;
  const request: ExpediteRequest | undefined = complete
    ? {
        ...draft,
        receiptNumber: parsedReceipt?.ok ? parsedReceipt.value.normalized : undefined,
        routing,
        status: 'recorded',
      }
    : undefined;
  if (request && request.receiptNumber === undefined) delete request.receiptNumber;

  return (
    <form
      className="expedite"
      aria-labelledby="expedite-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (request) props.onSubmit(request, chosenRouting ? 'agent' : 'receipt-default');
      }}
    >
      <h2 id="expedite-title">{t.expedite.checklist}</h2>
      <p className="notice" role="note" data-testid="not-decided-notice">
        {t.expedite.notDecided}
      </p>
      <ReceiptField receipt={receipt} parsed={parsedReceipt} onChange={setReceipt} />
      <CriteriaField criteria={criteria} onChange={setCriteria} />
      <div className="field">
        <label htmlFor="expedite-explanation">{t.expedite.explanation}</label>
        <textarea
          id="expedite-explanation"
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
        />
      </div>
      <DocumentationFields criteria={criteria} documentation={documentation} onChange={setDocumentation} />
      <RoutingField
        suggestion={suggestion}
        receipt={parsedReceipt?.ok ? parsedReceipt.value : undefined}
        routing={routing}
        onChoose={setChosenRouting}
      />
      <section aria-labelledby="expedite-missing-title" className="expedite-missing">
        <h3 id="expedite-missing-title">{complete ? t.expedite.complete : t.expedite.missing}</h3>
        <ul aria-live="polite" data-testid="expedite-missing">
          {missing.map((issue) => (
            <li key={issue.code + issue.message}>{errorText(issue, t)}</li>
          ))}
        </ul>
      </section>
      {request ? <ReadBack request={request} callerLanguage={props.callerLanguage} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={!request || props.submitting}>
          {t.expedite.submit}
        </button>
      </div>
    </form>
  );
}

function ReceiptField(props: {
  receipt: string;
  parsed: ReturnType<typeof parseReceiptNumber> | undefined;
  onChange(receipt: string): void;
}) {
  const t = useT();
  const { parsed } = props;
  return (
    <div className="field">
      <label htmlFor="expedite-receipt">{t.expedite.receipt}</label>
      <input
        id="expedite-receipt"
        value={props.receipt}
        autoComplete="off"
        aria-invalid={parsed !== undefined && !parsed.ok}
        aria-describedby="expedite-receipt-status"
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span
        id="expedite-receipt-status"
        className={parsed === undefined ? 'field-hint' : parsed.ok ? 'field-ok' : 'field-error'}
      >
        {parsed === undefined
          ? ''
          : parsed.ok
            ? t.validation.receiptOk(parsed.value.normalized, parsed.value.office)
            : errorText(parsed.error, t)}
      </span>
    </div>
  );
}

function CriteriaField(props: {
  criteria: readonly CriterionId[];
  onChange(update: (list: CriterionId[]) => CriterionId[]): void;
}) {
  const t = useT();
  const ui = useUiStore((s) => s.language);
  return (
    <fieldset>
      <legend>{t.expedite.criteria}</legend>
      {EXPEDITE_CRITERIA.map((c) => (
        <label key={c.id} className="choice">
          <input
            type="checkbox"
            checked={props.criteria.includes(c.id)}
            onChange={(e) =>
              props.onChange((list) =>
                e.target.checked ? [...list, c.id] : list.filter((id) => id !== c.id),
              )
            }
          />
          {c.label[ui]}
        </label>
      ))}
    </fieldset>
  );
}

/** Per chosen criterion, each document it needs: provided, will send, or not available. */
function DocumentationFields(props: {
  criteria: readonly CriterionId[];
  documentation: ExpediteDraft['documentation'];
  onChange(update: (d: ExpediteDraft['documentation']) => ExpediteDraft['documentation']): void;
}) {
  const t = useT();
  const ui = useUiStore((s) => s.language);
  const setDoc = (criterion: CriterionId, item: string, status: DocumentationStatus) =>
    props.onChange((d) => ({ ...d, [criterion]: { ...d[criterion], [item]: status } }));
  return (
    <>
      {EXPEDITE_CRITERIA.filter((c) => props.criteria.includes(c.id)).map((c) => (
        <fieldset key={c.id} className="expedite-docs">
          <legend>{t.expedite.documentation(c.label[ui])}</legend>
          {c.documentation.map((item) => (
            <fieldset key={item.id} className="doc-item">
              <legend>
                {item.label[ui]} <span className="field-hint">({item.examples[ui]})</span>
              </legend>
              {DOCUMENTATION_STATUSES.map((status) => (
                <label key={status} className="choice">
                  <input
                    type="radio"
                    name={`doc-${c.id}-${item.id}`}
                    checked={props.documentation[c.id]?.[item.id] === status}
                    onChange={() => setDoc(c.id, item.id, status)}
                  />
                  {t.expedite.docStatus[status]}
                </label>
              ))}
            </fieldset>
          ))}
        </fieldset>
      ))}
    </>
  );
}

/** Why the receipt suggests a component, or why the agent must choose, in the screen language (the rule's reason is English). */
function routingHint(
  suggestion: ReturnType<typeof routeExpedite>,
  receipt: ReceiptNumber | undefined,
  t: Messages,
  ui: 'en' | 'es',
): string {
  if (suggestion.kind === 'default' && receipt) {
    const component = OPERATIONAL_COMPONENT_LABELS[suggestion.routing][ui];
    return t.expedite.routingSuggested(receipt.prefix, receipt.office, component);
  }
  return receipt
    ? t.expedite.routingUnclear(formatReceiptNumber(receipt), receipt.office)
    : t.expedite.routingNoReceipt;
}

/** The operational component: the receipt's suggestion, or the agent's choice where it can't tell. */
function RoutingField(props: {
  suggestion: ReturnType<typeof routeExpedite>;
  receipt: ReceiptNumber | undefined;
  routing: ExpediteRouting | undefined;
  onChoose(routing: ExpediteRouting): void;
}) {
  const t = useT();
  const ui = useUiStore((s) => s.language);
  const { suggestion } = props;
  return (
    <fieldset>
      <legend>{t.expedite.routing}</legend>
      <p className="field-hint">{routingHint(suggestion, props.receipt, t, ui)}</p>
      {OPERATIONAL_COMPONENT_IDS.map((id) => (
        <label key={id} className="choice">
          <input
            type="radio"
            name="expedite-routing"
            checked={props.routing === id}
            onChange={() => props.onChoose(id)}
          />
          {OPERATIONAL_COMPONENT_LABELS[id][ui]}
        </label>
      ))}
    </fieldset>
  );
}

/** What the agent reads back to the caller, in the caller's language. */
function ReadBack(props: { request: ExpediteRequest; callerLanguage: 'en' | 'es' }) {
  const t = useT();
  return (
    <section aria-labelledby="read-back-title">
      <h3 id="read-back-title">
        {t.expedite.readBack} — {t.expedite.readBackLanguage(t.languages[props.callerLanguage])}
      </h3>
      <p className="read-back" lang={props.callerLanguage} data-testid="expedite-read-back">
        {expediteReadBack(props.request, props.callerLanguage)}
      </p>
    </section>
  );
}

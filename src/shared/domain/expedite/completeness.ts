import type { DomainError, ErrorParams } from '../result';
import { OPERATIONAL_COMPONENT_LABELS } from '../identifiers/operational-components';
import { formatReceiptNumber, parseReceiptNumber } from '../identifiers/receipt-number';
import type { ReceiptNumber } from '../identifiers/receipt-number';
import { EXPEDITE_CRITERIA, expediteCriterion } from './criteria';
import type { ExpediteDraft } from './expedite-request';
import { EXPEDITE_EXPLANATION_MAX_CHARS } from './limits';
import { routeExpedite } from './routing';

/**
 * Everything still missing before an expedite request can be recorded, each as a
 * sentence the agent can act on; empty means complete. Complete means:
 * - at least one criterion;
 * - an explanation (not blank, within the length bound);
 * - for every chosen criterion, every documentation item answered (provided,
 *   will send, not available) — the agent walks the whole checklist with the caller —
 *   and at least one item provided or to be sent, because documentation is required;
 * - a routing chosen;
 * - if a receipt number is given, a valid one.
 */
export function checkExpediteCompleteness(draft: ExpediteDraft): DomainError[] {
  const issues: DomainError[] = [];

  let receipt: ReceiptNumber | undefined;
  if (draft.receiptNumber !== undefined) {
    const parsed = parseReceiptNumber(draft.receiptNumber);
    if (parsed.ok) receipt = parsed.value;
    else
      issues.push({
        code: 'expedite.receipt_invalid',
        message: `receipt number: ${parsed.error.message}`,
        // The receipt error's own code and specifics, so a screen can translate the inner sentence.
        params: { ...parsed.error.params, receiptError: parsed.error.code },
      });
  }

  if (draft.criteria.length === 0) {
    issues.push({
      code: 'expedite.criteria_required',
      message: `choose at least one criterion: ${EXPEDITE_CRITERIA.map((c) => c.label.en).join(', ')}`,
    });
  }

  const explanation = draft.explanation.trim();
  if (explanation === '') {
    issues.push({
      code: 'expedite.explanation_required',
      message: "explanation is required: record in the caller's words why the case needs to be expedited",
    });
  } else if (draft.explanation.length > EXPEDITE_EXPLANATION_MAX_CHARS) {
    issues.push({
      code: 'expedite.explanation_too_long',
      message: `explanation has ${draft.explanation.length} characters; shorten it to ${EXPEDITE_EXPLANATION_MAX_CHARS} or fewer`,
      params: { length: draft.explanation.length, max: EXPEDITE_EXPLANATION_MAX_CHARS },
    });
  }

  for (const id of new Set(draft.criteria)) {
    const criterion = expediteCriterion(id);
    const answers = draft.documentation[id] ?? {};
    const unanswered = criterion.documentation.filter((item) => answers[item.id] === undefined);
    if (unanswered.length > 0) {
      issues.push({
        code: 'expedite.documentation_not_recorded',
        message: `documentation for '${criterion.label.en}' is not recorded: ${unanswered.map((i) => i.label.en).join('; ')}`,
        params: { criterion: id, items: unanswered.map((i) => i.id).join(',') },
      });
      continue;
    }
    const coming = criterion.documentation.some((item) => answers[item.id] !== 'not-available');
    if (!coming) {
      issues.push({
        code: 'expedite.documentation_required',
        message: `documentation is required for '${criterion.label.en}', but none is provided or will be sent: ask whether the caller can send ${criterion.documentation.map((i) => i.label.en).join(' or ')}`,
        params: { criterion: id },
      });
    }
  }

  if (draft.routing === undefined) {
    const suggestion = routeExpedite(receipt);
    const receiptUnusable = draft.receiptNumber !== undefined && receipt === undefined;
    issues.push({
      code: 'expedite.routing_required',
      message: receiptUnusable
        ? 'choose a routing: the receipt number is not valid, so it cannot suggest a component'
        : suggestion.kind === 'default'
          ? `choose a routing: the receipt number suggests ${OPERATIONAL_COMPONENT_LABELS[suggestion.routing].en} (${suggestion.reason})`
          : `choose a routing: ${suggestion.reason}`,
      params: routingParams(receiptUnusable, receipt),
    });
  }

  return issues;
}

/** The routing issue's specifics: which of its three sentences applies, and the receipt it rests on. */
function routingParams(receiptUnusable: boolean, receipt: ReceiptNumber | undefined): ErrorParams {
  if (receiptUnusable) return { situation: 'receipt-invalid' };
  if (!receipt) return { situation: 'no-receipt' };
  const facts = { prefix: receipt.prefix, office: receipt.office, receipt: formatReceiptNumber(receipt) };
  return receipt.directorate === 'needs-agent-choice'
    ? { situation: 'agent-must-choose', ...facts }
    : { situation: 'suggested', routing: receipt.directorate, ...facts };
}

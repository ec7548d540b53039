import { OPERATIONAL_COMPONENT_LABELS } from './operational-components';
import type { OperationalComponent } from './operational-components';
import { formatReceiptNumber } from './receipt-number';
import type { ReceiptNumber } from './receipt-number';

/**
 * Which operational component has a case, as far as its receipt number tells: a
 * default the agent may change, never a decision. Expedite requests and service
 * requests that go to "the office that has the case" are routed by it.
 */
export type ComponentSuggestion =
  | { readonly kind: 'default'; readonly routing: OperationalComponent; readonly reason: string }
  | { readonly kind: 'agent-must-choose'; readonly reason: string };

export function componentForReceipt(receipt?: ReceiptNumber): ComponentSuggestion {
  if (!receipt) {
    return {
      kind: 'agent-must-choose',
      reason:
        'no receipt number was recorded, so nothing suggests a component; choose one from the case data',
    };
  }
  if (receipt.directorate === 'needs-agent-choice') {
    return {
      kind: 'agent-must-choose',
      reason: `the receipt number ${formatReceiptNumber(receipt)} (${receipt.office}) does not tell which component handles the case; choose one from the case data`,
    };
  }
  return {
    kind: 'default',
    routing: receipt.directorate,
    reason: `receipt prefix ${receipt.prefix} is the ${receipt.office}, reviewed by ${OPERATIONAL_COMPONENT_LABELS[receipt.directorate].en}`,
  };
}

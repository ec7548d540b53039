import { OPERATIONAL_COMPONENT_LABELS } from '../identifiers/operational-components';
import type { OperationalComponent } from '../identifiers/operational-components';
import { formatReceiptNumber } from '../identifiers/receipt-number';
import type { ReceiptNumber } from '../identifiers/receipt-number';

/**
 * Which operational component should review an expedite request, as far as the
 * receipt number tells. It is a default the agent may change, never a decision.
 */
export type ExpediteRoutingSuggestion =
  | { readonly kind: 'default'; readonly routing: OperationalComponent; readonly reason: string }
  | { readonly kind: 'agent-must-choose'; readonly reason: string };

export function routeExpedite(receipt?: ReceiptNumber): ExpediteRoutingSuggestion {
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

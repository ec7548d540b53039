import type { ExpediteRequest } from '../../../../shared/domain/expedite';
import type { ChannelArgs } from '../../../../shared/ipc';

export type ExpediteFields = NonNullable<ChannelArgs<'inquiry.submit'>['expedite']>;
export type RoutingSource = 'agent' | 'receipt-default';

/**
 * The checklist's domain request as the IPC contract carries it: the same vocabulary
 * (criteria, documentation checklist, routing), so only what belongs to the chosen
 * criteria is sent and the explanation is trimmed. The routing is sent only when the
 * agent chose it; otherwise the server routes from the receipt number, as the agent saw
 * suggested, and records where the routing came from.
 */
export function expediteToIpc(request: ExpediteRequest, routingSource: RoutingSource): ExpediteFields {
  const criteria = [...new Set(request.criteria)];
  const documentation: ExpediteFields['documentation'] = {};
  for (const id of criteria) {
    const items = request.documentation[id];
    if (items) documentation[id] = { ...items };
  }
  return {
    criteria,
    explanation: request.explanation.trim(),
    documentation,
    ...(routingSource === 'agent' ? { routing: request.routing } : {}),
  };
}

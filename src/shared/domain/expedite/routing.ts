/** An expedite request goes to the component that has the case (identifiers/component-for-receipt). */
export {
  componentForReceipt as routeExpedite,
  type ComponentSuggestion as ExpediteRoutingSuggestion,
} from '../identifiers/component-for-receipt';

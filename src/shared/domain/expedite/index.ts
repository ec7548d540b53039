export { EXPEDITE_CRITERIA, EXPEDITE_CRITERION_IDS, expediteCriterion } from './criteria';
export type { CriterionId, DocumentationItem, ExpediteCriterion } from './criteria';
export {
  DOCUMENTATION_STATUSES,
  EXPEDITE_STATUSES,
  criterionIdSchema,
  documentationStatusSchema,
  expediteDocumentationSchema,
  expediteDraftSchema,
  expediteRequestSchema,
  expediteRoutingSchema,
  expediteStatusSchema,
} from './expedite-request';
export type {
  CriterionDocumentation,
  DocumentationStatus,
  ExpediteDraft,
  ExpediteRequest,
  ExpediteRouting,
  ExpediteStatus,
} from './expedite-request';
export { EXPEDITE_EXPLANATION_MAX_CHARS } from './limits';
export { checkExpediteCompleteness } from './completeness';
export { routeExpedite } from './routing';
export type { ExpediteRoutingSuggestion } from './routing';
export { expediteReadBack } from './read-back';
export type { ReadBackLanguage } from './read-back';

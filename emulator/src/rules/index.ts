// Public API of the rules engine: parse a ruleset once, then evaluate Firestore document
// requests, Firestore queries (list) and Storage requests against it.

export type { Method, Ruleset, ServiceKind } from './ast';
export { RulesSyntaxError } from './errors';
export { RulesFloat, RulesReference, rulesValue, type RulesInput, type RulesInputMap, type TimeInput } from './convert';
export { RBytes, RLatLng, RPath, RTimestamp } from './values';
export type { QueryOp } from './symbolic';
export {
  BATCH_LOOKUP_LIMIT,
  createBatchLookupBudget,
  evaluateFirestore,
  evaluateFirestoreQuery,
  evaluateStorage,
  LOOKUP_LIMIT,
  type Decision,
  type FirestoreQuery,
  type FirestoreQueryRequest,
  type FirestoreRulesRequest,
  type LookupBudget,
  type QueryFilterInput,
  type RulesAuth,
  type RulesDataSource,
  type RulesDoc,
  type StorageObject,
  type StorageRulesRequest,
  type TraceEntry,
} from './engine';
export { parseRuleset } from './compile';
export { RulesCoverage, type CoverageNode, type CoverageReport } from './coverage';
export { formatCoverageText, renderCoverageHtml, summarizeCoverage, type CoverageSummary } from './coverage-report';

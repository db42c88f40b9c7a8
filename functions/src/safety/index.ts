/**
 * The safety pipeline's deployed functions (chat screening and Bestie replies, risk alert fan-out,
 * escalation and re-screening sweep, idle chat closing, the counselor callables). Layer 1, the
 * deterministic screener, is in ./screener. `screenJournal` is the journal screener the well-being entry
 * trigger uses.
 */
export {
  onChatMessageCreated,
  onRiskEventCreated,
  escalationSweep,
  closeIdleChats,
  getRiskEventDetail,
  updateRiskEvent,
  listRiskQueue,
} from './triggers';
export { screenJournal } from './triggers';

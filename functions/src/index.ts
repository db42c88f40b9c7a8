/**
 * Wiring only: every deployed function is re-exported from its feature folder.
 */
export { onAlertContactWritten, onUserCreated, setAlertContact, setUserRole } from './identity/triggers';
export { dailySummaries, onAssessmentCreated, onEntryCreated, onProfileWritten, onTaskWritten, sendReminders, streakCheck } from './wellbeing/triggers';
export {
  closeIdleChats,
  escalationSweep,
  getRiskEventDetail,
  listRiskQueue,
  onChatMessageCreated,
  onRiskEventCreated,
  updateRiskEvent,
} from './safety/triggers';
export { cancelBooking, expireHolds, requestBooking, respondToBooking } from './connect/booking/triggers';
export { recordResourceView } from './connect/resources/triggers';
export { onDeviceWritten } from './connect/devices/triggers';
export { nightlyRollup, onRiskEventAcked } from './analytics/triggers';
export { joinPeerSession, leavePeerSession, onPeerFeedbackCreated, onPeerReportCreated, peerSessionReminders } from './connect/circles/triggers';
export {
  listModerationQueue,
  moderateContent,
  onForumCommentCreated,
  onForumCommentUpdated,
  onForumLikeWritten,
  onForumPostCreated,
  reportForumContent,
} from './connect/forum/triggers';
export { continueDeletions, deleteMyAccount, exportMyData, retentionPurge } from './privacy/triggers';

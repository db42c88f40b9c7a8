/**
 * Log events of the safety pipeline: levels, layers, counts, ids and codes only. Never message text, an
 * excerpt, a summary or an alias; a student or staff uid appears only as `hashId(uid)`, a chat or message id
 * only hashed too (they lead to a student).
 */
import { hashId, logEvent } from '../platform/log';

export const safetyEvents = {
  messageScreened: (f: {
    chatId: string;
    msgId: string;
    level: string;
    rulesLevel: string;
    by: string;
    model: string;
    rateLimited: boolean;
    agent: string;
    ms: number;
  }) =>
    logEvent('info', 'safety.message-screened', {
      chatHash: hashId(f.chatId),
      msgHash: hashId(f.msgId),
      level: f.level,
      rulesLevel: f.rulesLevel,
      by: f.by,
      modelOutcome: f.model,
      rateLimited: f.rateLimited,
      agent: f.agent,
      durationMs: f.ms,
    }),
  chatMissing: (f: { chatId: string }) => logEvent('warn', 'safety.chat-missing', { chatHash: hashId(f.chatId) }),
  orgUnknown: (f: { uid: string }) => logEvent('error', 'safety.org-unknown', { studentHash: hashId(f.uid) }),
  profileUnreadable: (f: { uid: string }) => logEvent('error', 'safety.profile-unreadable', { studentHash: hashId(f.uid) }),
  notifyCrashed: (f: { eventId: string; errorClass: string; errorCode?: string | undefined }) => logEvent('error', 'safety.notify-crashed', f),
  riskEventCreated: (f: { eventId: string; orgId: string; level: string; source: string; created: boolean }) =>
    logEvent('info', 'safety.risk-event', f),
  excerptNotStored: (f: { eventId: string; errorCode: string }) => logEvent('error', 'safety.excerpt-not-stored', f),
  riskEventRaised: (f: { eventId: string; from: string; to: string }) => logEvent('warn', 'safety.risk-event-raised', f),
  fanOut: (f: { eventId: string; step: number; target: string; recipientCount: number; sentCount: number; failedCount: number; retryableCount: number }) =>
    logEvent(f.failedCount > 0 ? 'warn' : 'info', 'safety.fan-out', f),
  noRecipients: (f: { eventId: string; orgId: string; step: number }) => logEvent('error', 'safety.no-recipients', f),
  fanOutGaveUp: (f: { eventId: string; ageMs: number; retryableCount: number }) => logEvent('error', 'safety.fan-out-gave-up', f),
  escalated: (f: { eventId: string; step: number; target: string; level: string; advanced: boolean }) =>
    logEvent('warn', 'safety.escalated', f),
  sweepDone: (f: { dueCount: number; escalatedCount: number; clearedCount: number; rescreenedCount: number; abandonedCount: number; errorCount: number }) =>
    logEvent('info', 'safety.sweep', f),
  sweepItemFailed: (f: { kind: string; errorClass: string; errorCode?: string | number | undefined }) =>
    logEvent('error', 'safety.sweep-item-failed', f),
  rescreened: (f: { msgPathHash: string; level: string; by: string; pending: boolean }) => logEvent('info', 'safety.rescreened', f),
  modelBudgetExhausted: (f: { orgId: string; day: string; dailyLimit: number }) =>
    logEvent('warn', 'safety.model-budget-exhausted', {
      ...f,
      effect: 'model budget used up today: deterministic screening only',
    }),
  rateLimited: (f: { uid: string; notice: boolean }) => logEvent('info', 'safety.rate-limited', { studentHash: hashId(f.uid), notice: f.notice }),
  chatClosed: (f: { chatId: string; summaryBy: string; messageCount: number; closed: boolean }) =>
    logEvent('info', 'safety.chat-closed', { chatHash: hashId(f.chatId), summaryKind: f.summaryBy, messageCount: f.messageCount, closed: f.closed }),
  idleSweep: (f: { candidateCount: number; closedCount: number; activeCount: number; errorCount: number }) => logEvent('info', 'safety.idle-sweep', f),
  detailRead: (f: { eventId: string; actor: string; contextCount: number }) =>
    logEvent('info', 'safety.risk-detail-read', { eventId: f.eventId, actorHash: hashId(f.actor), contextCount: f.contextCount }),
  riskEventUpdated: (f: { eventId: string; actor: string; action: string; status: string }) =>
    logEvent('info', 'safety.risk-event-updated', { eventId: f.eventId, actorHash: hashId(f.actor), action: f.action, status: f.status }),
  staleEvent: (f: { trigger: string; ageMs: number }) => logEvent('warn', 'safety.stale-event-dropped', f),
};

/**
 * `closeIdleChats` (scheduled): open chats idle for over 30 minutes close with an encrypted summary (the
 * model's when there is one and the org's budget allows, else a local one). `lastMessageAt` is only a hint
 * (the message trigger writes it at most every ten minutes), so the newest message decides (one read): a
 * chat that turns out active gets its `lastMessageAt` corrected and stays open. The close itself is a transaction
 * that re-checks the chat is still open and has not moved on.
 */
import { generateAlias } from '../identity/alias';
import type { Chat } from '../model/schemas';
import { encryptField } from '../platform/crypto';
import { DomainError } from '../platform/errors';
import type { SafetyDeps } from './deps';
import { appConfig, DEFAULT_TIMEZONE, orgOf, studentOrg } from './directory';
import { safetyEvents } from './events';
import { summaryContext } from './ids';
import { aliasNames } from './pii';
import type { StoredMessage } from './store';
import { summarizeChat, type TranscriptMessage } from './summary';

export const IDLE_MS = 30 * 60_000;
/** Most chats closed per run. */
export const IDLE_BATCH = 50;
/** Most messages a summary is made from. */
export const SUMMARY_MESSAGES = 60;

export interface IdleResult {
  candidates: number;
  closed: number;
  active: number;
  errors: number;
}

function toTranscript(messages: readonly StoredMessage[]): TranscriptMessage[] {
  return messages.map(({ message }) => ({
    sender: message.sender,
    text: message.text,
    at: message.createdAt.toMillis(),
    screening: message.screening,
  }));
}

async function closeOne(deps: SafetyDeps, chatId: string, chat: Chat, now: number): Promise<'closed' | 'active' | 'gone'> {
  const cutoff = now - IDLE_MS;
  const latest = await deps.store.recentMessages(chatId, 1);
  const newest = Math.max(chat.lastMessageAt.toMillis(), ...latest.map((m) => m.message.createdAt.toMillis()));
  if (newest > cutoff) {
    await deps.store.touchChat(chatId, newest);
    return 'active';
  }
  const recent = await deps.store.recentMessages(chatId, SUMMARY_MESSAGES);
  const config = await appConfig(deps);
  const orgId = chat.orgId ?? (await studentOrg(deps, chat.studentUid)) ?? undefined;
  const org = orgId !== undefined ? await orgOf(deps, orgId) : null;
  const useModel =
    recent.length > 0 &&
    config.flags.modelReplies &&
    deps.model.available &&
    orgId !== undefined &&
    (await deps.budget.take(orgId, org?.timezone ?? DEFAULT_TIMEZONE, now, config.modelBudget.dailyCallsPerOrg));
  const summary = await summarizeChat(useModel ? deps.model : undefined, toTranscript(recent), aliasNames(generateAlias(chat.studentUid)));
  const outcome = await deps.store.closeChat(chatId, {
    summary: encryptField(deps.keyRing, summary.text, summaryContext(chatId)),
    closedAt: now,
    idleSince: newest,
  });
  safetyEvents.chatClosed({ chatId, summaryBy: summary.by, messageCount: recent.length, closed: outcome === 'closed' });
  return outcome;
}

export async function closeIdleChats(deps: SafetyDeps): Promise<IdleResult> {
  const now = deps.now();
  const chats = await deps.store.idleChats(now - IDLE_MS, IDLE_BATCH);
  const result: IdleResult = { candidates: chats.length, closed: 0, active: 0, errors: 0 };
  for (const { chatId, chat } of chats) {
    try {
      const outcome = await closeOne(deps, chatId, chat, now);
      if (outcome === 'closed') result.closed += 1;
      if (outcome === 'active') result.active += 1;
    } catch (err) {
      result.errors += 1;
      safetyEvents.sweepItemFailed({ kind: 'close-chat', errorClass: err instanceof Error ? err.name : typeof err, errorCode: err instanceof DomainError ? err.code : undefined });
    }
  }
  safetyEvents.idleSweep({ candidateCount: result.candidates, closedCount: result.closed, activeCount: result.active, errorCount: result.errors });
  return result;
}

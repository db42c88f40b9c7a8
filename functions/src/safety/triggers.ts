/**
 * Deployed safety functions: wiring only. Each `buildX(deps)` wraps a handler around a source of
 * dependencies (tests pass fakes; the exports below pass the live ones, resolved on first use).
 */
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { messageSchema, riskEventSchema } from '../model/schemas';
import { callable } from '../platform/callable';
import { ALL_SECRETS, REGION } from '../platform/config';
import { CorruptDocumentError } from '../platform/errors';
import { logEvent } from '../platform/log';
import { parseStored } from '../platform/validation';
import { handleRiskEventCreated } from './alerts';
import type { SafetyDeps } from './deps';
import { safetyEvents } from './events';
import { closeIdleChats as closeIdleChatsHandler } from './idle-chats';
import { journalScreener } from './journal';
import { liveSafetyDeps } from './live';
import { handleChatMessage } from './message-handler';
import {
  getRiskEventDetail as getRiskEventDetailHandler,
  listRiskQueue as listRiskQueueHandler,
  listRiskQueueInput,
  riskEventDetailInput,
  updateRiskEvent as updateRiskEventHandler,
} from './risk-callables';
import { runEscalationSweep } from './sweep';
import { updateRiskEventInput } from './work-queue';

export type DepsSource = () => SafetyDeps;

/** A message event older than this is dropped instead of retried (a late reply would confuse). */
export const MESSAGE_RETRY_WINDOW_MS = 10 * 60_000;

const ageOf = (time: string) => Date.now() - Date.parse(time);

/** Parses a created document; a corrupt one is logged and skipped (retrying would not fix it). */
function parseCreated<T>(parse: () => T, trigger: string): T | undefined {
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof CorruptDocumentError)) throw err;
    logEvent('error', 'safety.corrupt-trigger-document', { trigger });
    return undefined;
  }
}

export function buildOnChatMessageCreated(deps: DepsSource) {
  return onDocumentCreated(
    { document: 'chats/{chatId}/messages/{msgId}', region: REGION, secrets: ALL_SECRETS, retry: true, timeoutSeconds: 60 },
    async (event) => {
      const snap = event.data;
      if (!snap) return;
      const age = ageOf(event.time);
      if (age > MESSAGE_RETRY_WINDOW_MS) {
        safetyEvents.staleEvent({ trigger: 'onChatMessageCreated', ageMs: age });
        return;
      }
      const message = parseCreated(() => parseStored(messageSchema, snap.data(), snap.ref.path), 'onChatMessageCreated');
      if (!message) return;
      await handleChatMessage(deps(), { chatId: event.params.chatId, msgId: event.params.msgId, message });
    },
  );
}

export function buildOnRiskEventCreated(deps: DepsSource) {
  return onDocumentCreated({ document: 'riskEvents/{eventId}', region: REGION, secrets: ALL_SECRETS, retry: true, timeoutSeconds: 120 }, async (event) => {
    const snap = event.data;
    if (!snap) return;
    const risk = parseCreated(() => parseStored(riskEventSchema, snap.data(), snap.ref.path), 'onRiskEventCreated');
    if (!risk) return;
    await handleRiskEventCreated(deps(), event.params.eventId, risk, ageOf(event.time));
  });
}

export function buildEscalationSweep(deps: DepsSource) {
  return onSchedule({ schedule: 'every 1 minutes', region: REGION, secrets: ALL_SECRETS, timeoutSeconds: 240 }, async () => {
    await runEscalationSweep(deps());
  });
}

export function buildCloseIdleChats(deps: DepsSource) {
  return onSchedule({ schedule: 'every 10 minutes', region: REGION, secrets: ALL_SECRETS, timeoutSeconds: 540 }, async () => {
    await closeIdleChatsHandler(deps());
  });
}

export function buildGetRiskEventDetail(deps: DepsSource) {
  return callable('getRiskEventDetail', riskEventDetailInput, (input, caller) => getRiskEventDetailHandler(deps(), input, caller), { secrets: ALL_SECRETS });
}

export function buildUpdateRiskEvent(deps: DepsSource) {
  return callable('updateRiskEvent', updateRiskEventInput, (input, caller) => updateRiskEventHandler(deps(), input, caller), { secrets: ALL_SECRETS });
}

export function buildListRiskQueue(deps: DepsSource) {
  return callable('listRiskQueue', listRiskQueueInput, (input, caller) => listRiskQueueHandler(deps(), input, caller), { secrets: ALL_SECRETS });
}

export const onChatMessageCreated = buildOnChatMessageCreated(liveSafetyDeps);
export const onRiskEventCreated = buildOnRiskEventCreated(liveSafetyDeps);
export const escalationSweep = buildEscalationSweep(liveSafetyDeps);
export const closeIdleChats = buildCloseIdleChats(liveSafetyDeps);
export const getRiskEventDetail = buildGetRiskEventDetail(liveSafetyDeps);
export const updateRiskEvent = buildUpdateRiskEvent(liveSafetyDeps);
export const listRiskQueue = buildListRiskQueue(liveSafetyDeps);
export const screenJournal = journalScreener(liveSafetyDeps);

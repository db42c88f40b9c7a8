/**
 * Deterministic ids for everything the safety pipeline creates, so a trigger that runs twice (at-least-once
 * delivery) finds its earlier work instead of duplicating it: the riskEvent of a source document, Bestie's
 * reply to a student message, and the idempotency key of each escalation notification. Pure.
 */
import { createHash } from 'node:crypto';
import { paths } from '../model/paths';

function digest(kind: string, value: string, length: number): string {
  return createHash('sha256').update(`${kind}\n${value}`).digest('hex').slice(0, length);
}

/** `riskEvents/{id}` for the document that raised it (e.g. `chats/c1/messages/m1`): one event per source. */
export function riskEventIdFor(sourcePath: string): string {
  return `risk-${digest('risk-event', sourcePath, 32)}`;
}

/** The id of Bestie's reply to the student message `msgId` (in the same chat). */
export function botReplyIdFor(msgId: string): string {
  return `bestie-${digest('bot-reply', msgId, 32)}`;
}

/**
 * The notifier's idempotency key for one recipient of one escalation step of one event (step 0 is the
 * initial fan-out). The notifier derives the in-app notification id and every delivery id from it.
 */
export function alertKey(eventId: string, step: number, uid: string): string {
  return `risk:${eventId}:${String(step)}:${uid}`;
}

/** Encryption context of `riskEvents/{id}.excerpt` (the document path and field). */
export function excerptContext(eventId: string): string {
  return `${paths.riskEvent(eventId)}#excerpt`;
}

/** Encryption context of `chats/{id}.summary`. */
export function summaryContext(chatId: string): string {
  return `${paths.chat(chatId)}#summary`;
}

/**
 * Cached look-ups the handlers share: config/app, an org, the fixed facts of a chat, a student's org, the
 * escalation policy of an org, and the throttled `lastMessageAt` update of a chat (written at most every
 * ten minutes per chat and instance; closeIdleChats checks the newest message before it closes a chat).
 */
import type { AppConfig, EscalationPolicy, Org } from '../model/schemas';
import type { ChatFacts, SafetyDeps } from './deps';
import { resolvePolicy } from './escalation';

/** Timezone used when an org has no document. */
export const DEFAULT_TIMEZONE = 'Asia/Kolkata';

/** A chat's `lastMessageAt` is written when it is at least this much behind. */
export const TOUCH_EVERY_MS = 10 * 60_000;

export function appConfig(deps: SafetyDeps): Promise<AppConfig> {
  return deps.cache.config.get('app', deps.now(), () => deps.store.appConfig());
}

export function orgOf(deps: SafetyDeps, orgId: string): Promise<Org | null> {
  return deps.cache.orgs.get(orgId, deps.now(), () => deps.store.org(orgId));
}

export async function policyFor(deps: SafetyDeps, orgId: string): Promise<EscalationPolicy> {
  const [config, org] = await Promise.all([appConfig(deps), orgOf(deps, orgId)]);
  return resolvePolicy(config.escalation, org?.escalation);
}

export function chatFacts(deps: SafetyDeps, chatId: string): Promise<ChatFacts | null> {
  return deps.cache.chats.get(
    chatId,
    deps.now(),
    async () => {
      const chat = await deps.store.chat(chatId);
      if (!chat) return null;
      rememberTouch(deps, chatId, chat.lastMessageAt.toMillis());
      return { kind: chat.kind, studentUid: chat.studentUid, orgId: chat.orgId };
    },
    (facts) => facts !== null,
  );
}

/** The student's org from their profile (null when there is no profile). */
export function studentOrg(deps: SafetyDeps, uid: string): Promise<string | null> {
  return deps.cache.studentOrgs.get(
    uid,
    deps.now(),
    async () => (await deps.store.profile(uid))?.orgId ?? null,
    (orgId) => orgId !== null,
  );
}

function rememberTouch(deps: SafetyDeps, chatId: string, at: number): void {
  const touched = deps.cache.lastTouched;
  const previous = touched.get(chatId) ?? 0;
  touched.delete(chatId);
  touched.set(chatId, Math.max(at, previous));
  if (touched.size > 10_000) {
    const oldest = touched.keys().next();
    if (oldest.done !== true) touched.delete(oldest.value);
  }
}

/** Moves the chat's `lastMessageAt` to `at` when this instance's copy is more than `TOUCH_EVERY_MS` behind. */
export async function touchChat(deps: SafetyDeps, chatId: string, at: number): Promise<boolean> {
  const known = deps.cache.lastTouched.get(chatId);
  if (known !== undefined && at - known < TOUCH_EVERY_MS) return false;
  await deps.store.touchChat(chatId, at);
  rememberTouch(deps, chatId, at);
  return true;
}

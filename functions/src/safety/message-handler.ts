/**
 * What happens when a chat message is created (`onChatMessageCreated`). For a student's message:
 * 1. the deterministic screener runs (always, even past the rate limit);
 * 2. at `high`/`imminent` the riskEvent is created at once and, in a bot chat, Bestie's templated crisis
 *    reply is written, neither waiting for the model;
 * 3. the model screens the text (personal details stripped) unless the student is over the rate limit, the
 *    org's daily budget is spent, the flag is off or there is no model; in a bot chat the listener reply
 *    is asked for at the same time;
 * 4. the layers combine (the model never lowers the level; a failure keeps the deterministic level and
 *    marks the message for the sweep); a higher level creates or raises the riskEvent;
 * 5. in a bot chat Bestie answers once: crisis reply, slow-down reply (once per window past the limit),
 *    the model's listener reply, or a local one;
 * 6. `screening` is written on the message, and the chat's `lastMessageAt` moves (throttled).
 * In a bot chat both the reply and the student's message (with its `screening`) get `expireAt`, the TTL field,
 * `botMessageRetentionDays` after they were written; messages of counselor chats never do.
 * A benign message costs at most one read (the chat, the first time an instance sees it) and two writes
 * (screening, reply); shared bookkeeping (config and org cache refreshes, budget leases, the throttled
 * `lastMessageAt`) adds about a tenth of a write per message (bench/safety.bench.ts).
 * Every write is idempotent: a repeated run finds the same riskEvent and the same reply id.
 */
import { generateAlias } from '../identity/alias';
import { paths } from '../model/paths';
import { riskAtLeast, riskRank, type BotAgent, type Message, type RiskEventLevel, type RiskLevel, type UserProfile } from '../model/schemas';
import { CorruptDocumentError } from '../platform/errors';
import { crisisReply, helplinesFor } from './crisis';
import type { SafetyDeps } from './deps';
import { appConfig, chatFacts, DEFAULT_TIMEZONE, orgOf, studentOrg, touchChat } from './directory';
import { safetyEvents } from './events';
import { botReplyIdFor } from './ids';
import { replyLanguage } from './language';
import { modelListenerReply } from './listener';
import { localListenerReply, slowDownReply } from './local-replies';
import { screenWithModel } from './model-screen';
import { aliasNames } from './pii';
import { ensureRiskEvent, eventLevelOf, raiseRiskEvent, type EnsuredEvent } from './risk-events';
import { combineVerdicts, MODEL_THIRD_PARTY_REASON, type ModelOutcome, type SkipWhy } from './verdict';

const DAY_MS = 86_400_000;

export interface IncomingMessage {
  chatId: string;
  msgId: string;
  message: Message;
}

export type MessageOutcome =
  | { status: 'skipped'; why: 'not-student' }
  | {
      status: 'screened';
      level: RiskLevel;
      by: string;
      pending: boolean;
      riskEventId: string | undefined;
      reply: BotAgent | 'none';
      model: ModelOutcome['kind'];
    };

interface ReplyPlan {
  agent: BotAgent;
  text: string;
}

/** The profile, or null when it is missing or unreadable as stored (a corrupt profile must not stop an alert). */
async function readProfile(deps: SafetyDeps, uid: string): Promise<UserProfile | null> {
  try {
    return await deps.store.profile(uid);
  } catch (err) {
    if (!(err instanceof CorruptDocumentError)) throw err;
    safetyEvents.profileUnreadable({ uid });
    return null;
  }
}

export async function handleChatMessage(deps: SafetyDeps, incoming: IncomingMessage): Promise<MessageOutcome> {
  const started = deps.now();
  const { chatId, msgId, message } = incoming;
  if (message.sender !== 'student') {
    if (message.sender === 'counselor') await touchChat(deps, chatId, message.createdAt.toMillis());
    return { status: 'skipped', why: 'not-student' };
  }

  const uid = message.authorUid;
  const sourcePath = paths.message(chatId, msgId);
  const rules = deps.screen(message.text);
  const [facts, config] = await Promise.all([chatFacts(deps, chatId), appConfig(deps)]);
  if (!facts) safetyEvents.chatMissing({ chatId });
  const isBotChat = facts?.kind === 'bot';
  const rate = deps.limiter.hit(uid, started, config.rateLimits.chatMessages);
  if (rate.limited) safetyEvents.rateLimited({ uid, notice: rate.notice });
  const names = aliasNames(generateAlias(uid));

  let profile: UserProfile | null | undefined;
  const loadProfile = async (): Promise<UserProfile | null> => {
    if (profile === undefined) profile = await readProfile(deps, uid);
    return profile;
  };
  const signal = async (level: RiskEventLevel, reasons: readonly string[]) =>
    ensureRiskEvent(deps, { source: 'chat', sourcePath, studentUid: uid, profile: await loadProfile(), orgId: facts?.orgId, level, reasons, text: message.text });
  // `about`: whose danger it is; the writer is then the one in it or the one helping (crisis.ts).
  const crisis = async (level: 'high' | 'imminent', about: 'self' | 'other'): Promise<ReplyPlan> => {
    const student = await loadProfile();
    const orgId = student?.orgId ?? facts?.orgId;
    const org = orgId !== undefined ? await orgOf(deps, orgId).catch(() => null) : null;
    const text = crisisReply({
      language: replyLanguage(message.text, student?.language),
      level,
      helplines: helplinesFor(config.helplines, org?.country),
      counselorAlerted: orgId !== undefined,
      about,
    });
    return { agent: 'crisis', text };
  };

  let event: EnsuredEvent | undefined;
  let reply: ReplyPlan | undefined;
  let replyWritten = false;
  const retentionMs = deps.botMessageRetentionDays * DAY_MS;
  const writeReply = async (plan: ReplyPlan) => {
    const at = deps.now();
    await deps.store.createBotMessage(chatId, botReplyIdFor(msgId), { text: plan.text, agent: plan.agent, at, expireAt: at + retentionMs });
    replyWritten = true;
  };

  if (rules.level === 'high' || rules.level === 'imminent') {
    const level = rules.level;
    await loadProfile();
    // The alert and the crisis reply do not wait for each other: one failing never holds back the other.
    const [alerted, replied] = await Promise.allSettled([
      signal(level, rules.reasons),
      isBotChat ? crisis(level, rules.aboutSomeoneElse === true ? 'other' : 'self').then(async (plan) => { reply = plan; await writeReply(plan); }) : Promise.resolve(),
    ]);
    if (alerted.status === 'rejected') throw alerted.reason;
    if (replied.status === 'rejected') throw replied.reason;
    event = alerted.value;
  }

  const orgId = facts?.orgId ?? (await studentOrg(deps, uid)) ?? undefined;
  const wantsReply = isBotChat && reply === undefined && !rate.limited && config.flags.modelReplies && deps.model.available;
  const wantsScreen = config.flags.modelScreening && deps.model.available && !rate.limited;
  let skip: SkipWhy | undefined = !config.flags.modelScreening ? 'disabled' : !deps.model.available ? 'offline' : rate.limited ? 'rate-limited' : undefined;
  let allowed = false;
  if (wantsScreen || wantsReply) {
    const calls = (wantsScreen ? 1 : 0) + (wantsReply ? 1 : 0);
    const org = orgId !== undefined ? await orgOf(deps, orgId) : null;
    allowed = orgId !== undefined && (await deps.budget.take(orgId, org?.timezone ?? DEFAULT_TIMEZONE, started, config.modelBudget.dailyCallsPerOrg, calls));
    if (!allowed) skip ??= 'budget';
  }

  const language = replyLanguage(message.text, profile?.language);
  const screening: Promise<ModelOutcome> =
    allowed && wantsScreen ? screenWithModel(deps.model, { text: message.text, names }) : Promise.resolve({ kind: 'skipped', why: skip ?? 'disabled' });
  const listener = allowed && wantsReply ? modelListenerReply(deps.model, { text: message.text, language, names }) : Promise.resolve(undefined);
  const [outcome, modelReply] = await Promise.all([screening, listener]);
  const verdict = combineVerdicts(rules, outcome);

  const finalLevel = eventLevelOf(verdict.level);
  if (finalLevel !== undefined) {
    if (!event) event = await signal(finalLevel, verdict.reasons);
    else if (riskRank(finalLevel) > riskRank(event.level)) {
      event = (await raiseRiskEvent(deps, { id: event.id, orgId: event.orgId, level: finalLevel, reasons: verdict.reasons })) ?? event;
    }
  }

  if (isBotChat && !replyWritten) {
    if (verdict.level === 'high' || verdict.level === 'imminent') {
      // Only the model saw a crisis here: it is someone else's when the model tagged it so.
      const theirs = rules.aboutSomeoneElse === true || (!riskAtLeast(rules.level, 'high') && verdict.reasons.includes(MODEL_THIRD_PARTY_REASON));
      reply = await crisis(verdict.level, theirs ? 'other' : 'self');
    }
    else if (rate.limited) reply = rate.notice ? { agent: 'slow-down', text: slowDownReply(language) } : undefined;
    else if (modelReply !== undefined) reply = { agent: 'listener', text: modelReply };
    else reply = { agent: 'local', text: localListenerReply(language, verdict.level, msgId) };
    if (reply) await writeReply(reply);
  }

  const expireAt = isBotChat ? message.createdAt.toMillis() + retentionMs : undefined;
  await deps.store.writeScreening(chatId, msgId, { level: verdict.level, reasons: verdict.reasons, by: verdict.by, at: deps.now() }, expireAt);
  if (facts) await touchChat(deps, chatId, replyWritten ? deps.now() : message.createdAt.toMillis());

  safetyEvents.messageScreened({
    chatId,
    msgId,
    level: verdict.level,
    rulesLevel: rules.level,
    by: verdict.by,
    model: outcome.kind === 'failed' ? `failed:${outcome.why}` : outcome.kind === 'skipped' ? `skipped:${outcome.why}` : outcome.kind,
    rateLimited: rate.limited,
    agent: reply?.agent ?? 'none',
    ms: deps.now() - started,
  });
  return {
    status: 'screened',
    level: verdict.level,
    by: verdict.by,
    pending: verdict.pending,
    riskEventId: event?.id,
    reply: reply?.agent ?? 'none',
    model: outcome.kind,
  };
}

/**
 * In-memory stand-ins for the safety pipeline: `InMemorySafetyStore` implements `SafetyStore` on the
 * notifier fakes' `MemoryDocs` (one document space, reads and writes counted the way Firestore bills them
 * and as store-firestore.ts performs them), scripted language models, and `fakeSafetyDeps`, which wires the
 * store, the real notifier over offline providers (every delivery recorded in an in-memory log) and a
 * controllable clock. Used by the unit tests and by bench/safety.bench.ts.
 */
import { Timestamp } from 'firebase-admin/firestore';
import type { z } from 'zod';
import { paths } from '../../src/model/paths';
import {
  appConfigSchema,
  auditLogSchema,
  chatSchema,
  counselorSchema,
  journalEntrySchema,
  messageSchema,
  orgSchema,
  riskEventSchema,
  riskRank,
  userProfileSchema,
  type AppConfig,
  type Chat,
  type Counselor,
  type Message,
  type Org,
  type RiskEvent,
  type UserProfile,
} from '../../src/model/schemas';
import { notifyUser } from '../../src/notify';
import { parseStored } from '../../src/platform/validation';
import { ProviderError, type JsonModelRequest, type LanguageModel, type ModelRequest, type ModelResult } from '../../src/platform/providers/types';
import { grantLease, ModelBudget, modelUsagePath, modelUsageSchema } from '../../src/safety/budget';
import { SafetyCache, type SafetyDeps } from '../../src/safety/deps';
import { isHandled } from '../../src/safety/escalation';
import { RateLimiter } from '../../src/safety/rate-limit';
import type { AuditEntry, BotMessageWrite, NewRiskEvent, SafetyStore, ScreeningWrite, StoredMessage } from '../../src/safety/store';
import { PENDING_REASON, type DeterministicScreener } from '../../src/safety/verdict';
import { riskEventNotFound, sameWorkState, workFields, workStateOf } from '../../src/safety/work-queue';
import { fakeNotifyDeps, idOf, MemoryDocs, parentOf, profileFixture, TEST_KEY_RING, type Data, type FakeNotify } from './notify-fakes';

const ts = (ms: number) => Timestamp.fromMillis(ms);

/** Like the typed converters: a stored document that breaks its schema is a `CorruptDocumentError`. */
function parse<S extends z.ZodType>(schema: S, data: Data | undefined, path: string): z.output<S> | null {
  return data === undefined ? null : parseStored(schema, data, path);
}

function millis(value: unknown): number {
  return value instanceof Timestamp ? value.toMillis() : Number.NaN;
}

export class InMemorySafetyStore implements SafetyStore {
  readonly audits: AuditEntry[] = [];
  private auditSequence = 0;

  constructor(readonly docs: MemoryDocs) {}

  /** Bills a query the way Firestore does: one read per document returned, at least one. */
  private bill<T>(rows: T[]): T[] {
    this.docs.reads += Math.max(1, rows.length);
    return rows;
  }

  /** Unbilled scan of direct children of a collection. */
  private scan(collectionPath: string): Array<{ path: string; data: Data }> {
    const out: Array<{ path: string; data: Data }> = [];
    for (const path of this.docs.paths()) {
      if (parentOf(path) !== collectionPath) continue;
      const data = this.docs.peek(path);
      if (data) out.push({ path, data });
    }
    return out;
  }

  private scanMessages(): StoredMessage[] {
    const out: StoredMessage[] = [];
    for (const path of this.docs.paths()) {
      const m = /^chats\/([^/]+)\/messages\/([^/]+)$/.exec(path);
      const data = this.docs.peek(path);
      if (!m?.[1] || !m[2] || !data) continue;
      out.push({ chatId: m[1], msgId: m[2], message: messageSchema.parse(data) });
    }
    return out;
  }

  async appConfig(): Promise<AppConfig> {
    const path = paths.appConfig();
    return parse(appConfigSchema, this.docs.get(path)?.data, path) ?? appConfigSchema.parse({});
  }

  async org(orgId: string): Promise<Org | null> {
    return parse(orgSchema, this.docs.get(paths.org(orgId))?.data, paths.org(orgId));
  }

  async chat(chatId: string): Promise<Chat | null> {
    return parse(chatSchema, this.docs.get(paths.chat(chatId))?.data, paths.chat(chatId));
  }

  async profile(uid: string): Promise<UserProfile | null> {
    return parse(userProfileSchema, this.docs.get(paths.user(uid))?.data, paths.user(uid));
  }

  async activeCounselors(orgId: string): Promise<string[]> {
    const rows = this.scan(paths.counselors()).filter((r) => r.data.orgId === orgId && r.data.active === true);
    return this.bill(rows).map((r) => idOf(r.path));
  }

  async admins(orgId: string): Promise<string[]> {
    const rows = this.scan(paths.users()).filter((r) => r.data.orgId === orgId && r.data.role === 'admin');
    return this.bill(rows).map((r) => idOf(r.path));
  }

  async isActiveCounselor(orgId: string, uid: string): Promise<boolean> {
    const c = parse(counselorSchema, this.docs.get(paths.counselor(uid))?.data, paths.counselor(uid));
    return c !== null && c.orgId === orgId && c.active;
  }

  async writeScreening(chatId: string, msgId: string, s: ScreeningWrite, expireAt?: number): Promise<void> {
    const path = paths.message(chatId, msgId);
    const current = this.docs.peek(path);
    if (!current) throw new Error(`no message ${path}`);
    const fields = { screening: { level: s.level, reasons: s.reasons, by: s.by, at: ts(s.at) }, ...(expireAt === undefined ? {} : { expireAt: ts(expireAt) }) };
    messageSchema.parse({ ...current, ...fields });
    this.docs.update(path, fields);
  }

  async writeEntryScreening(uid: string, entryId: string, s: ScreeningWrite): Promise<void> {
    const path = paths.entry(uid, entryId);
    const current = this.docs.peek(path);
    if (!current) throw new Error(`no entry ${path}`);
    journalEntrySchema.parse({ ...current, screening: { ...s, at: ts(s.at) } });
    this.docs.update(path, { screening: { level: s.level, reasons: s.reasons, by: s.by, at: ts(s.at) } });
  }

  async createBotMessage(chatId: string, id: string, m: BotMessageWrite): Promise<'created' | 'exists'> {
    const doc = messageSchema.parse({ authorUid: 'bot', sender: 'bot', text: m.text, createdAt: ts(m.at), agent: m.agent, expireAt: ts(m.expireAt) });
    return this.docs.create(paths.message(chatId, id), doc) ? 'created' : 'exists';
  }

  async touchChat(chatId: string, at: number): Promise<void> {
    if (!this.docs.update(paths.chat(chatId), { lastMessageAt: ts(at) })) throw new Error(`no chat ${chatId}`);
  }

  async pendingRescreens(limit: number): Promise<StoredMessage[]> {
    const rows = this.scanMessages()
      .filter((m) => m.message.screening?.reasons.includes(PENDING_REASON) === true)
      .sort((a, b) => millis(a.message.screening?.at) - millis(b.message.screening?.at))
      .slice(0, limit);
    return this.bill(rows);
  }

  async recentMessages(chatId: string, limit: number): Promise<StoredMessage[]> {
    const rows = this.scanMessages()
      .filter((m) => m.chatId === chatId)
      .sort((a, b) => b.message.createdAt.toMillis() - a.message.createdAt.toMillis())
      .slice(0, limit);
    return this.bill(rows);
  }

  async messagesAround(chatId: string, msgId: string, before: number, after: number): Promise<StoredMessage[]> {
    const source = parse(messageSchema, this.docs.get(paths.message(chatId, msgId))?.data, paths.message(chatId, msgId));
    if (!source) return [];
    const at = source.createdAt.toMillis();
    const all = this.scanMessages().filter((m) => m.chatId === chatId);
    const earlier = before > 0 ? this.bill(all.filter((m) => m.message.createdAt.toMillis() < at).sort((a, b) => b.message.createdAt.toMillis() - a.message.createdAt.toMillis()).slice(0, before)) : [];
    const later = after > 0 ? this.bill(all.filter((m) => m.message.createdAt.toMillis() > at).sort((a, b) => a.message.createdAt.toMillis() - b.message.createdAt.toMillis()).slice(0, after)) : [];
    return [...earlier.reverse(), { chatId, msgId, message: source }, ...later];
  }

  async idleChats(cutoff: number, limit: number): Promise<Array<{ chatId: string; chat: Chat }>> {
    const rows = this.scan(paths.chats())
      .map((r) => ({ chatId: idOf(r.path), chat: chatSchema.parse(r.data) }))
      .filter((r) => r.chat.status === 'open' && r.chat.lastMessageAt.toMillis() <= cutoff)
      .sort((a, b) => a.chat.lastMessageAt.toMillis() - b.chat.lastMessageAt.toMillis())
      .slice(0, limit);
    return this.bill(rows);
  }

  async closeChat(chatId: string, close: { summary: NonNullable<Chat['summary']>; closedAt: number; idleSince: number }): Promise<'closed' | 'active' | 'gone'> {
    const path = paths.chat(chatId);
    const chat = parse(chatSchema, this.docs.get(path)?.data, path);
    if (!chat || chat.status !== 'open') return 'gone';
    if (chat.lastMessageAt.toMillis() > close.idleSince) return 'active';
    const next = chatSchema.parse({ ...chat, status: 'closed', closedAt: ts(close.closedAt), summary: close.summary });
    this.docs.update(path, next);
    return 'closed';
  }

  async createRiskEvent(id: string, e: NewRiskEvent): Promise<'created' | 'exists'> {
    const doc: RiskEvent = riskEventSchema.parse({
      ...e,
      status: 'open',
      assignedTo: null,
      ackBy: null,
      ackAt: null,
      escalationStep: 0,
      nextEscalationAt: ts(e.nextEscalationAt),
      outcome: null,
      createdAt: ts(e.createdAt),
      updatedAt: ts(e.createdAt),
      resolvedAt: null,
    });
    return this.docs.create(paths.riskEvent(id), doc) ? 'created' : 'exists';
  }

  async riskEvent(id: string): Promise<RiskEvent | null> {
    return parse(riskEventSchema, this.docs.get(paths.riskEvent(id))?.data, paths.riskEvent(id));
  }

  async raiseRiskEvent(id: string, level: RiskEvent['level'], reasons: readonly string[], nextEscalationAt: number) {
    const event = await this.riskEvent(id);
    if (!event) return 'missing' as const;
    if (riskRank(level) <= riskRank(event.level)) return { raised: false, from: event.level };
    const current = event.nextEscalationAt?.toMillis() ?? null;
    this.docs.update(paths.riskEvent(id), {
      level,
      reasons: [...new Set([...event.reasons, ...reasons])].slice(0, 20),
      nextEscalationAt: current === null ? null : ts(Math.min(current, nextEscalationAt)),
      updatedAt: this.docs.now(),
    });
    return { raised: true, from: event.level };
  }

  async dueRiskEvents(now: number, limit: number): Promise<Array<{ id: string; event: RiskEvent }>> {
    const rows = this.scan(paths.riskEvents())
      .map((r) => ({ id: idOf(r.path), event: riskEventSchema.parse(r.data) }))
      .filter((r) => r.event.nextEscalationAt !== null && r.event.nextEscalationAt.toMillis() <= now)
      .sort((a, b) => millis(a.event.nextEscalationAt) - millis(b.event.nextEscalationAt))
      .slice(0, limit);
    return this.bill(rows);
  }

  async clearEscalation(id: string): Promise<void> {
    this.docs.update(paths.riskEvent(id), { nextEscalationAt: null, updatedAt: this.docs.now() });
  }

  async advanceEscalation(id: string, toStep: number, nextEscalationAt: number, now: number): Promise<boolean> {
    const event = await this.riskEvent(id);
    if (!event || event.escalationStep !== toStep - 1 || isHandled(event.status) || event.nextEscalationAt === null) return false;
    this.docs.update(paths.riskEvent(id), { escalationStep: toStep, status: 'escalated', nextEscalationAt: ts(nextEscalationAt), updatedAt: ts(now) });
    return true;
  }

  async updateWork(
    id: string,
    orgId: string,
    mutate: Parameters<SafetyStore['updateWork']>[2],
    audit: Parameters<SafetyStore['updateWork']>[3],
  ): ReturnType<SafetyStore['updateWork']> {
    const event = await this.riskEvent(id);
    if (!event || event.orgId !== orgId) throw riskEventNotFound();
    const state = workStateOf(event);
    const next = mutate(state);
    if (sameWorkState(state, next)) return { event, state, changed: false };
    const updated = riskEventSchema.parse({ ...event, ...workFields(next), updatedAt: this.docs.now() });
    this.docs.update(paths.riskEvent(id), updated);
    await this.writeAudit(audit(event, next));
    return { event: updated, state: next, changed: true };
  }

  async riskQueue(orgId: string, statuses: readonly RiskEvent['status'][], limit: number): Promise<Array<{ id: string; event: RiskEvent }>> {
    const rows = this.scan(paths.riskEvents())
      .map((r) => ({ id: idOf(r.path), event: riskEventSchema.parse(r.data) }))
      .filter((r) => r.event.orgId === orgId && statuses.includes(r.event.status))
      .slice(0, limit);
    return this.bill(rows);
  }

  async writeAudit(entry: AuditEntry): Promise<void> {
    const doc = auditLogSchema.parse({ ...entry, at: this.docs.now() });
    this.auditSequence += 1;
    this.docs.create(paths.auditLog(`audit-${String(this.auditSequence).padStart(6, '0')}`), doc);
    this.audits.push(entry);
  }

  async leaseModelCalls(orgId: string, day: string, want: number, limit: number): Promise<number> {
    const path = modelUsagePath(orgId, day);
    const current = parse(modelUsageSchema, this.docs.get(path)?.data, path);
    const lease = grantLease(current?.calls ?? 0, limit, want);
    if (lease.granted === 0 && current) return 0;
    const now = this.docs.now();
    this.docs.set(path, modelUsageSchema.parse({ orgId, day, calls: lease.used, limit, updatedAt: now, expireAt: ts(now.toMillis() + 3 * 86_400_000) }));
    return lease.granted;
  }
}

// -------------------------------------------------------------------------------------------------------
// Language models
// -------------------------------------------------------------------------------------------------------

export type ScriptedAnswer = ModelResult<unknown> | 'hang';

/**
 * A language model that answers from a script: `json` answers screening calls, `text` answers listener and
 * summary calls (each the last entry repeating). JSON values are checked against the request's schema like
 * the real adapter does (a mismatch is a `malformed` error). Every request is recorded.
 */
export class ScriptedModel implements LanguageModel {
  readonly implementation = 'real' as const;
  readonly model = 'scripted';
  readonly requests: Array<{ kind: 'json' | 'text'; request: ModelRequest }> = [];
  json: ScriptedAnswer[] = [{ status: 'ok', value: { level: 'none', reasons: [] }, attempts: 1 }];
  text: ScriptedAnswer[] = [{ status: 'ok', value: 'I hear you. Tell me more?', attempts: 1 }];

  private gate: Promise<void> | undefined;

  constructor(readonly available = true) {}

  /** Holds every answer until the returned function is called (to observe what happens before the model answers). */
  hold(): () => void {
    let release: () => void = () => undefined;
    this.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    return () => {
      this.gate = undefined;
      release();
    };
  }

  private next(list: ScriptedAnswer[], count: number): ScriptedAnswer {
    const answer = list[Math.min(count, list.length - 1)];
    if (answer === undefined) throw new Error('no scripted answer');
    return answer;
  }

  private async answer(answer: ScriptedAnswer, request: ModelRequest): Promise<ModelResult<unknown>> {
    if (this.gate) await this.gate;
    if (answer !== 'hang') return answer;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ status: 'error', error: new ProviderError('gemini', 'timeout', 'deadline'), attempts: 1 }), request.timeoutMs ?? 50);
      request.signal?.addEventListener('abort', () => clearTimeout(timer));
    });
  }

  async generateText(request: ModelRequest): Promise<ModelResult<string>> {
    const count = this.requests.filter((r) => r.kind === 'text').length;
    this.requests.push({ kind: 'text', request });
    const result = await this.answer(this.next(this.text, count), request);
    if (result.status !== 'ok') return result;
    return typeof result.value === 'string' ? { ...result, value: result.value } : { status: 'error', error: new ProviderError('gemini', 'malformed', 'not text'), attempts: result.attempts };
  }

  async generateJson<S extends z.ZodType>(request: JsonModelRequest<S>): Promise<ModelResult<z.output<S>>> {
    const count = this.requests.filter((r) => r.kind === 'json').length;
    this.requests.push({ kind: 'json', request });
    const result = await this.answer(this.next(this.json, count), request);
    if (result.status !== 'ok') return result;
    const parsed = request.schema.safeParse(result.value);
    return parsed.success ? { status: 'ok', value: parsed.data, attempts: result.attempts } : { status: 'error', error: new ProviderError('gemini', 'malformed', 'schema'), attempts: result.attempts };
  }

  /** Requests of one kind, in order. */
  calls(kind: 'json' | 'text'): ModelRequest[] {
    return this.requests.filter((r) => r.kind === kind).map((r) => r.request);
  }
}

/** A deterministic screener for handler tests: words in the text pick the level. */
export const keywordScreener: DeterministicScreener = (text) => {
  const t = text.toLowerCase();
  if (t.includes('pills now')) return { level: 'imminent', reasons: ['act-in-progress'] };
  if (t.includes('want to die')) return { level: 'high', reasons: ['suicidal-intent'] };
  if (t.includes('hopeless')) return { level: 'moderate', reasons: ['hopelessness'] };
  if (t.includes('stressed')) return { level: 'low', reasons: ['stress'] };
  return { level: 'none', reasons: [] };
};

// -------------------------------------------------------------------------------------------------------
// Fixtures and wiring
// -------------------------------------------------------------------------------------------------------

export const T_START = Date.parse('2025-05-05T06:30:00Z');
/** Days bot-chat messages are kept in the fakes (the param's default). */
export const BOT_MESSAGE_RETENTION_DAYS = 30;

export interface FakeSafety {
  deps: SafetyDeps;
  docs: MemoryDocs;
  store: InMemorySafetyStore;
  notify: FakeNotify;
  model: ScriptedModel;
  clock: { now: number };
  /** Moves the clock forward. */
  advance(ms: number): void;
}

export function fakeSafetyDeps(options: { model?: ScriptedModel; screen?: DeterministicScreener; docs?: MemoryDocs } = {}): FakeSafety {
  const docs = options.docs ?? new MemoryDocs({ now: T_START });
  const clock = docs.clock;
  const store = new InMemorySafetyStore(docs);
  const notify = fakeNotifyDeps(docs);
  const model = options.model ?? new ScriptedModel();
  const deps: SafetyDeps = {
    store,
    screen: options.screen ?? keywordScreener,
    model,
    notify: (request) => notifyUser(notify.deps, request),
    keyRing: TEST_KEY_RING,
    now: () => clock.now,
    cache: new SafetyCache(),
    limiter: new RateLimiter(),
    budget: new ModelBudget(store),
    botMessageRetentionDays: BOT_MESSAGE_RETENTION_DAYS,
  };
  return { deps, docs, store, notify, model, clock, advance: (ms) => void (clock.now += ms) };
}

export function seedOrg(docs: MemoryDocs, orgId: string, org: Partial<Org> = {}): void {
  docs.seed(paths.org(orgId), orgSchema.parse({ name: 'Demo College', country: 'IN', timezone: 'Asia/Kolkata', onCall: [], ...org }));
}

export function seedConfig(docs: MemoryDocs, config: Record<string, unknown>): void {
  docs.seed(paths.appConfig(), appConfigSchema.parse(config));
}

export function seedStudent(docs: MemoryDocs, uid: string, overrides: Partial<UserProfile> = {}): void {
  docs.seed(paths.user(uid), profileFixture({ alias: 'Calm Otter 42', ...overrides }));
}

/** A staff member: a profile (role counselor or admin) and, for counselors, a public counselor document. */
export function seedStaff(docs: MemoryDocs, uid: string, role: 'counselor' | 'admin', orgId: string, options: { active?: boolean; language?: 'en' | 'hi' | 'ne' } = {}): void {
  docs.seed(paths.user(uid), profileFixture({ role, orgId, language: options.language ?? 'en', prefs: { reminderTime: null, quietHours: null, channels: { push: true, email: true, sms: true } } }));
  if (role === 'counselor') {
    const counselor: Counselor = counselorSchema.parse({ displayName: `Counselor ${uid}`, languages: ['en'], specialties: [], bio: '', orgId, active: options.active ?? true });
    docs.seed(paths.counselor(uid), counselor);
  }
}

export function seedChat(docs: MemoryDocs, chatId: string, chat: Partial<Chat> & { studentUid: string }): void {
  docs.seed(paths.chat(chatId), chatSchema.parse({ kind: 'bot', status: 'open', createdAt: ts(T_START - 60_000), lastMessageAt: ts(T_START - 60_000), ...chat }));
}

/** Stores a message and returns it as the trigger sees it. */
export function seedMessage(docs: MemoryDocs, chatId: string, msgId: string, message: Partial<Message> & { authorUid: string; text: string }): Message {
  const doc: Message = messageSchema.parse({ sender: 'student', createdAt: ts(docs.clock.now), ...message });
  docs.seed(paths.message(chatId, msgId), doc);
  return doc;
}

/** A document as firebase-functions-test's `makeDocumentSnapshot` takes it: Timestamps become Dates. */
export function snapshotData(value: Record<string, unknown>): Record<string, unknown> {
  const convert = (v: unknown): unknown => {
    if (v instanceof Timestamp) return v.toDate();
    if (Array.isArray(v)) return v.map(convert);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]));
    return v;
  };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
}

/** The stored document at `path` parsed with `schema` (no read counted). */
export function peekAs<S extends z.ZodType>(docs: MemoryDocs, schema: S, path: string): z.output<S> | undefined {
  const data = docs.peek(path);
  return data === undefined ? undefined : schema.parse(data);
}

/** Every stored riskEvent, parsed. */
export function riskEventsIn(docs: MemoryDocs): Array<RiskEvent & { id: string }> {
  return docs
    .paths()
    .filter((p) => /^riskEvents\/[^/]+$/.test(p))
    .map((p) => ({ id: idOf(p), ...riskEventSchema.parse(docs.peek(p)) }));
}

/** Bestie's messages in a chat, oldest first. */
export function botMessagesIn(docs: MemoryDocs, chatId: string): Array<Message & { id: string }> {
  const prefix = `${paths.messages(chatId)}/`;
  return docs
    .paths()
    .filter((p) => p.startsWith(prefix))
    .map((p) => ({ id: idOf(p), ...messageSchema.parse(docs.peek(p)) }))
    .filter((m) => m.sender === 'bot')
    .sort((a, b) => a.createdAt.toMillis() - b.createdAt.toMillis());
}

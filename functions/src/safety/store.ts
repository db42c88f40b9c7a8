/**
 * The safety pipeline's Firestore I/O behind one interface (the Firestore implementation is in
 * store-firestore.ts; tests and the benchmark use the in-memory fake in test/support/safety-fakes.ts).
 * Reads come back parsed with the model's schemas; times cross this boundary as epoch milliseconds.
 * Each method states its Firestore cost, which the counting fake reproduces.
 */
import type {
  AppConfig,
  AuditLog,
  Chat,
  Message,
  Org,
  RiskEvent,
  RiskEventLevel,
  RiskSource,
  Screening,
  UserProfile,
} from '../model/schemas';
import type { EncryptedField } from '../platform/crypto';
import type { BudgetStore } from './budget';
import type { WorkState } from './work-queue';

export interface ScreeningWrite {
  level: Screening['level'];
  reasons: string[];
  by: Screening['by'];
  /** Epoch ms. */
  at: number;
}

export interface BotMessageWrite {
  text: string;
  agent: NonNullable<Message['agent']>;
  /** Epoch ms. */
  at: number;
  /** Epoch ms: the message's `expireAt` (TTL; bot chats are kept `BOT_MESSAGE_RETENTION_DAYS`). */
  expireAt: number;
}

export interface NewRiskEvent {
  orgId: string;
  studentUid: string;
  alias: string;
  source: RiskSource;
  sourcePath: string;
  level: RiskEventLevel;
  reasons: string[];
  excerpt: EncryptedField | null;
  /** Epoch ms. */
  createdAt: number;
  nextEscalationAt: number;
}

export interface StoredMessage {
  chatId: string;
  msgId: string;
  message: Message;
}

export type AuditEntry = Omit<AuditLog, 'at'>;

export interface SafetyStore extends BudgetStore {
  /** `config/app` with defaults for missing fields. 1 read. */
  appConfig(): Promise<AppConfig>;
  /** 1 read. */
  org(orgId: string): Promise<Org | null>;
  /** 1 read. */
  chat(chatId: string): Promise<Chat | null>;
  /** 1 read. */
  profile(uid: string): Promise<UserProfile | null>;
  /** Uids of the org's active counselors. 1 read per counselor (at least 1). */
  activeCounselors(orgId: string): Promise<string[]>;
  /** Uids of the org's admins. 1 read per admin (at least 1). */
  admins(orgId: string): Promise<string[]>;
  /** True when `uid` is an active counselor of `orgId`. 1 read. */
  isActiveCounselor(orgId: string, uid: string): Promise<boolean>;

  /**
   * Sets `screening` on a message, and its `expireAt` (TTL, epoch ms) when given: only for messages of bot
   * chats, never of counselor chats. 1 write.
   */
  writeScreening(chatId: string, msgId: string, screening: ScreeningWrite, expireAt?: number): Promise<void>;
  /** Sets `screening` on a journal entry (`users/{uid}/entries/{entryId}`); fails if it is gone. 1 write. */
  writeEntryScreening(uid: string, entryId: string, screening: ScreeningWrite): Promise<void>;
  /** Creates Bestie's message `id` unless it exists. 1 write. */
  createBotMessage(chatId: string, id: string, message: BotMessageWrite): Promise<'created' | 'exists'>;
  /** Moves `lastMessageAt` forward (never back). 1 write. */
  touchChat(chatId: string, lastMessageAt: number): Promise<void>;
  /** Student messages whose verdict is `model-pending`, oldest screening first. 1 read per message. */
  pendingRescreens(limit: number): Promise<StoredMessage[]>;
  /** The newest messages of a chat, newest first. 1 read per message. */
  recentMessages(chatId: string, limit: number): Promise<StoredMessage[]>;
  /** A message and up to `before` / `after` messages around it, oldest first. 1 read per message. */
  messagesAround(chatId: string, msgId: string, before: number, after: number): Promise<StoredMessage[]>;
  /** Open chats whose `lastMessageAt` is at or before `cutoff`. 1 read per chat. */
  idleChats(cutoff: number, limit: number): Promise<Array<{ chatId: string; chat: Chat }>>;
  /**
   * Closes an open chat with its encrypted summary, unless it was closed or got a message after `idleSince`
   * meanwhile. Transaction: 1 read, 1 write.
   */
  closeChat(chatId: string, close: { summary: EncryptedField; closedAt: number; idleSince: number }): Promise<'closed' | 'active' | 'gone'>;

  /** Creates riskEvent `id` unless it exists. 1 write. */
  createRiskEvent(id: string, event: NewRiskEvent): Promise<'created' | 'exists'>;
  /** 1 read. */
  riskEvent(id: string): Promise<RiskEvent | null>;
  /**
   * Raises an event's level (never lowers it), adds reasons and brings `nextEscalationAt` forward if the
   * new level is due sooner. Transaction: 1 read, at most 1 write.
   */
  raiseRiskEvent(id: string, level: RiskEventLevel, reasons: readonly string[], nextEscalationAt: number): Promise<{ raised: boolean; from: RiskEventLevel } | 'missing'>;
  /** Events whose `nextEscalationAt` is at or before `now`, earliest first. 1 read per event. */
  dueRiskEvents(now: number, limit: number): Promise<Array<{ id: string; event: RiskEvent }>>;
  /** Sets `nextEscalationAt` to null (the event was handled). 1 write. */
  clearEscalation(id: string): Promise<void>;
  /**
   * Records escalation step `toStep` if the event is still unhandled at step `toStep - 1`.
   * Transaction: 1 read, at most 1 write. False when someone else moved it meanwhile.
   */
  advanceEscalation(id: string, toStep: number, nextEscalationAt: number, now: number): Promise<boolean>;
  /**
   * Applies a work-queue action in a transaction with its audit entry: reads the event, checks it belongs to
   * `orgId` (else `risk/not-found`), computes the new state with `mutate`, writes it and the audit entry when
   * something changed. Returns the event as it is after the change. 1 read, 0 or 2 writes.
   */
  updateWork(
    id: string,
    orgId: string,
    mutate: (state: WorkState) => WorkState,
    audit: (event: RiskEvent, next: WorkState) => AuditEntry,
  ): Promise<{ event: RiskEvent; state: WorkState; changed: boolean }>;
  /** The org's events in the given statuses (at most `limit`). 1 read per event. */
  riskQueue(orgId: string, statuses: readonly RiskEvent['status'][], limit: number): Promise<Array<{ id: string; event: RiskEvent }>>;
  /** 1 write. */
  writeAudit(entry: AuditEntry): Promise<void>;
}

/**
 * What the safety handlers run on (`SafetyDeps`) and the per-instance caches that keep a benign message
 * cheap: `config/app` and org documents for five minutes (a change applies within that), and the facts of a chat that never change (kind,
 * student, org) for an hour. The caches live in the deps object built once per instance (live.ts), never in
 * module state.
 */
import type { AppConfig, ChatKind, Org } from '../model/schemas';
import type { NotifyRequest, NotifyResult } from '../notify';
import type { KeyRing } from '../platform/crypto';
import type { LanguageModel } from '../platform/providers/types';
import type { ModelBudget } from './budget';
import type { RateLimiter } from './rate-limit';
import type { SafetyStore } from './store';
import type { DeterministicScreener } from './verdict';

/** Sends one notification (the shared notifier: in-app, push, SMS, email, each delivery recorded). */
export type Notifier = (request: NotifyRequest) => Promise<NotifyResult>;

export interface SafetyDeps {
  store: SafetyStore;
  screen: DeterministicScreener;
  model: LanguageModel;
  notify: Notifier;
  keyRing: KeyRing;
  /** Epoch ms. */
  now: () => number;
  cache: SafetyCache;
  limiter: RateLimiter;
  budget: ModelBudget;
  /**
   * Days messages of bot chats are kept (`BOT_MESSAGE_RETENTION_DAYS`): Bestie's replies and the student's
   * messages get `expireAt` (TTL) this long after they were written. Counselor chats are never expired.
   */
  botMessageRetentionDays: number;
}

/** A value per key, loaded once and kept for `ttlMs`; concurrent loads of one key share one read. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5_000,
  ) {}

  async get(key: string, now: number, load: () => Promise<V>, keepIf: (value: V) => boolean = () => true): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { value, until: now + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
    try {
      const resolved = await value;
      if (!keepIf(resolved)) this.entries.delete(key);
      return resolved;
    } catch (err) {
      this.entries.delete(key);
      throw err;
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** What never changes about a chat. */
export interface ChatFacts {
  kind: ChatKind;
  studentUid: string;
  /** The chat's org when it names one (bot chats may not). */
  orgId: string | undefined;
}

export class SafetyCache {
  readonly config = new TtlCache<AppConfig>(5 * 60_000, 1);
  readonly orgs = new TtlCache<Org | null>(5 * 60_000, 1_000);
  readonly chats = new TtlCache<ChatFacts | null>(60 * 60_000, 10_000);
  /** The org of a student as read from the profile (orgs rarely change; an hour is fine for routing). */
  readonly studentOrgs = new TtlCache<string | null>(60 * 60_000, 10_000);
  /** `lastMessageAt` this instance last wrote or read per chat. */
  readonly lastTouched = new Map<string, number>();
}

/**
 * Per-student chat rate limit (config/app `rateLimits.chatMessages`: `limit` messages per `windowSec`).
 * `slidingWindow` is the pure rule; `RateLimiter` keeps recent message times per student in memory for this
 * instance (bounded, least recently used students forgotten first), so checking costs no Firestore read or
 * write. Past the limit the deterministic screening still runs on every message; the model is not called,
 * and Bestie asks the student to slow down once per window.
 * Being per instance, a student whose messages land on several instances may get somewhat more than the
 * limit through; the org's daily model budget (budget.ts) is the global cap on cost.
 */
import type { RateLimit } from '../model/schemas';

export interface WindowResult {
  /** True when this message is over the limit. */
  limited: boolean;
  /** Messages in the window, this one included. */
  count: number;
  /** The times to keep (inside the window, this one included), oldest first. */
  kept: number[];
}

/** Pure: records `now` among `times` (epoch ms) and says whether it is over the limit. */
export function slidingWindow(times: readonly number[], now: number, rule: RateLimit): WindowResult {
  const from = now - rule.windowSec * 1000;
  const kept = [...times.filter((t) => t > from && t <= now), now].sort((a, b) => a - b).slice(-(rule.limit + 1));
  return { limited: kept.length > rule.limit, count: kept.length, kept };
}

export interface RateDecision {
  limited: boolean;
  /** True for the first limited message of a window: the one Bestie answers with a slow-down reply. */
  notice: boolean;
}

interface Entry {
  times: number[];
  noticedAt: number | null;
}

export class RateLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxKeys = 10_000) {}

  hit(key: string, now: number, rule: RateLimit): RateDecision {
    const entry = this.entries.get(key) ?? { times: [], noticedAt: null };
    const result = slidingWindow(entry.times, now, rule);
    const recentlyNoticed = entry.noticedAt !== null && entry.noticedAt > now - rule.windowSec * 1000;
    const notice = result.limited && !recentlyNoticed;
    this.entries.delete(key);
    this.entries.set(key, { times: result.kept, noticedAt: notice ? now : entry.noticedAt });
    while (this.entries.size > this.maxKeys) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
    return { limited: result.limited, notice };
  }

  get size(): number {
    return this.entries.size;
  }
}

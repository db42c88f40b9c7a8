/**
 * The daily model-call budget per org (config/app `modelBudget.dailyCallsPerOrg`, 0 = never call the
 * model). The count lives in `modelUsage/{orgId}/days/{yyyy-mm-dd}` (org timezone). So that a message does
 * not pay a Firestore transaction per model call, an instance leases a small block of calls at a time
 * (`leaseSize`) and spends it locally; the shared count never goes past the limit. Calls leased by an
 * instance that then goes away are simply not used (the error is on the side of fewer calls). When the
 * budget is spent the instance logs it once per org and day and the pipeline falls back to the
 * deterministic screener and local replies.
 */
import { z } from 'zod';
import { segment } from '../model/paths';
import { orgIdSchema, timestampSchema } from '../model/schemas';
import { safetyEvents } from './events';

/** `modelUsage/{orgId}/days/{day}`: functions only. */
export const modelUsageSchema = z
  .object({
    orgId: orgIdSchema.describe('the org'),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('day in the org timezone; equals the document id'),
    calls: z.int().min(0).describe('model calls leased so far that day'),
    limit: z.int().min(0).describe('the daily limit when last leased'),
    updatedAt: timestampSchema.describe('last lease'),
    expireAt: timestampSchema.describe('TTL: deleted after this time'),
  })
  .strict();
export type ModelUsage = z.infer<typeof modelUsageSchema>;

export function modelUsagePath(orgId: string, day: string): string {
  return `modelUsage/${segment(orgId, 'org id')}/days/${segment(day, 'day')}`;
}

/** Calls an instance leases at once: about 2% of the daily limit, between 1 and 50. */
export function leaseSize(dailyLimit: number): number {
  return Math.max(1, Math.min(50, Math.ceil(dailyLimit / 50)));
}

/** Pure: how many of `want` calls can still be granted today. */
export function grantLease(used: number, limit: number, want: number): { granted: number; used: number } {
  const granted = Math.max(0, Math.min(want, limit - used));
  return { granted, used: used + granted };
}

/** The calendar day (`yyyy-mm-dd`) in `timeZone` at `instant`. */
export function dayIn(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

export interface BudgetStore {
  /** Atomically adds up to `want` calls to the day's count without passing `limit`; returns how many were added. */
  leaseModelCalls(orgId: string, day: string, want: number, limit: number): Promise<number>;
}

export class ModelBudget {
  private readonly leases = new Map<string, number>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly exhausted = new Set<string>();

  constructor(private readonly store: BudgetStore) {}

  /**
   * Takes `calls` model calls for `orgId` today; false when the budget cannot cover all of them (then none
   * are taken).
   */
  async take(orgId: string, timeZone: string, now: number, dailyLimit: number, calls = 1): Promise<boolean> {
    if (dailyLimit <= 0 || calls > dailyLimit) return false;
    const day = dayIn(now, timeZone);
    const key = `${orgId}|${day}|${String(dailyLimit)}`;
    for (let round = 0; round < 3; round += 1) {
      const held = this.leases.get(key) ?? 0;
      if (held >= calls) {
        this.leases.set(key, held - calls);
        return true;
      }
      if (this.exhausted.has(key)) return false;
      await this.refill(key, orgId, day, Math.max(calls - held, leaseSize(dailyLimit)), dailyLimit);
    }
    return false;
  }

  private async refill(key: string, orgId: string, day: string, want: number, limit: number): Promise<void> {
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    for (const held of [this.leases, this.exhausted]) {
      for (const old of held.keys()) if (!old.includes(`|${day}|`)) held.delete(old);
    }
    const run = (async () => {
      const granted = await this.store.leaseModelCalls(orgId, day, want, limit);
      this.leases.set(key, (this.leases.get(key) ?? 0) + granted);
      if (granted < want && !this.exhausted.has(key)) {
        this.exhausted.add(key);
        safetyEvents.modelBudgetExhausted({ orgId, day, dailyLimit: limit });
      }
    })();
    this.pending.set(key, run);
    try {
      await run;
    } finally {
      this.pending.delete(key);
    }
  }
}

import assert from 'node:assert/strict';
import { captureLogs } from '../../../src/platform/log';
import { dayIn, grantLease, leaseSize, ModelBudget, type BudgetStore } from '../../../src/safety/budget';
import { RateLimiter, slidingWindow } from '../../../src/safety/rate-limit';

const rule = { limit: 3, windowSec: 60 };

describe('chat rate limit', () => {
  it('slidingWindow counts this message among those inside the window', () => {
    assert.deepEqual(slidingWindow([], 1000, rule), { limited: false, count: 1, kept: [1000] });
    assert.equal(slidingWindow([1, 2, 3], 10_000, rule).limited, true);
    assert.deepEqual(slidingWindow([1000, 2000, 3000], 61_500, rule), { limited: false, count: 3, kept: [2000, 3000, 61_500] });
  });

  it('forgets messages older than the window', () => {
    const r = slidingWindow([0, 10_000, 50_000], 65_000, rule);
    assert.deepEqual(r.kept, [10_000, 50_000, 65_000]);
    assert.equal(r.limited, false);
  });

  it('limits past the limit and asks to slow down once per window', () => {
    const limiter = new RateLimiter();
    const decisions = [0, 1, 2, 3, 4, 5].map((i) => limiter.hit('u1', i * 1000, rule));
    assert.deepEqual(decisions.map((d) => d.limited), [false, false, false, true, true, true]);
    assert.deepEqual(decisions.map((d) => d.notice), [false, false, false, true, false, false]);
    assert.equal(limiter.hit('u2', 5000, rule).limited, false);
    assert.deepEqual(limiter.hit('u1', 200_000, rule), { limited: false, notice: false });
  });

  it('keeps a student who keeps sending limited, and asks again once the last request is a window old', () => {
    const limiter = new RateLimiter();
    for (const s of [0, 1, 2, 3]) limiter.hit('u1', s * 1000, rule);
    assert.deepEqual([40, 41, 42].map((s) => limiter.hit('u1', s * 1000, rule)), [
      { limited: true, notice: false },
      { limited: true, notice: false },
      { limited: true, notice: false },
    ]);
    assert.deepEqual(limiter.hit('u1', 64_000, rule), { limited: true, notice: true });
  });

  it('forgets the least recently seen students beyond its size', () => {
    const limiter = new RateLimiter(2);
    limiter.hit('a', 0, rule);
    limiter.hit('b', 0, rule);
    limiter.hit('c', 0, rule);
    assert.equal(limiter.size, 2);
  });
});

class CountingBudgetStore implements BudgetStore {
  used = new Map<string, number>();
  calls = 0;
  async leaseModelCalls(orgId: string, day: string, want: number, limit: number): Promise<number> {
    this.calls += 1;
    const key = `${orgId}/${day}`;
    const lease = grantLease(this.used.get(key) ?? 0, limit, want);
    this.used.set(key, lease.used);
    return lease.granted;
  }
}

describe('model budget', () => {
  it('leases about 2% of the daily limit at a time, between 1 and 50', () => {
    assert.deepEqual([1, 50, 100, 101, 2000, 100_000].map(leaseSize), [1, 1, 2, 3, 40, 50]);
  });

  it('grantLease never passes the limit', () => {
    assert.deepEqual(grantLease(0, 10, 4), { granted: 4, used: 4 });
    assert.deepEqual(grantLease(8, 10, 4), { granted: 2, used: 10 });
    assert.deepEqual(grantLease(10, 10, 4), { granted: 0, used: 10 });
  });

  it('counts days in the org timezone', () => {
    const t = Date.parse('2025-05-05T19:00:00Z');
    assert.equal(dayIn(t, 'Asia/Kolkata'), '2025-05-06');
    assert.equal(dayIn(t, 'UTC'), '2025-05-05');
  });

  it('spends local leases and refills them from the shared count, one transaction per block', async () => {
    const store = new CountingBudgetStore();
    const budget = new ModelBudget(store);
    for (let i = 0; i < 100; i += 1) assert.equal(await budget.take('org-a', 'Asia/Kolkata', 0, 2000), true);
    assert.equal(store.calls, 3);
    assert.equal(store.used.get('org-a/1970-01-01'), 120);
  });

  it('stops at the daily limit across instances and logs it once, then starts over the next day', async () => {
    const store = new CountingBudgetStore();
    const a = new ModelBudget(store);
    const b = new ModelBudget(store);
    const cap = captureLogs();
    try {
      let granted = 0;
      for (let i = 0; i < 10; i += 1) {
        if (await a.take('org-a', 'UTC', 0, 5)) granted += 1;
        if (await b.take('org-a', 'UTC', 0, 5)) granted += 1;
      }
      assert.equal(granted, 5);
      const exhausted = cap.lines.filter((l) => l.event === 'safety.model-budget-exhausted');
      assert.equal(exhausted.length, 2);
      assert.deepEqual(exhausted[0]?.fields, { orgId: 'org-a', day: '1970-01-01', dailyLimit: 5, effect: 'model budget used up today: deterministic screening only' });
      assert.equal(await a.take('org-a', 'UTC', 86_400_000, 5), true);
    } finally {
      cap.restore();
    }
  });

  it('takes several calls at once or none, and never calls the model with a zero budget', async () => {
    const store = new CountingBudgetStore();
    const budget = new ModelBudget(store);
    assert.equal(await budget.take('org-a', 'UTC', 0, 3, 2), true);
    assert.equal(await budget.take('org-a', 'UTC', 0, 3, 2), false);
    assert.equal(await budget.take('org-a', 'UTC', 0, 3, 1), true);
    assert.equal(await budget.take('org-b', 'UTC', 0, 0), false);
    assert.equal(store.used.has('org-b/1970-01-01'), false);
  });

  it('shares one lease transaction among concurrent takes', async () => {
    const store = new CountingBudgetStore();
    const budget = new ModelBudget(store);
    const results = await Promise.all(Array.from({ length: 10 }, () => budget.take('org-a', 'UTC', 0, 2000)));
    assert.ok(results.every((r) => r));
    assert.equal(store.calls, 1);
  });
});

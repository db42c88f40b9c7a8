/** Arguments and progress lines of the backfill script (cli.ts). */
import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import { parseRollupArgs, progressLine } from '../../../src/analytics/cli';
import { publishDay } from '../../../src/analytics/publish';
import { figuresOf, planDay } from '../../../src/analytics/plan';

describe('analytics backfill arguments', () => {
  it('accepts a range, an optional org and project', () => {
    assert.deepEqual(parseRollupArgs(['--from', '2025-05-01', '--to', '2025-05-03']), { ok: true, args: { from: '2025-05-01', to: '2025-05-03' } });
    assert.deepEqual(parseRollupArgs(['--from', '2025-05-01', '--to', '2025-05-01', '--org', 'org-a', '--project', 'demo-x']), {
      ok: true,
      args: { from: '2025-05-01', to: '2025-05-01', org: 'org-a', project: 'demo-x' },
    });
  });

  it('takes --rebuild-ack as a switch anywhere', () => {
    assert.deepEqual(parseRollupArgs(['--rebuild-ack', '--from', '2025-05-01', '--to', '2025-05-02']), { ok: true, args: { 'rebuild-ack': true, from: '2025-05-01', to: '2025-05-02' } });
    assert.deepEqual(parseRollupArgs(['--from', '2025-05-01', '--rebuild-ack', '--to', '2025-05-02']), { ok: true, args: { 'rebuild-ack': true, from: '2025-05-01', to: '2025-05-02' } });
  });

  it('rejects bad days, reversed or too long ranges, unknown flags and dangling values', () => {
    const message = (argv: string[]) => {
      const r = parseRollupArgs(argv);
      assert.equal(r.ok, false);
      return r.ok ? '' : r.message;
    };
    assert.match(message(['--from', '2025-13-01', '--to', '2025-05-01']), /from.*yyyy-mm-dd/);
    assert.match(message(['--from', '2025-05-02', '--to', '2025-05-01']), /must not be after/);
    assert.match(message(['--from', '2024-01-01', '--to', '2025-06-01']), /at most 366 days/);
    assert.match(message(['--from', '2025-05-01', '--to', '2025-05-01', '--orgs', 'x']), /orgs/);
    assert.match(message(['--from']), /--name value/);
    assert.match(message(['--to', '2025-05-01']), /--from and --to are both required/);
    assert.match(message(['--from', '2025-05-01', '--to', '2025-05-01', '--org', 'a/b']), /org/);
  });

  it('prints counts only, with a dash for suppressed figures', () => {
    const results = new Map(planDay('o', { from: 0, to: 1 }, '2025-05-04').map((s) => [s.key, { count: s.key === 'entries.mood' ? 40 : 0, sums: {} }]));
    const doc = publishDay({ orgId: 'o', day: '2025-05-01', minCell: 11, figures: figuresOf(results, []), ackHistogram: [], generatedAt: 0 });
    assert.equal(doc.generatedAt.isEqual(Timestamp.fromMillis(0)), true);
    assert.equal(progressLine({ kind: 'written', orgId: 'o', day: '2025-05-01', doc }, 1, 3), '[1/3] o 2025-05-01 written: active —, entries 40, risk events —, bookings —');
    assert.match(progressLine({ kind: 'written', orgId: 'o', day: '2025-05-01', doc, ackRebuilt: 4 }, 1, 3), /bookings —+ \(acknowledgement histogram rebuilt from 4 events\)$/);
    assert.equal(progressLine({ kind: 'skipped', orgId: 'o', day: '2025-05-02', why: 'day-not-over' }, 2, 3), '[2/3] o 2025-05-02 skipped (the day has not ended in the org timezone)');
  });
});

/**
 * Forum moderation, the pure part: the screening decision table, moderator actions, reports, exact counters,
 * the stored moderation record, and the caring message.
 */
import assert from 'node:assert/strict';
import { filterAbuse } from '../../../src/connect/forum/abuse-filter';
import { careMessage } from '../../../src/connect/forum/care';
import {
  AUTO_HIDE_REPORTS,
  commentCountDelta,
  decideScreening,
  likeCountDelta,
  planModeration,
  planReport,
  type ItemState,
  type RiskVerdict,
} from '../../../src/connect/forum/moderation';
import { moderationAfter } from '../../../src/connect/forum/repository';
import { DomainError } from '../../../src/platform/errors';

const calm: RiskVerdict = { level: 'none', reasons: [], by: 'rules+model', pending: false };
const clean = filterAbuse('How do you all cope?');
const doxx = filterAbuse('call her 9876543210');
const slur = filterAbuse('what a chutiya');
const modelClean = { kind: 'verdict' as const, verdict: { abusive: false, categories: [] } };
const modelAbusive = { kind: 'verdict' as const, verdict: { abusive: true, categories: ['harassment' as const] } };
const modelDoxx = { kind: 'verdict' as const, verdict: { abusive: true, categories: ['doxxing' as const] } };
const failed = { kind: 'failed' as const, why: 'timeout' };
const skipped = { kind: 'skipped' as const };

function code(expected: string) {
  return (e: unknown) => e instanceof DomainError && e.code === expected;
}

const visibleState: ItemState = { authorUid: 's1', status: 'visible', reason: 'clean', review: false, reviewWhy: null, reportCount: 0, screened: true };

describe('forum screening decision', () => {
  it('clean by both layers: visible, not queued', () => {
    assert.deepEqual(decideScreening(calm, clean, modelClean), { status: 'visible', reason: 'clean', abuse: [], review: false, reviewWhy: null });
  });

  it('clean by the filter with the model offline: visible, not queued', () => {
    assert.equal(decideScreening({ ...calm, by: 'rules' }, clean, skipped).review, false);
  });

  it('high or imminent risk: hidden as risk and queued, even when otherwise clean', () => {
    for (const level of ['high', 'imminent'] as const) {
      assert.deepEqual(decideScreening({ ...calm, level }, clean, modelClean), { status: 'hidden', reason: 'risk', abuse: [], review: true, reviewWhy: 'auto-hidden' });
    }
  });

  it('moderate risk stays visible (the riskEvent is raised elsewhere)', () => {
    assert.equal(decideScreening({ ...calm, level: 'moderate' }, clean, modelClean).status, 'visible');
  });

  it('the filter flags doxxing: hidden as doxxing, whatever the model says', () => {
    const d = decideScreening(calm, doxx, modelClean);
    assert.deepEqual([d.status, d.reason, d.abuse, d.review], ['hidden', 'doxxing', ['doxxing-phone'], true]);
  });

  it('the filter flags a slur: hidden as abuse', () => {
    const d = decideScreening(calm, slur, skipped);
    assert.deepEqual([d.status, d.reason, d.abuse], ['hidden', 'abuse', ['slur']]);
  });

  it('the model finds abuse the filter missed: hidden, its categories recorded with a prefix', () => {
    const d = decideScreening(calm, clean, modelAbusive);
    assert.deepEqual([d.status, d.reason, d.abuse, d.reviewWhy], ['hidden', 'abuse', ['model:harassment'], 'auto-hidden']);
    assert.equal(decideScreening(calm, clean, modelDoxx).reason, 'doxxing');
  });

  it('a model failure falls back to the filter: visible only when the filter is clean, and queued for review', () => {
    assert.deepEqual(decideScreening(calm, clean, failed), { status: 'visible', reason: 'clean', abuse: [], review: true, reviewWhy: 'model-unavailable' });
    assert.equal(decideScreening(calm, slur, failed).status, 'hidden');
    assert.equal(decideScreening({ ...calm, pending: true }, clean, modelClean).reviewWhy, 'model-unavailable');
  });
});

describe('moderator actions', () => {
  const hidden: ItemState = { ...visibleState, status: 'hidden', reason: 'abuse', review: true, reviewWhy: 'auto-hidden' };

  it('hide: hidden by a moderator, out of the queue, decision recorded', () => {
    assert.deepEqual(planModeration(visibleState, 'hide', 'v1', 5), { status: 'hidden', reason: 'moderator', review: false, reviewWhy: null, decidedBy: 'v1', decidedAt: 5 });
  });

  it('restore: visible again, out of the queue', () => {
    assert.deepEqual(planModeration(hidden, 'restore', 'v1', 5), { status: 'visible', reason: 'clean', review: false, reviewWhy: null, decidedBy: 'v1', decidedAt: 5 });
  });

  it('dismiss: status unchanged, out of the queue', () => {
    assert.deepEqual(planModeration(hidden, 'dismiss', 'v1', 5), { review: false, reviewWhy: null, decidedBy: 'v1', decidedAt: 5 });
  });

  it('refuses own items, pending items and removed items', () => {
    assert.throws(() => planModeration(visibleState, 'hide', 's1', 5), code('forum/own-content'));
    assert.throws(() => planModeration({ ...visibleState, status: 'pending' }, 'restore', 'v1', 5), code('forum/pending'));
    assert.throws(() => planModeration({ ...visibleState, status: 'removed' }, 'restore', 'v1', 5), code('forum/removed'));
  });
});

describe('reports', () => {
  it('the first report queues the item and counts', () => {
    assert.deepEqual(planReport(visibleState, 's2'), { reportCount: 1, review: true, reviewWhy: 'reported' });
  });

  it(`at ${String(AUTO_HIDE_REPORTS)} distinct reports a visible item is hidden until a moderator decides`, () => {
    const change = planReport({ ...visibleState, reportCount: AUTO_HIDE_REPORTS - 1, review: true, reviewWhy: 'reported' }, 's4');
    assert.deepEqual(change, { reportCount: AUTO_HIDE_REPORTS, review: true, reviewWhy: 'reported', status: 'hidden', reason: 'reported' });
  });

  it('keeps an earlier queue reason', () => {
    assert.equal(planReport({ ...visibleState, review: true, reviewWhy: 'model-unavailable' }, 's2').reviewWhy, 'model-unavailable');
  });

  it('refuses reporting own items and items that are not visible', () => {
    assert.throws(() => planReport(visibleState, 's1'), code('forum/own-content'));
    assert.throws(() => planReport({ ...visibleState, status: 'hidden' }, 's2'), code('forum/not-visible'));
    assert.throws(() => planReport({ ...visibleState, status: 'pending' }, 's2'), code('forum/not-visible'));
  });
});

describe('exact counters', () => {
  it('a comment counts while visible, once', () => {
    assert.deepEqual(commentCountDelta('visible', false), { delta: 1, countedVisible: true });
    assert.deepEqual(commentCountDelta('visible', true), { delta: 0, countedVisible: true });
    assert.deepEqual(commentCountDelta('hidden', true), { delta: -1, countedVisible: false });
    assert.deepEqual(commentCountDelta('hidden', false), { delta: 0, countedVisible: false });
    assert.deepEqual(commentCountDelta('pending', false), { delta: 0, countedVisible: false });
  });

  it('a like counts while its document exists, once', () => {
    assert.deepEqual(likeCountDelta(true, false), { delta: 1, counted: true });
    assert.deepEqual(likeCountDelta(true, true), { delta: 0, counted: true });
    assert.deepEqual(likeCountDelta(false, true), { delta: -1, counted: false });
    assert.deepEqual(likeCountDelta(false, false), { delta: 0, counted: false });
  });
});

describe('stored moderation record', () => {
  it('an item without a record gets a neutral one holding the change', () => {
    const m = moderationAfter(undefined, { review: true, reviewWhy: 'reported', reportCount: 1 }, 1_000);
    assert.deepEqual([m.level, m.reasons, m.by, m.at.toMillis(), m.review, m.reviewWhy, m.reportCount], ['none', [], 'rules', 1_000, true, 'reported', 1]);
  });

  it('keeps the screening fields and converts the decision time', () => {
    const first = moderationAfter(undefined, {}, 1_000);
    const m = moderationAfter({ ...first, level: 'low', reasons: ['stress'] }, { decidedBy: 'v1', decidedAt: 2_000, reason: 'moderator' }, 3_000);
    assert.deepEqual([m.level, m.reasons, m.at.toMillis(), m.decidedBy, m.decidedAt?.toMillis(), m.reason], ['low', ['stress'], 1_000, 'v1', 2_000, 'moderator']);
  });
});

describe('caring message', () => {
  const helplines = [
    { name: 'Tele-MANAS', phone: '14416' },
    { name: 'KIRAN', phone: '1800-599-0019' },
    { name: 'Extra', phone: '1' },
    { name: 'Emergency', phone: '112', emergency: true },
  ];

  it('lists the emergency number first and at most three lines, says a counselor was told', () => {
    const m = careMessage({ language: 'en', helplines, counselorAlerted: true });
    assert.equal(m.title, 'We are here for you');
    assert.ok(m.body.indexOf('Emergency: 112') < m.body.indexOf('Tele-MANAS: 14416'));
    assert.equal(m.body.includes('Extra'), false);
    assert.equal(m.body.includes('counselor from your institution'), true);
    assert.ok(m.body.length <= 1000);
  });

  it('Hindi and Nepali, and no counselor line without an org', () => {
    assert.equal(careMessage({ language: 'hi', helplines, counselorAlerted: false }).title, 'हम आपके साथ हैं');
    const ne = careMessage({ language: 'ne', helplines: [], counselorAlerted: false });
    assert.equal(ne.title, 'हामी तपाईंसँग छौं');
    assert.equal(ne.body.includes('काउन्सेलर'), false);
    assert.equal(ne.body.includes('हेल्पलाइन'), true);
  });
});

import assert from 'node:assert/strict';
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy } from '../../../src/model/schemas';
import {
  decideEscalation,
  directoryNeeds,
  dueAt,
  firstDeadline,
  recipientsFor,
  resolvePolicy,
  stepOffsetMinutes,
  stepPlan,
  type EscalationState,
} from '../../../src/safety/escalation';

const MIN = 60_000;
const P = DEFAULT_ESCALATION_POLICY;

describe('escalation policy', () => {
  it('paces the default policy: imminent after 3 minutes, high after 10, moderate after an hour', () => {
    assert.equal(stepOffsetMinutes(P, 'imminent', 1), 3);
    assert.equal(stepOffsetMinutes(P, 'high', 1), 10);
    assert.equal(stepOffsetMinutes(P, 'moderate', 1), 60);
    assert.deepEqual([1, 2, 3, 4, 5].map((s) => stepOffsetMinutes(P, 'high', s)), [10, 20, 30, 60, 90]);
    assert.equal(firstDeadline(P, 'imminent', 1000), 1000 + 3 * MIN);
  });

  it('step 0 alerts the on-call counselors by push and in-app, adding SMS and email for urgent levels', () => {
    assert.deepEqual(stepPlan(P, 'high', 0), { step: 0, target: 'on-call', channels: ['push', 'inapp'] });
    assert.deepEqual(stepPlan(P, 'imminent', 0), { step: 0, target: 'on-call', channels: ['push', 'inapp', 'sms', 'email'] });
  });

  it('then follows the steps (more counselors, admins, SMS/email), repeating the last one', () => {
    assert.deepEqual(stepPlan(P, 'high', 1), { step: 1, target: 'next-on-call', channels: ['push', 'inapp'] });
    assert.deepEqual(stepPlan(P, 'high', 2), { step: 2, target: 'admins', channels: ['push', 'inapp'] });
    assert.deepEqual(stepPlan(P, 'high', 3), { step: 3, target: 'on-call', channels: ['sms', 'email'] });
    assert.deepEqual(stepPlan(P, 'high', 7), { step: 7, target: 'on-call', channels: ['sms', 'email'] });
  });

  it('keeps SMS and email for high and imminent events', () => {
    assert.deepEqual(stepPlan(P, 'moderate', 3).channels, ['push', 'inapp']);
    const urgentModerate: EscalationPolicy = { ...P, urgentLevels: ['moderate'] };
    assert.deepEqual(stepPlan(urgentModerate, 'moderate', 0).channels, ['push', 'inapp']);
  });

  it('org overrides replace only what they name', () => {
    const policy = resolvePolicy(P, { repeatEveryMinutes: 15 });
    assert.deepEqual(policy.steps, P.steps);
    assert.equal(policy.repeatEveryMinutes, 15);
    assert.deepEqual(resolvePolicy(P, undefined), P);
  });

  const state = (over: Partial<EscalationState> = {}): EscalationState => ({
    status: 'open',
    level: 'high',
    escalationStep: 0,
    createdAt: 0,
    nextEscalationAt: 10 * MIN,
    ...over,
  });

  it('does nothing before the deadline or without one', () => {
    assert.deepEqual(decideEscalation(state(), P, 9 * MIN), { action: 'none', why: 'not-due' });
    assert.deepEqual(decideEscalation(state({ nextEscalationAt: null }), P, 99 * MIN), { action: 'none', why: 'no-deadline' });
  });

  it('escalates a due, unhandled event to its next step and sets the following deadline', () => {
    assert.deepEqual(decideEscalation(state(), P, 10 * MIN), {
      action: 'escalate',
      step: 1,
      target: 'next-on-call',
      channels: ['push', 'inapp'],
      nextEscalationAt: 20 * MIN,
    });
    const later = decideEscalation(state({ status: 'escalated', escalationStep: 2, nextEscalationAt: 30 * MIN }), P, 30 * MIN);
    assert.equal(later.action, 'escalate');
    if (later.action === 'escalate') assert.deepEqual([later.step, later.target, later.nextEscalationAt], [3, 'on-call', 60 * MIN]);
  });

  it('clears the deadline of an acknowledged or resolved event', () => {
    assert.deepEqual(decideEscalation(state({ status: 'acknowledged' }), P, 99 * MIN), { action: 'clear', why: 'handled' });
    assert.deepEqual(decideEscalation(state({ status: 'resolved' }), P, 99 * MIN), { action: 'clear', why: 'handled' });
  });

  it('never schedules a step in the past (a late sweep does not run steps back to back)', () => {
    assert.equal(dueAt(P, 'high', 0, 2, 45 * MIN), 46 * MIN);
  });
});

describe('escalation recipients', () => {
  const dir = { onCall: ['c1', 'c2'], counselors: ['c2', 'c3', 'c4'], admins: ['a1'] };

  it('on-call first, then more counselors, then admins as well', () => {
    assert.deepEqual(recipientsFor('on-call', dir), ['c1', 'c2']);
    assert.deepEqual(recipientsFor('next-on-call', dir), ['c1', 'c2', 'c3', 'c4']);
    assert.deepEqual(recipientsFor('admins', dir), ['c1', 'c2', 'c3', 'c4', 'a1']);
  });

  it('every active counselor when nobody is on call', () => {
    assert.deepEqual(recipientsFor('on-call', { ...dir, onCall: [] }), ['c2', 'c3', 'c4']);
  });

  it('caps a step at 50 people', () => {
    const many = Array.from({ length: 80 }, (_, i) => `c${String(i)}`);
    assert.equal(recipientsFor('next-on-call', { onCall: [], counselors: many, admins: [] }).length, 50);
  });

  it('only queries the lists a step needs', () => {
    assert.deepEqual(directoryNeeds('on-call', 2), { counselors: false, admins: false });
    assert.deepEqual(directoryNeeds('on-call', 0), { counselors: true, admins: false });
    assert.deepEqual(directoryNeeds('admins', 2), { counselors: true, admins: true });
  });
});

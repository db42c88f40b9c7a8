import assert from 'node:assert/strict';
import { DomainError } from '../../../src/platform/errors';
import { applyAction, compareForQueue, screenerPrecision, staffOrgOf, updateRiskEventInput, type WorkState } from '../../../src/safety/work-queue';

const open: WorkState = { status: 'open', assignedTo: null, ackBy: null, ackAt: null, outcome: null, nextEscalationAt: 5000, resolvedAt: null };

function rejectsWith(fn: () => unknown, code: string) {
  assert.throws(fn, (e: unknown) => e instanceof DomainError && e.code === code);
}

describe('work queue', () => {
  it('only counselors and admins with an org work alerts', () => {
    assert.equal(staffOrgOf({ uid: 'c1', role: 'counselor', orgId: 'org-a' }), 'org-a');
    assert.equal(staffOrgOf({ uid: 'a1', role: 'admin', orgId: 'org-a' }), 'org-a');
    rejectsWith(() => staffOrgOf({ uid: 's1', role: 'student', orgId: 'org-a' }), 'risk/not-staff');
    rejectsWith(() => staffOrgOf({ uid: 'v1', role: 'volunteer', orgId: 'org-a' }), 'risk/not-staff');
    rejectsWith(() => staffOrgOf({ uid: 'c1', role: 'counselor', orgId: undefined }), 'risk/not-staff');
  });

  it('acknowledge records who and when and stops escalation; a second acknowledge changes nothing', () => {
    const acked = applyAction(open, { eventId: 'e', action: 'acknowledge' }, 'c1', 100);
    assert.deepEqual(acked, { ...open, status: 'acknowledged', ackBy: 'c1', ackAt: 100, nextEscalationAt: null });
    assert.equal(applyAction(acked, { eventId: 'e', action: 'acknowledge' }, 'c2', 200), acked);
  });

  it('assigning acknowledges an unacknowledged event; unassigning leaves the status', () => {
    const assigned = applyAction({ ...open, status: 'escalated' }, { eventId: 'e', action: 'assign', assignee: 'c2' }, 'a1', 100);
    assert.deepEqual(assigned, { ...open, status: 'acknowledged', assignedTo: 'c2', ackBy: 'a1', ackAt: 100, nextEscalationAt: null });
    assert.deepEqual(applyAction(assigned, { eventId: 'e', action: 'assign', assignee: null }, 'a1', 200), { ...assigned, assignedTo: null });
  });

  it('resolve labels the outcome, stops escalation, and keeps the first acknowledgement', () => {
    const acked = applyAction(open, { eventId: 'e', action: 'acknowledge' }, 'c1', 100);
    const resolved = applyAction(acked, { eventId: 'e', action: 'resolve', outcome: 'true-positive' }, 'c2', 300);
    assert.deepEqual(resolved, { ...acked, status: 'resolved', outcome: 'true-positive', resolvedAt: 300 });
    const direct = applyAction(open, { eventId: 'e', action: 'resolve', outcome: 'false-positive' }, 'c1', 50);
    assert.deepEqual([direct.ackBy, direct.ackAt, direct.nextEscalationAt], ['c1', 50, null]);
  });

  it('a resolved event can be relabelled but not acknowledged or assigned again', () => {
    const resolved = applyAction(open, { eventId: 'e', action: 'resolve', outcome: 'false-positive' }, 'c1', 50);
    assert.deepEqual(applyAction(resolved, { eventId: 'e', action: 'resolve', outcome: 'true-positive' }, 'c1', 90), { ...resolved, outcome: 'true-positive' });
    rejectsWith(() => applyAction(resolved, { eventId: 'e', action: 'acknowledge' }, 'c1', 60), 'risk/already-resolved');
    rejectsWith(() => applyAction(resolved, { eventId: 'e', action: 'assign', assignee: 'c1' }, 'c1', 60), 'risk/already-resolved');
  });

  it('validates the request shape', () => {
    assert.equal(updateRiskEventInput.safeParse({ eventId: 'e', action: 'resolve' }).success, false);
    assert.equal(updateRiskEventInput.safeParse({ eventId: 'e', action: 'resolve', outcome: 'maybe' }).success, false);
    assert.equal(updateRiskEventInput.safeParse({ eventId: 'a/b', action: 'acknowledge' }).success, false);
    assert.equal(updateRiskEventInput.safeParse({ eventId: 'e', action: 'acknowledge', status: 'resolved' }).success, false);
  });

  it('orders the queue by level, then oldest first', () => {
    const events = [
      { id: 'm-old', level: 'moderate' as const, createdAt: 1 },
      { id: 'h-new', level: 'high' as const, createdAt: 9 },
      { id: 'i', level: 'imminent' as const, createdAt: 10 },
      { id: 'h-old', level: 'high' as const, createdAt: 2 },
    ];
    assert.deepEqual([...events].sort(compareForQueue).map((e) => e.id), ['i', 'h-old', 'h-new', 'm-old']);
  });

  it('measures the screener precision from outcome labels', () => {
    assert.equal(screenerPrecision(['true-positive', 'true-positive', 'false-positive', 'unclear', null]), 2 / 3);
    assert.equal(screenerPrecision(['unclear', null]), null);
  });
});

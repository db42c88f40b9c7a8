/**
 * Path builders produce exactly the registry's path templates, use only the declared collection names,
 * and refuse ids that are not a single path segment.
 */
import assert from 'node:assert/strict';
import { COLLECTIONS, DOCUMENTS, paths, segment } from '../../../src/model';
import { DomainError } from '../../../src/platform/errors';

/** An `assert.throws` validator: a DomainError with this code and status invalid-argument. */
function DomainErrorCode(code: string): (e: unknown) => boolean {
  return (e: unknown) => e instanceof DomainError && e.code === code && e.status === 'invalid-argument';
}

/** Each registry key built with its placeholders, so builder and template can be compared. */
const BUILT: Record<string, string> = {
  user: paths.user('{uid}'),
  contact: paths.contact('{uid}'),
  safetyPlan: paths.safetyPlan('{uid}'),
  device: paths.device('{uid}', '{deviceId}'),
  entry: paths.entry('{uid}', '{entryId}'),
  task: paths.task('{uid}', '{taskId}'),
  assessment: paths.assessment('{uid}', '{id}'),
  notification: paths.notification('{uid}', '{id}'),
  favorite: paths.favorite('{uid}', '{resourceId}'),
  chat: paths.chat('{chatId}'),
  message: paths.message('{chatId}', '{msgId}'),
  riskEvent: paths.riskEvent('{id}'),
  counselor: paths.counselor('{uid}'),
  slot: paths.slot('{uid}', '{slotId}'),
  booking: paths.booking('{id}'),
  forumPost: paths.forumPost('{postId}'),
  comment: paths.comment('{postId}', '{id}'),
  like: paths.like('{postId}', '{uid}'),
  likeState: paths.likeState('{postId}', '{uid}'),
  forumReport: paths.forumReport('{id}'),
  peerSession: paths.peerSession('{id}'),
  participant: paths.participant('{id}', '{uid}'),
  peerJoin: paths.peerJoin('{id}'),
  feedback: paths.feedback('{id}', '{uid}'),
  peerReport: paths.report('{id}', '{reportId}'),
  resource: paths.resource('{id}'),
  org: paths.org('{orgId}'),
  appConfig: paths.appConfig(),
  delivery: paths.delivery('{id}'),
  auditLog: paths.auditLog('{id}'),
};

describe('model paths', () => {
  it('builds every registry path template', () => {
    for (const d of DOCUMENTS) {
      if (d.key === 'wellbeing' || d.key === 'analyticsDaily') continue;
      assert.equal(BUILT[d.key], d.path, d.key);
    }
    assert.equal(Object.keys(BUILT).length, DOCUMENTS.length - 2);
  });

  it('builds day-keyed documents from a yyyy-mm-dd day', () => {
    assert.equal(paths.wellbeing('u1', '2025-01-15'), 'users/u1/wellbeing/2025-01-15');
    assert.equal(paths.analyticsDay('org-1', '2025-12-31'), 'analytics/org-1/daily/2025-12-31');
    for (const bad of ['2025-1-15', '15-01-2025', '2025-13-01', '2025-01-32', '../x']) {
      assert.throws(() => paths.wellbeing('u1', bad), DomainErrorCode('path/invalid-day'), bad);
      assert.throws(() => paths.analyticsDay('org-1', bad), DomainErrorCode('path/invalid-day'), bad);
    }
  });

  it('uses only declared collection names, at the collection positions of each template', () => {
    const names = new Set<string>(Object.values(COLLECTIONS));
    for (const d of DOCUMENTS) {
      const parts = d.path.split('/');
      for (let i = 0; i < parts.length; i += 2) assert.ok(names.has(parts[i] ?? ''), `${d.path}: ${parts[i]}`);
    }
    for (const name of names) {
      assert.ok(
        DOCUMENTS.some((d) => d.path.split('/').includes(name)),
        `collection ${name} is used by some document`,
      );
    }
  });

  it('builds collection paths that parent the document paths', () => {
    assert.equal(paths.entries('u1'), 'users/u1/entries');
    assert.equal(paths.messages('c1'), 'chats/c1/messages');
    assert.equal(paths.slots('cou1'), 'counselors/cou1/slots');
    assert.equal(paths.participants('p1'), 'peerSessions/p1/participants');
    assert.equal(paths.analyticsDays('org-1'), 'analytics/org-1/daily');
    assert.equal(paths.deliveries(), 'deliveries');
    assert.equal(paths.entry('u1', 'e1').startsWith(`${paths.entries('u1')}/`), true);
  });

  it('refuses ids that are not one path segment', () => {
    const bad = ['', 'a/b', '.', '..', '__reserved__', 'x'.repeat(129), '../users/other'];
    for (const id of bad) {
      assert.throws(() => paths.user(id), DomainErrorCode('path/invalid-id'), JSON.stringify(id));
      assert.throws(() => paths.entry('u1', id), DomainErrorCode('path/invalid-id'), JSON.stringify(id));
      assert.throws(() => paths.message(id, 'm1'), DomainErrorCode('path/invalid-id'), JSON.stringify(id));
      assert.throws(() => segment(id), DomainErrorCode('path/invalid-id'));
    }
    assert.equal(segment('x'.repeat(128)), 'x'.repeat(128));
    assert.equal(paths.user('ab.c_d-1'), 'users/ab.c_d-1');
  });

  it('names the invalid id kind in the message without echoing the id', () => {
    assert.throws(
      () => paths.chat('secret/../x'),
      (e: unknown) => e instanceof Error && /chat id/.test(e.message) && !e.message.includes('secret'),
    );
  });
});

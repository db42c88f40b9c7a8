/**
 * `recordResourceView` through firebase-functions-test around the in-memory resource store: the count goes up
 * by one per view, nothing records who viewed, unknown resources are refused.
 */
import assert from 'node:assert/strict';
import functionsTest from 'firebase-functions-test';
import { HttpsError } from 'firebase-functions/v2/https';
import { buildRecordResourceView } from '../../../src/connect/resources/triggers';
import { paths } from '../../../src/model/paths';
import { resourceSchema } from '../../../src/model/schemas';
import { authData, callableRequest } from '../../support/callable';
import { InMemoryResourceStore, seedResource } from '../../support/connect-booking-fakes';
import { MemoryDocs, parse } from '../../support/notify-fakes';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

function setup() {
  const docs = new MemoryDocs();
  seedResource(docs, 'r1');
  const fn = ffTest.wrap(buildRecordResourceView({ store: new InMemoryResourceStore(docs) }));
  return { docs, view: (data: unknown, auth?: ReturnType<typeof authData>) => fn(callableRequest(data, auth)) };
}

const viewCount = (docs: MemoryDocs, id: string) => parse(resourceSchema, docs.peek(paths.resource(id)) ?? {}, paths.resource(id)).viewCount;

async function rejects(p: Promise<unknown>, status: string, code?: string) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof HttpsError, `expected HttpsError, got ${String(e)}`);
    assert.equal(e.code, status);
    if (code) assert.deepEqual(e.details, { code });
    return true;
  });
}

describe('recordResourceView', () => {
  it('adds one view per call, from any role, and records nothing about the viewer', async () => {
    const { docs, view } = setup();
    const before = docs.paths();
    assert.deepEqual(await view({ resourceId: 'r1' }, authData('stu1', { role: 'student', orgId: 'org-a' })), { resourceId: 'r1', counted: true });
    await view({ resourceId: 'r1' }, authData('cou1', { role: 'counselor', orgId: 'org-b' }));
    assert.equal(viewCount(docs, 'r1'), 2);
    assert.deepEqual(docs.paths(), before);
    assert.ok(!JSON.stringify(docs.peek(paths.resource('r1'))).includes('stu1'));
  });

  it('refuses an unknown resource, a bad id, a caller without an org and an anonymous call', async () => {
    const { docs, view } = setup();
    const caller = authData('stu1', { role: 'student', orgId: 'org-a' });
    await rejects(view({ resourceId: 'nope' }, caller), 'not-found', 'resources/not-found');
    await rejects(view({ resourceId: 'a/b' }, caller), 'invalid-argument');
    await rejects(view({ resourceId: 'r1', extra: 1 }, caller), 'invalid-argument');
    await rejects(view({ resourceId: 'r1' }, authData('stu1')), 'failed-precondition', 'resources/no-org');
    await rejects(view({ resourceId: 'r1' }), 'unauthenticated');
    assert.equal(viewCount(docs, 'r1'), 0);
    assert.equal(docs.peek(paths.resource('nope')), undefined);
  });
});

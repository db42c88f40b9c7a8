import assert from 'node:assert/strict';
import { type RulesTestEnvironment, assertFails, assertSucceeds, initializeTestEnvironment } from '@firebase/rules-unit-testing';
import { setLogLevel } from 'firebase/firestore';
import { compileRules } from '../../src/server/rules-adapter';
import { type RunningServer, startServer } from '../../src/server/server';

const RULES = `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    match /users/{uid} {
      allow read, write: if request.auth != null && request.auth.uid == uid;
    }
    match /posts/{id} {
      allow read: if resource.data.owner == request.auth.uid;
      allow create: if request.resource.data.owner == request.auth.uid
        && get(/databases/$(database)/documents/users/$(request.auth.uid)).data.canPost == true;
      allow update: if request.resource.data.owner == resource.data.owner
        && getAfter(/databases/$(database)/documents/users/$(request.auth.uid)).data.lastPost == id;
    }
    match /staff/{doc} {
      allow read: if request.auth.token.role == 'counselor';
    }
  }
}`;

describe('emulator via @firebase/rules-unit-testing: security rules', function () {
  this.timeout(30_000);
  let server: RunningServer;
  let env: RulesTestEnvironment;

  before(async () => {
    setLogLevel('silent');
    server = await startServer({ port: 0, backendOptions: { compileRules } });
    env = await initializeTestEnvironment({ projectId: `demo-rules-${process.pid}`, firestore: { host: '127.0.0.1', port: server.port, rules: RULES } });
  });
  beforeEach(async () => {
    await env.clearFirestore();
  });
  after(async () => {
    await env.cleanup();
    await server.close();
  });

  it('lets owners read and write their document and denies everyone else', async () => {
    const alice = env.authenticatedContext('alice').firestore();
    const bob = env.authenticatedContext('bob').firestore();
    const nobody = env.unauthenticatedContext().firestore();
    await assertSucceeds(alice.doc('users/alice').set({ canPost: true }));
    await assertSucceeds(alice.doc('users/alice').get());
    await assertFails(bob.doc('users/alice').get());
    await assertFails(bob.doc('users/alice').set({ canPost: false }));
    await assertFails(nobody.doc('users/alice').get());
  });

  it('reports the engine explanation with PERMISSION_DENIED', async () => {
    const bob = env.authenticatedContext('bob').firestore();
    const err: unknown = await assertFails(bob.doc('users/alice').get());
    assert.ok(err instanceof Error);
    assert.match(err.message, /false for 'get'|permission/i);
  });

  it('seeds with rules disabled (owner token) and clears data', async () => {
    await env.withSecurityRulesDisabled(async (ctx) => {
      await ctx.firestore().doc('posts/p1').set({ owner: 'carol', title: 'x' });
    });
    await assertSucceeds(env.authenticatedContext('carol').firestore().doc('posts/p1').get());
    await env.clearFirestore();
    await env.withSecurityRulesDisabled(async (ctx) => {
      assert.equal((await ctx.firestore().doc('posts/p1').get()).exists, false);
    });
    // A missing post has no owner: the read rule fails on resource.data, as in Firestore.
    await assertFails(env.authenticatedContext('carol').firestore().doc('posts/p1').get());
  });

  it('uses get() on stored data to authorise a create', async () => {
    const alice = env.authenticatedContext('alice').firestore();
    await assertFails(alice.doc('posts/p1').set({ owner: 'alice' }));
    await alice.doc('users/alice').set({ canPost: true });
    await assertSucceeds(alice.doc('posts/p1').set({ owner: 'alice' }));
    await assertFails(alice.doc('posts/p2').set({ owner: 'bob' }));
  });

  it('uses getAfter() to see the rest of the batch', async () => {
    const alice = env.authenticatedContext('alice').firestore();
    await alice.doc('users/alice').set({ canPost: true });
    await alice.doc('posts/p1').set({ owner: 'alice', title: 'a' });
    await assertFails(alice.doc('posts/p1').update({ title: 'b' }));
    const batch = alice.batch();
    batch.update(alice.doc('posts/p1'), { title: 'b' });
    batch.update(alice.doc('users/alice'), { lastPost: 'p1' });
    await assertSucceeds(batch.commit());
  });

  it('authorises queries from their constraints', async () => {
    await env.withSecurityRulesDisabled(async (ctx) => {
      await ctx.firestore().doc('posts/a').set({ owner: 'alice' });
      await ctx.firestore().doc('posts/b').set({ owner: 'bob' });
    });
    const alice = env.authenticatedContext('alice').firestore();
    const mine = await assertSucceeds(alice.collection('posts').where('owner', '==', 'alice').get());
    assert.deepEqual(mine.docs.map((d) => d.id), ['a']);
    await assertFails(alice.collection('posts').get());
    await assertFails(alice.collection('posts').where('owner', '==', 'bob').get());
  });

  it('denies listeners the rules do not allow and serves the ones they do', async () => {
    await env.withSecurityRulesDisabled(async (ctx) => {
      await ctx.firestore().doc('posts/a').set({ owner: 'alice' });
    });
    const alice = env.authenticatedContext('alice').firestore();
    const denied = await new Promise<unknown>((resolve) => {
      alice.collection('posts').onSnapshot(
        () => resolve(undefined),
        (err) => resolve(err),
      );
    });
    assert.ok(denied instanceof Error && /permission/i.test(denied.message));
    const ids = await new Promise<string[]>((resolve, reject) => {
      const stop = alice
        .collection('posts')
        .where('owner', '==', 'alice')
        .onSnapshot((snap) => {
          if (snap.metadata.fromCache) return;
          stop();
          resolve(snap.docs.map((d) => d.id));
        }, reject);
    });
    assert.deepEqual(ids, ['a']);
  });

  it('reads custom claims from the token', async () => {
    await env.withSecurityRulesDisabled(async (ctx) => {
      await ctx.firestore().doc('staff/s').set({ a: 1 });
    });
    await assertSucceeds(env.authenticatedContext('c1', { role: 'counselor' }).firestore().doc('staff/s').get());
    await assertFails(env.authenticatedContext('s1', { role: 'student' }).firestore().doc('staff/s').get());
  });

  it('keeps projects apart', async () => {
    const other = await initializeTestEnvironment({ projectId: `demo-other-${process.pid}`, firestore: { host: '127.0.0.1', port: server.port, rules: 'rules_version = "2"; service cloud.firestore { match /{d=**} { allow read, write: if true; } }' } });
    try {
      await other.unauthenticatedContext().firestore().doc('users/alice').set({ mine: false });
      await env.withSecurityRulesDisabled(async (ctx) => {
        assert.equal((await ctx.firestore().doc('users/alice').get()).exists, false);
      });
      await assertFails(env.unauthenticatedContext().firestore().doc('users/alice').set({ x: 1 }));
    } finally {
      await other.cleanup();
    }
  });
});

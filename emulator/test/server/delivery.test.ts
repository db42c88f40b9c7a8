import assert from 'node:assert/strict';
import { type Server, createServer } from 'node:http';
import { z } from 'zod';
import { type AdminHarness, Queue, startWithAdmin } from './support';
import { TriggerDispatcher } from '../../src/server/delivery';
import { Backend } from '../../src/server/backend';
import type { WriteOp } from '../../src/server/writes';

const Body = z.object({
  type: z.string(),
  document: z.string(),
  data: z.object({
    value: z.object({ fields: z.record(z.string(), z.object({ integerValue: z.string().optional() })) }).optional(),
    oldValue: z.object({}).loose().optional(),
  }),
});

interface Received {
  key: string;
  contentType: string;
  body: z.infer<typeof Body>;
}

/** A stand-in for firebase-tools' Functions emulator: /backends, trigger POSTs, unknown-key answers. */
class FakeFunctions {
  readonly received = new Queue<Received>();
  generation = 0;
  failuresLeft = 0;
  readonly server: Server;
  port = 0;
  triggers = [
    { id: 'asia-south1-onEntryWritten', type: 'written', document: 'users/{uid}/entries/{entryId}' },
    { id: 'asia-south1-onItemCreated', type: 'created', document: 'items/{id}' },
  ];

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const keys = this.triggers.map((t) => `${t.id}-${this.generation}`);
        if (req.method === 'GET' && req.url === '/backends') {
          res.end(
            JSON.stringify({
              backends: [
                {
                  functionTriggers: this.triggers.map((t) => ({
                    id: t.id,
                    eventTrigger: { eventType: `google.cloud.firestore.document.v1.${t.type}`, eventFilters: { database: '(default)', namespace: '(default)' }, eventFilterPathPatterns: { document: t.document } },
                  })),
                },
              ],
            }),
          );
          return;
        }
        const key = /\/triggers\/(.+)$/.exec(req.url ?? '')?.[1] ?? '';
        if (!keys.includes(key)) {
          res.statusCode = 404;
          res.end(`Function ${key} does not exist, valid functions are: ${keys.join(', ')}`);
          return;
        }
        if (this.failuresLeft > 0) {
          this.failuresLeft--;
          res.statusCode = 503;
          res.end('busy');
          return;
        }
        const parsed = Body.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        // Answer after a random delay so that out-of-order delivery would show.
        setTimeout(() => {
          this.received.push({ key, contentType: req.headers['content-type'] ?? '', body: parsed });
          res.end('{"status":"acknowledged"}');
        }, Math.random() * 5);
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }
}

describe('trigger delivery to the Functions emulator', function () {
  this.timeout(30_000);
  let fake: FakeFunctions;
  let h: AdminHarness;
  let dispatcher: TriggerDispatcher;
  const logs: string[] = [];

  before(async () => {
    fake = new FakeFunctions();
    await fake.start();
    const backend = new Backend();
    dispatcher = new TriggerDispatcher({ functionsHost: `127.0.0.1:${fake.port}`, log: (l) => logs.push(l), backoffMs: 5, discoveryTtlMs: 60_000 });
    backend.onCommit(dispatcher.onCommit);
    h = await startWithAdmin({ backend, triggers: dispatcher });
  });
  after(async () => {
    await h.close();
    fake.server.close();
  });

  it('delivers created/updated/deleted as CloudEvents with before and after data', async () => {
    const ref = h.db.doc('users/u1/entries/e1');
    await ref.set({ v: 1 });
    await ref.update({ v: 2 });
    await ref.delete();
    const events = [await fake.received.next(), await fake.received.next(), await fake.received.next()];
    assert.deepEqual(events.map((e) => e.key), ['asia-south1-onEntryWritten-0', 'asia-south1-onEntryWritten-0', 'asia-south1-onEntryWritten-0']);
    assert.ok(events.every((e) => e.contentType === 'application/cloudevents+json' && e.body.type === 'google.cloud.firestore.document.v1.written'));
    assert.deepEqual(events.map((e) => [e.body.data.oldValue !== undefined, e.body.data.value?.fields['v']?.integerValue]), [
      [false, '1'],
      [true, '2'],
      [true, undefined],
    ]);
    assert.equal(events[0]?.body.document, 'users/u1/entries/e1');
  });

  it('only fires matching triggers', async () => {
    await h.db.doc('items/i1').set({ v: 1 });
    await h.db.doc('items/i1').set({ v: 2 });
    await h.db.doc('other/x').set({ v: 1 });
    await dispatcher.idle();
    const event = await fake.received.next();
    assert.equal(event.key, 'asia-south1-onItemCreated-0');
    await h.db.doc('items/i2').set({ v: 1 });
    assert.equal((await fake.received.next()).body.document, 'items/i2');
  });

  it('delivers the events of one document in commit order', async () => {
    const ref = h.db.doc('users/u2/entries/e1');
    for (let v = 1; v <= 20; v++) await ref.set({ v });
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) seen.push((await fake.received.next()).body.data.value?.fields['v']?.integerValue ?? '?');
    assert.deepEqual(seen, Array.from({ length: 20 }, (_, i) => String(i + 1)));
  });

  it('retries failed deliveries and logs them', async () => {
    fake.failuresLeft = 2;
    await h.db.doc('items/retry').set({ v: 1 });
    assert.equal((await fake.received.next()).body.document, 'items/retry');
    assert.equal(logs.filter((l) => /HTTP 503\); retrying/.test(l)).length, 2);
  });

  it('follows a reload of the functions (new trigger generation)', async () => {
    fake.generation = 1;
    await h.db.doc('items/after-reload').set({ v: 1 });
    const event = await fake.received.next();
    assert.equal(event.key, 'asia-south1-onItemCreated-1');
  });

  it('accepts eventarcTrigger registrations as Google emulator does', async () => {
    fake.triggers.push({ id: 'registered', type: 'deleted', document: 'ignored' });
    const res = await fetch(`http://127.0.0.1:${h.server.port}/emulator/v1/projects/${h.projectId}/eventarcTrigger?eventarcTriggerId=registered-1`, {
      method: 'POST',
      body: JSON.stringify({ eventType: 'google.cloud.firestore.document.v1.deleted', database: '(default)', namespace: '(default)', document: { value: 'logs/{id}', matchType: 'PATH_PATTERN' } }),
    });
    assert.equal(res.status, 200);
    await h.db.doc('logs/l1').set({ v: 1 });
    await h.db.doc('logs/l1').delete();
    const event = await fake.received.next();
    assert.deepEqual([event.key, event.body.type, event.body.document], ['registered-1', 'google.cloud.firestore.document.v1.deleted', 'logs/l1']);
  });

  it('does not fire for data cleared through the REST endpoint', async () => {
    const res = await fetch(`http://127.0.0.1:${h.server.port}/emulator/v1/projects/${h.projectId}/databases/(default)/documents`, { method: 'DELETE' });
    assert.equal(res.status, 200);
    await dispatcher.idle();
    await h.db.doc('logs/l2').set({ v: 1 });
    await h.db.doc('logs/l2').delete();
    assert.equal((await fake.received.next()).body.document, 'logs/l2');
  });

  it('with a project set, fires discovered triggers only for that project', async () => {
    const backend = new Backend();
    const only = new TriggerDispatcher({ functionsHost: `127.0.0.1:${fake.port}`, project: 'demo-functions', log: () => undefined, backoffMs: 5 });
    backend.onCommit(only.onCommit);
    const item = (id: string): WriteOp[] => [{ kind: 'update', path: `items/${id}`, fields: {}, transforms: [] }];
    await backend.commit({ kind: 'owner' }, 'projects/demo-elsewhere/databases/(default)', item('elsewhere'));
    await backend.commit({ kind: 'owner' }, 'projects/demo-functions/databases/(default)', item('here'));
    await only.idle();
    assert.equal((await fake.received.next()).body.document, 'items/here');
  });
});

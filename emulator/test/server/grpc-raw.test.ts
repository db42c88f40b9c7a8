import assert from 'node:assert/strict';
import { Client, Metadata, credentials } from '@grpc/grpc-js';
import { firestoreService } from '../../src/server/proto';
import { type RunningServer, startServer } from '../../src/server/server';

// The RPCs no SDK sends (GetDocument, Create/Update/DeleteDocument), called with the official
// descriptor over plain grpc-js.
describe('emulator gRPC methods the SDKs do not use', () => {
  let server: RunningServer;
  let client: Client;
  const root = 'projects/demo-raw/databases/(default)';
  const service = firestoreService();

  function call(method: string, request: object): Promise<unknown> {
    const def = service[method];
    if (!def) throw new Error(`no method ${method}`);
    const metadata = new Metadata();
    metadata.set('authorization', 'Bearer owner');
    return new Promise((resolve, reject) => {
      client.makeUnaryRequest(def.path, def.requestSerialize, def.responseDeserialize, request, metadata, (err, value) => (err ? reject(err) : resolve(value)));
    });
  }

  before(async () => {
    server = await startServer({ port: 0 });
    client = new Client(server.address, credentials.createInsecure());
  });
  after(async () => {
    client.close();
    await server.close();
  });

  it('creates, gets, updates with a mask and deletes a document', async () => {
    const created = await call('CreateDocument', { parent: `${root}/documents`, collectionId: 'raw', documentId: 'd1', document: { fields: { a: { integerValue: '1' }, b: { stringValue: 'x' } } } });
    assert.ok(typeof created === 'object' && created !== null && 'name' in created && created.name === `${root}/documents/raw/d1`);
    await assert.rejects(call('CreateDocument', { parent: `${root}/documents`, collectionId: 'raw', documentId: 'd1', document: {} }), (err: { code?: number }) => err.code === 6);
    await call('UpdateDocument', { document: { name: `${root}/documents/raw/d1`, fields: { a: { integerValue: '2' } } }, updateMask: { fieldPaths: ['a'] } });
    const got = await call('GetDocument', { name: `${root}/documents/raw/d1`, mask: { fieldPaths: ['a', 'b'] } });
    assert.ok(typeof got === 'object' && got !== null && 'fields' in got);
    assert.deepEqual(JSON.parse(JSON.stringify(got.fields)), { a: { integerValue: '2', valueType: 'integerValue' }, b: { stringValue: 'x', valueType: 'stringValue' } });
    await call('DeleteDocument', { name: `${root}/documents/raw/d1`, currentDocument: { exists: true } });
    await assert.rejects(call('GetDocument', { name: `${root}/documents/raw/d1` }), (err: { code?: number }) => err.code === 5);
  });

  it('GetDocument and read-only transactions begun with a readTime read the data as it was', async () => {
    const name = `${root}/documents/raw/timed`;
    await call('CreateDocument', { parent: `${root}/documents`, collectionId: 'raw', documentId: 'timed', document: { fields: { v: { integerValue: '1' } } } });
    const first = await call('GetDocument', { name });
    const readTime = (first as { updateTime: unknown }).updateTime;
    await call('UpdateDocument', { document: { name, fields: { v: { integerValue: '2' } } } });
    const value = (doc: unknown): unknown => (doc as { fields: { v: { integerValue: string } } }).fields.v.integerValue;
    assert.equal(value(await call('GetDocument', { name, readTime })), '1');
    const begun = (await call('BeginTransaction', { database: root, options: { readOnly: { readTime } } })) as { transaction: Buffer };
    assert.equal(value(await call('GetDocument', { name, transaction: begun.transaction })), '1');
    assert.equal(value(await call('GetDocument', { name })), '2');
    await assert.rejects(call('ListDocuments', { parent: `${root}/documents`, collectionId: 'raw', readTime }), (err: { code?: number }) => err.code === 12);
  });

  it('accepts values inside 20 maps and arrays and rejects 21', async () => {
    const nest = (levels: number, inner: object): object => {
      let v = inner;
      for (let i = 0; i < levels; i++) v = { mapValue: { fields: { m: v } } };
      return v;
    };
    const create = (id: string, a: object): Promise<unknown> => call('CreateDocument', { parent: `${root}/documents`, collectionId: 'deep', documentId: id, document: { fields: { a } } });
    const one = { integerValue: '1' };
    await create('twenty', nest(20, one));
    await create('empty-map', nest(20, { mapValue: {} }));
    await assert.rejects(create('twenty-one', nest(21, one)), (err: { code?: number }) => err.code === 3);
    await assert.rejects(create('twenty-one-map', nest(20, { mapValue: { fields: { x: one } } })), (err: { code?: number }) => err.code === 3);
    await create('array', { arrayValue: { values: [nest(19, one)] } });
    await assert.rejects(create('array-21', { arrayValue: { values: [nest(20, one)] } }), (err: { code?: number }) => err.code === 3);
  });

  it('rejects a BatchWrite with two writes to the same document', async () => {
    const write = { update: { name: `${root}/documents/raw/batched`, fields: {} } };
    await assert.rejects(call('BatchWrite', { database: root, writes: [write, write] }), (err: { code?: number }) => err.code === 3);
    await assert.rejects(call('GetDocument', { name: `${root}/documents/raw/batched` }), (err: { code?: number }) => err.code === 5);
    await call('BatchWrite', { database: root, writes: [write, { update: { name: `${root}/documents/raw/batched2`, fields: {} } }] });
  });

  it('answers UNIMPLEMENTED for PartitionQuery and UNAUTHENTICATED for a malformed token', async () => {
    await assert.rejects(call('PartitionQuery', { parent: `${root}/documents` }), (err: { code?: number }) => err.code === 12);
    const def = service['GetDocument'];
    assert.ok(def);
    const metadata = new Metadata();
    metadata.set('authorization', 'Bearer not-a-jwt');
    const err = await new Promise<unknown>((resolve) => {
      client.makeUnaryRequest(def.path, def.requestSerialize, def.responseDeserialize, { name: `${root}/documents/raw/x` }, metadata, (e) => resolve(e));
    });
    assert.ok(typeof err === 'object' && err !== null && 'code' in err && err.code === 16);
  });
});

import assert from 'node:assert/strict';
import { compileRules } from '../../src/server/rules-adapter';
import { type RunningServer, startServer } from '../../src/server/server';

describe('emulator REST endpoints (HTTP/1.1 beside gRPC)', () => {
  let server: RunningServer;
  let base: string;
  before(async () => {
    server = await startServer({ port: 0, backendOptions: { compileRules } });
    base = `http://127.0.0.1:${server.port}`;
  });
  after(async () => {
    await server.close();
  });

  it('answers a health check', async () => {
    const res = await fetch(`${base}/`);
    assert.equal(res.status, 200);
    assert.equal((await res.text()).trim(), 'Ok');
  });

  it('loads rules for one project and rejects a syntax error with the parser message', async () => {
    const ok = await fetch(`${base}/emulator/v1/projects/p1:securityRules`, {
      method: 'PUT',
      body: JSON.stringify({ rules: { files: [{ content: "rules_version = '2'; service cloud.firestore { match /databases/{db}/documents { match /a/{b} { allow read: if true; } } }" }] } }),
    });
    assert.equal(ok.status, 200);
    const bad = await fetch(`${base}/emulator/v1/projects/p1:securityRules`, { method: 'PUT', body: JSON.stringify({ rules: { files: [{ content: 'service cloud.firestore { match' }] } }) });
    assert.equal(bad.status, 400);
    const body: unknown = await bad.json();
    assert.ok(typeof body === 'object' && body !== null && 'error' in body);
    assert.match(JSON.stringify(body), /INVALID_ARGUMENT/);
  });

  it('rejects a malformed rules body', async () => {
    const res = await fetch(`${base}/emulator/v1/projects/p1:securityRules`, { method: 'PUT', body: '{"rules":{}}' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /rules\.files/);
  });

  it('clears one database of one project only', async () => {
    const backend = server.backend;
    const doc = { kind: 'update' as const, path: 'c/d', fields: {}, transforms: [] };
    await backend.commit({ kind: 'owner' }, 'projects/p1/databases/(default)', [doc]);
    await backend.commit({ kind: 'owner' }, 'projects/p2/databases/(default)', [doc]);
    const res = await fetch(`${base}/emulator/v1/projects/p1/databases/(default)/documents`, { method: 'DELETE' });
    assert.equal(res.status, 200);
    assert.equal(backend.database('projects/p1/databases/(default)').size, 0);
    assert.equal(backend.database('projects/p2/databases/(default)').size, 1);
  });

  it('answers unknown routes with 404', async () => {
    const res = await fetch(`${base}/nope`);
    assert.equal(res.status, 404);
  });
});

import assert from 'node:assert/strict';
import { Agent, type ClientRequestArgs } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { z } from 'zod';
import { createFcmSender, fcmErrorFor } from '../../../src/platform/providers/fcm';
import { ProviderError } from '../../../src/platform/providers/types';
import { fakeClock, StubServer, type StubReply, type StubRequest } from './stub-server';

/**
 * An agent that claims the `https:` protocol (so the SDK's https request accepts it) but opens a plain TCP
 * connection to the loopback stub: the FCM v1 requests for fcm.googleapis.com land on the stub in clear text.
 */
class LoopbackAgent extends Agent {
  readonly protocol = 'https:';
  constructor(private readonly port: number) {
    super({ keepAlive: false });
  }
  override createConnection(_options: ClientRequestArgs): Duplex {
    return connect(this.port, '127.0.0.1');
  }
}

const PROJECT = 'demo-fcm-test';
const PATH = `/v1/projects/${PROJECT}/messages:send`;
const sentBody = z.object({
  message: z.object({
    token: z.string(),
    notification: z.object({ title: z.string(), body: z.string() }),
    data: z.record(z.string(), z.string()).optional(),
    android: z.object({ priority: z.string() }),
  }),
});
const tokenOf = (req: StubRequest) => sentBody.parse(JSON.parse(req.body)).message.token;
const ok = (token: string): StubReply => ({ status: 200, body: { name: `projects/${PROJECT}/messages/${token}-id` } });
const fcmError = (code: number, status: string, errorCode?: string): StubReply => ({
  status: code,
  body: {
    error: {
      code,
      message: 'x',
      status,
      details: errorCode ? [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode }] : [],
    },
  },
});
const context = { template: 'risk.alert', recipientRef: 'users/c1' };
const push = (tokens: string[]) => ({ tokens, title: 'Alert', body: 'Open ManMitra', data: { link: '/alerts/1' } });

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ProviderError, `expected a ProviderError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the send to fail');
}

describe('fcm adapter (firebase-admin messaging against a loopback stub of the FCM v1 API)', () => {
  let stub: StubServer;
  let app: App;
  let clock: ReturnType<typeof fakeClock>;
  const sender = (timeoutMs = 3000) => createFcmSender({ app: () => app, timeoutMs, clock, retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5000 } });

  before(async () => {
    stub = await StubServer.start();
    app = initializeApp(
      {
        projectId: PROJECT,
        credential: { getAccessToken: async () => ({ access_token: 'stub-access-token', expires_in: 3600 }) },
        httpAgent: new LoopbackAgent(stub.port),
      },
      `fcm-test-${process.pid}`,
    );
  });
  after(async () => {
    await deleteApp(app);
    await stub.close();
  });
  beforeEach(() => {
    stub.reset();
    clock = fakeClock();
  });

  it('sends one v1 request per token with the access token, and returns the message names', async () => {
    stub.respond((req) => ok(tokenOf(req)));
    const result = await sender().sendMulticast(push(['t1', 't2']), context);
    assert.deepEqual(result, {
      attempts: 1,
      outcomes: [
        { token: 't1', status: 'sent', providerId: `projects/${PROJECT}/messages/t1-id` },
        { token: 't2', status: 'sent', providerId: `projects/${PROJECT}/messages/t2-id` },
      ],
    });
    assert.equal(stub.requests.length, 2);
    for (const req of stub.requests) {
      assert.equal(req.method, 'POST');
      assert.equal(req.url, PATH);
      assert.equal(req.headers.authorization, 'Bearer stub-access-token');
      const body = sentBody.parse(JSON.parse(req.body));
      assert.equal(body.message.notification.title, 'Alert');
      assert.deepEqual(body.message.data, { link: '/alerts/1' });
      assert.equal(body.message.android.priority, 'high');
    }
  });

  it('reports UNREGISTERED and invalid tokens as unregistered so the caller can prune them', async () => {
    stub.respond((req) => {
      const token = tokenOf(req);
      if (token === 'dead') return fcmError(404, 'NOT_FOUND', 'UNREGISTERED');
      return ok(token);
    });
    const result = await sender().sendMulticast(push(['live', 'dead']), context);
    assert.deepEqual(
      result.outcomes.map((o) => [o.token, o.status]),
      [
        ['live', 'sent'],
        ['dead', 'unregistered'],
      ],
    );
    assert.equal(fcmErrorFor('messaging/invalid-registration-token'), 'unregistered');
  });

  it('throws a typed auth error when every token is refused for the credential (401), without retrying', async () => {
    stub.script(fcmError(401, 'UNAUTHENTICATED'));
    const error = await rejection(sender().sendMulticast(push(['t1', 't2']), context));
    assert.equal(error.kind, 'auth');
    assert.equal(stub.requests.length, 2);
    assert.deepEqual(clock.sleeps, []);
  });

  it('retries only the rate-limited token with backoff, then succeeds', async () => {
    let limited = 0;
    stub.respond((req) => {
      const token = tokenOf(req);
      if (token === 'busy' && limited++ === 0) return fcmError(429, 'RESOURCE_EXHAUSTED', 'QUOTA_EXCEEDED');
      return ok(token);
    });
    const result = await sender().sendMulticast(push(['calm', 'busy']), context);
    assert.equal(result.attempts, 2);
    assert.deepEqual(result.outcomes.map((o) => o.status), ['sent', 'sent']);
    assert.deepEqual(stub.requests.map(tokenOf), ['calm', 'busy', 'busy']);
    assert.deepEqual(clock.sleeps, [50]);
  });

  it('retries 5xx, then reports a typed unavailable error per token', async () => {
    stub.script(fcmError(500, 'INTERNAL', 'INTERNAL'));
    const error = await rejection(sender().sendMulticast(push(['t1']), context));
    assert.equal(error.kind, 'unavailable');
    assert.equal(error.attempts, 3);
    assert.equal(stub.requests.length, 3);
    assert.deepEqual(clock.sleeps, [50, 100]);
  });

  it('keeps partial success: one token sent, one failing for good, no throw', async () => {
    stub.respond((req) => (tokenOf(req) === 'bad' ? fcmError(400, 'INVALID_ARGUMENT', 'INVALID_ARGUMENT') : ok(tokenOf(req))));
    const result = await sender().sendMulticast(push(['good', 'bad']), context);
    const bad = result.outcomes[1];
    assert.equal(result.outcomes[0]?.status, 'sent');
    assert.ok(bad?.status === 'failed');
    assert.equal(bad.error.kind, 'rejected');
    assert.equal(bad.error.providerCode, 'messaging/invalid-argument');
  });

  it('gives a typed timeout when the service never answers', async () => {
    stub.script('hang');
    const error = await rejection(sender(200).sendMulticast(push(['t1']), context));
    assert.equal(error.kind, 'timeout');
    assert.equal(stub.requests.length, 1);
  });

  it('gives a typed malformed error for a reply that is not JSON', async () => {
    stub.script({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"name": ' });
    const error = await rejection(sender().sendMulticast(push(['t1']), context));
    assert.equal(error.kind, 'malformed');
    assert.equal(stub.requests.length, 1);
  });

  it('gives a typed malformed error for a success without a message name', async () => {
    stub.script({ status: 200, body: {} });
    assert.equal((await rejection(sender().sendMulticast(push(['t1']), context))).kind, 'malformed');
  });

  it('sends nothing for no tokens', async () => {
    assert.deepEqual(await sender().sendMulticast(push([]), context), { outcomes: [], attempts: 0 });
    assert.equal(stub.requests.length, 0);
  });
});

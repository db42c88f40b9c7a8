import assert from 'node:assert/strict';
import { z } from 'zod';
import { createSendgridSender, sendgridHttpError } from '../../../src/platform/providers/sendgrid';
import { ProviderError } from '../../../src/platform/providers/types';
import { fakeClock, StubServer } from './stub-server';

const context = { template: 'risk.alert', recipientRef: 'users/c1' };
const email = { to: 'counselor@example.edu', subject: 'Alert', text: 'Please open ManMitra.' };
const accepted = { status: 202, headers: { 'x-message-id': 'msg-123' } };

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ProviderError, `expected a ProviderError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the send to fail');
}

describe('sendgrid adapter (against a loopback stub of the v3 Mail Send API)', () => {
  let stub: StubServer;
  let clock: ReturnType<typeof fakeClock>;
  const sender = (timeoutMs = 2000) =>
    createSendgridSender({ apiKey: 'SG.test-key', from: 'alerts@manmitra.example', baseUrl: stub.url, timeoutMs, clock, retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5000 } });

  before(async () => {
    stub = await StubServer.start();
  });
  after(async () => {
    await stub.close();
  });
  beforeEach(() => {
    stub.reset();
    clock = fakeClock();
  });

  it('posts the mail with the bearer key, tracking off, and returns the message id', async () => {
    stub.script(accepted);
    const result = await sender().send(email, context);
    assert.deepEqual(result, { providerId: 'msg-123', attempts: 1 });
    const req = stub.requests[0]!;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/v3/mail/send');
    assert.equal(req.headers.authorization, 'Bearer SG.test-key');
    const body = z
      .object({
        personalizations: z.array(z.object({ to: z.array(z.object({ email: z.string() })) })),
        from: z.object({ email: z.string() }),
        subject: z.string(),
        content: z.array(z.object({ type: z.string(), value: z.string() })),
        categories: z.array(z.string()),
        tracking_settings: z.object({ click_tracking: z.object({ enable: z.boolean() }), open_tracking: z.object({ enable: z.boolean() }) }),
      })
      .parse(JSON.parse(req.body));
    assert.equal(body.personalizations[0]?.to[0]?.email, 'counselor@example.edu');
    assert.equal(body.from.email, 'alerts@manmitra.example');
    assert.equal(body.content[0]?.value, 'Please open ManMitra.');
    assert.deepEqual(body.categories, ['risk.alert']);
    assert.equal(body.tracking_settings.click_tracking.enable, false);
    assert.equal(body.tracking_settings.open_tracking.enable, false);
  });

  it('maps 401 to an auth error without retrying', async () => {
    stub.script({ status: 401, body: { errors: [{ message: 'The provided authorization grant is invalid', field: null }] } });
    const error = await rejection(sender().send(email, context));
    assert.equal(error.kind, 'auth');
    assert.equal(error.attempts, 1);
    assert.equal(stub.requests.length, 1);
  });

  it('maps a 400 to a rejected error naming the field, not the address', async () => {
    stub.script({ status: 400, body: { errors: [{ message: 'Does not contain a valid address: counselor@example.edu', field: 'personalizations.0.to' }] } });
    const error = await rejection(sender().send(email, context));
    assert.equal(error.kind, 'rejected');
    assert.equal(error.providerCode, 'field:personalizations.0.to');
    assert.ok(!error.message.includes('@'));
  });

  it('retries a 429 with backoff, then succeeds', async () => {
    stub.script({ status: 429, body: { errors: [{ message: 'too many' }] } }, accepted);
    const result = await sender().send(email, context);
    assert.equal(result.attempts, 2);
    assert.deepEqual(clock.sleeps, [50]);
  });

  it('honours Retry-After on a 429', async () => {
    stub.script({ status: 429, headers: { 'retry-after': '1' }, body: { errors: [{ message: 'too many' }] } }, accepted);
    const result = await sender().send(email, context);
    assert.equal(result.attempts, 2);
    assert.deepEqual(clock.sleeps, [1000]);
  });

  it('retries 5xx, then gives a typed unavailable error', async () => {
    stub.script({ status: 502, body: 'Bad gateway' });
    const error = await rejection(sender().send(email, context));
    assert.equal(error.kind, 'unavailable');
    assert.equal(error.httpStatus, 502);
    assert.equal(error.attempts, 3);
    assert.equal(stub.requests.length, 3);
  });

  it('gives a typed timeout when the service never answers', async () => {
    stub.script('hang');
    const error = await rejection(sender(150).send(email, context));
    assert.equal(error.kind, 'timeout');
    assert.equal(stub.requests.length, 1);
  });

  it('gives a typed malformed error for a 2xx reply that is not JSON', async () => {
    stub.script({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>captive portal</html>' });
    const error = await rejection(sender().send(email, context));
    assert.equal(error.kind, 'malformed');
    assert.equal(stub.requests.length, 1);
  });
});

describe('sendgrid error mapping (pure)', () => {
  it('uses X-RateLimit-Reset when there is no Retry-After', () => {
    const e = sendgridHttpError(429, { 'x-ratelimit-reset': '1005' }, undefined, 1_000_000);
    assert.equal(e.kind, 'rate-limited');
    assert.equal(e.retryAfterMs, 5000);
    assert.equal(sendgridHttpError(403, {}, {}, 0).kind, 'auth');
    assert.equal(sendgridHttpError(500, {}, {}, 0).kind, 'unavailable');
  });
});

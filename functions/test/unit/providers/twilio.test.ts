import assert from 'node:assert/strict';
import { createTwilioSender, twilioHttpError } from '../../../src/platform/providers/twilio';
import { ProviderError } from '../../../src/platform/providers/types';
import { fakeClock, StubServer } from './stub-server';

const SID = 'AC' + '0'.repeat(32);
const MESSAGE_SID = 'SM' + 'a'.repeat(32);
const PATH = `/2010-04-01/Accounts/${SID}/Messages.json`;
const created = (status = 'queued') => ({ sid: MESSAGE_SID, status, account_sid: SID, to: '+919800000000', error_code: null });
const twilioError = (code: number, status: number) => ({ code, message: 'x', more_info: 'https://www.twilio.com/docs/errors/' + code, status });
const context = { template: 'risk.alert', recipientRef: 'users/c1' };

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ProviderError, `expected a ProviderError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the send to fail');
}

describe('twilio adapter (against a loopback stub of the Messages API)', () => {
  let stub: StubServer;
  let clock: ReturnType<typeof fakeClock>;
  const sender = (from = '+15005550006', timeoutMs = 2000) =>
    createTwilioSender({ accountSid: SID, authToken: 'token-1', from, baseUrl: stub.url, timeoutMs, clock, retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5000 } });
  const sms = { to: '+919800000000', body: 'A student needs you now.' };

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

  it('creates the message with basic auth and returns its SID', async () => {
    stub.script({ status: 201, body: created() });
    const result = await sender().send(sms, context);
    assert.deepEqual(result, { providerId: MESSAGE_SID, attempts: 1 });
    const req = stub.requests[0]!;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, PATH);
    assert.equal(req.headers.authorization, 'Basic ' + Buffer.from(`${SID}:token-1`).toString('base64'));
    const form = new URLSearchParams(req.body);
    assert.equal(form.get('To'), '+919800000000');
    assert.equal(form.get('From'), '+15005550006');
    assert.equal(form.get('Body'), 'A student needs you now.');
  });

  it('sends through a Messaging Service when the sender is an MG SID', async () => {
    stub.script({ status: 201, body: created() });
    await sender('MG' + '1'.repeat(32)).send(sms, context);
    const form = new URLSearchParams(stub.requests[0]!.body);
    assert.equal(form.get('MessagingServiceSid'), 'MG' + '1'.repeat(32));
    assert.equal(form.get('From'), null);
  });

  it('maps 401 to an auth error without retrying', async () => {
    stub.script({ status: 401, body: twilioError(20003, 401) });
    const error = await rejection(sender().send(sms, context));
    assert.equal(error.kind, 'auth');
    assert.equal(error.providerCode, '20003');
    assert.equal(error.attempts, 1);
    assert.equal(stub.requests.length, 1);
  });

  it('maps a 400 with an invalid number to a rejected error carrying the Twilio code', async () => {
    stub.script({ status: 400, body: twilioError(21211, 400) });
    const error = await rejection(sender().send(sms, context));
    assert.equal(error.kind, 'rejected');
    assert.equal(error.providerCode, '21211');
    assert.equal(error.summary, 'twilio/rejected:21211');
    assert.equal(stub.requests.length, 1);
  });

  it('retries a 429 with backoff, then succeeds', async () => {
    stub.script({ status: 429, body: twilioError(20429, 429) }, { status: 201, body: created() });
    const result = await sender().send(sms, context);
    assert.equal(result.attempts, 2);
    assert.deepEqual(clock.sleeps, [50]);
  });

  it('honours Retry-After on a 429', async () => {
    stub.script({ status: 429, headers: { 'retry-after': '1' }, body: twilioError(20429, 429) }, { status: 201, body: created() });
    const result = await sender().send(sms, context);
    assert.equal(result.attempts, 2);
    assert.deepEqual(clock.sleeps, [1000]);
  });

  it('retries 5xx, then gives a typed unavailable error with the attempts made', async () => {
    stub.script({ status: 503, body: twilioError(20500, 503) });
    const error = await rejection(sender().send(sms, context));
    assert.equal(error.kind, 'unavailable');
    assert.equal(error.httpStatus, 503);
    assert.equal(error.attempts, 3);
    assert.equal(stub.requests.length, 3);
    assert.deepEqual(clock.sleeps, [50, 100]);
  });

  it('gives a typed timeout when the service never answers', async () => {
    stub.script('hang');
    const error = await rejection(sender('+15005550006', 150).send(sms, context));
    assert.equal(error.kind, 'timeout');
    assert.equal(stub.requests.length, 1);
  });

  it('gives a typed malformed error for a reply that is not JSON', async () => {
    stub.script({ status: 201, headers: { 'content-type': 'application/json' }, body: '<html>oops' });
    const error = await rejection(sender().send(sms, context));
    assert.equal(error.kind, 'malformed');
    assert.equal(stub.requests.length, 1);
  });

  it('gives a typed malformed error for JSON without a message SID', async () => {
    stub.script({ status: 201, body: { hello: 'world' } });
    assert.equal((await rejection(sender().send(sms, context))).kind, 'malformed');
  });

  it('reports a message that failed at creation as rejected', async () => {
    stub.script({ status: 201, body: { ...created('failed'), error_code: 30006 } });
    const error = await rejection(sender().send(sms, context));
    assert.equal(error.kind, 'rejected');
    assert.equal(error.providerCode, '30006');
  });

  it('never puts the phone number or the text in the error', async () => {
    stub.script({ status: 400, body: { ...twilioError(21211, 400), message: "The 'To' number +919800000000 is not valid" } });
    const error = await rejection(sender().send(sms, context));
    assert.ok(!error.message.includes('+91'));
    assert.ok(!JSON.stringify(error.details).includes('+91'));
  });
});

describe('twilio error mapping (pure)', () => {
  it('reads the Twilio code and Retry-After', () => {
    const e = twilioHttpError(429, { code: 20429 }, { 'retry-after': '3' }, 0);
    assert.equal(e.kind, 'rate-limited');
    assert.equal(e.providerCode, '20429');
    assert.equal(e.retryAfterMs, 3000);
    assert.equal(twilioHttpError(500, 'not json', {}, 0).kind, 'unavailable');
    assert.equal(twilioHttpError(404, {}, undefined, 0).kind, 'rejected');
  });
});

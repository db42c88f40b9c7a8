import assert from 'node:assert/strict';
import { z } from 'zod';
import { createGeminiModel, geminiHttpError, interpretGeminiResponse } from '../../../src/platform/providers/gemini';
import { ProviderError, type ModelResult } from '../../../src/platform/providers/types';
import { captureLogs } from '../../../src/platform/log';
import { fakeClock, StubServer } from './stub-server';

const PATH = '/v1beta/models/gemini-test:generateContent';
const okBody = (text: string, finishReason = 'STOP') => ({ candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason }] });
const apiError = (code: number, status: string, details: object[] = []) => ({ error: { code, message: 'x', status, details } });

function expectError<T>(result: ModelResult<T>): ProviderError {
  assert.equal(result.status, 'error');
  if (result.status !== 'error') throw new Error('unreachable');
  return result.error;
}

describe('gemini adapter (against a loopback stub of the Generative Language API)', () => {
  let stub: StubServer;
  let clock: ReturnType<typeof fakeClock>;
  const model = (timeoutMs = 2000) =>
    createGeminiModel({ apiKey: 'test-key', model: 'gemini-test', baseUrl: stub.url, timeoutMs, clock, retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5000 } });

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

  it('returns the text, sends the key, the prompt, the system instruction and the safety settings', async () => {
    stub.script({ status: 200, body: okBody('hello there') });
    const result = await model().generateText({ system: 'be kind', prompt: 'hi', safety: 'analysis' });
    assert.deepEqual(result, { status: 'ok', value: 'hello there', attempts: 1 });
    assert.equal(stub.requests.length, 1);
    const req = stub.requests[0]!;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, PATH);
    assert.equal(req.headers['x-goog-api-key'], 'test-key');
    const sent = z
      .object({
        contents: z.array(z.object({ parts: z.array(z.object({ text: z.string() })) })),
        systemInstruction: z.object({ parts: z.array(z.object({ text: z.string() })) }),
        safetySettings: z.array(z.object({ category: z.string(), threshold: z.string() })),
      })
      .parse(JSON.parse(req.body));
    assert.equal(sent.contents[0]?.parts[0]?.text, 'hi');
    assert.equal(sent.systemInstruction.parts[0]?.text, 'be kind');
    assert.equal(sent.safetySettings.length, 4);
    assert.ok(sent.safetySettings.every((s) => s.threshold === 'BLOCK_ONLY_HIGH'));
  });

  it('uses strict safety thresholds for replies by default', async () => {
    stub.script({ status: 200, body: okBody('ok') });
    await model().generateText({ prompt: 'hi' });
    const sent = z.object({ safetySettings: z.array(z.object({ threshold: z.string() })) }).parse(JSON.parse(stub.requests[0]!.body));
    assert.ok(sent.safetySettings.every((s) => s.threshold === 'BLOCK_LOW_AND_ABOVE'));
  });

  it('parses and validates a JSON answer against the schema', async () => {
    stub.script({ status: 200, body: okBody('{"level":"high","reasons":["r1"]}') });
    const schema = z.object({ level: z.enum(['none', 'high']), reasons: z.array(z.string()) });
    const result = await model().generateJson({ prompt: 'screen', schema });
    assert.deepEqual(result, { status: 'ok', value: { level: 'high', reasons: ['r1'] }, attempts: 1 });
    const sent = z.object({ generationConfig: z.object({ responseMimeType: z.string() }) }).parse(JSON.parse(stub.requests[0]!.body));
    assert.equal(sent.generationConfig.responseMimeType, 'application/json');
  });

  it('reports a JSON answer that breaks the schema as a malformed error, not as a value', async () => {
    stub.script({ status: 200, body: okBody('{"level":"safe"}') });
    const result = await model().generateJson({ prompt: 'screen', schema: z.object({ level: z.enum(['none', 'high']) }) });
    assert.equal(expectError(result).kind, 'malformed');
  });

  it('reports a blocked prompt as blocked', async () => {
    stub.script({ status: 200, body: { promptFeedback: { blockReason: 'SAFETY', safetyRatings: [] } } });
    const result = await model().generateText({ prompt: 'x' });
    assert.deepEqual(result, { status: 'blocked', reason: 'prompt:SAFETY', attempts: 1 });
  });

  it('reports a SAFETY finish as blocked even when partial text came back', async () => {
    stub.script({ status: 200, body: okBody('partial', 'SAFETY') });
    const result = await model().generateJson({ prompt: 'x', schema: z.object({}) });
    assert.deepEqual(result, { status: 'blocked', reason: 'finish:SAFETY', attempts: 1 });
  });

  it('reports no candidates, or only whitespace, as empty', async () => {
    stub.script({ status: 200, body: { candidates: [] } }, { status: 200, body: okBody('   ') });
    assert.deepEqual(await model().generateText({ prompt: 'x' }), { status: 'empty', attempts: 1 });
    assert.deepEqual(await model().generateText({ prompt: 'x' }), { status: 'empty', attempts: 1 });
  });

  it('maps 401 to an auth error without retrying', async () => {
    stub.script({ status: 401, body: apiError(401, 'UNAUTHENTICATED') });
    const error = expectError(await model().generateText({ prompt: 'x' }));
    assert.equal(error.kind, 'auth');
    assert.equal(error.retryable, false);
    assert.equal(error.httpStatus, 401);
    assert.equal(stub.requests.length, 1);
    assert.deepEqual(clock.sleeps, []);
  });

  it('maps a 400 API_KEY_INVALID to an auth error', async () => {
    stub.script({
      status: 400,
      body: apiError(400, 'INVALID_ARGUMENT', [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }]),
    });
    const error = expectError(await model().generateText({ prompt: 'x' }));
    assert.equal(error.kind, 'auth');
    assert.equal(error.providerCode, 'API_KEY_INVALID');
  });

  it('retries a 429 with backoff, then succeeds', async () => {
    stub.script({ status: 429, body: apiError(429, 'RESOURCE_EXHAUSTED') }, { status: 200, body: okBody('fine') });
    const result = await model().generateText({ prompt: 'x' });
    assert.deepEqual(result, { status: 'ok', value: 'fine', attempts: 2 });
    assert.equal(stub.requests.length, 2);
    assert.deepEqual(clock.sleeps, [50]);
  });

  it('waits as long as RetryInfo.retryDelay asks on a 429', async () => {
    stub.script(
      { status: 429, body: apiError(429, 'RESOURCE_EXHAUSTED', [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' }]) },
      { status: 200, body: okBody('fine') },
    );
    const result = await model().generateText({ prompt: 'x' });
    assert.equal(result.status, 'ok');
    assert.deepEqual(clock.sleeps, [1500]);
  });

  it('retries 5xx with growing backoff, then gives a typed unavailable error', async () => {
    stub.script({ status: 503, body: apiError(503, 'UNAVAILABLE') });
    const result = await model().generateText({ prompt: 'x' });
    const error = expectError(result);
    assert.equal(error.kind, 'unavailable');
    assert.equal(error.httpStatus, 503);
    assert.equal(error.attempts, 3);
    assert.equal(result.attempts, 3);
    assert.equal(stub.requests.length, 3);
    assert.deepEqual(clock.sleeps, [50, 100]);
  });

  it('gives a typed timeout when the service never answers', async () => {
    stub.script('hang');
    const error = expectError(await model(150).generateText({ prompt: 'x' }));
    assert.equal(error.kind, 'timeout');
    assert.equal(stub.requests.length, 1);
  });

  it('gives a typed cancelled error when the caller aborts', async () => {
    stub.script('hang');
    const controller = new AbortController();
    const pending = model(5000).generateText({ prompt: 'x', signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    assert.equal(expectError(await pending).kind, 'cancelled');
  });

  it('gives a typed malformed error for a reply that is not JSON', async () => {
    stub.script({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"candidates": [' });
    const error = expectError(await model().generateText({ prompt: 'x' }));
    assert.equal(error.kind, 'malformed');
    assert.equal(stub.requests.length, 1);
  });

  it('gives a typed malformed error for JSON of the wrong shape', async () => {
    stub.script({ status: 200, body: { candidates: 'none' } });
    assert.equal(expectError(await model().generateText({ prompt: 'x' })).kind, 'malformed');
  });

  it('logs each call without the prompt or the answer', async () => {
    stub.script({ status: 200, body: okBody('secret answer') });
    const cap = captureLogs();
    try {
      await model().generateText({ prompt: 'my private words' });
    } finally {
      cap.restore();
    }
    const line = cap.lines.find((l) => l.event === 'provider.model-call');
    assert.ok(line);
    assert.equal(line.fields.status, 'ok');
    assert.ok(!JSON.stringify(cap.lines).includes('private'));
    assert.ok(!JSON.stringify(cap.lines).includes('secret answer'));
  });
});

describe('gemini response interpretation (pure)', () => {
  it('joins the text parts of the first candidate', () => {
    assert.deepEqual(interpretGeminiResponse({ candidates: [{ content: { parts: [{ text: 'a' }, { text: 'b' }] }, finishReason: 'STOP' }] }), {
      status: 'ok',
      text: 'ab',
    });
  });

  it('treats every withholding finish reason as blocked', () => {
    for (const reason of ['SAFETY', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'RECITATION']) {
      assert.equal(interpretGeminiResponse({ candidates: [{ finishReason: reason }] }).status, 'blocked', reason);
    }
  });

  it('reads RetryInfo and ErrorInfo from error details', () => {
    const e = geminiHttpError(429, [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }]);
    assert.equal(e.kind, 'rate-limited');
    assert.equal(e.retryAfterMs, 7000);
    assert.equal(geminiHttpError(500, undefined).kind, 'unavailable');
    assert.equal(geminiHttpError(400, []).kind, 'rejected');
  });
});

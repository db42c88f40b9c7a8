/**
 * The model layer against stubbed replies: the real Gemini adapter talking to the loopback stub of the
 * Generative Language API (blocked, empty, timeout, malformed JSON, 429), and a scripted model for the
 * listener and summarizer agents.
 */
import assert from 'node:assert/strict';
import { z } from 'zod';
import { createGeminiModel } from '../../../src/platform/providers/gemini';
import { offlineLanguageModel } from '../../../src/platform/providers/offline';
import { ProviderError } from '../../../src/platform/providers/types';
import { modelListenerReply } from '../../../src/safety/listener';
import { screenWithModel, SCREENING_SYSTEM } from '../../../src/safety/model-screen';
import { localSummary, summarizeChat, transcript } from '../../../src/safety/summary';
import { combineVerdicts } from '../../../src/safety/verdict';
import { fakeClock, StubServer } from '../providers/stub-server';
import { ScriptedModel } from '../../support/safety-fakes';

const okBody = (text: string, finishReason = 'STOP') => ({ candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason }] });
const sentBody = z.object({
  contents: z.array(z.object({ parts: z.array(z.object({ text: z.string() })) })),
  systemInstruction: z.object({ parts: z.array(z.object({ text: z.string() })) }),
  generationConfig: z.object({ responseMimeType: z.string().optional(), temperature: z.number().optional() }),
});

describe('screenWithModel (Gemini adapter against a loopback stub)', () => {
  let stub: StubServer;
  const model = (timeoutMs = 2000) =>
    createGeminiModel({ apiKey: 'k', model: 'gemini-test', baseUrl: stub.url, timeoutMs, clock: fakeClock(), retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 100 } });

  before(async () => {
    stub = await StubServer.start();
  });
  after(async () => {
    await stub.close();
  });
  beforeEach(() => stub.reset());

  it('sends the stripped text as data with the triage rubric, JSON mode and temperature 0, and reads the verdict', async () => {
    stub.script({ status: 200, body: okBody('{"level":"high","reasons":["passive-death-wish"]}') });
    const outcome = await screenWithModel(model(), { text: 'I wish I was dead. Call me on 98765 43210, I am Calm Otter 42', names: ['Calm Otter 42'] });
    assert.deepEqual(outcome, { kind: 'verdict', verdict: { level: 'high', reasons: ['passive-death-wish'] } });
    const sent = sentBody.parse(JSON.parse(stub.requests[0]?.body ?? '{}'));
    const prompt = sent.contents[0]?.parts[0]?.text ?? '';
    assert.match(prompt, /I wish I was dead\. Call me on \[phone\], I am \[name\]/);
    assert.doesNotMatch(prompt, /98765|Otter/);
    assert.equal(sent.systemInstruction.parts[0]?.text, SCREENING_SYSTEM);
    assert.equal(sent.generationConfig.responseMimeType, 'application/json');
    assert.equal(sent.generationConfig.temperature, 0);
  });

  it('a blocked answer is a block, which combines to at least moderate', async () => {
    stub.script({ status: 200, body: { promptFeedback: { blockReason: 'SAFETY' } } });
    const outcome = await screenWithModel(model(), { text: 'x' });
    assert.equal(outcome.kind, 'blocked');
    assert.equal(combineVerdicts({ level: 'low', reasons: [] }, outcome).level, 'moderate');
  });

  it('an empty answer is a failure, never a safe verdict', async () => {
    stub.script({ status: 200, body: { candidates: [] } });
    const outcome = await screenWithModel(model(), { text: 'x' });
    assert.deepEqual(outcome, { kind: 'failed', why: 'empty' });
    assert.equal(combineVerdicts({ level: 'high', reasons: [] }, outcome).level, 'high');
  });

  it('malformed JSON and a JSON answer that breaks the schema are malformed failures', async () => {
    stub.script({ status: 200, body: okBody('{"level": "high", reasons: [') });
    assert.deepEqual(await screenWithModel(model(), { text: 'x' }), { kind: 'failed', why: 'malformed' });
    stub.script({ status: 200, body: okBody('{"level":"safe","reasons":[]}') });
    assert.deepEqual(await screenWithModel(model(), { text: 'x' }), { kind: 'failed', why: 'malformed' });
  });

  it('a 429 that persists is a rate-limited failure after the retries', async () => {
    stub.script({ status: 429, body: { error: { code: 429, message: 'quota', status: 'RESOURCE_EXHAUSTED' } } });
    assert.deepEqual(await screenWithModel(model(), { text: 'x' }), { kind: 'failed', why: 'rate-limited' });
    assert.equal(stub.requests.length, 2);
  });

  it('no answer within the time limit is a timeout failure', async () => {
    stub.script('hang');
    const outcome = await screenWithModel(model(), { text: 'x', timeoutMs: 150 });
    assert.deepEqual(outcome, { kind: 'failed', why: 'timeout' });
    const combined = combineVerdicts({ level: 'moderate', reasons: ['panic'] }, outcome);
    assert.deepEqual([combined.level, combined.pending], ['moderate', true]);
  });

  it('never asks the offline model (it has no judgement to give)', async () => {
    assert.deepEqual(await screenWithModel(offlineLanguageModel(), { text: 'x' }), { kind: 'skipped', why: 'offline' });
  });
});

describe('listener and summarizer agents', () => {
  it('the listener strips personal details, asks for the student language, and returns the reply', async () => {
    const model = new ScriptedModel();
    model.text = [{ status: 'ok', value: '  That sounds hard. What happened?  ', attempts: 1 }];
    const reply = await modelListenerReply(model, { text: 'mail me at a@b.com, Calm Otter here', language: 'hi', names: ['Calm Otter'] });
    assert.equal(reply, 'That sounds hard. What happened?');
    const request = model.calls('text')[0];
    assert.match(request?.prompt ?? '', /mail me at \[email\], \[name\] here/);
    assert.match(request?.system ?? '', /Hindi/);
    assert.equal(request?.safety, 'reply');
  });

  it('the listener gives nothing (so the local reply is used) on a block, an empty answer, an error or offline', async () => {
    for (const answer of [
      { status: 'blocked', reason: 'finish:SAFETY', attempts: 1 },
      { status: 'ok', value: '   ', attempts: 1 },
      { status: 'empty', attempts: 1 },
    ] as const) {
      const model = new ScriptedModel();
      model.text = [answer];
      assert.equal(await modelListenerReply(model, { text: 'x', language: 'en' }), undefined);
    }
    assert.equal(await modelListenerReply(offlineLanguageModel(), { text: 'x', language: 'en' }), undefined);
  });

  const messages = [
    { sender: 'student' as const, text: 'I feel hopeless, mail me at a@b.com', at: 0, screening: { level: 'moderate' as const, reasons: ['hopelessness', 'model-pending'] } },
    { sender: 'bot' as const, text: 'I hear you.', at: 60_000 },
    { sender: 'student' as const, text: 'exams', at: 20 * 60_000, screening: { level: 'low' as const, reasons: ['stress'] } },
  ];

  it('the summarizer sends a stripped transcript and keeps the model summary', async () => {
    const model = new ScriptedModel();
    model.text = [{ status: 'ok', value: 'Exam stress and hopelessness; follow up.', attempts: 1 }];
    assert.deepEqual(await summarizeChat(model, messages), { by: 'model', text: 'Exam stress and hopelessness; follow up.' });
    const prompt = model.calls('text')[0]?.prompt ?? '';
    assert.match(prompt, /Student: I feel hopeless, mail me at \[email\]\nBestie: I hear you\.\nStudent: exams/);
  });

  it('the local summary counts, spans and lists screening signals without any text', async () => {
    const model = new ScriptedModel();
    model.text = [{ status: 'error', error: new ProviderError('gemini', 'timeout', 't'), attempts: 1 }];
    const result = await summarizeChat(model, messages);
    assert.equal(result.by, 'local');
    assert.equal(result.text, localSummary(messages));
    assert.match(result.text, /3 messages \(2 from the student\) over 20 minutes/);
    assert.match(result.text, /Highest screened level: moderate/);
    assert.match(result.text, /hopelessness, stress/);
    assert.doesNotMatch(result.text, /model-pending|mail|exams/);
  });

  it('the transcript keeps the newest messages that fit', () => {
    const long = Array.from({ length: 100 }, (_, i) => ({ sender: 'student' as const, text: `${'x'.repeat(200)} ${String(i)}`, at: i }));
    const t = transcript(long);
    assert.ok(t.length <= 12_000);
    assert.match(t, / 99$/);
    assert.doesNotMatch(t, / 0\n/);
  });
});

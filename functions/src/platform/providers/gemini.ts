/**
 * Gemini language model through `@google/generative-ai` (loaded on first call). Every call has a total
 * deadline, retries rate limits and 5xx with backoff, and ends in a `ModelResult`: ok, blocked (safety),
 * empty, or a typed error. `baseUrl` points the SDK at another endpoint (tests use a loopback stub).
 */
import { z } from 'zod';
import { errorFromHttpStatus, errorFromNetwork, isJsonSyntaxError, unknownFailure } from './classify';
import { providerEvents } from './provider-events';
import { DEFAULT_RETRY, parseDurationMs, systemClock, withDeadline, withRetry, type Clock, type RetryPolicy } from './retry';
import { loadGemini } from './sdk';
import {
  ProviderError,
  type JsonModelRequest,
  type LanguageModel,
  type ModelRequest,
  type ModelResult,
} from './types';

export interface GeminiOptions {
  apiKey: string;
  model: string;
  /** Another API endpoint, e.g. `http://127.0.0.1:PORT` for a test stub. */
  baseUrl?: string | undefined;
  /** Default total time per call when the request gives none. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  clock?: Clock;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Finish reasons that mean the answer was withheld, not merely cut short. */
const BLOCKING_FINISH = new Set(['SAFETY', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'RECITATION', 'IMAGE_SAFETY']);

const responseSchema = z.object({
  promptFeedback: z.object({ blockReason: z.string().optional() }).optional(),
  candidates: z
    .array(
      z.object({
        finishReason: z.string().optional(),
        content: z.object({ parts: z.array(z.object({ text: z.string().optional() })).optional() }).optional(),
      }),
    )
    .optional(),
});

export type GeminiAnswer = { status: 'ok'; text: string } | { status: 'blocked'; reason: string } | { status: 'empty' };

/** Pure: a generateContent response → ok / blocked / empty. Throws a `malformed` `ProviderError` on a wrong shape. */
export function interpretGeminiResponse(raw: unknown): GeminiAnswer {
  const parsed = responseSchema.safeParse(raw);
  if (!parsed.success) throw new ProviderError('gemini', 'malformed', 'answer does not have the generateContent shape');
  const { promptFeedback, candidates } = parsed.data;
  const blockReason = promptFeedback?.blockReason;
  if (blockReason !== undefined && blockReason !== 'BLOCKED_REASON_UNSPECIFIED') return { status: 'blocked', reason: `prompt:${blockReason}` };
  const first = candidates?.[0];
  if (first === undefined) return { status: 'empty' };
  if (first.finishReason !== undefined && BLOCKING_FINISH.has(first.finishReason)) return { status: 'blocked', reason: `finish:${first.finishReason}` };
  const text = (first.content?.parts ?? []).map((p) => p.text ?? '').join('');
  return text.trim() === '' ? { status: 'empty' } : { status: 'ok', text };
}

const googleErrorDetail = z.object({
  '@type': z.string(),
  reason: z.string().optional(),
  retryDelay: z.string().optional(),
});

/** Pure: HTTP status + Google error details → typed error (API_KEY_INVALID is a 400 but an auth failure). */
export function geminiHttpError(status: number, details: unknown): ProviderError {
  const list = z.array(z.unknown()).safeParse(details);
  let reason: string | undefined;
  let retryAfterMs: number | undefined;
  for (const item of list.success ? list.data : []) {
    const d = googleErrorDetail.safeParse(item);
    if (!d.success) continue;
    if (d.data['@type'].endsWith('google.rpc.ErrorInfo') && d.data.reason !== undefined) reason = d.data.reason;
    if (d.data['@type'].endsWith('google.rpc.RetryInfo') && d.data.retryDelay !== undefined) retryAfterMs = parseDurationMs(d.data.retryDelay);
  }
  if (reason === 'API_KEY_INVALID' || reason === 'API_KEY_EXPIRED' || reason === 'API_KEY_SERVICE_BLOCKED') {
    return new ProviderError('gemini', 'auth', `HTTP ${status}`, { httpStatus: status, providerCode: reason });
  }
  return errorFromHttpStatus('gemini', status, { retryAfterMs, providerCode: reason });
}

function stripFences(text: string): string {
  const m = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(text);
  return m?.[1] ?? text;
}

export function createGeminiModel(options: GeminiOptions): LanguageModel {
  const clock = options.clock ?? systemClock;
  const policy = options.retry ?? DEFAULT_RETRY;

  async function classify(err: unknown): Promise<ProviderError> {
    if (err instanceof ProviderError) return err;
    const sdk = await loadGemini();
    if (err instanceof sdk.GoogleGenerativeAIFetchError && err.status !== undefined) return geminiHttpError(err.status, err.errorDetails);
    if (isJsonSyntaxError(err)) return new ProviderError('gemini', 'malformed', 'answer is not JSON');
    if (err instanceof sdk.GoogleGenerativeAIAbortError) return new ProviderError('gemini', 'timeout', 'request aborted');
    if (err instanceof sdk.GoogleGenerativeAIRequestInputError) return new ProviderError('gemini', 'rejected', 'request refused by the SDK');
    if (err instanceof sdk.GoogleGenerativeAIError) return new ProviderError('gemini', 'unavailable', 'request failed');
    return errorFromNetwork('gemini', err) ?? unknownFailure('gemini', err);
  }

  async function generate(request: ModelRequest, json: boolean): Promise<{ answer: GeminiAnswer; attempts: number }> {
    const sdk = await loadGemini();
    const threshold =
      (request.safety ?? 'reply') === 'reply' ? sdk.HarmBlockThreshold.BLOCK_LOW_AND_ABOVE : sdk.HarmBlockThreshold.BLOCK_ONLY_HIGH;
    const safetySettings = [
      sdk.HarmCategory.HARM_CATEGORY_HARASSMENT,
      sdk.HarmCategory.HARM_CATEGORY_HATE_SPEECH,
      sdk.HarmCategory.HARM_CATEGORY_SEXUALLY_EXPLICIT,
      sdk.HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT,
    ].map((category) => ({ category, threshold }));
    const model = new sdk.GoogleGenerativeAI(options.apiKey).getGenerativeModel(
      {
        model: options.model,
        safetySettings,
        ...(request.system !== undefined ? { systemInstruction: request.system } : {}),
        generationConfig: {
          ...(json ? { responseMimeType: 'application/json' } : {}),
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
          ...(request.maxOutputTokens !== undefined ? { maxOutputTokens: request.maxOutputTokens } : {}),
        },
      },
      options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {},
    );
    const deadlineAt = clock.now() + (request.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const { value, attempts } = await withRetry(
      async () => {
        try {
          const result = await withDeadline(
            'gemini',
            deadlineAt - clock.now(),
            (signal) => model.generateContent({ contents: [{ role: 'user', parts: [{ text: request.prompt }] }] }, { signal }),
            request.signal,
          );
          return interpretGeminiResponse(result.response);
        } catch (err) {
          throw await classify(err);
        }
      },
      {
        policy,
        clock,
        deadlineAt,
        signal: request.signal,
        onRetry: ({ attempt, delayMs, error }) =>
          providerEvents.retrying({ provider: 'gemini', attempt, delayMs, errorCode: error.code, httpStatus: error.httpStatus }),
      },
    );
    return { answer: value, attempts };
  }

  async function run<T>(request: ModelRequest, json: boolean, decode: (text: string) => T): Promise<ModelResult<T>> {
    let result: ModelResult<T>;
    try {
      const { answer, attempts } = await generate(request, json);
      if (answer.status === 'ok') {
        try {
          result = { status: 'ok', value: decode(answer.text), attempts };
        } catch (err) {
          result = { status: 'error', error: (err instanceof ProviderError ? err : await classify(err)).withAttempts(attempts), attempts };
        }
      } else {
        result = { ...answer, attempts };
      }
    } catch (err) {
      const error = err instanceof ProviderError ? err : await classify(err);
      result = { status: 'error', error, attempts: error.attempts };
    }
    providerEvents.modelCall({
      model: options.model,
      implementation: 'real',
      status: result.status,
      attempts: result.attempts,
      ...(result.status === 'error' ? { errorCode: result.error.code, providerCode: result.error.providerCode } : {}),
    });
    return result;
  }

  return {
    implementation: 'real',
    available: true,
    model: options.model,
    generateText: (request) => run(request, false, (text) => text),
    generateJson: <S extends z.ZodType>(request: JsonModelRequest<S>) =>
      run(request, true, (text): z.output<S> => {
        let data: unknown;
        try {
          data = JSON.parse(stripFences(text));
        } catch {
          throw new ProviderError('gemini', 'malformed', 'model answer is not JSON');
        }
        const parsed = request.schema.safeParse(data);
        if (!parsed.success) throw new ProviderError('gemini', 'malformed', 'model answer does not match the schema');
        return parsed.data;
      }),
  };
}

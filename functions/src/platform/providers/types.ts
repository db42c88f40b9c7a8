/**
 * The provider contracts: what the rest of the backend may ask of a language model, a push sender, an SMS
 * sender and an email sender, and the one error type every provider failure is reported with.
 * Real adapters (gemini.ts, fcm.ts, twilio.ts, sendgrid.ts) and the offline ones (offline.ts) implement these;
 * feature code depends only on this file and on `getProviders` (index.ts).
 */
import type { z } from 'zod';
import { DomainError, type ErrorStatus } from '../errors';

/** Which implementation a provider is: a real service, or the local stand-in (emulators, missing secret). */
export type Implementation = 'real' | 'offline';

/** Who produced an error (for logs and `deliveries.lastError`). */
export type ProviderName = 'gemini' | 'fcm' | 'twilio' | 'sendgrid' | 'offline';

/**
 * - `auth`: the credential was refused (401/403, invalid key). Not retried; needs an operator.
 * - `rate-limited`: 429 or quota; retried after Retry-After or backoff.
 * - `unavailable`: 5xx or a network failure; retried.
 * - `timeout`: no answer within the time allowed.
 * - `malformed`: a 2xx answer that is not what the API promises (not JSON, missing fields).
 * - `rejected`: the service refused this request (4xx: bad number, bad payload, not configured). Not retried.
 * - `cancelled`: the caller aborted.
 */
export type ProviderErrorKind = 'auth' | 'rate-limited' | 'unavailable' | 'timeout' | 'malformed' | 'rejected' | 'cancelled';

const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set(['rate-limited', 'unavailable', 'timeout']);

const STATUS: Record<ProviderErrorKind, ErrorStatus> = {
  auth: 'internal',
  'rate-limited': 'resource-exhausted',
  unavailable: 'unavailable',
  timeout: 'deadline-exceeded',
  malformed: 'internal',
  rejected: 'failed-precondition',
  cancelled: 'unavailable',
};

export interface ProviderErrorInit {
  /** HTTP status of the answer, when there was one. */
  httpStatus?: number | undefined;
  /** The service's own error code (`21211`, `messaging/invalid-argument`, `API_KEY_INVALID`), never free text. */
  providerCode?: string | undefined;
  /** How long the service asked us to wait (Retry-After, RetryInfo). */
  retryAfterMs?: number | undefined;
  /** Attempts made before giving up (set by `withRetry`). */
  attempts?: number | undefined;
}

/**
 * A provider failure. `code` is `provider/<kind>`; the message names the provider and the HTTP status only,
 * never a recipient or any text, so the error can be logged and stored as it is.
 */
export class ProviderError extends DomainError {
  readonly retryable: boolean;
  readonly httpStatus: number | undefined;
  readonly providerCode: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;

  constructor(
    readonly provider: ProviderName,
    readonly kind: ProviderErrorKind,
    /** What happened, without the provider prefix (no personal data). */
    readonly description: string,
    init: ProviderErrorInit = {},
  ) {
    super(`provider/${kind}`, STATUS[kind], `${provider}: ${description}`, {
      provider,
      kind,
      ...(init.httpStatus !== undefined ? { httpStatus: init.httpStatus } : {}),
      ...(init.providerCode !== undefined ? { providerCode: init.providerCode } : {}),
    });
    this.name = 'ProviderError';
    this.retryable = RETRYABLE.has(kind);
    this.httpStatus = init.httpStatus;
    this.providerCode = init.providerCode;
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts ?? 1;
  }

  /** The same error, stating how many attempts were made. */
  withAttempts(attempts: number): ProviderError {
    const copy = new ProviderError(this.provider, this.kind, this.description, {
      httpStatus: this.httpStatus,
      providerCode: this.providerCode,
      retryAfterMs: this.retryAfterMs,
      attempts,
    });
    copy.stack = this.stack;
    copy.cause = this.cause;
    return copy;
  }

  /** Short, personal-data-free summary for `deliveries.lastError`: `twilio/rejected:21211`. */
  get summary(): string {
    return `${this.provider}/${this.kind}${this.providerCode !== undefined ? `:${this.providerCode}` : ''}`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Language model
// ---------------------------------------------------------------------------------------------------------

/**
 * Safety profile sent with a request. `reply`: text a student will read (strict blocking). `analysis`:
 * screening and summaries, whose input legitimately talks about self-harm (blocks only high-probability harm;
 * a blocked answer is still never read as "safe").
 */
export type SafetyProfile = 'reply' | 'analysis';

export interface ModelRequest {
  /** System instruction (the role and rules); not logged. */
  system?: string;
  /** The user turn; strip personal details before it gets here. Not logged. */
  prompt: string;
  /** Total time allowed, retries included. */
  timeoutMs?: number;
  /** Abort from the caller (e.g. the function is shutting down). */
  signal?: AbortSignal;
  safety?: SafetyProfile;
  temperature?: number;
  maxOutputTokens?: number;
}

export interface JsonModelRequest<S extends z.ZodType> extends ModelRequest {
  /** The answer must parse as JSON and match this schema, or the result is a `malformed` error. */
  schema: S;
}

/**
 * What a model call produced. Callers decide what each case means; a `blocked`, `empty` or `error` result is
 * never a "safe" verdict.
 */
export type ModelResult<T> =
  | { status: 'ok'; value: T; attempts: number }
  | { status: 'blocked'; reason: string; attempts: number }
  | { status: 'empty'; attempts: number }
  | { status: 'error'; error: ProviderError; attempts: number };

export interface LanguageModel {
  readonly implementation: Implementation;
  /** False for the offline model: its answers are placeholders, not judgements (screening must not use them). */
  readonly available: boolean;
  /** Model id, for logs and stored verdicts (`gemini-2.0-flash`, `offline`). */
  readonly model: string;
  generateText(request: ModelRequest): Promise<ModelResult<string>>;
  generateJson<S extends z.ZodType>(request: JsonModelRequest<S>): Promise<ModelResult<z.output<S>>>;
}

// ---------------------------------------------------------------------------------------------------------
// Senders (push, SMS, email). They send; recording in `deliveries` is done around them (channels.ts).
// ---------------------------------------------------------------------------------------------------------

/** Who and what a send is for, for logs: never the address or the text. */
export interface SendContext {
  /** Message template id, e.g. `risk.alert`. */
  template: string;
  /** `users/{uid}` or `users/{uid}/devices/{id}`; logged only as a hash. */
  recipientRef: string;
}

export interface SendResult {
  /** The service's id for the message (Twilio SID, SendGrid X-Message-Id), when it gave one. */
  providerId: string | undefined;
  attempts: number;
}

export interface PushMessage {
  /** FCM registration tokens (at most 500). */
  tokens: readonly string[];
  title: string;
  body: string;
  /** Extra key/value data for the app (e.g. `{ link: "/alerts/abc" }`). */
  data?: Readonly<Record<string, string>>;
}

/** Per-token result. `unregistered`: the token is dead; delete the device document. */
export type PushOutcome =
  | { token: string; status: 'sent'; providerId: string }
  | { token: string; status: 'unregistered' }
  | { token: string; status: 'failed'; error: ProviderError };

export interface PushResult {
  /** In the order of `PushMessage.tokens`. */
  outcomes: PushOutcome[];
  attempts: number;
}

export interface PushSender {
  readonly implementation: Implementation;
  /** Sends to every token. Throws `ProviderError` only when no token could be handled at all. */
  sendMulticast(message: PushMessage, context: SendContext): Promise<PushResult>;
}

export interface SmsMessage {
  /** E.164 phone number. */
  to: string;
  body: string;
}

export interface SmsSender {
  readonly implementation: Implementation;
  /** Throws `ProviderError` when the message was not accepted. */
  send(message: SmsMessage, context: SendContext): Promise<SendResult>;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface EmailSender {
  readonly implementation: Implementation;
  /** Throws `ProviderError` when the message was not accepted. */
  send(message: EmailMessage, context: SendContext): Promise<SendResult>;
}

/**
 * Shared rules that turn an HTTP status or a low-level network failure into a typed `ProviderError`.
 * Each adapter adds what is specific to its service (error bodies, SDK error codes) on top of these.
 */
import { z } from 'zod';
import { ProviderError, type ProviderErrorKind, type ProviderName } from './types';

/** 401/403 auth, 408 timeout, 429 rate-limited, 5xx unavailable, other 4xx rejected. */
export function kindForHttpStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'unavailable';
  return 'rejected';
}

export function errorFromHttpStatus(
  provider: ProviderName,
  status: number,
  extra: { retryAfterMs?: number | undefined; providerCode?: string | undefined } = {},
): ProviderError {
  return new ProviderError(provider, kindForHttpStatus(status), `HTTP ${status}`, { httpStatus: status, ...extra });
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const codedError = z.object({ code: z.string() });
const withCause = z.object({ cause: z.unknown() });

/**
 * A socket-level failure (Node/axios/undici error code, possibly wrapped in `cause`) → typed error;
 * `undefined` when `err` is not one (the caller decides).
 */
export function errorFromNetwork(provider: ProviderName, err: unknown, depth = 0): ProviderError | undefined {
  const coded = codedError.safeParse(err);
  if (coded.success) {
    const code = coded.data.code;
    if (TIMEOUT_CODES.has(code)) return new ProviderError(provider, 'timeout', `request timed out (${code})`, { providerCode: code });
    if (NETWORK_CODES.has(code)) return new ProviderError(provider, 'unavailable', `network failure (${code})`, { providerCode: code });
    if (code === 'ERR_CANCELED') return new ProviderError(provider, 'cancelled', 'request cancelled');
  }
  const wrapped = withCause.safeParse(err);
  if (wrapped.success && wrapped.data.cause !== undefined && depth < 3) return errorFromNetwork(provider, wrapped.data.cause, depth + 1);
  return undefined;
}

/** JSON that did not parse is a malformed answer. */
export function isJsonSyntaxError(err: unknown): boolean {
  return err instanceof SyntaxError;
}

/**
 * Last resort for an error no rule recognised: reported as `unavailable` (retryable), named by class only;
 * the original stays in `cause` for a debugger (it is never logged: its message may quote the request).
 */
export function unknownFailure(provider: ProviderName, err: unknown): ProviderError {
  const name = err instanceof Error ? err.name : typeof err;
  const error = new ProviderError(provider, 'unavailable', `unexpected failure (${name})`);
  error.cause = err;
  return error;
}

/**
 * Named log events. Every line the backend writes goes through `logEvent`, which:
 * - takes only flat scalar fields (no nested objects where text could hide),
 * - drops any field whose name suggests content or identity (text, body, email, phone, alias, name, token…),
 * - truncates long strings, so a caller cannot smuggle a message into an "id".
 * Feature modules define their events as small functions on top of `logEvent` (see `events` below).
 */
import { createHash } from 'node:crypto';
import * as logger from 'firebase-functions/logger';

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Readonly<Record<string, LogValue>>;
export type LogSeverity = 'debug' | 'info' | 'warn' | 'error';

/** Field names that may carry student content or identity; never logged whatever their value. */
const FORBIDDEN = /(text|body|message|excerpt|journal|note|reason|title|summary|email|phone|contact|alias|name|token|secret|key|password|prompt|content)/i;
/** Identifiers and enums are short; anything longer than this is truncated. */
const MAX_STRING = 80;

/** Where log lines go. Tests swap it through `captureLogs`; production writes to Cloud Logging. */
export interface LogSink {
  write(severity: LogSeverity, event: string, fields: Record<string, string | number | boolean | null>): void;
}

const cloudSink: LogSink = {
  write(severity, event, fields) {
    const entry = { event, ...fields };
    if (severity === 'error') logger.error(event, entry);
    else if (severity === 'warn') logger.warn(event, entry);
    else if (severity === 'debug') logger.debug(event, entry);
    else logger.info(event, entry);
  },
};

let sinks: LogSink[] = [cloudSink];

export function sanitizeFields(fields: LogFields): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (FORBIDDEN.test(k) && !/(Id|Ids|Count|Kind|Code|Ms|At)$/.test(k)) {
      out[k] = '[redacted]';
      continue;
    }
    out[k] = typeof v === 'string' && v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…` : v;
  }
  return out;
}

export function logEvent(severity: LogSeverity, event: string, fields: LogFields = {}): void {
  const clean = sanitizeFields(fields);
  for (const sink of sinks) sink.write(severity, event, clean);
}

/** Test helper: records log lines instead of writing them; call the returned `restore` when done. */
export function captureLogs(): { lines: Array<{ severity: LogSeverity; event: string; fields: Record<string, unknown> }>; restore: () => void } {
  const lines: Array<{ severity: LogSeverity; event: string; fields: Record<string, unknown> }> = [];
  const previous = sinks;
  sinks = [{ write: (severity, event, fields) => lines.push({ severity, event, fields }) }];
  return { lines, restore: () => { sinks = previous; } };
}

/** Error → loggable fields: the class and stable code, never the message of an unknown error (it may quote input). */
export function errorFields(err: unknown): LogFields {
  if (err instanceof Error) {
    const code = 'code' in err && (typeof err.code === 'string' || typeof err.code === 'number') ? err.code : undefined;
    return { errorClass: err.name, errorCode: code };
  }
  return { errorClass: typeof err };
}

/** Platform-level events. Feature modules add their own next to their code, built on `logEvent`. */
export const events = {
  configLoaded: (f: { emulator: boolean; region: string; providers: string }) => logEvent('info', 'config.loaded', f),
  providerChosen: (f: { provider: string; implementation: 'real' | 'offline'; why: string }) =>
    logEvent('info', 'provider.chosen', f),
  deliveryRecorded: (f: { deliveryId: string; channel: string; template: string; status: string; attempts: number }) =>
    logEvent('info', 'delivery.recorded', f),
  deliveryFailed: (f: { deliveryId: string; channel: string; attempts: number; errorCode: string; retryable: boolean }) =>
    logEvent('warn', 'delivery.failed', f),
  callableRejected: (f: { callable: string; status: string; errorCode: string }) => logEvent('info', 'callable.rejected', f),
  callableFailed: (f: { callable: string; errorClass: string; errorCode?: string | number }) => logEvent('error', 'callable.failed', f),
  userProvisioned: (f: { uidHash: string; orgId: string; created: boolean }) => logEvent('info', 'identity.provisioned', f),
  roleChanged: (f: { actorHash: string; targetHash: string; from: string; to: string; orgId: string }) =>
    logEvent('info', 'identity.role-changed', f),
};

/** A short, stable, non-reversible reference for a uid or document id that may identify a student. */
export function hashId(id: string): string {
  return createHash('sha256').update(`manmitra-log:${id}`).digest('hex').slice(0, 12);
}

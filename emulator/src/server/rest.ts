// The emulator's HTTP/1.1 endpoints, as Google's emulator serves them beside gRPC: load a project's
// rules (`PUT /emulator/v1/projects/{p}:securityRules`), clear a database
// (`DELETE /emulator/v1/projects/{p}/databases/{d}/documents`), register a Functions trigger
// (`POST /emulator/v1/projects/{p}/eventarcTrigger?eventarcTriggerId=`), the rules coverage of a
// project (`GET /emulator/v1/projects/{p}:ruleCoverage`, JSON, and `:ruleCoverage.html`), and a
// health `GET /`.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { renderCoverageHtml } from '../rules';
import type { Backend } from './backend';
import { CODE_NAMES, Code, FirestoreError, asFirestoreError } from './errors';

const RulesBody = z.object({
  rules: z.object({
    files: z.array(z.object({ content: z.string(), name: z.string().optional() })).min(1),
  }),
});

export const TriggerBody = z.object({
  eventType: z.string().min(1),
  database: z.string().min(1).optional(),
  namespace: z.string().min(1).optional(),
  document: z.object({ value: z.string().min(1), matchType: z.enum(['EXACT', 'PATH_PATTERN']).optional() }),
});
export type TriggerRegistration = z.infer<typeof TriggerBody>;

export interface TriggerSink {
  register(project: string, key: string, registration: TriggerRegistration): void;
  unregister(project: string, key: string): void;
}

const MAX_BODY = 10 * 1024 * 1024;

const HTTP_STATUS: Partial<Record<Code, number>> = {
  [Code.INVALID_ARGUMENT]: 400,
  [Code.FAILED_PRECONDITION]: 400,
  [Code.NOT_FOUND]: 404,
  [Code.PERMISSION_DENIED]: 403,
  [Code.UNAUTHENTICATED]: 401,
  [Code.UNIMPLEMENTED]: 501,
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new FirestoreError(Code.INVALID_ARGUMENT, 'Request body too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const text = await readBody(req);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FirestoreError(Code.INVALID_ARGUMENT, 'The request body is not JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FirestoreError(Code.INVALID_ARGUMENT, `Invalid request body${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}.`);
  }
  return parsed.data;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, err: FirestoreError): void {
  const http = HTTP_STATUS[err.code] ?? 500;
  send(res, http, { error: { code: http, message: err.message, status: CODE_NAMES[err.code] } });
}

const RULES = /^\/emulator\/v1\/projects\/([^/:]+):securityRules$/;
const COVERAGE = /^\/emulator\/v1\/projects\/([^/:]+):ruleCoverage(\.html)?$/;
const CLEAR = /^\/emulator\/v1\/projects\/([^/]+)\/databases\/([^/]+)\/documents$/;
const TRIGGER = /^\/emulator\/v1\/projects\/([^/]+)\/eventarcTrigger$/;
const V1_TRIGGER = /^\/emulator\/v1\/projects\/([^/]+)\/triggers\/([^/]+)$/;

/** Handles one HTTP/1.1 request. */
export function restHandler(backend: Backend, triggers: TriggerSink | undefined): (req: IncomingMessage, res: ServerResponse) => void {
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    if (path === '/' && method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('Ok\n');
      return;
    }
    let m = RULES.exec(path);
    if (m && (method === 'PUT' || method === 'POST')) {
      const body = await readJson(req, RulesBody);
      const file = body.rules.files[0];
      if (!file) throw new FirestoreError(Code.INVALID_ARGUMENT, 'No rules file given.');
      backend.setProjectRules(m[1] ?? '', file.content, file.name ?? 'firestore.rules');
      send(res, 200, {});
      return;
    }
    m = COVERAGE.exec(path);
    if (m && method === 'GET') {
      const project = m[1] ?? '';
      const report = backend.authorizerFor(project).coverage?.(project);
      if (!report) throw new FirestoreError(Code.NOT_FOUND, `No rules are loaded for project ${project}, so there is no coverage.`);
      if (m[2] === undefined) {
        send(res, 200, report);
        return;
      }
      const html = renderCoverageHtml(report, project);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
      res.end(html);
      return;
    }
    m = CLEAR.exec(path);
    if (m && method === 'DELETE') {
      backend.clear(`projects/${m[1] ?? ''}/databases/${m[2] ?? ''}`);
      send(res, 200, {});
      return;
    }
    m = TRIGGER.exec(path);
    if (m && (method === 'POST' || method === 'DELETE')) {
      const key = url.searchParams.get('eventarcTriggerId') ?? '';
      if (!triggers) throw new FirestoreError(Code.FAILED_PRECONDITION, 'Trigger delivery is not configured (start with --functions HOST:PORT).');
      if (key === '') throw new FirestoreError(Code.INVALID_ARGUMENT, 'eventarcTriggerId is required.');
      if (method === 'DELETE') triggers.unregister(m[1] ?? '', key);
      else triggers.register(m[1] ?? '', key, await readJson(req, TriggerBody));
      send(res, 200, {});
      return;
    }
    if (V1_TRIGGER.test(path) && (method === 'PUT' || method === 'DELETE')) {
      throw new FirestoreError(Code.UNIMPLEMENTED, '1st-gen (v1) Firestore triggers are not supported by this emulator; use 2nd-gen triggers.');
    }
    throw new FirestoreError(Code.NOT_FOUND, `No route for ${method} ${path}`);
  };
  return (req, res) => {
    route(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, asFirestoreError(err));
      else res.destroy();
    });
  };
}

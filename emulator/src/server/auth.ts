// Who is calling and what the rules are asked. The bearer token decides the principal: `owner`
// (the admin SDK and withSecurityRulesDisabled) bypasses rules; an unsigned Auth-emulator or
// rules-unit-testing token is a user with its claims; no token is an unauthenticated client.
// The Authorizer interface is what a rules engine implements; the request shapes carry everything
// the engine reads (auth, method, path, stored and incoming document, time, query structure).

import { z } from 'zod';
import type { CoverageReport } from '../rules';
import type { Doc } from './document';
import { Code, FirestoreError } from './errors';
import type { Query } from './query';
import type { Json } from './values';

export interface AuthInfo {
  uid: string;
  /** Every claim of the ID token (`sub`, `user_id`, `firebase`, custom claims...). */
  token: { [claim: string]: Json };
}

export type Principal = { kind: 'owner' } | { kind: 'unauthenticated' } | { kind: 'user'; auth: AuthInfo };

const Claims = z
  .object({
    sub: z.string().min(1).optional(),
    user_id: z.string().min(1).optional(),
  })
  .catchall(z.json());

function unauthenticated(message: string): FirestoreError {
  return new FirestoreError(Code.UNAUTHENTICATED, message);
}

/** Decodes an `authorization` header value. Signatures are not checked, as in Google's emulator. */
export function principalFromAuthorization(header: string | undefined): Principal {
  if (header === undefined || header.trim() === '') return { kind: 'unauthenticated' };
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m || m[1] === undefined) throw unauthenticated('The authorization header must be "Bearer <token>".');
  const token = m[1];
  if (token === 'owner') return { kind: 'owner' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined) throw unauthenticated('The bearer token is not a JWT.');
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw unauthenticated('The bearer token payload is not JSON.');
  }
  const parsed = Claims.safeParse(payload);
  if (!parsed.success) throw unauthenticated(`The bearer token claims are invalid: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  const claims = parsed.data;
  const uid = claims.user_id ?? claims.sub;
  if (uid === undefined) throw unauthenticated('The bearer token has no "sub" or "user_id" claim.');
  const tokenClaims: { [claim: string]: Json } = {};
  for (const [k, v] of Object.entries(claims)) if (v !== undefined) tokenClaims[k] = v;
  return { kind: 'user', auth: { uid, token: tokenClaims } };
}

export function authOf(principal: Principal): AuthInfo | null {
  return principal.kind === 'user' ? principal.auth : null;
}

/** One document access: get, or one document of a write (create/update/delete). */
export interface AccessRequest {
  method: 'get' | 'create' | 'update' | 'delete';
  project: string;
  database: string;
  /** Document path relative to the database's documents, e.g. `users/u1`. */
  path: string;
  auth: AuthInfo | null;
  /** The stored document (`resource`); null when it does not exist. */
  resource: Doc | null;
  /** The document as the write leaves it (`request.resource`); null for get and delete. */
  requestResource: Doc | null;
  /** Request time, microseconds since the epoch. */
  time: number;
  /** Number of writes in the commit this access belongs to (0 for reads). */
  writeCount: number;
}

/** A query (`list`), authorised from its structure, not from its results. */
export interface QueryAccessRequest {
  method: 'list';
  project: string;
  database: string;
  /** The collection path the query reads (for a collection group: parent path + group id). */
  path: string;
  /** Set for collection-group queries. */
  collectionGroup?: string;
  query: Query;
  auth: AuthInfo | null;
  time: number;
}

/** What `get()`/`exists()` and `getAfter()` read: document paths relative to the database. */
export interface DataSource {
  get(path: string): Doc | null;
  getAfter(path: string): Doc | null;
}

export interface Decision {
  allowed: boolean;
  explanation: string;
}

/** Decides requests synchronously, so a commit's check and apply happen in one step. */
export interface Authorizer {
  /** One `get` per document read. */
  authorizeGet(request: AccessRequest, data: DataSource): Decision;
  /** Every document a commit writes, checked together (rules lookups are budgeted per commit); the first denial wins. */
  authorizeWrites(requests: readonly AccessRequest[], data: DataSource): Decision;
  authorizeQuery(request: QueryAccessRequest, data: DataSource): Decision;
  /** How often each condition evaluated to what for one project (`:ruleCoverage`); absent without rules. */
  coverage?(project: string): CoverageReport;
}

/** Compiles a rules source into an Authorizer; throws (with a readable message) on syntax errors. */
export type AuthorizerFactory = (source: string, fileName: string) => Authorizer;

const ALLOWED: Decision = { allowed: true, explanation: 'no rules loaded: every request is allowed' };

export const ALLOW_ALL: Authorizer = {
  authorizeGet: () => ALLOWED,
  authorizeWrites: () => ALLOWED,
  authorizeQuery: () => ALLOWED,
};

export function permissionDenied(decision: Decision): FirestoreError {
  const why = decision.explanation.trim();
  return new FirestoreError(Code.PERMISSION_DENIED, why ? `Missing or insufficient permissions: ${why}` : 'Missing or insufficient permissions.');
}

// The rules case format (../shared/conformance/README.md): parsing with zod, conversion of its
// JSON values (integral numbers are ints; `__timestamp__`, `__float__`, `__bytes__`,
// `__latlng__`, `__path__` wrappers), and running one case against the engine.

import { z } from 'zod';
import type { Ruleset } from './ast';
import { RulesFloat, RulesReference, type RulesInput, type RulesInputMap } from './convert';
import { evaluateFirestore, evaluateFirestoreQuery, evaluateStorage, type Decision, type QueryFilterInput, type RulesDataSource, type StorageObject } from './engine';
import { RulesEvalError, RulesSyntaxError } from './errors';
import { parseRuleset } from './compile';
import { QUERY_OPS, type QueryOp } from './symbolic';
import { parseTimestamp } from './time';
import { RBytes, RLatLng } from './values';

const jsonRecord = z.record(z.string(), z.unknown());
const condition = z.union([z.tuple([z.string(), z.string(), z.unknown()]), z.tuple([z.string(), z.string()])]);

const querySchema = z.object({
  where: z.array(condition).optional(),
  or: z.array(z.array(condition)).optional(),
  orderBy: z.array(z.union([z.string(), z.tuple([z.string()]), z.tuple([z.string(), z.string()])])).optional(),
  limit: z.number().int().nonnegative().optional(),
  limitToLast: z.number().int().nonnegative().optional(),
  offset: z.number().int().nonnegative().optional(),
});

const requestSchema = z.object({
  method: z.enum(['get', 'list', 'create', 'update', 'delete']),
  path: z.string().optional(),
  collectionGroup: z.string().optional(),
  bucket: z.string().optional(),
  auth: z
    .object({ uid: z.string().optional(), token: jsonRecord.optional() })
    .nullable()
    .optional(),
  resource: jsonRecord.nullable().optional(),
  data: jsonRecord.nullable().optional(),
  docs: z.record(z.string(), jsonRecord.nullable()).optional(),
  query: querySchema.optional(),
  time: z.string().optional(),
});

const expectSchema = z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(['ALLOW', 'DENY']));

export const caseSchema = z.object({
  id: z.string(),
  rules: z.string().optional(),
  request: requestSchema,
  expect: expectSchema.optional(),
});

const caseFileSchema = z.union([z.object({ cases: z.array(z.unknown()) }), z.array(z.unknown())]);

export type RulesCase = z.infer<typeof caseSchema>;
type CaseRequest = z.infer<typeof requestSchema>;

/** A case that does not follow the format: it is reported as DENY with the problem. */
export interface MalformedCase {
  readonly id: string;
  readonly expect?: 'ALLOW' | 'DENY';
  readonly error: string;
}

export interface CaseResult {
  readonly id: string;
  readonly result: 'ALLOW' | 'DENY';
  readonly reason: string;
}

/**
 * A cases file is `{ "cases": [...] }` or a bare array of cases. Throws when the file itself has
 * another shape; a single malformed case becomes a MalformedCase so the others still run.
 */
export function parseCaseFile(json: unknown): (RulesCase | MalformedCase)[] {
  const file = caseFileSchema.safeParse(json);
  if (!file.success) throw new Error('Invalid cases file: expected {"cases": [...]} or an array of cases.');
  const items = Array.isArray(file.data) ? file.data : file.data.cases;
  return items.map((item, i) => {
    const parsed = caseSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const id = isRecord(item) && typeof item.id === 'string' ? item.id : `#${i + 1}`;
    const expect = isRecord(item) && typeof item.expect === 'string' ? item.expect.toUpperCase() : undefined;
    return {
      id,
      ...(expect === 'ALLOW' || expect === 'DENY' ? { expect } : {}),
      error: `Malformed case at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown problem'}`,
    };
  });
}

export function isMalformed(c: RulesCase | MalformedCase): c is MalformedCase {
  return 'error' in c;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Converts a case-format JSON value; throws RulesEvalError naming what is malformed. */
export function caseValue(v: unknown): RulesInput {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map(caseValue);
  if (!isRecord(v)) throw new RulesEvalError(`Unsupported value ${String(v)}.`);
  const keys = Object.keys(v);
  if (keys.length === 1) {
    const [key] = keys;
    const inner = v[key ?? ''];
    switch (key) {
      case '__timestamp__': {
        const t = typeof inner === 'string' ? parseTimestamp(inner) : undefined;
        if (t === undefined) throw new RulesEvalError(`Invalid __timestamp__ ${JSON.stringify(inner)}.`);
        return t;
      }
      case '__float__':
        if (typeof inner !== 'number') throw new RulesEvalError('__float__ needs a number.');
        return new RulesFloat(inner);
      case '__bytes__':
        if (typeof inner !== 'string') throw new RulesEvalError('__bytes__ needs a base64 string.');
        return new RBytes(new Uint8Array(Buffer.from(inner, 'base64')));
      case '__latlng__': {
        if (!Array.isArray(inner) || inner.length !== 2 || typeof inner[0] !== 'number' || typeof inner[1] !== 'number') {
          throw new RulesEvalError('__latlng__ needs [lat, lng].');
        }
        return new RLatLng(inner[0], inner[1]);
      }
      case '__path__':
        if (typeof inner !== 'string') throw new RulesEvalError('__path__ needs a document path.');
        return new RulesReference(inner);
      default:
        break;
    }
  }
  const out: Record<string, RulesInput> = {};
  for (const k of keys) out[k] = caseValue(v[k]);
  return out;
}

function caseMap(v: Record<string, unknown>): RulesInputMap {
  const out: Record<string, RulesInput> = {};
  for (const k of Object.keys(v)) out[k] = caseValue(v[k]);
  return out;
}

const OPS: ReadonlySet<string> = new Set(QUERY_OPS);

function isQueryOp(op: string): op is QueryOp {
  return OPS.has(op);
}

function conditionFilter(c: z.infer<typeof condition>): QueryFilterInput {
  const [field, rawOp] = c;
  const op = rawOp.trim().toLowerCase().replace(/_/g, '-');
  if (!isQueryOp(op)) throw new RulesEvalError(`Unknown query operator '${rawOp}'.`);
  return { field, op, value: c.length === 3 ? caseValue(c[2]) : null };
}

function caseQueryFilter(q: z.infer<typeof querySchema>): QueryFilterInput | undefined {
  const parts: QueryFilterInput[] = (q.where ?? []).map(conditionFilter);
  if (q.or !== undefined) parts.push({ or: q.or.map((conj) => ({ and: conj.map(conditionFilter) })) });
  return parts.length === 0 ? undefined : { and: parts };
}

const storageObjectSchema = z.object({
  name: z.string().optional(),
  bucket: z.string().optional(),
  size: z.number().int().optional(),
  contentType: z.string().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  md5Hash: z.string().optional(),
  crc32c: z.string().optional(),
  etag: z.string().optional(),
  generation: z.number().int().optional(),
  metageneration: z.number().int().optional(),
  timeCreated: z.union([z.string(), z.object({ __timestamp__: z.string() })]).optional(),
  updated: z.union([z.string(), z.object({ __timestamp__: z.string() })]).optional(),
  contentDisposition: z.string().optional(),
  contentEncoding: z.string().optional(),
  contentLanguage: z.string().optional(),
});

function storageObject(v: Record<string, unknown>): StorageObject {
  const parsed = storageObjectSchema.safeParse(v);
  if (!parsed.success) throw new RulesEvalError(`Invalid storage object: ${parsed.error.issues[0]?.message ?? ''}`);
  const { timeCreated, updated, ...rest } = parsed.data;
  const time = (t: string | { __timestamp__: string } | undefined): string | undefined => (typeof t === 'object' ? t.__timestamp__ : t);
  const tc = time(timeCreated);
  const up = time(updated);
  return { ...rest, ...(tc === undefined ? {} : { timeCreated: tc }), ...(up === undefined ? {} : { updated: up }) };
}

function dataSource(req: CaseRequest): RulesDataSource {
  const docs = new Map<string, RulesInputMap | null>();
  for (const [path, data] of Object.entries(req.docs ?? {})) docs.set(relativePath(path, 'firestore').path, data === null ? null : caseMap(data));
  const own = (req.path ?? '').replace(/^\/+/, '');
  return {
    get: (path) => {
      if (docs.has(path)) {
        const d = docs.get(path);
        return d === undefined || d === null ? null : { data: d };
      }
      if (path === own && req.resource !== undefined && req.resource !== null) return { data: caseMap(req.resource) };
      return null;
    },
    getAfter: (path) => {
      if (path === own) {
        if (req.method === 'delete') return null;
        if ((req.method === 'create' || req.method === 'update') && req.data !== undefined && req.data !== null) return { data: caseMap(req.data) };
      }
      const d = docs.get(path);
      if (d !== undefined) return d === null ? null : { data: d };
      if (path === own && req.resource !== undefined && req.resource !== null) return { data: caseMap(req.resource) };
      return null;
    },
  };
}

/** Strips `/databases/{db}/documents/` or `/b/{bucket}/o/` when a case gives a full resource name. */
function relativePath(path: string | undefined, service: 'firestore' | 'storage'): { path: string; root?: string } {
  const segs = (path ?? '').split('/').filter((x) => x !== '');
  if (service === 'firestore' && segs[0] === 'databases' && segs[2] === 'documents') return { path: segs.slice(3).join('/'), root: segs[1] ?? '(default)' };
  if (service === 'storage' && segs[0] === 'b' && segs[2] === 'o' && segs.length > 3) return { path: segs.slice(3).join('/'), root: segs[1] ?? '' };
  return { path: segs.join('/') };
}

function evaluateCase(ruleset: Ruleset, original: CaseRequest): Decision {
  const rel = relativePath(original.path, ruleset.service);
  const req: CaseRequest = { ...original, path: rel.path };
  const token = req.auth?.token ?? {};
  const uid = req.auth?.uid ?? (typeof token.sub === 'string' ? token.sub : '');
  const auth = req.auth === undefined || req.auth === null ? null : { uid, token: caseMap(token) };
  const data = dataSource(req);
  if (ruleset.service === 'storage') {
    return evaluateStorage(
      ruleset,
      {
        method: req.method,
        path: req.path ?? '',
        ...(req.bucket !== undefined ? { bucket: req.bucket } : rel.root !== undefined ? { bucket: rel.root } : {}),
        auth,
        resource: req.resource === undefined || req.resource === null ? null : storageObject(req.resource),
        requestResource: req.data === undefined || req.data === null ? null : storageObject(req.data),
        ...(req.time === undefined ? {} : { time: req.time }),
      },
      data,
    );
  }
  if (req.method === 'list') {
    const q = req.query ?? {};
    const where = caseQueryFilter(q);
    return evaluateFirestoreQuery(
      ruleset,
      {
        ...(req.collectionGroup === undefined ? { collectionPath: req.path ?? '' } : { collectionGroup: req.collectionGroup }),
        ...(rel.root === undefined ? {} : { database: rel.root }),
        auth,
        ...(req.time === undefined ? {} : { time: req.time }),
        query: {
          ...(where === undefined ? {} : { where }),
          orderBy: (q.orderBy ?? []).map((o) =>
            typeof o === 'string' ? { field: o } : { field: o[0], direction: (o[1] ?? 'asc').toLowerCase().startsWith('desc') ? 'desc' : 'asc' },
          ),
          ...(q.limit === undefined ? {} : { limit: q.limit }),
          ...(q.limitToLast === undefined ? {} : { limitToLast: q.limitToLast }),
          ...(q.offset === undefined ? {} : { offset: q.offset }),
        },
      },
      data,
    );
  }
  return evaluateFirestore(
    ruleset,
    {
      method: req.method,
      path: req.path ?? '',
      ...(rel.root === undefined ? {} : { database: rel.root }),
      auth,
      resource: req.resource === undefined || req.resource === null ? null : caseMap(req.resource),
      requestResource: req.data === undefined || req.data === null ? null : caseMap(req.data),
      ...(req.time === undefined ? {} : { time: req.time }),
    },
    data,
  );
}

/** Compiled rulesets by source text, so cases sharing rules compile them once. */
export class RulesetCache {
  private readonly cache = new Map<string, Ruleset | RulesSyntaxError>();

  get(source: string, fileName: string): Ruleset | RulesSyntaxError {
    const key = `${fileName}\u0000${source}`;
    let r = this.cache.get(key);
    if (r === undefined) {
      try {
        r = parseRuleset(source, fileName);
      } catch (e) {
        if (!(e instanceof RulesSyntaxError)) throw e;
        r = e;
      }
      this.cache.set(key, r);
    }
    return r;
  }
}

export function runCase(c: RulesCase | MalformedCase, defaultRules: { source: string; fileName: string } | undefined, cache: RulesetCache): CaseResult {
  if (isMalformed(c)) return { id: c.id, result: 'DENY', reason: c.error };
  const source = c.rules ?? defaultRules?.source;
  if (source === undefined) return { id: c.id, result: 'DENY', reason: 'No rules: the case has none and no --rules file was given.' };
  const ruleset = cache.get(source, c.rules === undefined ? (defaultRules?.fileName ?? 'rules') : `${c.id}.rules`);
  if (ruleset instanceof RulesSyntaxError) return { id: c.id, result: 'DENY', reason: `Rules do not compile: ${ruleset.message}` };
  try {
    const d = evaluateCase(ruleset, c.request);
    return { id: c.id, result: d.allowed ? 'ALLOW' : 'DENY', reason: d.explanation };
  } catch (e) {
    if (e instanceof RulesEvalError) return { id: c.id, result: 'DENY', reason: e.message };
    throw e;
  }
}

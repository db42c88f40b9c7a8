// Request evaluation: builds `request` and `resource` for Firestore and Storage requests, finds
// the complete matches and the allows that cover the method, evaluates them (symbolically, per
// query branch, for `list`), counts document lookups, and explains the decision the way the
// Firestore emulator does ("false for 'update' @ L12").

import type { AllowStmt, Method, Ruleset } from './ast';
import { documentPathValue, toMap, toTimestamp, toValue, type RulesInput, type RulesInputMap, type TimeInput } from './convert';
import { RulesEvalError, RulesFatalError } from './errors';
import { Interpreter, type ConditionResult, type DocumentReader, type EvalObserver } from './interpreter';
import { ANY_ID, ANY_SEGMENTS, findMatches, type MatchCandidate, type PathItem } from './matcher';
import { buildBranch, parseFieldPath, toBranches, type Filter, type QueryOp } from './symbolic';
import { RMap, RPath, RSymData, UNKNOWN, type QueryBranch, type Value } from './values';

export const LOOKUP_LIMIT = 10;
export const BATCH_LOOKUP_LIMIT = 20;

export interface RulesDoc {
  readonly data: RulesInputMap;
}

/** Documents visible to get()/exists() (and, for writes, their state after the write). */
export interface RulesDataSource {
  /** `documentPath` is relative to the database's documents, e.g. `users/u1`. */
  get(documentPath: string): RulesDoc | null;
  getAfter?(documentPath: string): RulesDoc | null;
}

/** Shared across the writes of one batch or transaction: at most 20 distinct lookups in total. */
export interface LookupBudget {
  readonly limit: number;
  used: number;
  readonly seen: Set<string>;
}

export function createBatchLookupBudget(): LookupBudget {
  return { limit: BATCH_LOOKUP_LIMIT, used: 0, seen: new Set() };
}

export type RulesAuth = { readonly uid: string; readonly token?: RulesInputMap } | null;

export type FirestoreWriteMethod = 'create' | 'update' | 'delete';

export interface FirestoreRulesRequest {
  readonly method: 'get' | FirestoreWriteMethod;
  /** Document path relative to /databases/{database}/documents, e.g. `cities/SF`. */
  readonly path: string;
  readonly database?: string;
  readonly auth: RulesAuth;
  /** The stored document's data, or null when it does not exist. */
  readonly resource: RulesInputMap | null;
  /** For create and update: the document's data as it would be after the write. */
  readonly requestResource?: RulesInputMap | null;
  readonly time?: TimeInput;
  /** Number of writes in the batch or transaction this write belongs to (1 when alone). */
  readonly batchSize?: number;
  /** Lookups shared by all writes of a batch; see createBatchLookupBudget(). */
  readonly batchBudget?: LookupBudget;
  /** Sees every evaluated expression (rules coverage). */
  readonly observer?: EvalObserver;
}

export type QueryFilterInput =
  | { readonly field: string; readonly op: QueryOp; readonly value?: RulesInput }
  | { readonly and: readonly QueryFilterInput[] }
  | { readonly or: readonly QueryFilterInput[] };

export interface FirestoreQuery {
  readonly where?: QueryFilterInput;
  readonly orderBy?: readonly { readonly field: string; readonly direction?: 'asc' | 'desc' }[];
  readonly limit?: number;
  readonly limitToLast?: number;
  readonly offset?: number;
}

export interface FirestoreQueryRequest {
  /** Collection path, e.g. `stories` or `users/u1/posts`. */
  readonly collectionPath?: string;
  /** Collection group id, e.g. `posts`; replaces collectionPath. */
  readonly collectionGroup?: string;
  /** Document under which a collection group query runs (all descendants); root when absent. */
  readonly parentPath?: string;
  readonly database?: string;
  readonly auth: RulesAuth;
  readonly time?: TimeInput;
  readonly query: FirestoreQuery;
  /** Sees every evaluated expression (rules coverage). */
  readonly observer?: EvalObserver;
}

export interface StorageObject {
  readonly name?: string;
  readonly bucket?: string;
  readonly size?: number | bigint;
  readonly contentType?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly md5Hash?: string;
  readonly crc32c?: string;
  readonly etag?: string;
  readonly generation?: number | bigint;
  readonly metageneration?: number | bigint;
  readonly timeCreated?: TimeInput;
  readonly updated?: TimeInput;
  readonly contentDisposition?: string;
  readonly contentEncoding?: string;
  readonly contentLanguage?: string;
}

export interface StorageRulesRequest {
  readonly method: 'get' | 'list' | 'create' | 'update' | 'delete';
  /** Object name (`images/a.png`), or for list the prefix being listed (`images`). */
  readonly path: string;
  readonly bucket?: string;
  readonly auth: RulesAuth;
  readonly resource: StorageObject | null;
  readonly requestResource?: StorageObject | null;
  readonly time?: TimeInput;
  /** Sees every evaluated expression (rules coverage). */
  readonly observer?: EvalObserver;
}

export interface TraceEntry {
  readonly line: number;
  readonly column: number;
  readonly methods: readonly Method[];
  readonly matchPath: string;
  readonly result: 'true' | 'false' | 'error' | 'unknown';
  readonly message?: string;
  /** For queries: the index of the query branch (disjunct) evaluated. */
  readonly branch?: number;
}

export interface Decision {
  readonly allowed: boolean;
  readonly explanation: string;
  readonly grantedBy?: { readonly line: number; readonly column: number; readonly method: Method; readonly methods: readonly Method[]; readonly matchPath: string };
  readonly trace: readonly TraceEntry[];
}

type RequestMethod = 'get' | 'list' | 'create' | 'update' | 'delete';

function covers(allowed: Method, method: RequestMethod): boolean {
  if (allowed === method) return true;
  if (allowed === 'read') return method === 'get' || method === 'list';
  if (allowed === 'write') return method === 'create' || method === 'update' || method === 'delete';
  return false;
}

interface Candidate {
  readonly allow: AllowStmt;
  readonly match: MatchCandidate;
  readonly method: Method;
}

function candidates(ruleset: Ruleset, items: readonly PathItem[], method: RequestMethod): Candidate[] {
  const out: Candidate[] = [];
  for (const match of findMatches(ruleset, items)) {
    for (const allow of match.block.allows) {
      const m = allow.methods.find((x) => covers(x, method));
      if (m !== undefined) out.push({ allow, match, method: m });
    }
  }
  out.sort((a, b) => a.allow.pos.line - b.allow.pos.line || a.allow.pos.col - b.allow.pos.col);
  return out;
}

function matchPathOf(c: MatchCandidate): string {
  return c.chain.map((b) => b.pathText).join('');
}

class Reader implements DocumentReader {
  private count = 0;
  private readonly cache = new Map<string, Value>();

  constructor(
    private readonly data: RulesDataSource | undefined,
    private readonly database: string,
    private readonly batch: LookupBudget | undefined,
  ) {}

  read(path: RPath, after: boolean): Value {
    const segs = path.segments;
    const docSegs: string[] = [];
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      if (typeof s !== 'string') throw new RulesEvalError('Document path has an unbound variable.');
      if (i >= 3) docSegs.push(s);
    }
    if (segs[0] !== 'databases' || segs[2] !== 'documents' || docSegs.length < 2 || docSegs.length % 2 !== 0 || docSegs.some((s) => s === '')) {
      throw new RulesEvalError(`Invalid document path: /${segs.join('/')}.`);
    }
    if (segs[1] !== this.database) throw new RulesEvalError(`Documents of database ${String(segs[1])} cannot be read from rules of database ${this.database}.`);
    if (this.data === undefined) throw new RulesEvalError('No document data source is available.');
    const docPath = docSegs.join('/');
    const key = `${after ? 'A' : 'G'}:${docPath}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    if (++this.count > LOOKUP_LIMIT) throw new RulesFatalError(`More than ${LOOKUP_LIMIT} document lookups (get/exists/getAfter/existsAfter) in one request.`);
    if (this.batch !== undefined && !this.batch.seen.has(key)) {
      this.batch.seen.add(key);
      if (++this.batch.used > this.batch.limit) throw new RulesFatalError(`More than ${this.batch.limit} document lookups in one batch or transaction.`);
    }
    const doc = after && this.data.getAfter !== undefined ? this.data.getAfter(docPath) : this.data.get(docPath);
    const value = doc === null ? null : resourceValue(docPath, doc.data, this.database);
    this.cache.set(key, value);
    return value;
  }
}

function resourceValue(docPath: string, data: RulesInputMap, database: string): RMap {
  const segs = docPath.split('/');
  return new RMap(
    new Map<string, Value>([
      ['__name__', documentPathValue(docPath, database)],
      ['id', segs[segs.length - 1] ?? ''],
      ['data', toMap(data)],
    ]),
  );
}

function authValue(auth: RulesAuth): Value {
  if (auth === null) return null;
  const token = toMap(auth.token ?? {});
  const entries = new Map(token.entries);
  if (!entries.has('sub')) entries.set('sub', auth.uid);
  return new RMap(
    new Map<string, Value>([
      ['uid', auth.uid],
      ['token', new RMap(entries)],
    ]),
  );
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function deny(explanation: string, trace: TraceEntry[] = []): Decision {
  return { allowed: false, explanation, trace };
}

function describe(result: ConditionResult): string {
  switch (result.kind) {
    case 'true':
      return 'true';
    case 'false':
      return 'false';
    case 'unknown':
      return 'not true for every document the query can return';
    default:
      return result.message;
  }
}

/**
 * Evaluates the candidates in order; the first definite `true` grants. Fatal errors (limits) deny.
 */
function run(cands: readonly Candidate[], method: RequestMethod, interp: Interpreter, trace: TraceEntry[], branch?: number): Decision {
  if (cands.length === 0) return deny('No matching allow statements', trace);
  const reasons: string[] = [];
  for (const c of cands) {
    let result: ConditionResult;
    try {
      result = c.allow.condition === null ? { kind: 'true' } : interp.condition(c.allow.condition, c.match.vars);
    } catch (x) {
      if (x instanceof RulesFatalError) {
        trace.push({ line: c.allow.pos.line, column: c.allow.pos.col, methods: c.allow.methods, matchPath: matchPathOf(c.match), result: 'error', message: x.message, ...(branch === undefined ? {} : { branch }) });
        return deny(`${x.message} for '${method}' @ L${c.allow.pos.line}`, trace);
      }
      throw x;
    }
    const entry: TraceEntry = {
      line: c.allow.pos.line,
      column: c.allow.pos.col,
      methods: c.allow.methods,
      matchPath: matchPathOf(c.match),
      result: result.kind,
      ...(result.kind === 'error' ? { message: result.message } : {}),
      ...(branch === undefined ? {} : { branch }),
    };
    trace.push(entry);
    if (result.kind === 'true') {
      return {
        allowed: true,
        explanation: `allowed by 'allow ${c.allow.methods.join(', ')}' for '${method}' @ L${c.allow.pos.line} (match ${entry.matchPath})`,
        grantedBy: { line: c.allow.pos.line, column: c.allow.pos.col, method: c.method, methods: c.allow.methods, matchPath: entry.matchPath },
        trace,
      };
    }
    reasons.push(`${describe(result)} for '${method}' @ L${c.allow.pos.line}`);
  }
  return deny(reasons.join(', '), trace);
}

function documentItems(database: string, path: string): PathItem[] {
  return ['databases', database, 'documents', ...splitPath(path)];
}

/** get, create, update and delete of one Firestore document. */
export function evaluateFirestore(ruleset: Ruleset, req: FirestoreRulesRequest, data?: RulesDataSource): Decision {
  if (ruleset.service !== 'firestore') return deny('These rules are not for service cloud.firestore.');
  const database = req.database ?? '(default)';
  const segs = splitPath(req.path);
  if (segs.length === 0 || segs.length % 2 !== 0) return deny(`Invalid document path '${req.path}'.`);
  try {
    const pathValue = documentPathValue(req.path, database);
    const isWrite = req.method === 'create' || req.method === 'update';
    const newData = req.requestResource ?? (isWrite ? {} : null);
    const request = new RMap(
      new Map<string, Value>([
        ['auth', authValue(req.auth)],
        ['method', req.method],
        ['path', pathValue],
        ['time', toTimestamp(req.time)],
        ['resource', isWrite && newData !== null ? resourceValue(segs.join('/'), newData, database) : null],
      ]),
    );
    const resource = req.resource === null ? null : resourceValue(segs.join('/'), req.resource, database);
    const interp = new Interpreter('firestore', request, resource, new Reader(data, database, req.batchBudget), false, undefined, req.observer);
    return run(candidates(ruleset, documentItems(database, req.path), req.method), req.method, interp, []);
  } catch (x) {
    if (x instanceof RulesEvalError) return deny(x.message);
    throw x;
  }
}

function toFilter(f: QueryFilterInput): Filter {
  if ('and' in f) return { and: f.and.map(toFilter) };
  if ('or' in f) return { or: f.or.map(toFilter) };
  return { field: parseFieldPath(f.field), op: f.op, value: f.value === undefined ? null : toValue(f.value) };
}

function queryValue(q: FirestoreQuery): RMap {
  const m = new Map<string, Value>();
  const limit = q.limit ?? q.limitToLast;
  if (limit !== undefined) m.set('limit', BigInt(limit));
  if (q.offset !== undefined) m.set('offset', BigInt(q.offset));
  const order = new Map<string, Value>();
  for (const o of q.orderBy ?? []) order.set(o.field, o.direction === 'desc' ? 'DESC' : 'ASC');
  m.set('orderBy', new RMap(order));
  return new RMap(m);
}

/** list: a query, decided from its constraints ("rules are not filters"). */
export function evaluateFirestoreQuery(ruleset: Ruleset, req: FirestoreQueryRequest, data?: RulesDataSource): Decision {
  if (ruleset.service !== 'firestore') return deny('These rules are not for service cloud.firestore.');
  const database = req.database ?? '(default)';
  let items: PathItem[];
  if (req.collectionGroup !== undefined) {
    if (ruleset.version === 1) return deny("Collection group queries need rules_version = '2'.");
    if (req.collectionGroup === '' || req.collectionGroup.includes('/')) return deny(`Invalid collection group '${req.collectionGroup}'.`);
    const parent = splitPath(req.parentPath ?? '');
    if (parent.length % 2 !== 0) return deny(`Invalid parent document '${req.parentPath ?? ''}'.`);
    items = ['databases', database, 'documents', ...parent, ANY_SEGMENTS, req.collectionGroup, ANY_ID];
  } else {
    const segs = splitPath(req.collectionPath ?? '');
    if (segs.length % 2 !== 1) return deny(`Invalid collection path '${req.collectionPath ?? ''}'.`);
    items = ['databases', database, 'documents', ...segs, ANY_ID];
  }
  let branches: QueryBranch[];
  let query: RMap;
  let time: Value;
  let auth: Value;
  try {
    const orderBy = (req.query.orderBy ?? []).map((o) => parseFieldPath(o.field));
    const filter = req.query.where === undefined ? undefined : toFilter(req.query.where);
    branches = toBranches(filter).map((atoms) => buildBranch(atoms, orderBy));
    query = queryValue(req.query);
    time = toTimestamp(req.time);
    auth = authValue(req.auth);
  } catch (x) {
    if (x instanceof RulesEvalError) return deny(x.message);
    throw x;
  }
  const cands = candidates(ruleset, items, 'list');
  if (cands.length === 0) return deny('No matching allow statements');
  const trace: TraceEntry[] = [];
  const reader = new Reader(data, database, undefined);
  let granted: Decision | undefined;
  for (let b = 0; b < branches.length; b++) {
    const branch = branches[b];
    if (branch === undefined) continue;
    const request = new RMap(
      new Map<string, Value>([
        ['auth', auth],
        ['method', 'list'],
        ['path', UNKNOWN],
        ['time', time],
        ['resource', null],
        ['query', query],
      ]),
    );
    const resource = new RMap(
      new Map<string, Value>([
        ['__name__', UNKNOWN],
        ['id', UNKNOWN],
        ['data', new RSymData(branch)],
      ]),
    );
    const interp = new Interpreter('firestore', request, resource, reader, true, undefined, req.observer);
    const d = run(cands, 'list', interp, trace, b);
    if (!d.allowed) {
      const which = branches.length > 1 ? ` (query disjunct ${b + 1} of ${branches.length})` : '';
      return deny(`${d.explanation}${which}`, trace);
    }
    granted ??= d;
  }
  return granted === undefined ? deny('Empty query.', trace) : { ...granted, trace };
}

function storageObjectValue(o: StorageObject, name: string, bucket: string, incoming: boolean): RMap {
  const m = new Map<string, Value>([
    ['name', o.name ?? name],
    ['bucket', o.bucket ?? bucket],
    ['metadata', toMap(o.metadata ?? {})],
  ]);
  const add = (k: string, v: RulesInput | undefined): void => {
    if (v !== undefined) m.set(k, toValue(v));
  };
  add('size', o.size === undefined ? undefined : BigInt(o.size));
  add('contentType', o.contentType);
  add('md5Hash', o.md5Hash);
  add('crc32c', o.crc32c);
  add('contentDisposition', o.contentDisposition);
  add('contentEncoding', o.contentEncoding);
  add('contentLanguage', o.contentLanguage);
  if (!incoming) {
    add('etag', o.etag);
    add('generation', o.generation === undefined ? undefined : BigInt(o.generation));
    add('metageneration', o.metageneration === undefined ? undefined : BigInt(o.metageneration));
    if (o.timeCreated !== undefined) m.set('timeCreated', toTimestamp(o.timeCreated));
    if (o.updated !== undefined) m.set('updated', toTimestamp(o.updated));
  }
  return new RMap(m);
}

/** Cloud Storage requests; `firestore.get()`/`firestore.exists()` read `data` (default database). */
export function evaluateStorage(ruleset: Ruleset, req: StorageRulesRequest, data?: RulesDataSource): Decision {
  if (ruleset.service !== 'storage') return deny('These rules are not for service firebase.storage.');
  const bucket = req.bucket ?? 'default-bucket';
  const segs = splitPath(req.path);
  if (segs.length === 0 && req.method !== 'list') return deny(`Invalid object name '${req.path}'.`);
  if (req.method === 'list' && ruleset.version === 1) return deny("Storage list requests need rules_version = '2'.");
  try {
    const isList = req.method === 'list';
    const isWrite = req.method === 'create' || req.method === 'update';
    const name = segs.join('/');
    const request = new RMap(
      new Map<string, Value>([
        ['auth', authValue(req.auth)],
        ['method', req.method],
        ['path', isList ? UNKNOWN : new RPath(segs, false)],
        ['time', toTimestamp(req.time)],
        ['resource', isWrite && req.requestResource !== undefined && req.requestResource !== null ? storageObjectValue(req.requestResource, name, bucket, true) : null],
        ['params', new RMap(new Map())],
      ]),
    );
    const resource: Value = isList ? UNKNOWN : req.resource === null ? null : storageObjectValue(req.resource, name, bucket, false);
    const items: PathItem[] = ['b', bucket, 'o', ...segs];
    if (isList) items.push(ANY_ID);
    const interp = new Interpreter('storage', request, resource, new Reader(data, '(default)', undefined), isList, undefined, req.observer);
    return run(candidates(ruleset, items, req.method), req.method, interp, []);
  } catch (x) {
    if (x instanceof RulesEvalError) return deny(x.message);
    throw x;
  }
}

// The bridge to the rules engine (src/rules): compiles a rules source and turns the emulator's
// access requests, documents and query structure into the engine's inputs. Everything here is
// conversion; the decisions and their explanations are the engine's.

import type { AccessRequest, Authorizer, AuthorizerFactory, DataSource, Decision, QueryAccessRequest } from './auth';
import type { Doc } from './document';
import { formatFieldPath, parseResourceName } from './paths';
import type { Filter, Query } from './query';
import { type Fields, type Json, type Value, microsToTimestamp } from './values';
import {
  type FirestoreQuery,
  type FirestoreRulesRequest,
  type LookupBudget,
  type QueryFilterInput,
  type QueryOp,
  type RulesAuth,
  type RulesDataSource,
  type RulesInput,
  type RulesInputMap,
  RBytes,
  RLatLng,
  RTimestamp,
  RulesCoverage,
  RulesFloat,
  RulesReference,
  createBatchLookupBudget,
  evaluateFirestore,
  evaluateFirestoreQuery,
  parseRuleset,
} from '../rules';

export function toRulesInput(v: Value): RulesInput {
  if ('nullValue' in v) return null;
  if ('booleanValue' in v) return v.booleanValue;
  if ('integerValue' in v) return BigInt(v.integerValue);
  if ('doubleValue' in v) return new RulesFloat(v.doubleValue);
  if ('timestampValue' in v) return new RTimestamp(v.timestampValue.seconds, v.timestampValue.nanos);
  if ('stringValue' in v) return v.stringValue;
  if ('bytesValue' in v) return new RBytes(v.bytesValue);
  if ('referenceValue' in v) {
    const name = parseResourceName(v.referenceValue);
    return new RulesReference(name.path, name.database);
  }
  if ('geoPointValue' in v) return new RLatLng(v.geoPointValue.latitude, v.geoPointValue.longitude);
  if ('arrayValue' in v) return v.arrayValue.values.map(toRulesInput);
  return fieldsToRules(v.mapValue.fields);
}

export function fieldsToRules(fields: Fields): RulesInputMap {
  const out: { [key: string]: RulesInput } = {};
  for (const [k, v] of Object.entries(fields)) out[k] = toRulesInput(v);
  return out;
}

function claimToRules(j: Json): RulesInput {
  if (Array.isArray(j)) return j.map(claimToRules);
  if (j !== null && typeof j === 'object') {
    const out: { [key: string]: RulesInput } = {};
    for (const [k, v] of Object.entries(j)) out[k] = claimToRules(v);
    return out;
  }
  return j;
}

function authToRules(auth: AccessRequest['auth']): RulesAuth {
  if (!auth) return null;
  const token: { [key: string]: RulesInput } = {};
  for (const [k, v] of Object.entries(auth.token)) token[k] = claimToRules(v);
  return { uid: auth.uid, token };
}

function timeToRules(micros: number): RTimestamp {
  const t = microsToTimestamp(micros);
  return new RTimestamp(t.seconds, t.nanos);
}

function docToRules(doc: Doc | null): { data: RulesInputMap } | null {
  return doc ? { data: fieldsToRules(doc.fields) } : null;
}

function dataSource(data: DataSource): RulesDataSource {
  return { get: (path) => docToRules(data.get(path)), getAfter: (path) => docToRules(data.getAfter(path)) };
}

const FIELD_OPS: Record<Extract<Filter, { kind: 'field' }>['op'], QueryOp> = {
  LESS_THAN: '<',
  LESS_THAN_OR_EQUAL: '<=',
  GREATER_THAN: '>',
  GREATER_THAN_OR_EQUAL: '>=',
  EQUAL: '==',
  NOT_EQUAL: '!=',
  ARRAY_CONTAINS: 'array-contains',
  IN: 'in',
  ARRAY_CONTAINS_ANY: 'array-contains-any',
  NOT_IN: 'not-in',
};

const UNARY_OPS: Record<Extract<Filter, { kind: 'unary' }>['op'], QueryOp> = {
  IS_NAN: 'is-nan',
  IS_NULL: 'is-null',
  IS_NOT_NAN: 'is-not-nan',
  IS_NOT_NULL: 'is-not-null',
};

export function filterToRules(f: Filter): QueryFilterInput {
  switch (f.kind) {
    case 'composite':
      return f.op === 'AND' ? { and: f.filters.map(filterToRules) } : { or: f.filters.map(filterToRules) };
    case 'field':
      return { field: formatFieldPath(f.field), op: FIELD_OPS[f.op], value: toRulesInput(f.value) };
    case 'unary':
      return { field: formatFieldPath(f.field), op: UNARY_OPS[f.op] };
  }
}

export function queryToRules(q: Query): FirestoreQuery {
  return {
    ...(q.filter ? { where: filterToRules(q.filter) } : {}),
    orderBy: q.explicitOrderBy.map((o) => ({ field: formatFieldPath(o.field), direction: o.descending ? 'desc' : 'asc' })),
    ...(q.limit !== undefined ? { limit: q.limit } : {}),
    ...(q.offset > 0 ? { offset: q.offset } : {}),
  };
}

function engineRequest(request: AccessRequest, coverage: RulesCoverage, budget?: LookupBudget): FirestoreRulesRequest {
  return {
    method: request.method,
    path: request.path,
    database: request.database,
    auth: authToRules(request.auth),
    resource: request.resource ? fieldsToRules(request.resource.fields) : null,
    requestResource: request.requestResource ? fieldsToRules(request.requestResource.fields) : null,
    time: timeToRules(request.time),
    batchSize: Math.max(1, request.writeCount),
    ...(budget ? { batchBudget: budget } : {}),
    observer: coverage.observer,
  };
}

/** The AuthorizerFactory backed by the project's rules engine; coverage is counted per project. */
export const compileRules: AuthorizerFactory = (source, fileName) => {
  const ruleset = parseRuleset(source, fileName);
  const coverageByProject = new Map<string, RulesCoverage>();
  const coverage = (project: string): RulesCoverage => {
    let c = coverageByProject.get(project);
    if (c === undefined) {
      c = new RulesCoverage(ruleset, source);
      coverageByProject.set(project, c);
    }
    return c;
  };
  const authorizer: Authorizer = {
    authorizeGet(request, data): Decision {
      return evaluateFirestore(ruleset, engineRequest(request, coverage(request.project)), dataSource(data));
    },
    authorizeWrites(requests, data): Decision {
      const ds = dataSource(data);
      const budget = createBatchLookupBudget();
      for (const request of requests) {
        const decision = evaluateFirestore(ruleset, engineRequest(request, coverage(request.project), budget), ds);
        if (!decision.allowed) return decision;
      }
      return { allowed: true, explanation: '' };
    },
    authorizeQuery(request: QueryAccessRequest, data): Decision {
      const q = request.query;
      return evaluateFirestoreQuery(
        ruleset,
        {
          ...(request.collectionGroup !== undefined ? { collectionGroup: request.collectionGroup, parentPath: q.parent } : { collectionPath: request.path }),
          database: request.database,
          auth: authToRules(request.auth),
          time: timeToRules(request.time),
          query: queryToRules(q),
          observer: coverage(request.project).observer,
        },
        dataSource(data),
      );
    },
    coverage(project: string) {
      return coverage(project).report();
    },
  };
  return authorizer;
};

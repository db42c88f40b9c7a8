// Test helpers: evaluate one rules expression as an allow condition, or whole rulesets against
// Firestore requests, without any emulator.

import {
  evaluateFirestore,
  evaluateFirestoreQuery,
  parseRuleset,
  type Decision,
  type FirestoreQuery,
  type RulesAuth,
  type RulesDataSource,
  type RulesInputMap,
} from '../../src/rules';

export type Outcome = 'true' | 'false' | 'error';

export interface ExprContext {
  readonly resource?: RulesInputMap | null;
  readonly auth?: RulesAuth;
  readonly docs?: Readonly<Record<string, RulesInputMap>>;
  readonly time?: string;
  readonly version?: 1 | 2;
  readonly functions?: string;
}

export function firestoreRules(body: string, version: 1 | 2 = 2): string {
  return `${version === 2 ? "rules_version = '2';\n" : ''}service cloud.firestore {\n  match /databases/{database}/documents {\n${body}\n  }\n}\n`;
}

export function docs(map: Readonly<Record<string, RulesInputMap>> = {}): RulesDataSource {
  return { get: (p) => (map[p] === undefined ? null : { data: map[p] }) };
}

/** Evaluates `expr` as the condition of `allow get` on /t/x and reports true, false or error. */
export function outcome(expr: string, ctx: ExprContext = {}): Outcome {
  const rules = firestoreRules(`${ctx.functions ?? ''}\n    match /t/{id} {\n      allow get: if ${expr};\n    }`, ctx.version ?? 2);
  const d = evaluateFirestore(
    parseRuleset(rules),
    { method: 'get', path: 't/x', auth: ctx.auth ?? null, resource: ctx.resource === undefined ? {} : ctx.resource, time: ctx.time ?? '2024-03-15T10:20:30.123456789Z' },
    docs(ctx.docs),
  );
  const first = d.trace[0];
  if (first === undefined) throw new Error(`no candidate evaluated: ${d.explanation}`);
  if (first.result === 'unknown') throw new Error('unexpected unknown in a concrete evaluation');
  return first.result;
}

/** Evaluates a list request on `collection` with `allow list: if <expr>`. */
export function listDecision(expr: string, query: FirestoreQuery, opts: { collection?: string; auth?: RulesAuth; functions?: string } = {}): Decision {
  const rules = firestoreRules(`${opts.functions ?? ''}\n    match /c/{id} {\n      allow list: if ${expr};\n    }`);
  return evaluateFirestoreQuery(parseRuleset(rules), { collectionPath: opts.collection ?? 'c', auth: opts.auth ?? null, query });
}

/**
 * Replays the access cases of one rules-tests/cases file through the `firebase` client SDK against the
 * offline emulator: each case is one test that clears the database, seeds `resource` and `docs` with rules
 * disabled, makes the request as the case's caller (get → getDoc, list → getDocs(query) with where / or /
 * orderBy / limit / limitToLast, create → setDoc on a missing document, update → setDoc over the seeded
 * document so that request.resource.data is the case's `data`, delete → deleteDoc) and checks the outcome
 * with assertSucceeds / assertFails. An allowed write is read back with rules disabled. A case the client
 * SDK cannot express (see cases.ts) is a pending test whose title says why; the run ends with a count.
 */
import assert from 'node:assert/strict';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  type DocumentData,
  type Firestore,
  type Query,
  type QueryConstraint,
  type QueryFieldFilterConstraint,
  type QueryNonFilterConstraint,
  and,
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  limitToLast,
  or,
  orderBy,
  query,
  setDoc,
  where,
} from 'firebase/firestore';
import { type AccessCase, type Clause, ValueConverter, loadCases } from './cases';
import { type Actor, clearData, clientFor, readWithoutRules, seed } from './env';

interface Tally {
  run: number;
  pending: Map<string, string[]>;
}

const tally: Tally = { run: 0, pending: new Map() };

/** The closing lines of a run: how many cases went through the SDK and which could not, and why. */
export function replaySummary(): string {
  const pendingCount = [...tally.pending.values()].reduce((n, ids) => n + ids.length, 0);
  const lines = [`rules replay: ${tally.run} access cases defined for the client SDK, ${pendingCount} pending (not expressible through the SDK)`];
  for (const [reason, ids] of tally.pending) lines.push(`  pending ${ids.length}: ${reason} — ${ids.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function actorOf(c: AccessCase): Actor {
  const a = c.request.auth;
  return a === null ? null : { uid: a.uid, ...(a.token ? { token: a.token } : {}) };
}

function describeActor(c: AccessCase): string {
  const a = c.request.auth;
  if (a === null) return 'signed out';
  const role = a.token?.role;
  const org = a.token?.orgId;
  return `${a.uid}${typeof role === 'string' ? ` (${role}${typeof org === 'string' ? `, ${org}` : ''})` : ' (no claims)'}`;
}

function target(c: AccessCase): string {
  return c.request.collectionGroup !== undefined ? `collection group ${c.request.collectionGroup}` : (c.request.path ?? '?');
}

interface Plan {
  /** Documents to seed, each built for the seeding Firestore instance. */
  readonly seeds: Map<string, (db: Firestore) => DocumentData>;
  /** Makes the request as the case's caller and checks the outcome. */
  readonly run: (db: Firestore) => Promise<void>;
}

function converterFor(c: AccessCase, db: Firestore | undefined): ValueConverter {
  return new ValueConverter(c.request.time, (path) => (db ? doc(db, path) : path));
}

function buildQuery(c: AccessCase, db: Firestore, conv: ValueConverter): Query {
  const r = c.request;
  const q = r.query ?? {};
  const base = r.collectionGroup !== undefined ? collectionGroup(db, r.collectionGroup) : collection(db, r.path ?? '');
  const filter = (w: Clause): QueryFieldFilterConstraint => where(w[0], w[1], conv.stored(w[2]));
  const rest: QueryNonFilterConstraint[] = [
    ...(q.orderBy ?? []).map((o) => orderBy(o[0], o[1] ?? 'asc')),
    ...(q.limit !== undefined ? [limit(q.limit)] : []),
    ...(q.limitToLast !== undefined ? [limitToLast(q.limitToLast)] : []),
  ];
  const wheres = (q.where ?? []).map(filter);
  if (q.or !== undefined) {
    const disjunction = or(...q.or.map((branch) => and(...branch.map(filter))));
    return query(base, wheres.length > 0 ? and(...wheres, disjunction) : disjunction, ...rest);
  }
  const constraints: QueryConstraint[] = [...wheres, ...rest];
  return query(base, ...constraints);
}

/** Problems that make the case inexpressible through the SDK (empty when it can be replayed). */
function problemsOf(c: AccessCase): string[] {
  const r = c.request;
  const conv = converterFor(c, undefined);
  for (const d of Object.values(r.docs ?? {})) conv.storedMap(d);
  if (r.resource) conv.storedMap(r.resource);
  if (r.data) conv.writtenMap(r.data, r.method === 'update' ? r.resource : undefined);
  for (const w of [...(r.query?.where ?? []), ...(r.query?.or ?? []).flat()]) conv.stored(w[2]);
  const problems = [...conv.problems];
  if (r.query?.offset !== undefined) problems.push('the client SDK has no offset() for queries');
  if ((r.method === 'create' || r.method === 'update') && !r.data) problems.push('a write case without data');
  if (r.method === 'update' && !r.resource) problems.push('an update of a missing document is a create for setDoc');
  if (r.method === 'create' && r.resource) problems.push('a create over an existing document is an update for setDoc');
  return problems;
}

function planOf(c: AccessCase): Plan {
  const r = c.request;
  const path = r.path ?? '';
  const seeds = new Map<string, (db: Firestore) => DocumentData>();
  for (const [p, d] of Object.entries(r.docs ?? {})) seeds.set(p, (db) => converterFor(c, db).storedMap(d));
  const resource = r.resource;
  if (resource) seeds.set(path, (db) => converterFor(c, db).storedMap(resource));
  const allowed = c.expect === 'ALLOW';
  const check = async <T>(request: Promise<T>): Promise<T | undefined> => {
    if (allowed) return assertSucceeds(request);
    await assertFails(request);
    return undefined;
  };
  const run = async (db: Firestore): Promise<void> => {
    const conv = converterFor(c, db);
    switch (r.method) {
      case 'get': {
        const snap = await check(getDoc(doc(db, path)));
        if (snap) assert.equal(snap.exists(), resource !== undefined, 'the document read is the seeded one');
        return;
      }
      case 'list':
        await check(getDocs(buildQuery(c, db, conv)));
        return;
      case 'create':
      case 'update': {
        const data = r.data ?? {};
        await check(setDoc(doc(db, path), conv.writtenMap(data, r.method === 'update' ? resource : undefined)));
        if (allowed) {
          const stored = await readWithoutRules(path);
          assert.deepEqual(Object.keys(stored ?? {}).sort(), Object.keys(data).sort(), 'the write is stored with the fields written');
        }
        return;
      }
      case 'delete':
        await check(deleteDoc(doc(db, path)));
        if (allowed) assert.equal(await readWithoutRules(path), undefined, 'the document is deleted');
        return;
    }
  };
  return { seeds, run };
}

/** Defines one test per case of rules-tests/cases/<file>. */
export function replayCases(file: string): void {
  const cases = loadCases(file);
  describe(`access cases of rules-tests/cases/${file} through the client SDK`, () => {
    for (const c of cases) {
      const title = `${c.id}: ${c.expect === 'ALLOW' ? 'allows' : 'denies'} ${c.request.method} ${target(c)} as ${describeActor(c)}`;
      tally.run++;
      const problems = problemsOf(c);
      if (problems.length > 0) {
        for (const p of problems) tally.pending.set(p, [...(tally.pending.get(p) ?? []), `${file}:${c.id}`]);
        it(`${title} — pending, not expressible through the client SDK: ${problems.join('; ')}`);
        continue;
      }
      it(title, async () => {
        const plan = planOf(c);
        await clearData();
        await seed(plan.seeds);
        await plan.run(clientFor(actorOf(c)));
      });
    }
  });
}

// Benchmark of the rules engine (run: npx tsx emulator/bench/rules.bench.ts). Reports the median
// evaluation time of a typical get, a create with field validation and a list query, against a
// ruleset shaped like this project's data model (DESIGN.md §3) and against the repository's
// firestore.rules, plus the time to parse a 1,000-line ruleset. Targets: ≤ 50 µs per evaluation
// without get() calls, ≤ 50 ms to parse 1,000 lines. A report, not a test: it always exits 0.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateFirestore, evaluateFirestoreQuery, parseRuleset, RTimestamp, type Decision, type Ruleset } from '../src/rules';

const MODEL_RULES = `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    function signedIn() { return request.auth != null; }
    function isOwner(uid) { return signedIn() && request.auth.uid == uid; }
    function role() { return request.auth.token.get('role', 'student'); }
    function isStaff(orgId) { return signedIn() && role() in ['counselor', 'admin'] && request.auth.token.orgId == orgId; }

    match /users/{uid} {
      allow get: if isOwner(uid) || isStaff(resource.data.orgId);
      allow update: if isOwner(uid)
        && request.resource.data.diff(resource.data).affectedKeys().hasOnly(['language', 'timezone', 'prefs', 'consent']);

      match /entries/{entryId} {
        function validEntry(d) {
          let kinds = ['mood', 'journal', 'gratitude', 'sleep', 'breathing'];
          return d.keys().hasAll(['kind', 'createdAt'])
            && d.keys().hasOnly(['kind', 'createdAt', 'mood', 'emotions', 'text', 'hours', 'quality', 'pattern', 'durationSec'])
            && d.kind in kinds
            && d.createdAt == request.time
            && (d.kind != 'mood' || (d.mood is int && d.mood >= 1 && d.mood <= 5 && d.get('emotions', []) is list && d.get('emotions', []).size() <= 10))
            && (d.kind != 'journal' || (d.text is string && d.text.size() <= 5000))
            && (d.kind != 'sleep' || (d.hours is number && d.quality is int && d.quality >= 1 && d.quality <= 10));
        }
        allow read, delete: if isOwner(uid);
        allow create: if isOwner(uid) && validEntry(request.resource.data);
        allow update: if isOwner(uid) && validEntry(request.resource.data)
          && request.resource.data.kind == resource.data.kind
          && request.resource.data.createdAt == resource.data.createdAt;
      }
    }

    match /forumPosts/{postId} {
      function moderator() { return signedIn() && role() in ['volunteer', 'counselor', 'admin']; }
      allow list: if signedIn() && request.query.limit <= 50
        && (resource.data.status == 'visible' || resource.data.authorUid == request.auth.uid || moderator());
      allow get: if signedIn() && (resource.data.status == 'visible' || resource.data.authorUid == request.auth.uid);
      allow create: if signedIn()
        && request.resource.data.keys().hasOnly(['authorUid', 'alias', 'title', 'body', 'tags', 'status', 'createdAt'])
        && request.resource.data.authorUid == request.auth.uid
        && request.resource.data.status == 'pending'
        && request.resource.data.title is string && request.resource.data.title.size() <= 200
        && request.resource.data.body is string && request.resource.data.body.size() <= 5000;
    }

    match /{document=**} {
      allow read, write: if false;
    }
  }
}
`;

const now = new RTimestamp(1_767_225_600, 0);
const student = { uid: 'u1', token: { role: 'student', orgId: 'org1' } };

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function time(fn: () => unknown, iterations: number): number {
  for (let i = 0; i < Math.min(2000, iterations); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start));
  }
  return median(samples);
}

interface Scenario {
  readonly name: string;
  readonly run: () => Decision;
}

function scenarios(rs: Ruleset): Scenario[] {
  return [
    {
      name: 'get users/{uid} (owner)',
      run: () => evaluateFirestore(rs, { method: 'get', path: 'users/u1', auth: student, resource: { alias: 'Calm Otter 42', role: 'student', orgId: 'org1', language: 'en' }, time: now }),
    },
    {
      name: 'create users/{uid}/entries (validated mood entry)',
      run: () =>
        evaluateFirestore(rs, {
          method: 'create',
          path: 'users/u1/entries/e1',
          auth: student,
          resource: null,
          requestResource: { kind: 'mood', mood: 4, emotions: ['calm', 'hopeful'], createdAt: now },
          time: now,
        }),
    },
    {
      name: "list forumPosts where status == 'visible' limit 20",
      run: () =>
        evaluateFirestoreQuery(rs, {
          collectionPath: 'forumPosts',
          auth: student,
          time: now,
          query: { where: { field: 'status', op: '==', value: 'visible' }, orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: 20 },
        }),
    },
  ];
}

function generatedRules(lines: number): string {
  const blocks: string[] = [];
  let count = 4;
  for (let i = 0; count < lines; i++) {
    blocks.push(`    match /collection${i}/{docId} {
      function valid${i}(d) {
        return d.keys().hasOnly(['a', 'b', 'c']) && d.a is string && d.a.size() <= 100
          && d.b is int && d.b >= 0 && d.get('c', null) == null;
      }
      allow read: if request.auth != null && resource.data.owner == request.auth.uid;
      allow create: if request.auth != null && valid${i}(request.resource.data);
      allow update: if request.auth != null && valid${i}(request.resource.data)
        && request.resource.data.diff(resource.data).affectedKeys().hasOnly(['a', 'b']);
    }`);
    count += 10;
  }
  return `rules_version = '2';\nservice cloud.firestore {\n  match /databases/{database}/documents {\n${blocks.join('\n')}\n  }\n}\n`;
}

function report(label: string, ns: number, targetNs: number, unit: 'µs' | 'ms'): void {
  const value = unit === 'µs' ? ns / 1e3 : ns / 1e6;
  const target = unit === 'µs' ? targetNs / 1e3 : targetNs / 1e6;
  const verdict = ns <= targetNs ? 'ok' : 'OVER TARGET';
  console.log(`  ${label.padEnd(56)} ${value.toFixed(unit === 'µs' ? 1 : 2).padStart(8)} ${unit}  (target ≤ ${target} ${unit}, ${verdict})`);
}

function main(): void {
  console.log('rules engine benchmark (median)');
  const model = parseRuleset(MODEL_RULES);
  console.log(' ruleset shaped like DESIGN.md §3:');
  for (const s of scenarios(model)) {
    const d = s.run();
    report(`${s.name} → ${d.allowed ? 'ALLOW' : 'DENY'}`, time(s.run, 20_000), 50_000, 'µs');
  }
  const projectFile = join(__dirname, '..', '..', 'firestore.rules');
  if (existsSync(projectFile)) {
    const project = parseRuleset(readFileSync(projectFile, 'utf8'), 'firestore.rules');
    console.log(' repository firestore.rules:');
    for (const s of scenarios(project)) {
      const d = s.run();
      report(`${s.name} → ${d.allowed ? 'ALLOW' : 'DENY'}`, time(s.run, 20_000), 50_000, 'µs');
    }
  }
  const source = generatedRules(1000);
  const lines = source.split('\n').length;
  report(`parse a ${lines}-line ruleset`, time(() => parseRuleset(source), 50), 50_000_000, 'ms');
}

main();

// Rules coverage of storage.rules from the Storage access cases (rules-tests/storage-cases/*.json): every
// case is evaluated by the project's rules engine with a coverage observer, and its decision is checked
// against the case's `expect` (the same outcome `rules:check` gives). Prints the text report (each allow
// statement and condition with its true / false counts, flagged when never true or never false) and exits 1
// when a case disagrees or a condition was not exercised both ways. Needs the emulator built
// (`npm run build -w emulator`). The Firestore rules' coverage comes from the client-SDK suite instead
// (`npm run rules:coverage`).
// Usage: node rules-tests/storage-coverage.mjs [--quiet]   (--quiet: summary and flagged lines only)

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const LIB = join(ROOT, 'emulator', 'lib', 'rules', 'index.js');
const quiet = process.argv.includes('--quiet');

if (!existsSync(LIB)) {
  console.error('storage-coverage: the rules engine is not built: run `npm run build -w emulator` first');
  process.exit(1);
}
const { parseRuleset, evaluateStorage, RulesCoverage, formatCoverageText, summarizeCoverage } = createRequire(import.meta.url)(LIB);

const source = readFileSync(join(ROOT, 'storage.rules'), 'utf8');
const ruleset = parseRuleset(source, 'storage.rules');
const coverage = new RulesCoverage(ruleset, source);

/** A case's stored or written object as the engine takes it (timestamps given as `{__timestamp__}` or ISO text). */
function object(v) {
  if (v === undefined || v === null) return null;
  const out = { ...v };
  for (const k of ['timeCreated', 'updated']) if (out[k] && typeof out[k] === 'object') out[k] = out[k].__timestamp__;
  return out;
}

let cases = 0;
const disagreements = [];
for (const name of readdirSync(join(HERE, 'storage-cases')).filter((f) => f.endsWith('.json')).sort()) {
  for (const c of JSON.parse(readFileSync(join(HERE, 'storage-cases', name), 'utf8')).cases) {
    const r = c.request;
    const decision = evaluateStorage(ruleset, {
      method: r.method,
      path: r.path,
      ...(r.bucket === undefined ? {} : { bucket: r.bucket }),
      auth: r.auth === null || r.auth === undefined ? null : { uid: r.auth.uid, token: { ...(r.auth.token ?? {}) } },
      resource: object(r.resource),
      requestResource: object(r.data),
      time: r.time,
      observer: coverage.observer,
    });
    cases++;
    const got = decision.allowed ? 'ALLOW' : 'DENY';
    if (got !== c.expect) disagreements.push(`${name} ${c.id}: expected ${c.expect}, got ${got} (${decision.explanation})`);
  }
}

const report = coverage.report();
const text = formatCoverageText(report);
console.log(quiet ? text.split('\n').filter((l, i) => i < 3 || /NEVER|NOT EVALUATED/.test(l)).join('\n') : text);
const summary = summarizeCoverage(report);
for (const d of disagreements) console.log(`  FAIL ${d}`);
const flagged = text.split('\n').filter((l) => /NEVER|NOT EVALUATED/.test(l)).length;
console.log(`storage-coverage: ${cases} cases, ${disagreements.length} disagreeing; ${flagged} conditions not exercised both ways`);
if (!quiet) console.log(JSON.stringify(summary));
process.exitCode = disagreements.length === 0 && flagged === 0 ? 0 : 1;

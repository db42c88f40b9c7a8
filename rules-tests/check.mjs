// Runs every access case file through the project's rules engine (`rules:check`): rules-tests/cases/*.json
// against firestore.rules and rules-tests/storage-cases/*.json against storage.rules. Prints each case
// that disagrees with its `expect` (with the engine's reason) and a count per file; exits 1 on any
// disagreement. Needs the emulator built (`npm run build -w emulator`).
// Usage: node rules-tests/check.mjs [--verbose]

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const CLI = join(ROOT, 'emulator', 'lib', 'rules', 'cli.js');
const verbose = process.argv.includes('--verbose');

function run(rulesFile, casesFile) {
  try {
    return execFileSync(process.execPath, [CLI, '--rules', rulesFile, casesFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (e.status === 1 && typeof e.stdout === 'string') return e.stdout;
    throw e;
  }
}

let total = 0;
let failed = 0;
for (const [dir, rules] of [['cases', 'firestore.rules'], ['storage-cases', 'storage.rules']]) {
  const rulesFile = join(ROOT, rules);
  for (const name of readdirSync(join(HERE, dir)).filter((f) => f.endsWith('.json')).sort()) {
    const file = join(HERE, dir, name);
    const expected = new Map(JSON.parse(readFileSync(file, 'utf8')).cases.map((c) => [c.id, c.expect]));
    const results = run(rulesFile, file).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    let bad = 0;
    for (const r of results) {
      const want = expected.get(r.id);
      if (want !== r.result) {
        bad++;
        console.log(`  FAIL ${dir}/${name} ${r.id}: expected ${want}, got ${r.result} (${r.reason})`);
      } else if (verbose) {
        console.log(`  ok   ${dir}/${name} ${r.id}: ${r.result}`);
      }
    }
    if (results.length !== expected.size) throw new Error(`${dir}/${name}: ${expected.size} cases but ${results.length} results`);
    total += results.length;
    failed += bad;
    console.log(`${bad === 0 ? 'pass' : 'FAIL'} ${dir}/${name}: ${results.length - bad}/${results.length}`);
  }
}
console.log(`${total - failed} of ${total} cases as expected${failed === 0 ? '' : `, ${failed} not`}.`);
process.exitCode = failed === 0 ? 0 : 1;

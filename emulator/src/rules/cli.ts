// rules:check — runs rules cases (../shared/conformance/README.md format) through the engine.
// Usage: rules:check [--rules FILE] CASES.json
// Prints one JSON line per case {"id","result","reason"}; exits 1 if any case with an `expect`
// disagrees, 2 on a usage or input error.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseCaseFile, runCase, RulesetCache } from './cases';

function usage(message: string): never {
  console.error(`${message}\nUsage: rules:check [--rules FILE] CASES.json`);
  process.exit(2);
}

function main(argv: readonly string[]): number {
  let rulesFile: string | undefined;
  let casesFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rules') {
      rulesFile = argv[++i];
      if (rulesFile === undefined) usage('--rules needs a file.');
    } else if (a !== undefined && a.startsWith('--rules=')) {
      rulesFile = a.slice('--rules='.length);
    } else if (a !== undefined && !a.startsWith('--') && casesFile === undefined) {
      casesFile = a;
    } else {
      usage(`Unexpected argument '${a ?? ''}'.`);
    }
  }
  if (casesFile === undefined) usage('Missing CASES.json.');
  let cases;
  let defaultRules: { source: string; fileName: string } | undefined;
  try {
    cases = parseCaseFile(JSON.parse(readFileSync(casesFile, 'utf8')));
    if (rulesFile !== undefined) defaultRules = { source: readFileSync(rulesFile, 'utf8'), fileName: basename(rulesFile) };
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const cache = new RulesetCache();
  let mismatches = 0;
  for (const c of cases) {
    const r = runCase(c, defaultRules, cache);
    process.stdout.write(`${JSON.stringify(r)}\n`);
    if (c.expect !== undefined && c.expect !== r.result) mismatches++;
  }
  if (mismatches > 0) console.error(`${mismatches} of ${cases.length} cases disagree with their expected result.`);
  return mismatches > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));

// `npm run rules:coverage`: runs the client-SDK rules suite (functions/.mocharc.rules.json) against one
// offline Firestore emulator started here, then reads the emulator's coverage of firestore.rules for the
// suite's project (`GET /emulator/v1/projects/{p}:ruleCoverage` and `:ruleCoverage.html`, as Google's
// emulator serves them), prints the text report (every allow statement with its true / false / error
// counts, flagged when never true or never false, and the percentages) and writes
// coverage/rules-coverage.html and coverage/rules-coverage.json. Exits with the suite's exit code.
// Needs the emulator built (`npm run build -w emulator`).
// Usage: node scripts/rules-coverage.mjs [--quiet]   (--quiet: only the summary lines, flagged allows and the
// conditions not exercised both ways)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run } from './lib/stack.mjs';

const PROJECT = 'demo-rules-sdk';
const CLI = join(ROOT, 'emulator', 'lib', 'server', 'cli.js');
const REPORT = join(ROOT, 'emulator', 'lib', 'rules', 'coverage-report.js');
const OUT = join(ROOT, 'coverage');
const quiet = process.argv.includes('--quiet');

function startEmulator() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--host', '127.0.0.1', '--port', '0', '--project', PROJECT, '--rules', join(ROOT, 'firestore.rules')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const onData = (chunk) => {
      tail = (tail + chunk.toString()).slice(-4000);
      const m = /ready on (\S+):(\d+)/.exec(tail);
      if (m) {
        child.off('exit', onExit);
        resolve({ child, address: `${m[1]}:${m[2]}` });
      }
    };
    const onExit = (code) => reject(new Error(`the Firestore emulator exited (${code}) before it was ready:\n${tail}`));
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', onExit);
  });
}

async function fetchText(url) {
  const res = await fetch(url);
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${text}`);
  return text;
}

async function main() {
  if (!existsSync(CLI) || !existsSync(REPORT)) throw new Error('the offline Firestore emulator is not built: run `npm run build -w emulator` first');
  const { formatCoverageText } = await import(REPORT);
  const { child, address } = await startEmulator();
  try {
    console.log(`rules:coverage: running the client-SDK rules suite against the emulator at ${address}`);
    const code = await run('npx', ['mocha', '--config', '.mocharc.rules.json'], {
      cwd: join(ROOT, 'functions'),
      env: { ...process.env, RULES_EMULATOR_HOST: address },
    });
    const base = `http://${address}/emulator/v1/projects/${PROJECT}:ruleCoverage`;
    const json = await fetchText(base);
    const html = await fetchText(`${base}.html`);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'rules-coverage.json'), json);
    writeFileSync(join(OUT, 'rules-coverage.html'), html);
    const text = formatCoverageText(JSON.parse(json));
    const shown = quiet ? text.split('\n').filter((l, i) => i < 3 || /^\s+!|NEVER (TRUE|FALSE)|NOT EVALUATED/.test(l)).join('\n') : text;
    console.log(`\n${shown}`);
    console.log(`rules:coverage: wrote ${join('coverage', 'rules-coverage.html')} and ${join('coverage', 'rules-coverage.json')}`);
    return code;
  } finally {
    child.kill('SIGTERM');
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`rules:coverage: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  },
);

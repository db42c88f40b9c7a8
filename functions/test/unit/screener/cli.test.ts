/**
 * The screening CLI as a user runs it: `npm run --silent screen` spawned from the repository root with
 * JSON lines on stdin. Stdout must hold exactly one JSON line per input, in order, and nothing else; bad
 * lines give error lines (with the id when there is one) and never stop the run. GEMINI_API_KEY is
 * removed from the child's environment, so only the deterministic layer runs.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'zod';

const ROOT = join(__dirname, '..', '..', '..', '..');

const outputSchema = z.union([
  z.object({ id: z.union([z.string(), z.number()]), level: z.enum(['none', 'low', 'moderate', 'high', 'imminent']), reasons: z.array(z.string()) }).strict(),
  z.object({ id: z.union([z.string(), z.number()]).optional(), error: z.string().min(1) }).strict(),
]);

function runCli(stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.GEMINI_API_KEY;
    const child = spawn('npm', ['run', '--silent', 'screen'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('screen CLI (npm run --silent screen)', function () {
  this.timeout(60_000);

  it('answers every input line with one JSON line, in order, and survives bad lines', async () => {
    const input = [
      JSON.stringify({ id: 'm1', text: "I bought a rope and I'm going to hang myself tonight" }),
      JSON.stringify({ id: 'm2', text: 'this exam is killing me 😂' }),
      'this is not json',
      JSON.stringify({ id: 'm3' }),
      '',
      JSON.stringify({ text: 'no id here' }),
      JSON.stringify({ id: 7, text: 'मैं मरना चाहता हूँ' }),
      JSON.stringify({ id: 'm5', text: 'ma marna chahanchu' }),
      '[1,2,3]',
      JSON.stringify({ id: 'm6', text: 'we studied suicide prevention in class today' }),
    ].join('\n');
    const { code, stdout } = await runCli(`${input}\n`);
    assert.equal(code, 0);
    const lines = stdout.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 9, 'one line per non-blank input and nothing else on stdout');
    const out = lines.map((l) => outputSchema.parse(JSON.parse(l)));
    const level = (i: number) => {
      const o = out[i];
      return o && 'level' in o ? o.level : undefined;
    };
    assert.deepEqual(out[0] && 'level' in out[0] ? [out[0].id, out[0].level] : undefined, ['m1', 'imminent']);
    assert.ok(out[0] && 'reasons' in out[0] && out[0].reasons.length > 0);
    assert.notEqual(level(1), 'high');
    assert.notEqual(level(1), 'imminent');
    assert.ok(out[2] && 'error' in out[2] && !('id' in out[2]));
    assert.ok(out[3] && 'error' in out[3] && out[3].id === 'm3');
    assert.ok(out[4] && 'error' in out[4] && !('id' in out[4]));
    assert.equal(out[5] && 'id' in out[5] ? out[5].id : undefined, 7);
    assert.equal(level(5), 'high');
    assert.equal(level(6), 'high');
    assert.ok(out[7] && 'error' in out[7]);
    assert.equal(level(8), 'none');
  });

  it('writes nothing for empty input and exits 0', async () => {
    const { code, stdout } = await runCli('');
    assert.equal(code, 0);
    assert.equal(stdout, '');
  });
});

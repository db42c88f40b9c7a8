/**
 * `npm run --silent screen`: JSON lines `{"id","text"}` on stdin → one JSON line `{"id","level","reasons"}`
 * per input on stdout (a bad line gives `{"id"?,"error"}` and the run goes on). Deterministic screening only,
 * unless GEMINI_API_KEY is set (then the model layer too; GEMINI_MODEL picks the model). Nothing else is
 * written to stdout: log lines go to stderr.
 */
import { createInterface } from 'node:readline';
import { captureLogs } from '../src/platform/log';
import { createGeminiModel } from '../src/platform/providers/gemini';
import { screen } from '../src/safety/screener';
import { screenLines, type ScreenLinesDeps } from '../src/safety/screen-lines';

async function main(): Promise<void> {
  const logs = captureLogs();
  const flushLogs = () => {
    for (const line of logs.lines) process.stderr.write(`${JSON.stringify({ severity: line.severity, event: line.event, ...line.fields })}\n`);
    logs.lines.length = 0;
  };
  const apiKey = process.env.GEMINI_API_KEY ?? '';
  const deps: ScreenLinesDeps = apiKey === '' ? { screen } : { screen, model: createGeminiModel({ apiKey, model: process.env.GEMINI_MODEL ?? 'gemini-2.0-flash' }) };
  const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
  await screenLines(deps, input, (line) => {
    process.stdout.write(`${line}\n`);
    flushLogs();
  });
  flushLogs();
}

main().catch((err: unknown) => {
  process.stderr.write(`screen: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

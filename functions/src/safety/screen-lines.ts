/**
 * The screening CLI's core (`npm run --silent screen`, functions/scripts/screen.ts): JSON lines
 * `{"id","text"}` in, one JSON line `{"id","level","reasons"}` out per input, in input order. Only the
 * deterministic screener runs unless a language model is given (then the layers combine as in the pipeline:
 * the model never lowers the level, and a failure keeps the deterministic level with `model-pending`).
 * A line that is not JSON or lacks a string `text` gives `{"id"?,"error"}` (the id when one can be read) and
 * the run goes on. Blank lines are skipped.
 */
import { z } from 'zod';
import type { RiskLevel } from '../model/schemas';
import type { LanguageModel } from '../platform/providers/types';
import { screenWithModel } from './model-screen';
import { combineVerdicts, type DeterministicScreener } from './verdict';

/** Longest text the CLI screens (a longer one is an error line). */
export const CLI_TEXT_MAX = 20_000;

const idSchema = z.union([z.string().max(256), z.number()]);
const inputSchema = z.object({ id: idSchema, text: z.string().max(CLI_TEXT_MAX) });

export type ScreenLineOutput =
  | { id: string | number; level: RiskLevel; reasons: string[] }
  | { id?: string | number; error: string };

export interface ScreenLinesDeps {
  screen: DeterministicScreener;
  /** Present only when GEMINI_API_KEY is set. */
  model?: LanguageModel;
}

function parseJson(line: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(line) };
  } catch {
    return { ok: false };
  }
}

/** The answer to one input line; undefined for a blank line. Never throws. */
export async function screenLine(deps: ScreenLinesDeps, line: string): Promise<ScreenLineOutput | undefined> {
  if (line.trim() === '') return undefined;
  const json = parseJson(line);
  if (!json.ok) return { error: 'line is not JSON' };
  const parsed = inputSchema.safeParse(json.value);
  if (!parsed.success) {
    const id = typeof json.value === 'object' && json.value !== null && 'id' in json.value ? idSchema.safeParse(json.value.id) : undefined;
    const problem = parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
    return { ...(id?.success === true ? { id: id.data } : {}), error: `expected {"id": string|number, "text": string}: ${problem}` };
  }
  const { id, text } = parsed.data;
  try {
    const rules = deps.screen(text);
    if (!deps.model) return { id, level: rules.level, reasons: [...rules.reasons] };
    const verdict = combineVerdicts(rules, await screenWithModel(deps.model, { text }));
    return { id, level: verdict.level, reasons: verdict.reasons };
  } catch {
    return { id, error: 'screening failed' };
  }
}

/** Screens every line of `lines`, writing one JSON line per input through `write`, in order. */
export async function screenLines(deps: ScreenLinesDeps, lines: AsyncIterable<string>, write: (jsonLine: string) => void): Promise<number> {
  let count = 0;
  for await (const line of lines) {
    const out = await screenLine(deps, line);
    if (out === undefined) continue;
    write(JSON.stringify(out));
    count += 1;
  }
  return count;
}

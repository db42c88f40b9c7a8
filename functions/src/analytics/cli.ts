/**
 * Arguments of the backfill script (`npm run rollup -- --from YYYY-MM-DD --to YYYY-MM-DD [--org ID]
 * [--project ID] [--rebuild-ack]`) and its progress lines (pure). The script itself is functions/scripts/rollup.ts.
 */
import { z } from 'zod';
import { daySchema, orgIdSchema } from '../model/schemas';
import { formatIssues } from '../platform/validation';
import type { BackfillProgress } from './rollup';
import { daysFrom } from './schedule';

/** Longest range one invocation rolls up. */
export const MAX_BACKFILL_DAYS = 366;

const argsSchema = z
  .object({
    from: daySchema,
    to: daySchema,
    org: orgIdSchema.optional(),
    project: z.string().regex(/^[a-z0-9-]{4,40}$/, 'must be a project id').optional(),
    'rebuild-ack': z.literal(true).optional(),
  })
  .strict()
  .refine((a) => a.from <= a.to, { message: '--from must not be after --to', path: ['from'] })
  .refine((a) => daysFrom(a.from, a.to).length <= MAX_BACKFILL_DAYS, { message: `at most ${String(MAX_BACKFILL_DAYS)} days at a time`, path: ['to'] });
export type RollupArgs = z.infer<typeof argsSchema>;

export const ROLLUP_USAGE =
  'usage: npm run rollup -- --from YYYY-MM-DD --to YYYY-MM-DD [--org ORG_ID] [--project PROJECT_ID] [--rebuild-ack]\n' +
  '  --rebuild-ack  first rebuild each day\'s acknowledgement histogram from its risk events (1 read per event)';

/** Flags that take no value. */
const SWITCHES = new Set(['--rebuild-ack']);

/** `--name value` pairs and switches → arguments; a readable message for anything else. */
export function parseRollupArgs(argv: readonly string[]): { ok: true; args: RollupArgs } | { ok: false; message: string } {
  const raw: Record<string, string | true> = {};
  let i = 0;
  while (i < argv.length) {
    const flag = argv[i] ?? '';
    if (SWITCHES.has(flag)) {
      raw[flag.slice(2)] = true;
      i += 1;
      continue;
    }
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined || value.startsWith('--')) return { ok: false, message: `expected --name value pairs, got "${flag}"` };
    raw[flag.slice(2)] = value;
    i += 2;
  }
  if (raw.from === undefined || raw.to === undefined) return { ok: false, message: '--from and --to are both required' };
  const parsed = argsSchema.safeParse(raw);
  return parsed.success ? { ok: true, args: parsed.data } : { ok: false, message: formatIssues(parsed.error).join('; ') };
}

/** One line of progress for a backfilled org-day: counts only, never an id other than the org's. */
export function progressLine(p: BackfillProgress, done: number, total: number): string {
  const head = `[${String(done)}/${String(total)}] ${p.orgId} ${p.day}`;
  if (p.kind === 'skipped') return `${head} skipped (${p.why === 'day-not-over' ? 'the day has not ended in the org timezone' : 'no such org'})`;
  const shown = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
  const ack = p.ackRebuilt === undefined ? '' : ` (acknowledgement histogram rebuilt from ${String(p.ackRebuilt)} events)`;
  return `${head} written: active ${shown(p.doc.activeStudents)}, entries ${shown(p.doc.totals?.entries)}, risk events ${shown(p.doc.totals?.riskEvents)}, bookings ${shown(p.doc.totals?.bookings)}${ack}`;
}

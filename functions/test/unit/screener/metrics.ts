/**
 * The screener metrics over a labelled set, per language and overall (pure):
 * crisis recall (high/imminent labels screened at least high), imminent recognition (imminent labels
 * screened imminent), concern (moderate labels screened at least moderate), benign raised (none/low labels
 * screened high or above) and third-party tagging (concern about someone else flagged `thirdParty`).
 */
import { riskRank, type RiskLevel } from '../../../src/model/schemas';
import type { ScreenResult } from '../../../src/safety/screener';
import type { LabelLang, Labelled } from './labelled-set';

export const TARGETS = { crisisRecall: 0.97, imminentRecall: 0.8, concernRecall: 0.85, benignRaised: 0.03 } as const;

export interface Ratio {
  hits: number;
  of: number;
}

export interface Metrics {
  crisisRecall: Ratio;
  imminentRecall: Ratio;
  concernRecall: Ratio;
  benignRaised: Ratio;
  thirdPartyTagged: Ratio;
  /** Cases that count against a metric, for the failure message. */
  misses: Array<{ text: string; want: RiskLevel; got: RiskLevel; reasons: readonly string[] }>;
}

export const rate = (r: Ratio): number => (r.of === 0 ? NaN : r.hits / r.of);

const atLeast = (got: RiskLevel, level: RiskLevel) => riskRank(got) >= riskRank(level);

/** Only a case's text, label and whether it is about someone else count. */
export type Measured = Pick<Labelled, 'text' | 'level' | 'thirdParty'>;

export function measure(cases: readonly Measured[], screen: (text: string) => ScreenResult): Metrics {
  const m: Metrics = {
    crisisRecall: { hits: 0, of: 0 },
    imminentRecall: { hits: 0, of: 0 },
    concernRecall: { hits: 0, of: 0 },
    benignRaised: { hits: 0, of: 0 },
    thirdPartyTagged: { hits: 0, of: 0 },
    misses: [],
  };
  for (const c of cases) {
    const r = screen(c.text);
    let miss = false;
    if (c.level === 'high' || c.level === 'imminent') {
      m.crisisRecall.of += 1;
      if (atLeast(r.level, 'high')) m.crisisRecall.hits += 1;
      else miss = true;
    }
    if (c.level === 'imminent') {
      m.imminentRecall.of += 1;
      if (r.level === 'imminent') m.imminentRecall.hits += 1;
      else miss = true;
    }
    if (c.level === 'moderate') {
      m.concernRecall.of += 1;
      if (atLeast(r.level, 'moderate')) m.concernRecall.hits += 1;
      else miss = true;
    }
    if (c.level === 'none' || c.level === 'low') {
      m.benignRaised.of += 1;
      if (atLeast(r.level, 'high')) {
        m.benignRaised.hits += 1;
        miss = true;
      }
    }
    if (c.thirdParty) {
      m.thirdPartyTagged.of += 1;
      if (r.thirdParty && atLeast(r.level, 'moderate')) m.thirdPartyTagged.hits += 1;
      else miss = true;
    }
    if (miss) m.misses.push({ text: c.text, want: c.level, got: r.level, reasons: r.reasons });
  }
  return m;
}

export const LANGS: readonly LabelLang[] = ['en', 'hi-Latn', 'hi', 'ne', 'ne-Latn'];

const pct = (r: Ratio) => (r.of === 0 ? '   -  ' : `${(100 * rate(r)).toFixed(1).padStart(5)}%`);

/** A table of the metrics per language and overall. */
export function report(title: string, cases: readonly Labelled[], screen: (text: string) => ScreenResult): { table: string; byLang: Map<LabelLang | 'all', Metrics> } {
  const byLang = new Map<LabelLang | 'all', Metrics>();
  const lines = [`${title} (${String(cases.length)} messages)`, '  lang      n   crisis≥.97  imminent≥.80  concern≥.85  benign→high≤.03  third-party'];
  for (const lang of [...LANGS, 'all' as const]) {
    const subset = lang === 'all' ? cases : cases.filter((c) => c.lang === lang);
    const m = measure(subset, screen);
    byLang.set(lang, m);
    lines.push(
      `  ${lang.padEnd(8)} ${String(subset.length).padStart(3)}   ${pct(m.crisisRecall)}      ${pct(m.imminentRecall)}       ${pct(m.concernRecall)}      ${pct(m.benignRaised)}          ${pct(m.thirdPartyTagged)}`,
    );
  }
  return { table: lines.join('\n'), byLang };
}

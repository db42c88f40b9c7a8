// Reading a rules coverage report (coverage.ts): per-node counts, a summary with percentages, the
// text listing `npm run rules:coverage` prints (every allow statement with its counts, flagged when
// never true or never false), and the HTML page served at `:ruleCoverage.html` (the summary, the
// allow table, and the rules source with a marker at every condition). Pure functions of the report.

import type { CoverageNode, CoverageOutcome, CoverageReport } from './coverage';

export type OutcomeCounts = Record<CoverageOutcome, number>;

export function countsOf(node: CoverageNode): OutcomeCounts {
  const c: OutcomeCounts = { true: 0, false: 0, error: 0, unknown: 0 };
  for (const { value, count } of node.values) {
    if ('boolValue' in value) c[value.boolValue ? 'true' : 'false'] += count;
    else if ('constraintValue' in value) c.unknown += count;
    else c.error += count;
  }
  return c;
}

/** Evaluations that did not grant: false, error, or a query condition not proven. */
export function notTrue(c: OutcomeCounts): number {
  return c.false + c.error + c.unknown;
}

export type NodeStatus = 'both' | 'never-true' | 'never-false' | 'not-evaluated';

/** A constant `false` allow (functions only) is fully covered once it has been evaluated. */
export function statusOf(node: CoverageNode): NodeStatus {
  const c = countsOf(node);
  if (c.true + notTrue(c) === 0) return 'not-evaluated';
  if (node.constant === true) return 'both';
  if (c.true === 0) return 'never-true';
  if (notTrue(c) === 0) return 'never-false';
  return 'both';
}

export interface CoverageTally {
  readonly total: number;
  readonly evaluated: number;
  /** Both true and not true (for a constant allow: evaluated). */
  readonly both: number;
}

export interface CoverageSummary {
  readonly allows: CoverageTally & { readonly constant: number };
  /** Every node: allows, boolean function bodies and their sub-expressions. */
  readonly conditions: CoverageTally;
}

function walk(nodes: readonly CoverageNode[], visit: (n: CoverageNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walk(n.children, visit);
  }
}

function tally(nodes: readonly CoverageNode[]): CoverageTally {
  let evaluated = 0;
  let both = 0;
  for (const n of nodes) {
    const s = statusOf(n);
    if (s !== 'not-evaluated') evaluated++;
    if (s === 'both') both++;
  }
  return { total: nodes.length, evaluated, both };
}

export function allNodes(report: CoverageReport): CoverageNode[] {
  const out: CoverageNode[] = [];
  walk(report.report, (n) => out.push(n));
  return out;
}

export function summarizeCoverage(report: CoverageReport): CoverageSummary {
  const allows = report.report.filter((n) => n.kind === 'allow');
  return {
    allows: { ...tally(allows), constant: allows.filter((n) => n.constant === true).length },
    conditions: tally(allNodes(report)),
  };
}

export function percent(part: number, total: number): string {
  return total === 0 ? '100.0%' : `${((100 * part) / total).toFixed(1)}%`;
}

const FLAG: Record<NodeStatus, string> = {
  both: '',
  'never-true': 'NEVER TRUE',
  'never-false': 'NEVER FALSE',
  'not-evaluated': 'NOT EVALUATED',
};

function countsText(c: OutcomeCounts): string {
  const parts = [`true ${c.true}`, `false ${c.false}`];
  if (c.error > 0) parts.push(`error ${c.error}`);
  if (c.unknown > 0) parts.push(`unknown ${c.unknown}`);
  return parts.join(', ');
}

function where(n: CoverageNode): string {
  return `L${n.sourcePosition.line}:${n.sourcePosition.column}`;
}

/** The plain-text report: summary, every allow statement, then every sub-expression not fully covered. */
export function formatCoverageText(report: CoverageReport): string {
  const s = summarizeCoverage(report);
  const file = report.rules.files[0]?.name ?? 'rules';
  const lines: string[] = [
    `Rules coverage of ${file}`,
    `  allow statements: ${s.allows.total}; evaluated ${s.allows.evaluated} (${percent(s.allows.evaluated, s.allows.total)}); ` +
      `true and not true ${s.allows.both} (${percent(s.allows.both, s.allows.total)}; ${s.allows.constant} constant 'if false' count once evaluated)`,
    `  conditions (allows, boolean functions, operands of && || ! ?:): ${s.conditions.total}; evaluated ${s.conditions.evaluated} ` +
      `(${percent(s.conditions.evaluated, s.conditions.total)}); true and not true ${s.conditions.both} (${percent(s.conditions.both, s.conditions.total)})`,
    '',
    'Allow statements:',
  ];
  for (const n of report.report) {
    if (n.kind !== 'allow') continue;
    const flag = FLAG[statusOf(n)];
    const head = `allow ${(n.methods ?? []).join(', ')}${n.constant === true ? ' (constant)' : ''}`;
    lines.push(`  ${flag === '' ? ' ' : '!'} ${where(n).padEnd(9)} ${head.padEnd(34)} ${countsText(countsOf(n)).padEnd(44)} ${n.matchPath ?? ''}${flag ? `  ${flag}` : ''}`);
  }
  const partial = allNodes(report).filter((n) => n.kind !== 'allow' && statusOf(n) !== 'both');
  lines.push('', `Sub-expressions not both true and not true: ${partial.length}`);
  for (const n of partial) {
    const label = n.kind === 'function' ? `function ${n.name ?? ''}` : n.text;
    lines.push(`    ${where(n).padEnd(9)} ${FLAG[statusOf(n)].padEnd(13)} ${countsText(countsOf(n)).padEnd(40)} ${label}`);
  }
  return `${lines.join('\n')}\n`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;margin:12px 0}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
pre{font:12px/1.5 ui-monospace,monospace;background:#fafafa;border:1px solid #ddd;padding:8px;overflow-x:auto}
.ln{color:#999;display:inline-block;width:4em;text-align:right;margin-right:1em;user-select:none}
.m{font-size:10px;border-radius:3px;padding:0 3px;margin-right:1px;vertical-align:1px}
.both{background:#c8f0c8}.never-true,.never-false{background:#ffe08a}.not-evaluated{background:#ffb3b3}`;

function marker(n: CoverageNode): string {
  const c = countsOf(n);
  const s = statusOf(n);
  const title = `${n.kind === 'function' ? `function ${n.name ?? ''}: ` : ''}${countsText(c)}${FLAG[s] ? ` (${FLAG[s]})` : ''}`;
  return `<span class="m ${s}" title="${escapeHtml(title)}">${c.true}/${notTrue(c)}</span>`;
}

/** A self-contained HTML page: summary, allow table, annotated source. */
export function renderCoverageHtml(report: CoverageReport, project: string): string {
  const s = summarizeCoverage(report);
  const file = report.rules.files[0];
  const byLine = new Map<number, CoverageNode[]>();
  for (const n of allNodes(report)) {
    const list = byLine.get(n.sourcePosition.line) ?? [];
    list.push(n);
    byLine.set(n.sourcePosition.line, list);
  }
  const source = (file?.content ?? '').split('\n').map((text, i) => {
    const byColumn = new Map<number, CoverageNode[]>();
    for (const n of byLine.get(i + 1) ?? []) byColumn.set(n.sourcePosition.column, [...(byColumn.get(n.sourcePosition.column) ?? []), n]);
    let html = '';
    let end = text.length;
    for (const col of [...byColumn.keys()].sort((a, b) => b - a)) {
      html = (byColumn.get(col) ?? []).map(marker).join('') + escapeHtml(text.slice(col - 1, end)) + html;
      end = col - 1;
    }
    return `<span class="ln">${i + 1}</span>${escapeHtml(text.slice(0, end))}${html}`;
  });
  const rows = report.report
    .filter((n) => n.kind === 'allow')
    .map((n) => {
      const c = countsOf(n);
      const st = statusOf(n);
      return `<tr><td>L${n.sourcePosition.line}</td><td>${escapeHtml((n.methods ?? []).join(', '))}</td><td>${escapeHtml(n.matchPath ?? '')}</td>` +
        `<td class="n">${c.true}</td><td class="n">${c.false}</td><td class="n">${c.error}</td><td class="n">${c.unknown}</td>` +
        `<td><span class="m ${st}">${st === 'both' ? 'ok' : FLAG[st]}</span></td></tr>`;
    });
  return `<!doctype html><html><head><meta charset="utf-8"><title>Rules coverage: ${escapeHtml(project)}</title><style>${CSS}</style></head><body>
<h1>Rules coverage: ${escapeHtml(file?.name ?? 'rules')} (project ${escapeHtml(project)})</h1>
<p>Allow statements: ${s.allows.total}; evaluated ${s.allows.evaluated} (${percent(s.allows.evaluated, s.allows.total)}); true and not true ${s.allows.both} (${percent(s.allows.both, s.allows.total)}; constant <code>if false</code> statements count once evaluated).<br>
Conditions (allows, boolean functions, operands of <code>&amp;&amp; || ! ?:</code>): ${s.conditions.total}; evaluated ${s.conditions.evaluated} (${percent(s.conditions.evaluated, s.conditions.total)}); true and not true ${s.conditions.both} (${percent(s.conditions.both, s.conditions.total)}).</p>
<p>Markers show <b>true/not-true</b> counts at the first character of each condition: <span class="m both">ok</span> both seen, <span class="m never-true">one-sided</span> never true or never false, <span class="m not-evaluated">never evaluated</span>. Hover for false, error and unknown (query) counts.</p>
<table><tr><th>line</th><th>allow</th><th>match</th><th>true</th><th>false</th><th>error</th><th>unknown</th><th></th></tr>
${rows.join('\n')}
</table>
<pre>${source.join('\n')}</pre>
</body></html>
`;
}

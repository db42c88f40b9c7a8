// Rules coverage: how often each `allow` condition of a ruleset and each of its boolean
// sub-expressions evaluated to true, false, an error, or (in a query) unknown. The conditions are
// the allow expressions, the bodies of functions that return a bool, and inside them every operand
// of `&&`, `||`, `!` and `?:` (a chain `a && b && c` is one node with three children). The
// interpreter reports every evaluated expression to an EvalObserver; RulesCoverage keeps the counts
// of the conditions and builds the report the emulator serves at `:ruleCoverage`, in the shape of
// Google's emulator: `{ rules: { files }, report: [ { sourcePosition, values, children } ] }`
// (`values` holds `{ value: { boolValue } , count }`, `{ value: {} }` for errors and
// `{ value: { constraintValue: {} } }` for query conditions that were neither proven nor refuted).

import type { Expr, FunctionDecl, MatchBlock, Method, Ruleset } from './ast';
import type { EvalObserver } from './interpreter';
import { isSymbolic, type Value } from './values';

export type CoverageOutcome = 'true' | 'false' | 'error' | 'unknown';

export type CoverageValue =
  | { readonly boolValue: boolean }
  | { readonly constraintValue: Record<string, never> }
  | Record<string, never>;

export interface CoverageNode {
  readonly kind: 'allow' | 'function' | 'condition';
  /** 1-based line and column of the expression's first character; offset from the file start. */
  readonly sourcePosition: { readonly line: number; readonly column: number; readonly currentOffset: number };
  /** The source from the expression's start to the end of its line (at most 120 characters). */
  readonly text: string;
  readonly values: readonly { readonly value: CoverageValue; readonly count: number }[];
  readonly children: readonly CoverageNode[];
  /** For an allow: its methods, its match path, and whether its condition is a constant. */
  readonly methods?: readonly Method[];
  readonly matchPath?: string;
  readonly constant?: boolean;
  /** For a function body: the function's name. */
  readonly name?: string;
}

export interface CoverageReport {
  readonly rules: { readonly files: readonly { readonly name: string; readonly content: string }[] };
  /** Roots in source order: every allow statement with a condition and every boolean function. */
  readonly report: readonly CoverageNode[];
}

type Counts = Record<CoverageOutcome, number>;

interface Shape {
  readonly expr: Expr;
  readonly kind: CoverageNode['kind'];
  readonly children: readonly Shape[];
  readonly methods?: readonly Method[];
  readonly matchPath?: string;
  readonly name?: string;
}

const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=', 'in']);
const BOOL_METHODS: ReadonlySet<string> = new Set(['hasAll', 'hasAny', 'hasOnly', 'matches']);
const BOOL_BUILTINS: ReadonlySet<string> = new Set(['exists', 'existsAfter', 'bool']);

/** Whether an expression is a bool by its form (user functions: by their body). */
function isBoolean(e: Expr, seen: Set<FunctionDecl>): boolean {
  switch (e.kind) {
    case 'and':
    case 'or':
    case 'is':
      return true;
    case 'unary':
      return e.op === '!';
    case 'binary':
      return COMPARISONS.has(e.op);
    case 'lit':
      return typeof e.value === 'boolean';
    case 'cond':
      return isBoolean(e.then, seen) && isBoolean(e.otherwise, seen);
    case 'method':
      return BOOL_METHODS.has(e.name);
    case 'bcall':
      return BOOL_BUILTINS.has(e.name);
    case 'ucall': {
      if (seen.has(e.fn)) return false;
      seen.add(e.fn);
      try {
        return isBoolean(e.fn.body, seen);
      } finally {
        seen.delete(e.fn);
      }
    }
    default:
      return false;
  }
}

function chainOperands(e: Expr, kind: 'and' | 'or', out: Expr[]): Expr[] {
  if (e.kind === kind) {
    chainOperands(e.left, kind, out);
    chainOperands(e.right, kind, out);
  } else {
    out.push(e);
  }
  return out;
}

function conditionChildren(e: Expr): Shape[] {
  const node = (x: Expr): Shape => ({ expr: x, kind: 'condition', children: conditionChildren(x) });
  switch (e.kind) {
    case 'and':
    case 'or':
      return chainOperands(e.left, e.kind, []).concat(chainOperands(e.right, e.kind, [])).map(node);
    case 'unary':
      return e.op === '!' ? [node(e.operand)] : [];
    case 'cond':
      return [e.test, e.then, e.otherwise].map(node);
    default:
      return [];
  }
}

/** The first character of an expression (binary nodes are positioned at their operator). */
function startOf(e: Expr): { line: number; col: number } {
  switch (e.kind) {
    case 'and':
    case 'or':
    case 'binary':
      return startOf(e.left);
    case 'is':
      return startOf(e.operand);
    case 'cond':
      return startOf(e.test);
    case 'method':
    case 'member':
    case 'index':
    case 'slice':
      return startOf(e.object);
    case 'nscall':
      return { line: e.pos.line, col: Math.max(1, e.pos.col - e.ns.length) };
    default:
      return e.pos;
  }
}

function collectShapes(rs: Ruleset): Shape[] {
  const shapes: Shape[] = [];
  const fn = (f: FunctionDecl): void => {
    if (isBoolean(f.body, new Set([f]))) shapes.push({ expr: f.body, kind: 'function', name: f.name, children: conditionChildren(f.body) });
  };
  const visit = (m: MatchBlock, prefix: string): void => {
    const matchPath = prefix + m.pathText;
    m.functions.forEach(fn);
    for (const a of m.allows) {
      if (a.condition === null) continue;
      shapes.push({ expr: a.condition, kind: 'allow', methods: a.methods, matchPath, children: conditionChildren(a.condition) });
    }
    for (const child of m.children) visit(child, matchPath);
  };
  rs.functions.forEach(fn);
  for (const m of rs.matches) visit(m, '');
  const key = (s: Shape): number => {
    const p = startOf(s.expr);
    return p.line * 100000 + p.col;
  };
  return shapes.sort((a, b) => key(a) - key(b));
}

function emptyCounts(): Counts {
  return { true: 0, false: 0, error: 0, unknown: 0 };
}

function valuesOf(c: Counts): CoverageNode['values'] {
  const out: { value: CoverageValue; count: number }[] = [];
  if (c.true > 0) out.push({ value: { boolValue: true }, count: c.true });
  if (c.false > 0) out.push({ value: { boolValue: false }, count: c.false });
  if (c.error > 0) out.push({ value: {}, count: c.error });
  if (c.unknown > 0) out.push({ value: { constraintValue: {} }, count: c.unknown });
  return out;
}

/** Counts for one ruleset (one project); give `observer` to the engine's requests. */
export class RulesCoverage {
  private readonly counts = new Map<Expr, Counts>();
  private readonly shapes: readonly Shape[];
  private readonly lineStarts: readonly number[];
  private readonly fileName: string;

  readonly observer: EvalObserver = {
    value: (e: Expr, v: Value): void => {
      const c = this.counts.get(e);
      if (c === undefined) return;
      if (v === true) c.true++;
      else if (v === false) c.false++;
      else if (isSymbolic(v)) c.unknown++;
      else c.error++;
    },
    error: (e: Expr): void => {
      const c = this.counts.get(e);
      if (c !== undefined) c.error++;
    },
  };

  constructor(
    ruleset: Ruleset,
    private readonly source: string,
  ) {
    this.fileName = ruleset.fileName;
    this.shapes = collectShapes(ruleset);
    const track = (s: Shape): void => {
      this.counts.set(s.expr, emptyCounts());
      s.children.forEach(track);
    };
    this.shapes.forEach(track);
    const starts = [0];
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
    this.lineStarts = starts;
  }

  /** The counts so far, in the report shape. */
  report(): CoverageReport {
    const node = (s: Shape): CoverageNode => {
      const p = startOf(s.expr);
      const offset = (this.lineStarts[p.line - 1] ?? 0) + p.col - 1;
      const lineEnd = this.source.indexOf('\n', offset);
      const text = this.source.slice(offset, lineEnd < 0 ? this.source.length : lineEnd).trimEnd().slice(0, 120);
      return {
        kind: s.kind,
        sourcePosition: { line: p.line, column: p.col, currentOffset: offset },
        text,
        values: valuesOf(this.counts.get(s.expr) ?? emptyCounts()),
        children: s.children.map(node),
        ...(s.methods ? { methods: s.methods } : {}),
        ...(s.matchPath !== undefined ? { matchPath: s.matchPath } : {}),
        ...(s.kind === 'allow' ? { constant: s.expr.kind === 'lit' } : {}),
        ...(s.name !== undefined ? { name: s.name } : {}),
      };
    };
    return { rules: { files: [{ name: this.fileName, content: this.source }] }, report: this.shapes.map(node) };
  }
}

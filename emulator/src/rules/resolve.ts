// Second compile pass: binds every identifier to a local slot, a match-variable slot, a global
// (`request`, `resource`), a user function or a built-in, and enforces the documented structural
// limits (nested match depth, path length, capture variables, function arguments, let bindings,
// recursive-wildcard placement per rules_version). Functions see the functions and match
// variables of the scope where they are declared, declared before or after them.

import type { Expr, FunctionDecl, MatchBlock, Pos, Ruleset } from './ast';
import { RulesSyntaxError } from './errors';

export const LIMITS = {
  matchDepth: 10,
  pathSegments: 100,
  captureVariables: 20,
  functionArgs: 7,
  letBindings: 10,
} as const;

const GLOBAL_FUNCTIONS: ReadonlySet<string> = new Set(['int', 'float', 'string', 'bool', 'path', 'debug']);
const FIRESTORE_FUNCTIONS: ReadonlySet<string> = new Set(['get', 'exists', 'getAfter', 'existsAfter']);
const NAMESPACES: ReadonlySet<string> = new Set(['math', 'hashing', 'duration', 'timestamp', 'latlng']);

interface Scope {
  readonly parent: Scope | null;
  readonly functions: ReadonlyMap<string, FunctionDecl>;
  readonly vars: ReadonlyMap<string, number>;
}

interface Frame {
  readonly locals: ReadonlyMap<string, number>;
}

export function resolveRuleset(rs: Ruleset): Ruleset {
  const r = new Resolver(rs);
  r.run();
  return rs;
}

class Resolver {
  private maxSlots = 0;

  constructor(private readonly rs: Ruleset) {}

  private error(message: string, pos: Pos): never {
    throw new RulesSyntaxError(message, pos.line, pos.col, this.rs.fileName);
  }

  run(): void {
    const root: Scope = { parent: null, functions: this.functionMap(this.rs.functions), vars: new Map() };
    this.resolveFunctions(this.rs.functions, root);
    for (const m of this.rs.matches) this.resolveMatch(m, root, 1, 0, 0);
    this.rs.slotCount = this.maxSlots;
  }

  private functionMap(fns: readonly FunctionDecl[]): Map<string, FunctionDecl> {
    const map = new Map<string, FunctionDecl>();
    for (const f of fns) {
      if (map.has(f.name)) this.error(`Duplicate function '${f.name}' in the same scope.`, f.pos);
      if (f.params.length > LIMITS.functionArgs) this.error(`Function '${f.name}' has more than ${LIMITS.functionArgs} arguments.`, f.pos);
      if (f.lets.length > LIMITS.letBindings) this.error(`Function '${f.name}' has more than ${LIMITS.letBindings} let bindings.`, f.pos);
      map.set(f.name, f);
    }
    return map;
  }

  private resolveMatch(m: MatchBlock, parent: Scope, depth: number, slotBase: number, segmentsSoFar: number): void {
    if (depth > LIMITS.matchDepth) this.error(`Match statements are nested more than ${LIMITS.matchDepth} deep.`, m.pos);
    const segmentTotal = segmentsSoFar + m.segments.length;
    if (segmentTotal > LIMITS.pathSegments) this.error(`Match path is longer than ${LIMITS.pathSegments} segments.`, m.pos);
    const vars = new Map<string, number>();
    let rest = 0;
    m.segments.forEach((seg, i) => {
      if (seg.kind === 'lit') return;
      if (seg.kind === 'rest') {
        rest++;
        if (rest > 1) this.error('A match statement can have at most one recursive wildcard.', m.pos);
        if (this.rs.version === 1 && i !== m.segments.length - 1) {
          this.error("Recursive wildcards must come at the end of a match statement (rules_version = '1').", m.pos);
        }
      }
      if (vars.has(seg.name)) this.error(`Duplicate path variable '${seg.name}'.`, m.pos);
      vars.set(seg.name, slotBase + vars.size);
    });
    m.slotBase = slotBase;
    const nextSlot = slotBase + vars.size;
    if (nextSlot > LIMITS.captureVariables) this.error(`More than ${LIMITS.captureVariables} path variables in nested match statements.`, m.pos);
    this.maxSlots = Math.max(this.maxSlots, nextSlot);
    const scope: Scope = { parent, functions: this.functionMap(m.functions), vars };
    this.resolveFunctions(m.functions, scope);
    for (const a of m.allows) {
      if (a.condition !== null) a.condition = this.expr(a.condition, scope, null);
    }
    for (const child of m.children) this.resolveMatch(child, scope, depth + 1, nextSlot, segmentTotal);
  }

  private resolveFunctions(fns: readonly FunctionDecl[], scope: Scope): void {
    for (const f of fns) {
      const locals = new Map<string, number>();
      f.params.forEach((p, i) => locals.set(p, i));
      for (const l of f.lets) {
        l.expr = this.expr(l.expr, scope, { locals });
        if (locals.has(l.name)) this.error(`'${l.name}' is already defined in function '${f.name}'.`, l.pos);
        locals.set(l.name, locals.size);
      }
      f.body = this.expr(f.body, scope, { locals });
    }
  }

  private lookupVar(name: string, scope: Scope): number | undefined {
    for (let s: Scope | null = scope; s !== null; s = s.parent) {
      const slot = s.vars.get(name);
      if (slot !== undefined) return slot;
    }
    return undefined;
  }

  private lookupFunction(name: string, scope: Scope): FunctionDecl | undefined {
    for (let s: Scope | null = scope; s !== null; s = s.parent) {
      const f = s.functions.get(name);
      if (f !== undefined) return f;
    }
    return undefined;
  }

  private isShadowed(name: string, scope: Scope, frame: Frame | null): boolean {
    return (frame !== null && frame.locals.has(name)) || this.lookupVar(name, scope) !== undefined;
  }

  private expr(e: Expr, scope: Scope, frame: Frame | null): Expr {
    const r = (x: Expr): Expr => this.expr(x, scope, frame);
    switch (e.kind) {
      case 'lit':
        return e;
      case 'list':
        return { ...e, items: e.items.map(r) };
      case 'map':
        return { ...e, entries: e.entries.map((en) => ({ key: r(en.key), value: r(en.value) })) };
      case 'path':
        return { ...e, parts: e.parts.map((p) => ('expr' in p ? { expr: r(p.expr) } : p)) };
      case 'ident': {
        const local = frame?.locals.get(e.name);
        if (local !== undefined) return { kind: 'local', slot: local, name: e.name, pos: e.pos };
        const slot = this.lookupVar(e.name, scope);
        if (slot !== undefined) return { kind: 'matchvar', slot, name: e.name, pos: e.pos };
        if (e.name === 'request' || e.name === 'resource') return { kind: 'global', name: e.name, pos: e.pos };
        return { kind: 'unbound', name: e.name, pos: e.pos };
      }
      case 'member':
        return { ...e, object: r(e.object) };
      case 'index':
        return { ...e, object: r(e.object), index: r(e.index) };
      case 'slice':
        return { ...e, object: r(e.object), start: e.start === null ? null : r(e.start), end: e.end === null ? null : r(e.end) };
      case 'call': {
        const args = e.args.map(r);
        const fn = this.lookupFunction(e.name, scope);
        if (fn !== undefined) return { kind: 'ucall', fn, args, pos: e.pos };
        const builtin = GLOBAL_FUNCTIONS.has(e.name) || (this.rs.service === 'firestore' && FIRESTORE_FUNCTIONS.has(e.name));
        return { kind: 'bcall', name: builtin ? e.name : `?${e.name}`, args, pos: e.pos };
      }
      case 'method': {
        const args = e.args.map(r);
        if (e.object.kind === 'ident' && !this.isShadowed(e.object.name, scope, frame)) {
          const ns = e.object.name;
          if (NAMESPACES.has(ns) || (ns === 'firestore' && this.rs.service === 'storage')) {
            return { kind: 'nscall', ns, name: e.name, args, pos: e.pos };
          }
        }
        return { ...e, object: r(e.object), args };
      }
      case 'unary':
        return { ...e, operand: r(e.operand) };
      case 'binary':
        return { ...e, left: r(e.left), right: r(e.right) };
      case 'and':
      case 'or':
        return { ...e, left: r(e.left), right: r(e.right) };
      case 'is':
        return { ...e, operand: r(e.operand) };
      case 'cond':
        return { ...e, test: r(e.test), then: r(e.then), otherwise: r(e.otherwise) };
      default:
        return e;
    }
  }
}

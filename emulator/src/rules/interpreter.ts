// Expression evaluator. Errors are RulesEvalError (absorbed by `&&`/`||` when the other side
// decides, otherwise they make the `allow` false); limits raise RulesFatalError, which denies
// the request. In symbolic mode (queries) values may be UNKNOWN or query-constrained fields:
// `&&`, `||` and `!` then use four-valued logic (true, false, error, unknown) and only a
// definite `true` grants.

import type { Expr, FunctionDecl, ServiceKind } from './ast';
import { callGlobal, callNamespace } from './builtins';
import { fail, RulesEvalError, RulesFatalError } from './errors';
import { callMethod } from './methods';
import { codePointLength, codePointSlice, hasSurrogates } from './strings';
import { symCompare, symEquals, symIn, symIs, symMember, symMethod } from './symbolic';
import { addDuration, addDurations, subtractTimestamps } from './time';
import {
  checkInt,
  compareValues,
  containsValue,
  INT_MIN,
  isSymbolic,
  PathVar,
  RDuration,
  RList,
  RMap,
  RPath,
  RSet,
  RSymData,
  RSymField,
  RTimestamp,
  RUnknown,
  typeOf,
  UNKNOWN,
  UNKNOWN_SIGNAL,
  valuesEqual,
  type PathSegment,
  type Value,
} from './values';

export const MAX_CALL_DEPTH = 20;
export const MAX_EXPRESSIONS = 1000;

/** Reads other documents for get()/exists()/getAfter()/existsAfter(), counting the limit. */
export interface DocumentReader {
  /** The document as a resource map (`__name__`, `id`, `data`), or null when it does not exist. */
  read(path: RPath, after: boolean): Value;
}

/** Outcome of one `allow` condition. */
export type ConditionResult =
  | { readonly kind: 'true' }
  | { readonly kind: 'false' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'error'; readonly message: string };

/** Sees the result of every expression evaluated (coverage); errors are reported before they propagate. */
export interface EvalObserver {
  value(e: Expr, v: Value): void;
  error(e: Expr): void;
}

const ERR = { error: true } as const;
type Logical = boolean | RUnknown | { readonly error: true; message?: string };

export class Interpreter {
  private steps = 0;
  private readonly stack: FunctionDecl[] = [];

  constructor(
    private readonly service: ServiceKind,
    private readonly request: Value,
    private readonly resource: Value,
    private readonly reader: DocumentReader,
    private readonly symbolic: boolean,
    private readonly onDebug?: (value: Value) => void,
    private readonly observer?: EvalObserver,
  ) {}

  /** Evaluates one allow condition; fatal errors (limits) propagate. */
  condition(e: Expr, vars: readonly Value[]): ConditionResult {
    try {
      const v = this.eval(e, vars, []);
      if (v === true) return { kind: 'true' };
      if (v === false) return { kind: 'false' };
      if (isSymbolic(v)) return { kind: 'unknown' };
      return { kind: 'error', message: `Condition is not a bool (${typeOf(v)}).` };
    } catch (x) {
      if (x instanceof RulesEvalError) return { kind: 'error', message: x.message };
      if (x === UNKNOWN_SIGNAL) return { kind: 'unknown' };
      throw x;
    }
  }

  eval(e: Expr, vars: readonly Value[], locals: Value[]): Value {
    if (e.kind !== 'lit' && ++this.steps > MAX_EXPRESSIONS) throw new RulesFatalError(`More than ${MAX_EXPRESSIONS} expressions evaluated in one request.`);
    if (this.observer !== undefined) return this.observed(this.observer, e, vars, locals);
    return this.evalNode(e, vars, locals);
  }

  private evalNode(e: Expr, vars: readonly Value[], locals: Value[]): Value {
    if (!this.symbolic) return this.node(e, vars, locals);
    try {
      return this.node(e, vars, locals);
    } catch (x) {
      if (x === UNKNOWN_SIGNAL) return UNKNOWN;
      throw x;
    }
  }

  private observed(observer: EvalObserver, e: Expr, vars: readonly Value[], locals: Value[]): Value {
    let v: Value;
    try {
      v = this.evalNode(e, vars, locals);
    } catch (x) {
      if (x instanceof RulesEvalError) observer.error(e);
      throw x;
    }
    observer.value(e, v);
    return v;
  }

  private node(e: Expr, vars: readonly Value[], locals: Value[]): Value {
    switch (e.kind) {
      case 'lit':
        return e.value;
      case 'local':
        return locals[e.slot] ?? null;
      case 'matchvar': {
        const v = vars[e.slot];
        if (v === undefined) fail(`Variable '${e.name}' is not bound.`);
        return v;
      }
      case 'global':
        return e.name === 'request' ? this.request : this.resource;
      case 'unbound':
        return fail(`Unknown variable '${e.name}'.`);
      case 'list':
        return new RList(e.items.map((x) => this.eval(x, vars, locals)));
      case 'map': {
        const m = new Map<string, Value>();
        for (const en of e.entries) {
          const k = this.eval(en.key, vars, locals);
          if (typeof k !== 'string') {
            if (isSymbolic(k)) return UNKNOWN;
            fail('Map keys must be strings.');
          }
          if (m.has(k)) fail(`Duplicate map key '${k}'.`);
          m.set(k, this.eval(en.value, vars, locals));
        }
        return new RMap(m);
      }
      case 'path':
        return this.pathLiteral(e.parts, vars, locals);
      case 'member':
        return this.member(this.eval(e.object, vars, locals), e.name);
      case 'index':
        return this.index(this.eval(e.object, vars, locals), this.eval(e.index, vars, locals));
      case 'slice': {
        const obj = this.eval(e.object, vars, locals);
        const start = e.start === null ? null : this.eval(e.start, vars, locals);
        const end = e.end === null ? null : this.eval(e.end, vars, locals);
        return this.slice(obj, start, end);
      }
      case 'unary':
        return this.unary(e.op, this.eval(e.operand, vars, locals));
      case 'binary': {
        const l = this.eval(e.left, vars, locals);
        const r = this.eval(e.right, vars, locals);
        return this.binary(e.op, l, r);
      }
      case 'and':
      case 'or':
        return this.logical(e.kind, e.left, e.right, vars, locals);
      case 'is': {
        const v = this.eval(e.operand, vars, locals);
        return isSymbolic(v) ? symIs(v, e.type) : isType(v, e.type);
      }
      case 'cond': {
        const t = this.eval(e.test, vars, locals);
        if (t === true) return this.eval(e.then, vars, locals);
        if (t === false) return this.eval(e.otherwise, vars, locals);
        if (isSymbolic(t)) return UNKNOWN;
        return fail(`Conditional test is not a bool (${typeOf(t)}).`);
      }
      case 'method': {
        const recv = this.eval(e.object, vars, locals);
        const args = e.args.map((a) => this.eval(a, vars, locals));
        if (isSymbolic(recv)) return symMethod(recv, e.name, args);
        if (this.symbolic && args.some(isSymbolic)) return UNKNOWN;
        return callMethod(recv, e.name, args);
      }
      case 'bcall':
        return this.builtin(e.name, e.args.map((a) => this.eval(a, vars, locals)));
      case 'nscall': {
        const args = e.args.map((a) => this.eval(a, vars, locals));
        if (this.symbolic && args.some(isSymbolic)) return UNKNOWN;
        if (e.ns === 'firestore') return this.document(e.name, args);
        return callNamespace(e.ns, e.name, args);
      }
      case 'ucall':
        return this.callUser(e.fn, e.args.map((a) => this.eval(a, vars, locals)), vars);
      default:
        return fail(`Unsupported expression '${e.kind}'.`);
    }
  }

  private logical(kind: 'and' | 'or', left: Expr, right: Expr, vars: readonly Value[], locals: Value[]): Value {
    const decisive = kind === 'or';
    const l = this.operand(left, vars, locals);
    if (l === decisive) return decisive;
    const r = this.operand(right, vars, locals);
    if (r === decisive) return decisive;
    if (l === !decisive && r === !decisive) return !decisive;
    const lErr = typeof l === 'object' && !(l instanceof RUnknown);
    const rErr = typeof r === 'object' && !(r instanceof RUnknown);
    if (lErr && (r === !decisive || rErr)) return fail(l.message ?? 'Error in operand.');
    if (rErr && l === !decisive) return fail(r.message ?? 'Error in operand.');
    return UNKNOWN;
  }

  private operand(e: Expr, vars: readonly Value[], locals: Value[]): Logical {
    let v: Value;
    try {
      v = this.eval(e, vars, locals);
    } catch (x) {
      if (x instanceof RulesEvalError) return { error: true, message: x.message };
      throw x;
    }
    if (typeof v === 'boolean') return v;
    if (isSymbolic(v)) return UNKNOWN;
    return { ...ERR, message: `Operand of a logical operator is not a bool (${typeOf(v)}).` };
  }

  private unary(op: '!' | '-', v: Value): Value {
    if (isSymbolic(v)) return UNKNOWN;
    if (op === '!') {
      if (typeof v !== 'boolean') fail(`Unsupported operation error. Received: !${typeOf(v)}.`);
      return !v;
    }
    if (typeof v === 'bigint') {
      if (v === INT_MIN) fail('Integer overflow error.');
      return -v;
    }
    if (typeof v === 'number') return -v;
    if (v instanceof RDuration) return addDurations(new RDuration(0, 0), v, -1);
    return fail(`Unsupported operation error. Received: -${typeOf(v)}.`);
  }

  private binary(op: string, l: Value, r: Value): Value {
    switch (op) {
      case '==':
        return isSymbolic(l) || isSymbolic(r) ? symEquals(l, r) : valuesEqual(l, r);
      case '!=': {
        if (isSymbolic(l) || isSymbolic(r)) {
          const eq = symEquals(l, r);
          return typeof eq === 'boolean' ? !eq : eq;
        }
        return !valuesEqual(l, r);
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        if (isSymbolic(l) || isSymbolic(r)) return symCompare(op, l, r);
        const c = compareValues(l, r);
        if (Number.isNaN(c)) return false;
        return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
      }
      case 'in':
        return this.membership(l, r);
      default:
        if (isSymbolic(l) || isSymbolic(r)) return UNKNOWN;
        return arithmetic(op, l, r);
    }
  }

  private membership(l: Value, r: Value): Value {
    if (isSymbolic(r) || isSymbolic(l)) {
      if (isSymbolic(r)) return symIn(l, r);
      if (r instanceof RMap) return UNKNOWN;
      if (r instanceof RList || r instanceof RSet) return symIn(l, r);
      return UNKNOWN;
    }
    if (r instanceof RList || r instanceof RSet) return containsValue(r.items, l);
    if (r instanceof RMap) {
      if (typeof l !== 'string') fail(`Unsupported operation error. Map keys are strings, got ${typeOf(l)}.`);
      return r.entries.has(l);
    }
    if (r === null) return fail('Null value error.');
    return fail(`Unsupported operation error. Received: ${typeOf(l)} in ${typeOf(r)}.`);
  }

  private member(obj: Value, name: string): Value {
    if (obj instanceof RMap) {
      const v = obj.entries.get(name);
      if (v === undefined) fail(`Property ${name} is undefined on object.`);
      return v;
    }
    if (obj === null) return fail(`Null value error. (reading '${name}')`);
    if (obj instanceof RSymData || obj instanceof RSymField) return symMember(obj, name);
    if (obj instanceof RUnknown) return UNKNOWN;
    if (obj instanceof RPath) {
      const v = obj.bindings?.get(name);
      if (v === undefined) fail(`Path has no binding '${name}'.`);
      return v;
    }
    return fail(`Property ${name} is undefined on object of type ${typeOf(obj)}.`);
  }

  private index(obj: Value, idx: Value): Value {
    if (obj instanceof RMap) {
      if (typeof idx !== 'string') {
        if (isSymbolic(idx)) return UNKNOWN;
        fail(`Map keys are strings, got ${typeOf(idx)}.`);
      }
      const v = obj.entries.get(idx);
      if (v === undefined) fail(`Property ${idx} is undefined on object.`);
      return v;
    }
    if (obj === null) return fail('Null value error.');
    if (isSymbolic(obj) || isSymbolic(idx)) {
      if ((obj instanceof RSymData || obj instanceof RSymField) && typeof idx === 'string') return symMember(obj, idx);
      return UNKNOWN;
    }
    if (obj instanceof RList) {
      if (typeof idx !== 'bigint') fail(`List index must be an int, got ${typeOf(idx)}.`);
      if (idx < 0n || idx >= BigInt(obj.items.length)) fail(`Index out of range: ${idx}.`);
      return obj.items[Number(idx)] ?? null;
    }
    if (typeof obj === 'string') {
      if (typeof idx !== 'bigint') fail(`String index must be an int, got ${typeOf(idx)}.`);
      const len = codePointLength(obj);
      if (idx < 0n || idx >= BigInt(len)) fail(`Index out of range: ${idx}.`);
      const i = Number(idx);
      return hasSurrogates(obj) ? codePointSlice(obj, i, i + 1) : (obj[i] ?? '');
    }
    if (obj instanceof RPath) {
      if (typeof idx === 'string') return this.member(obj, idx);
      if (typeof idx !== 'bigint') fail(`Path index must be an int or a string, got ${typeOf(idx)}.`);
      if (idx < 0n || idx >= BigInt(obj.segments.length)) fail(`Index out of range: ${idx}.`);
      const seg = obj.segments[Number(idx)];
      if (typeof seg !== 'string') fail('Path segment is an unbound variable.');
      return seg;
    }
    return fail(`Unsupported operation error. Cannot index ${typeOf(obj)}.`);
  }

  private slice(obj: Value, start: Value, end: Value): Value {
    if (isSymbolic(obj) || (start !== null && isSymbolic(start)) || (end !== null && isSymbolic(end))) return UNKNOWN;
    let size: number;
    if (obj instanceof RList) size = obj.items.length;
    else if (typeof obj === 'string') size = codePointLength(obj);
    else return fail(`Unsupported operation error. Cannot take a range of ${typeOf(obj)}.`);
    const bound = (v: Value, dflt: number): number => {
      if (v === null) return dflt;
      if (typeof v !== 'bigint') fail(`Range index must be an int, got ${typeOf(v)}.`);
      if (v < 0n || v > BigInt(size)) fail(`Range index out of bounds: ${v}.`);
      return Number(v);
    };
    const i = bound(start, 0);
    const j = bound(end, size);
    if (i > j) fail(`Range start ${i} is after its end ${j}.`);
    if (obj instanceof RList) return new RList(obj.items.slice(i, j));
    return codePointSlice(obj, i, j);
  }

  private pathLiteral(parts: readonly ({ text: string } | { expr: Expr })[], vars: readonly Value[], locals: Value[]): Value {
    const segments: PathSegment[] = [];
    let unknown = false;
    for (const part of parts) {
      if ('text' in part) {
        segments.push(part.text);
        continue;
      }
      if (part.expr.kind === 'unbound') {
        segments.push(new PathVar(part.expr.name));
        continue;
      }
      const v = this.eval(part.expr, vars, locals);
      if (typeof v === 'string') {
        if (v.includes('/')) segments.push(...v.split('/'));
        else segments.push(v);
      } else if (v instanceof RPath) {
        segments.push(...v.segments);
      } else if (isSymbolic(v)) {
        unknown = true;
      } else {
        fail(`Path variable $(...) must be a string or a path, got ${typeOf(v)}.`);
      }
    }
    return unknown ? UNKNOWN : new RPath(segments, true);
  }

  private builtin(name: string, args: Value[]): Value {
    if (name === 'debug') {
      if (args.length === 1 && this.onDebug !== undefined) this.onDebug(args[0] ?? null);
      return callGlobal(name, args);
    }
    if (this.symbolic && args.some(isSymbolic)) return UNKNOWN;
    if (name === 'get' || name === 'exists' || name === 'getAfter' || name === 'existsAfter') return this.document(name, args);
    return callGlobal(name, args);
  }

  private document(name: string, args: readonly Value[]): Value {
    if (args.length !== 1) fail(`Function not found error: Name: [${name}] with ${args.length} arguments.`);
    const p = args[0];
    if (!(p instanceof RPath)) return fail(`${name}() needs a path, got ${typeOf(p ?? null)}.`);
    const after = name === 'getAfter' || name === 'existsAfter';
    if (after && this.service !== 'firestore') fail(`Function not found error: Name: [${name}].`);
    const doc = this.reader.read(p, after);
    return name.startsWith('exists') ? doc !== null : doc;
  }

  private callUser(fn: FunctionDecl, args: Value[], vars: readonly Value[]): Value {
    if (args.length !== fn.params.length) fail(`Function ${fn.name} expects ${fn.params.length} arguments, got ${args.length}.`);
    if (this.stack.includes(fn)) fail(`Recursive call to function ${fn.name} is not allowed.`);
    if (this.stack.length >= MAX_CALL_DEPTH) fail(`Maximum function call depth (${MAX_CALL_DEPTH}) exceeded.`);
    this.stack.push(fn);
    try {
      const frame: Value[] = args;
      for (const l of fn.lets) frame.push(this.eval(l.expr, vars, frame));
      return this.eval(fn.body, vars, frame);
    } finally {
      this.stack.pop();
    }
  }
}

export function isType(v: Value, type: string): boolean {
  switch (type) {
    case 'number':
      return typeof v === 'bigint' || typeof v === 'number';
    case 'constraint':
      return false;
    default:
      return typeOf(v) === type;
  }
}

function arithmetic(op: string, l: Value, r: Value): Value {
  if (typeof l === 'bigint' && typeof r === 'bigint') {
    switch (op) {
      case '+':
        return checkInt(l + r);
      case '-':
        return checkInt(l - r);
      case '*':
        return checkInt(l * r);
      case '/':
        if (r === 0n) fail('Division by zero.');
        return checkInt(l / r);
      case '%':
        if (r === 0n) fail('Modulo by zero.');
        return l % r;
      default:
        break;
    }
  } else if ((typeof l === 'bigint' || typeof l === 'number') && (typeof r === 'bigint' || typeof r === 'number')) {
    const x = Number(l);
    const y = Number(r);
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return x / y;
      case '%':
        return x % y;
      default:
        break;
    }
  } else if (op === '+' && typeof l === 'string' && typeof r === 'string') {
    return l + r;
  } else if (l instanceof RTimestamp && r instanceof RDuration && (op === '+' || op === '-')) {
    return addDuration(l, r, op === '+' ? 1 : -1);
  } else if (l instanceof RDuration && r instanceof RTimestamp && op === '+') {
    return addDuration(r, l, 1);
  } else if (l instanceof RTimestamp && r instanceof RTimestamp && op === '-') {
    return subtractTimestamps(l, r);
  } else if (l instanceof RDuration && r instanceof RDuration && (op === '+' || op === '-')) {
    return addDurations(l, r, op === '+' ? 1 : -1);
  }
  return fail(`Unsupported operation error. Received: ${typeOf(l)} ${op} ${typeOf(r)}.`);
}

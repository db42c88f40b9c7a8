// Recursive-descent parser for Firebase Security Rules (rules_version 1 and 2, services
// cloud.firestore and firebase.storage). Produces the unresolved syntax tree; resolve.ts then
// binds names and checks the structural limits. Operator precedence follows the rules-language
// reference: index/call/field, unary, multiplicative, additive, relational, `in`, `is`,
// equality, `&&`, `||`, ternary.

import type { AllowStmt, BinaryOp, Expr, FunctionDecl, LetBinding, MatchBlock, MatchSegment, Method, PathPart, Pos, Ruleset, ServiceKind } from './ast';
import { Lexer, type Token } from './lexer';
import { INT_MAX, INT_MIN, RBytes } from './values';

const METHODS: ReadonlySet<string> = new Set(['read', 'write', 'get', 'list', 'create', 'update', 'delete']);
function isMethod(s: string): s is Method {
  return METHODS.has(s);
}
const RESERVED: ReadonlySet<string> = new Set(['true', 'false', 'null', 'in', 'is', 'if', 'let', 'return', 'function', 'match', 'allow', 'service']);
const TYPE_NAMES: ReadonlySet<string> = new Set([
  'bool',
  'bytes',
  'float',
  'int',
  'list',
  'latlng',
  'number',
  'path',
  'map',
  'string',
  'timestamp',
  'constraint',
  'duration',
  'set',
  'map_diff',
  'null',
]);

const SERVICES: ReadonlyMap<string, ServiceKind> = new Map([
  ['cloud.firestore', 'firestore'],
  ['firebase.storage', 'storage'],
  ['cloud.storage', 'storage'],
]);

function isPathChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 /* _ */ ||
    c === 45 /* - */ ||
    c === 46 /* . */ ||
    c === 126 /* ~ */ ||
    c === 37 /* % */ ||
    c === 64 /* @ */ ||
    c === 43 /* + */ ||
    c > 127
  );
}

export class Parser {
  private readonly lx: Lexer;
  private tok: Token | undefined;
  private version: 1 | 2 = 1;

  constructor(src: string, fileName: string) {
    this.lx = new Lexer(src, fileName);
  }

  // ---- token helpers ----

  private peek(): Token {
    if (this.tok === undefined) this.tok = this.lx.next();
    return this.tok;
  }

  private advance(): Token {
    const t = this.peek();
    this.tok = undefined;
    return t;
  }

  private isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }

  private isKeyword(text: string): boolean {
    const t = this.peek();
    return t.kind === 'ident' && t.text === text;
  }

  private acceptPunct(text: string): boolean {
    if (this.isPunct(text)) {
      this.advance();
      return true;
    }
    return false;
  }

  private expectPunct(text: string, context: string): Token {
    const t = this.peek();
    if (t.kind !== 'punct' || t.text !== text) this.unexpected(t, `'${text}' ${context}`);
    return this.advance();
  }

  private expectIdent(context: string): Token {
    const t = this.peek();
    if (t.kind !== 'ident') this.unexpected(t, context);
    return this.advance();
  }

  private unexpected(t: Token, expected: string): never {
    const what = t.kind === 'eof' ? 'end of file' : `'${t.text}'`;
    return this.lx.error(`Unexpected ${what}; expected ${expected}.`, t.start);
  }

  private posOf(t: Token): Pos {
    return this.lx.position(t.start);
  }

  /** Drop any cached lookahead so the lexer can be driven character by character from `offset`. */
  private rewindTo(offset: number): void {
    this.tok = undefined;
    this.lx.pos = offset;
  }

  // ---- ruleset structure ----

  parseRuleset(): Ruleset {
    let version: 1 | 2 = 1;
    if (this.isKeyword('rules_version')) {
      this.advance();
      this.expectPunct('=', "after 'rules_version'");
      const v = this.peek();
      if (v.kind !== 'string' || (v.stringValue !== '1' && v.stringValue !== '2')) this.unexpected(v, "'1' or '2'");
      this.advance();
      version = v.stringValue === '2' ? 2 : 1;
      this.acceptPunct(';');
    }
    this.version = version;
    const serviceTok = this.peek();
    if (!(serviceTok.kind === 'ident' && serviceTok.text === 'service')) this.unexpected(serviceTok, "'service'");
    this.advance();
    const nameParts = [this.expectIdent('a service name').text];
    while (this.acceptPunct('.')) nameParts.push(this.expectIdent('a service name').text);
    const serviceName = nameParts.join('.');
    const service = SERVICES.get(serviceName);
    if (service === undefined) this.lx.error(`Unknown service '${serviceName}'; expected cloud.firestore or firebase.storage.`, serviceTok.start);
    this.expectPunct('{', 'to open the service body');
    const matches: MatchBlock[] = [];
    const functions: FunctionDecl[] = [];
    while (!this.isPunct('}')) {
      const t = this.peek();
      if (t.kind === 'ident' && t.text === 'match') matches.push(this.parseMatch());
      else if (t.kind === 'ident' && t.text === 'function') functions.push(this.parseFunction());
      else if (t.kind === 'punct' && t.text === ';') this.advance();
      else if (t.kind === 'ident' && t.text === 'service') this.lx.error('Only one service declaration is allowed per file.', t.start);
      else this.unexpected(t, "'match' or 'function'");
    }
    this.advance();
    while (this.acceptPunct(';'));
    const end = this.peek();
    if (end.kind !== 'eof') {
      if (end.kind === 'ident' && end.text === 'service') this.lx.error('Only one service declaration is allowed per file.', end.start);
      this.unexpected(end, 'end of file');
    }
    return { version, service, serviceName, matches, functions, fileName: this.lx.fileName, slotCount: 0 };
  }

  private parseMatch(): MatchBlock {
    const kw = this.advance();
    const pos = this.posOf(kw);
    const { segments, text } = this.scanMatchPath(kw.end);
    this.expectPunct('{', 'to open the match body');
    const block: MatchBlock = { segments, pathText: text, children: [], allows: [], functions: [], pos, slotBase: 0 };
    while (!this.isPunct('}')) {
      const t = this.peek();
      if (t.kind === 'ident' && t.text === 'match') block.children.push(this.parseMatch());
      else if (t.kind === 'ident' && t.text === 'allow') block.allows.push(this.parseAllow());
      else if (t.kind === 'ident' && t.text === 'function') block.functions.push(this.parseFunction());
      else if (t.kind === 'punct' && t.text === ';') this.advance();
      else this.unexpected(t, "'match', 'allow' or 'function'");
    }
    this.advance();
    return block;
  }


  /** Reads `/a/{b}/{c=**}` directly from the source. */
  private scanMatchPath(from: number): { segments: MatchSegment[]; text: string } {
    this.rewindTo(from);
    this.lx.skipTrivia();
    const s = this.lx.src;
    const start = this.lx.pos;
    let i = start;
    const segments: MatchSegment[] = [];
    let first = true;
    for (;;) {
      if (s[i] === '/') i++;
      else if (!first) break;
      first = false;
      if (s[i] === '{') {
        const close = s.indexOf('}', i);
        if (close < 0) this.lx.error('Unterminated path variable.', i);
        const inner = s.slice(i + 1, close).trim();
        const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(=\s*\*\*)?$/.exec(inner);
        if (m === null) this.lx.error(`Invalid path variable '{${inner}}'.`, i);
        const name = m[1] ?? '';
        segments.push(m[2] !== undefined ? { kind: 'rest', name } : { kind: 'var', name });
        i = close + 1;
      } else {
        const segStart = i;
        while (i < s.length && !/[\s/{};]/.test(s[i] ?? '')) i++;
        if (i === segStart) this.lx.error('Expected a path segment.', i);
        segments.push({ kind: 'lit', text: s.slice(segStart, i) });
      }
      if (s[i] !== '/') break;
    }
    const text = s.slice(start, i);
    this.lx.pos = i;
    return { segments, text: text.startsWith('/') ? text : `/${text}` };
  }

  private parseAllow(): AllowStmt {
    const kw = this.advance();
    const methods: Method[] = [];
    for (;;) {
      const t = this.expectIdent('a method (read, write, get, list, create, update, delete)');
      if (!isMethod(t.text)) this.lx.error(`Unknown method '${t.text}'.`, t.start);
      methods.push(t.text);
      if (!this.acceptPunct(',')) break;
    }
    let condition: Expr | null = null;
    if (this.acceptPunct(':')) {
      const ifTok = this.peek();
      if (!(ifTok.kind === 'ident' && ifTok.text === 'if')) this.unexpected(ifTok, "'if'");
      this.advance();
      condition = this.parseExpr();
    }
    if (!this.acceptPunct(';')) {
      const t = this.peek();
      const ok = (t.kind === 'punct' && t.text === '}') || (t.kind === 'ident' && (t.text === 'allow' || t.text === 'match' || t.text === 'function'));
      if (!ok) this.unexpected(t, "';'");
    }
    return { methods, condition, pos: this.posOf(kw) };
  }

  private parseFunction(): FunctionDecl {
    const kw = this.advance();
    const nameTok = this.expectIdent('a function name');
    if (RESERVED.has(nameTok.text)) this.lx.error(`'${nameTok.text}' cannot be a function name.`, nameTok.start);
    this.expectPunct('(', 'after the function name');
    const params: string[] = [];
    if (!this.isPunct(')')) {
      for (;;) {
        const p = this.expectIdent('a parameter name');
        if (RESERVED.has(p.text)) this.lx.error(`'${p.text}' cannot be a parameter name.`, p.start);
        if (params.includes(p.text)) this.lx.error(`Duplicate parameter '${p.text}'.`, p.start);
        params.push(p.text);
        if (!this.acceptPunct(',')) break;
      }
    }
    this.expectPunct(')', 'to close the parameter list');
    this.expectPunct('{', 'to open the function body');
    const lets: LetBinding[] = [];
    while (this.isKeyword('let')) {
      const letTok = this.advance();
      if (this.version === 1) this.lx.error("'let' bindings need rules_version = '2'.", letTok.start);
      const n = this.expectIdent('a variable name');
      if (RESERVED.has(n.text)) this.lx.error(`'${n.text}' cannot be a variable name.`, n.start);
      this.expectPunct('=', 'in the let binding');
      const expr = this.parseExpr();
      this.expectPunct(';', 'after the let binding');
      lets.push({ name: n.text, expr, pos: this.posOf(n) });
    }
    const ret = this.peek();
    if (!(ret.kind === 'ident' && ret.text === 'return')) this.unexpected(ret, "'return' (a function body is let bindings followed by one return)");
    this.advance();
    const body = this.parseExpr();
    this.acceptPunct(';');
    this.expectPunct('}', 'to close the function body (only one return statement is allowed)');
    return { name: nameTok.text, params, lets, body, pos: this.posOf(kw) };
  }

  // ---- expressions ----

  parseExpr(): Expr {
    const test = this.parseOr();
    if (this.isPunct('?')) {
      const q = this.advance();
      const then = this.parseExpr();
      this.expectPunct(':', 'in the conditional expression');
      const otherwise = this.parseExpr();
      return { kind: 'cond', test, then, otherwise, pos: this.posOf(q) };
    }
    return test;
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isPunct('||')) {
      const op = this.advance();
      const right = this.parseAnd();
      left = { kind: 'or', left, right, pos: this.posOf(op) };
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseEquality();
    while (this.isPunct('&&')) {
      const op = this.advance();
      const right = this.parseEquality();
      left = { kind: 'and', left, right, pos: this.posOf(op) };
    }
    return left;
  }

  private parseEquality(): Expr {
    let left = this.parseIs();
    while (this.isPunct('==') || this.isPunct('!=')) {
      const op = this.advance();
      const right = this.parseIs();
      left = { kind: 'binary', op: op.text === '==' ? '==' : '!=', left, right, pos: this.posOf(op) };
    }
    return left;
  }

  private parseIs(): Expr {
    let left = this.parseIn();
    while (this.isKeyword('is')) {
      const op = this.advance();
      const t = this.expectIdent('a type name');
      if (!TYPE_NAMES.has(t.text)) this.lx.error(`Unknown type '${t.text}'.`, t.start);
      left = { kind: 'is', operand: left, type: t.text, pos: this.posOf(op) };
    }
    return left;
  }

  private parseIn(): Expr {
    let left = this.parseRelational();
    while (this.isKeyword('in')) {
      const op = this.advance();
      const right = this.parseRelational();
      left = { kind: 'binary', op: 'in', left, right, pos: this.posOf(op) };
    }
    return left;
  }

  private parseRelational(): Expr {
    let left = this.parseAdditive();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct' || (t.text !== '<' && t.text !== '<=' && t.text !== '>' && t.text !== '>=')) return left;
      this.advance();
      const right = this.parseAdditive();
      left = { kind: 'binary', op: t.text, left, right, pos: this.posOf(t) };
    }
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct' || (t.text !== '+' && t.text !== '-')) return left;
      this.advance();
      const right = this.parseMultiplicative();
      left = { kind: 'binary', op: t.text, left, right, pos: this.posOf(t) };
    }
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct' || (t.text !== '*' && t.text !== '/' && t.text !== '%')) return left;
      this.advance();
      const right = this.parseUnary();
      const op: BinaryOp = t.text;
      left = { kind: 'binary', op, left, right, pos: this.posOf(t) };
    }
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (t.kind === 'punct' && (t.text === '!' || t.text === '-')) {
      this.advance();
      if (t.text === '-') {
        const n = this.peek();
        if (n.kind === 'int' && n.intValue !== undefined) {
          this.advance();
          const v = -n.intValue;
          if (v < INT_MIN) this.lx.error('Integer literal out of range.', n.start);
          return this.parsePostfix({ kind: 'lit', value: v, pos: this.posOf(t) });
        }
        if (n.kind === 'float' && n.floatValue !== undefined) {
          this.advance();
          return this.parsePostfix({ kind: 'lit', value: -n.floatValue, pos: this.posOf(t) });
        }
      }
      const operand = this.parseUnary();
      return { kind: 'unary', op: t.text, operand, pos: this.posOf(t) };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(base: Expr): Expr {
    let e = base;
    for (;;) {
      if (this.isPunct('.')) {
        const dot = this.advance();
        const name = this.expectIdent('a field or method name after "."');
        if (this.isPunct('(')) {
          this.advance();
          const args = this.parseArgs(')');
          e = { kind: 'method', object: e, name: name.text, args, pos: this.posOf(dot) };
        } else {
          e = { kind: 'member', object: e, name: name.text, pos: this.posOf(dot) };
        }
      } else if (this.isPunct('[')) {
        const open = this.advance();
        let start: Expr | null = null;
        if (!this.isPunct(':')) start = this.parseExpr();
        if (this.acceptPunct(':')) {
          let end: Expr | null = null;
          if (!this.isPunct(']')) end = this.parseExpr();
          if (start === null && end === null) this.lx.error('A range needs a start or an end index.', open.start);
          this.expectPunct(']', 'to close the range');
          e = { kind: 'slice', object: e, start, end, pos: this.posOf(open) };
        } else {
          this.expectPunct(']', 'to close the index');
          if (start === null) this.lx.error('Expected an index.', open.start);
          e = { kind: 'index', object: e, index: start, pos: this.posOf(open) };
        }
      } else {
        return e;
      }
    }
  }

  private parseArgs(close: string): Expr[] {
    const args: Expr[] = [];
    if (this.acceptPunct(close)) return args;
    for (;;) {
      args.push(this.parseExpr());
      if (this.acceptPunct(close)) return args;
      this.expectPunct(',', `or '${close}' in the argument list`);
      if (this.acceptPunct(close)) return args;
    }
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    const pos = this.posOf(t);
    switch (t.kind) {
      case 'int': {
        this.advance();
        const v = t.intValue ?? 0n;
        if (v > INT_MAX) this.lx.error('Integer literal out of range.', t.start);
        return { kind: 'lit', value: v, pos };
      }
      case 'float':
        this.advance();
        return { kind: 'lit', value: t.floatValue ?? 0, pos };
      case 'string':
        this.advance();
        return { kind: 'lit', value: t.stringValue ?? '', pos };
      case 'bytes':
        this.advance();
        return { kind: 'lit', value: new RBytes(t.bytesValue ?? new Uint8Array()), pos };
      case 'ident': {
        if (t.text === 'true' || t.text === 'false') {
          this.advance();
          return { kind: 'lit', value: t.text === 'true', pos };
        }
        if (t.text === 'null') {
          this.advance();
          return { kind: 'lit', value: null, pos };
        }
        if (RESERVED.has(t.text)) this.unexpected(t, 'an expression');
        this.advance();
        if (this.isPunct('(')) {
          this.advance();
          return { kind: 'call', name: t.text, args: this.parseArgs(')'), pos };
        }
        return { kind: 'ident', name: t.text, pos };
      }
      case 'punct':
        if (t.text === '(') {
          this.advance();
          const e = this.parseExpr();
          this.expectPunct(')', 'to close the parenthesis');
          return e;
        }
        if (t.text === '[') {
          this.advance();
          return { kind: 'list', items: this.parseArgs(']'), pos };
        }
        if (t.text === '{') {
          this.advance();
          return this.parseMapLiteral(pos);
        }
        if (t.text === '/') return this.parsePathLiteral(t);
        break;
      default:
        break;
    }
    return this.unexpected(t, 'an expression');
  }

  private parseMapLiteral(pos: Pos): Expr {
    const entries: { key: Expr; value: Expr }[] = [];
    if (this.acceptPunct('}')) return { kind: 'map', entries, pos };
    for (;;) {
      const key = this.parseExpr();
      this.expectPunct(':', 'between a map key and its value');
      const value = this.parseExpr();
      entries.push({ key, value });
      if (this.acceptPunct('}')) return { kind: 'map', entries, pos };
      this.expectPunct(',', "or '}' in the map literal");
      if (this.acceptPunct('}')) return { kind: 'map', entries, pos };
    }
  }

  /**
   * `/databases/$(database)/documents/users/$(request.auth.uid)` read from the source; a `{name}`
   * segment stands for the variable `name`, like `$(name)`.
   */
  private parsePathLiteral(slash: Token): Expr {
    const pos = this.posOf(slash);
    const s = this.lx.src;
    this.rewindTo(slash.start);
    const parts: PathPart[] = [];
    while (s[this.lx.pos] === '/') {
      this.lx.pos++;
      if (s[this.lx.pos] === '$' && s[this.lx.pos + 1] === '(') {
        this.rewindTo(this.lx.pos + 2);
        const expr = this.parseExpr();
        const close = this.peek();
        if (close.kind !== 'punct' || close.text !== ')') this.unexpected(close, "')' to close '$('");
        this.rewindTo(close.end);
        parts.push({ expr });
        continue;
      }
      if (s[this.lx.pos] === '{') {
        const m = /^\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/.exec(s.slice(this.lx.pos, this.lx.pos + 200));
        if (m === null) this.lx.error('Expected {name} in the path.', this.lx.pos);
        parts.push({ expr: { kind: 'ident', name: m[1] ?? '', pos: this.lx.position(this.lx.pos + 1) } });
        this.lx.pos += m[0].length;
        continue;
      }
      const segStart = this.lx.pos;
      let depth = 0;
      let i = segStart;
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (isPathChar(c)) continue;
        if (c === 40 /* ( */) {
          depth++;
          continue;
        }
        if (c === 41 /* ) */ && depth > 0) {
          depth--;
          continue;
        }
        break;
      }
      if (i === segStart || depth !== 0) this.lx.error('Expected a path segment after "/".', segStart);
      parts.push({ text: s.slice(segStart, i) });
      this.lx.pos = i;
    }
    this.tok = undefined;
    return { kind: 'path', parts, pos };
  }
}

/** Parse without resolving (resolve.ts binds names and checks limits). */
export function parseSyntax(source: string, fileName: string): Ruleset {
  return new Parser(source, fileName).parseRuleset();
}

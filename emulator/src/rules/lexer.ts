// Tokenizer for the rules language: identifiers, numbers, string and bytes literals (CEL
// escapes, raw and triple-quoted forms), operators, and comments. The parser pulls tokens one
// at a time and may reposition the lexer to scan path syntax character by character.

import { RulesSyntaxError } from './errors';
import type { Pos } from './ast';

export type TokenKind = 'ident' | 'int' | 'float' | 'string' | 'bytes' | 'punct' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Identifier name or punctuation text; literal source text otherwise. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly intValue?: bigint;
  readonly floatValue?: number;
  readonly stringValue?: string;
  readonly bytesValue?: Uint8Array;
}

const PUNCT2 = new Set(['==', '!=', '<=', '>=', '&&', '||']);
const PUNCT1 = new Set(['{', '}', '(', ')', '[', ']', ',', ';', ':', '.', '?', '=', '<', '>', '+', '-', '*', '/', '%', '!', '$']);

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

export class Lexer {
  pos = 0;
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly src: string,
    readonly fileName: string,
  ) {
    for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  position(offset: number): Pos {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }

  error(message: string, offset: number): never {
    const p = this.position(offset);
    throw new RulesSyntaxError(message, p.line, p.col, this.fileName);
  }

  /** Skip whitespace and comments. */
  skipTrivia(): void {
    const s = this.src;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) {
        this.pos++;
      } else if (c === 47 && s.charCodeAt(this.pos + 1) === 47) {
        const nl = s.indexOf('\n', this.pos);
        this.pos = nl < 0 ? s.length : nl + 1;
      } else if (c === 47 && s.charCodeAt(this.pos + 1) === 42) {
        const close = s.indexOf('*/', this.pos + 2);
        if (close < 0) this.error('Unterminated comment.', this.pos);
        this.pos = close + 2;
      } else {
        return;
      }
    }
  }

  next(): Token {
    this.skipTrivia();
    const s = this.src;
    const start = this.pos;
    if (start >= s.length) return { kind: 'eof', text: '<end of file>', start, end: start };
    const c = s.charCodeAt(start);
    if (isIdentStart(c)) {
      const q = s.charCodeAt(start + 1);
      const q2 = s.charCodeAt(start + 2);
      const lower = s[start]?.toLowerCase();
      if ((q === 39 || q === 34) && (lower === 'r' || lower === 'b')) return this.stringLiteral(start, 1, lower === 'r', lower === 'b');
      if ((q2 === 39 || q2 === 34) && ((lower === 'r' && s[start + 1]?.toLowerCase() === 'b') || (lower === 'b' && s[start + 1]?.toLowerCase() === 'r'))) {
        return this.stringLiteral(start, 2, true, true);
      }
      let i = start + 1;
      while (i < s.length && isIdentPart(s.charCodeAt(i))) i++;
      this.pos = i;
      return { kind: 'ident', text: s.slice(start, i), start, end: i };
    }
    if (isDigit(c)) return this.number(start);
    if (c === 39 || c === 34) return this.stringLiteral(start, 0, false, false);
    const two = s.slice(start, start + 2);
    if (PUNCT2.has(two)) {
      this.pos = start + 2;
      return { kind: 'punct', text: two, start, end: this.pos };
    }
    const one = s[start] ?? '';
    if (PUNCT1.has(one)) {
      this.pos = start + 1;
      return { kind: 'punct', text: one, start, end: this.pos };
    }
    return this.error(`Unexpected character '${one}'.`, start);
  }

  private number(start: number): Token {
    const s = this.src;
    let i = start;
    if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) {
      i += 2;
      const digitsStart = i;
      while (i < s.length && isHex(s.charCodeAt(i))) i++;
      if (i === digitsStart) this.error('Malformed hexadecimal literal.', start);
      this.pos = i;
      return { kind: 'int', text: s.slice(start, i), start, end: i, intValue: BigInt(s.slice(start, i)) };
    }
    while (i < s.length && isDigit(s.charCodeAt(i))) i++;
    let isFloat = false;
    if (s[i] === '.' && isDigit(s.charCodeAt(i + 1))) {
      isFloat = true;
      i++;
      while (i < s.length && isDigit(s.charCodeAt(i))) i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      let j = i + 1;
      if (s[j] === '+' || s[j] === '-') j++;
      if (isDigit(s.charCodeAt(j))) {
        isFloat = true;
        i = j;
        while (i < s.length && isDigit(s.charCodeAt(i))) i++;
      }
    }
    if (isIdentStart(s.charCodeAt(i))) this.error(`Malformed number '${s.slice(start, i + 1)}'.`, start);
    this.pos = i;
    const text = s.slice(start, i);
    if (isFloat) return { kind: 'float', text, start, end: i, floatValue: Number(text) };
    return { kind: 'int', text, start, end: i, intValue: BigInt(text) };
  }

  private stringLiteral(start: number, prefixLen: number, raw: boolean, bytes: boolean): Token {
    const s = this.src;
    let i = start + prefixLen;
    const quote = s[i] ?? '';
    const triple = s.slice(i, i + 3) === quote.repeat(3);
    const closer = triple ? quote.repeat(3) : quote;
    i += closer.length;
    const out: number[] = [];
    const chars: string[] = [];
    const pushCodePoint = (cp: number): void => {
      if (bytes) out.push(...Buffer.from(String.fromCodePoint(cp), 'utf8'));
      else chars.push(String.fromCodePoint(cp));
    };
    const pushByte = (b: number): void => {
      if (bytes) out.push(b);
      else chars.push(String.fromCodePoint(b));
    };
    for (;;) {
      if (i >= s.length) this.error('Unterminated string literal.', start);
      if (s.startsWith(closer, i)) {
        i += closer.length;
        break;
      }
      const ch = s[i] ?? '';
      if (!triple && (ch === '\n' || ch === '\r')) this.error('Unterminated string literal.', start);
      if (ch === '\\' && !raw) {
        const e = s[i + 1] ?? '';
        i += 2;
        switch (e) {
          case 'a':
            pushByte(7);
            break;
          case 'b':
            pushByte(8);
            break;
          case 'f':
            pushByte(12);
            break;
          case 'n':
            pushByte(10);
            break;
          case 'r':
            pushByte(13);
            break;
          case 't':
            pushByte(9);
            break;
          case 'v':
            pushByte(11);
            break;
          case '\\':
          case "'":
          case '"':
          case '`':
          case '?':
            pushByte(e.charCodeAt(0));
            break;
          case 'x':
          case 'X': {
            const hex = s.slice(i, i + 2);
            if (!/^[0-9a-fA-F]{2}$/.test(hex)) this.error('Malformed \\x escape: two hexadecimal digits are required.', i - 2);
            pushByte(parseInt(hex, 16));
            i += 2;
            break;
          }
          case 'u':
          case 'U': {
            const n = e === 'u' ? 4 : 8;
            const hex = s.slice(i, i + n);
            if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) this.error(`Malformed \\${e} escape.`, i - 2);
            const cp = parseInt(hex, 16);
            if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) this.error('Invalid code point in escape.', i - 2);
            pushCodePoint(cp);
            i += n;
            break;
          }
          default: {
            const oct = s.slice(i - 1, i + 2);
            if (/^[0-3][0-7]{2}$/.test(oct)) {
              pushByte(parseInt(oct, 8));
              i += 2;
              break;
            }
            this.error(`Invalid escape sequence '\\${e}'.`, i - 2);
          }
        }
        continue;
      }
      const cp = s.codePointAt(i) ?? 0;
      pushCodePoint(cp);
      i += cp > 0xffff ? 2 : 1;
    }
    this.pos = i;
    const text = s.slice(start, i);
    if (bytes) return { kind: 'bytes', text, start, end: i, bytesValue: Uint8Array.from(out) };
    return { kind: 'string', text, start, end: i, stringValue: chars.join('') };
  }
}

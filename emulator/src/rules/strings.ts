// String operations of the rules language. Sizes and indexes count Unicode code points;
// `matches`, `replace` and `split` use RE2 syntax and semantics (re2js), never JavaScript RegExp.

import { RE2JS } from 're2js';
import { fail } from './errors';

const SURROGATE = /[\uD800-\uDFFF]/;

export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

export function codePointLength(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Code points [start, end) of `s`. */
export function codePointSlice(s: string, start: number, end: number): string {
  if (!hasSurrogates(s)) return s.slice(start, end);
  return Array.from(s).slice(start, end).join('');
}

/** Orders strings by code point (the same order as their UTF-8 bytes). */
export function compareCodePoints(a: string, b: string): number {
  if (!hasSurrogates(a) && !hasSurrogates(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

const REGEX_CACHE = new Map<string, RE2JS>();
const REGEX_CACHE_LIMIT = 512;

export function compileRegex(pattern: string): RE2JS {
  const cached = REGEX_CACHE.get(pattern);
  if (cached !== undefined) return cached;
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch {
    return fail(`Invalid regular expression: ${JSON.stringify(pattern)}.`);
  }
  if (REGEX_CACHE.size >= REGEX_CACHE_LIMIT) REGEX_CACHE.clear();
  REGEX_CACHE.set(pattern, re);
  return re;
}

export function regexMatches(s: string, pattern: string): boolean {
  return compileRegex(pattern).matches(s);
}

export function regexReplace(s: string, pattern: string, replacement: string): string {
  const re = compileRegex(pattern);
  try {
    return re.matcher(s).replaceAll(replacement, true);
  } catch {
    return fail(`Invalid replacement string: ${JSON.stringify(replacement)}.`);
  }
}

export function regexSplit(s: string, pattern: string): string[] {
  return compileRegex(pattern).split(s, -1);
}

/** Java's String.trim: removes leading and trailing characters up to U+0020. */
export function trimSpaces(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 32) start++;
  while (end > start && s.charCodeAt(end - 1) <= 32) end--;
  return s.slice(start, end);
}

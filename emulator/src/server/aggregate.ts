// Aggregations over query results, pure: count (with up_to), sum and average with Firestore's
// rules: non-numeric values are ignored; a sum of ints stays an int unless it overflows (then it is
// a double, as is any sum that includes a double); an average is a double, null over no numbers.

import type { Doc } from './document';
import type { FieldPath } from './paths';
import { getField } from './paths';
import { type Value, INT64_MAX, INT64_MIN, NULL_VALUE, isNumber } from './values';

export type Aggregation =
  | { alias: string; kind: 'count'; upTo?: number }
  | { alias: string; kind: 'sum' | 'avg'; field: FieldPath };

function numbersAt(docs: readonly Doc[], field: FieldPath): ({ integerValue: string } | { doubleValue: number })[] {
  const out: ({ integerValue: string } | { doubleValue: number })[] = [];
  for (const doc of docs) {
    const v = getField(doc.fields, field);
    if (v !== undefined && isNumber(v)) out.push(v);
  }
  return out;
}

export function sum(values: readonly ({ integerValue: string } | { doubleValue: number })[]): Value {
  let intSum = 0n;
  let doubleSum = 0;
  let anyDouble = false;
  let overflow = false;
  for (const v of values) {
    if ('integerValue' in v) {
      const n = BigInt(v.integerValue);
      if (!overflow) {
        intSum += n;
        if (intSum > INT64_MAX || intSum < INT64_MIN) overflow = true;
      }
      doubleSum += Number(n);
    } else {
      anyDouble = true;
      doubleSum += v.doubleValue;
    }
  }
  return anyDouble || overflow ? { doubleValue: doubleSum } : { integerValue: intSum.toString() };
}

export function average(values: readonly ({ integerValue: string } | { doubleValue: number })[]): Value {
  if (values.length === 0) return NULL_VALUE;
  let total = 0;
  for (const v of values) total += 'integerValue' in v ? Number(v.integerValue) : v.doubleValue;
  return { doubleValue: total / values.length };
}

/** Results keyed by alias for the documents the query returned. */
export function aggregate(docs: readonly Doc[], aggregations: readonly Aggregation[]): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const a of aggregations) {
    if (a.kind === 'count') {
      const n = a.upTo === undefined ? docs.length : Math.min(docs.length, a.upTo);
      out[a.alias] = { integerValue: String(n) };
    } else if (a.kind === 'sum') {
      out[a.alias] = sum(numbersAt(docs, a.field));
    } else {
      out[a.alias] = average(numbersAt(docs, a.field));
    }
  }
  return out;
}

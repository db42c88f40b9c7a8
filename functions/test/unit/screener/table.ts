/**
 * Table-driven checks for the screener: each row is an expected level, a message and optionally reason
 * codes that must be reported and whether the concern is about someone else. Shared by the per-language
 * test files; a failure message shows the row, never anything but the test's own text.
 */
import assert from 'node:assert/strict';
import type { RiskLevel } from '../../../src/model/schemas';
import { screen } from '../../../src/safety/screener';

export interface Case {
  readonly level: RiskLevel;
  readonly text: string;
  readonly reasons?: readonly string[];
  readonly thirdParty?: boolean;
}

export type CaseRow = readonly [RiskLevel, string] | readonly [RiskLevel, string, { reasons?: readonly string[]; thirdParty?: boolean }];

export function cases(rows: readonly CaseRow[]): Case[] {
  return rows.map((r) => ({ level: r[0], text: r[1], ...(r.length === 3 ? r[2] : {}) }));
}

/** Registers one mocha test per row under the current describe block. */
export function runTable(title: string, rows: readonly CaseRow[]): void {
  describe(title, () => {
    for (const c of cases(rows)) {
      it(`${c.level}: ${c.text}`, () => {
        const result = screen(c.text);
        assert.equal(result.level, c.level, `reasons: ${result.reasons.join(', ')}`);
        for (const reason of c.reasons ?? []) assert.ok(result.reasons.includes(reason), `missing reason ${reason} in ${result.reasons.join(', ')}`);
        if (c.thirdParty !== undefined) assert.equal(result.thirdParty, c.thirdParty);
      });
    }
  });
}

// Compiles a rules source: parse (syntax tree) then resolve (names and structural limits).

import type { Ruleset } from './ast';
import { parseSyntax } from './parser';
import { resolveRuleset } from './resolve';

/** Parses and compiles a rules source; throws RulesSyntaxError naming the line and column. */
export function parseRuleset(source: string, fileName = 'firestore.rules'): Ruleset {
  return resolveRuleset(parseSyntax(source, fileName));
}

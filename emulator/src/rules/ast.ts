// Syntax tree of a ruleset. The parser builds the plain forms; the resolver (resolve.ts)
// replaces identifiers and calls with the resolved forms (local slot, match variable slot,
// user function, built-in) so evaluation does no name lookups.

import type { Value } from './values';

export interface Pos {
  readonly line: number;
  readonly col: number;
}

export type PathPart = { readonly text: string } | { readonly expr: Expr };

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'in';

export type Expr =
  | { readonly kind: 'lit'; readonly value: Value; readonly pos: Pos }
  | { readonly kind: 'list'; readonly items: readonly Expr[]; readonly pos: Pos }
  | { readonly kind: 'map'; readonly entries: readonly { key: Expr; value: Expr }[]; readonly pos: Pos }
  | { readonly kind: 'path'; readonly parts: readonly PathPart[]; readonly pos: Pos }
  | { readonly kind: 'ident'; readonly name: string; readonly pos: Pos }
  | { readonly kind: 'member'; readonly object: Expr; readonly name: string; readonly pos: Pos }
  | { readonly kind: 'index'; readonly object: Expr; readonly index: Expr; readonly pos: Pos }
  | { readonly kind: 'slice'; readonly object: Expr; readonly start: Expr | null; readonly end: Expr | null; readonly pos: Pos }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly pos: Pos }
  | { readonly kind: 'method'; readonly object: Expr; readonly name: string; readonly args: readonly Expr[]; readonly pos: Pos }
  | { readonly kind: 'unary'; readonly op: '!' | '-'; readonly operand: Expr; readonly pos: Pos }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly pos: Pos }
  | { readonly kind: 'and' | 'or'; readonly left: Expr; readonly right: Expr; readonly pos: Pos }
  | { readonly kind: 'is'; readonly operand: Expr; readonly type: string; readonly pos: Pos }
  | { readonly kind: 'cond'; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr; readonly pos: Pos }
  // Resolved forms.
  | { readonly kind: 'local'; readonly slot: number; readonly name: string; readonly pos: Pos }
  | { readonly kind: 'matchvar'; readonly slot: number; readonly name: string; readonly pos: Pos }
  | { readonly kind: 'global'; readonly name: 'request' | 'resource'; readonly pos: Pos }
  | { readonly kind: 'unbound'; readonly name: string; readonly pos: Pos }
  | { readonly kind: 'ucall'; readonly fn: FunctionDecl; readonly args: readonly Expr[]; readonly pos: Pos }
  | { readonly kind: 'bcall'; readonly name: string; readonly args: readonly Expr[]; readonly pos: Pos }
  | { readonly kind: 'nscall'; readonly ns: string; readonly name: string; readonly args: readonly Expr[]; readonly pos: Pos };

export interface LetBinding {
  readonly name: string;
  expr: Expr;
  readonly pos: Pos;
}

export interface FunctionDecl {
  readonly name: string;
  readonly params: readonly string[];
  readonly lets: LetBinding[];
  body: Expr;
  readonly pos: Pos;
}

export type Method = 'read' | 'write' | 'get' | 'list' | 'create' | 'update' | 'delete';

export interface AllowStmt {
  readonly methods: readonly Method[];
  condition: Expr | null;
  readonly pos: Pos;
}

export type MatchSegment =
  | { readonly kind: 'lit'; readonly text: string }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'rest'; readonly name: string };

export interface MatchBlock {
  readonly segments: readonly MatchSegment[];
  readonly pathText: string;
  readonly children: MatchBlock[];
  readonly allows: AllowStmt[];
  readonly functions: FunctionDecl[];
  readonly pos: Pos;
  /** First match-variable slot of this block's own variables (set by the resolver). */
  slotBase: number;
}

export type ServiceKind = 'firestore' | 'storage';

export interface Ruleset {
  readonly version: 1 | 2;
  readonly service: ServiceKind;
  readonly serviceName: string;
  readonly matches: readonly MatchBlock[];
  readonly functions: readonly FunctionDecl[];
  readonly fileName: string;
  /** Total number of match-variable slots needed by the deepest chain (set by the resolver). */
  slotCount: number;
}

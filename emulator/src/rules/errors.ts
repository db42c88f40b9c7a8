// Error types of the rules engine: syntax errors from parsing, evaluation errors (which make one
// `allow` false and can be absorbed by `&&`/`||`), and fatal errors (limits) that deny the request.

/** A rules source that does not compile; names the line and column (1-based). */
export class RulesSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  readonly fileName: string;
  readonly detail: string;

  constructor(detail: string, line: number, column: number, fileName = 'firestore.rules') {
    super(`${fileName}:${line}:${column}: ${detail}`);
    this.name = 'RulesSyntaxError';
    this.detail = detail;
    this.line = line;
    this.column = column;
    this.fileName = fileName;
  }
}

/**
 * An evaluation error (missing key, wrong type, overflow, ...). Deliberately not an `Error`
 * subclass: it is thrown often and a stack trace is never needed.
 */
export class RulesEvalError {
  constructor(readonly message: string) {}
}

/** A per-request limit was exceeded; the whole request is denied, no `||` can absorb it. */
export class RulesFatalError {
  constructor(readonly message: string) {}
}

/** Shorthand used by the evaluator: throw an evaluation error. */
export function fail(message: string): never {
  throw new RulesEvalError(message);
}

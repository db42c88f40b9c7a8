/**
 * Domain errors carry a stable code (`area/what-happened`) and a gRPC-style status.
 * Only the edge (callables, see `callable.ts`) turns them into `HttpsError`; logic throws these.
 */
export type ErrorStatus =
  | 'invalid-argument'
  | 'failed-precondition'
  | 'not-found'
  | 'already-exists'
  | 'permission-denied'
  | 'unauthenticated'
  | 'resource-exhausted'
  | 'unavailable'
  | 'deadline-exceeded'
  | 'internal';

export class DomainError extends Error {
  constructor(
    /** Stable machine-readable code, e.g. `roles/self-demotion`. Clients may branch on it. */
    readonly code: string,
    readonly status: ErrorStatus,
    message: string,
    readonly details?: Record<string, string | number | boolean>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Input that does not match its schema. `message` is already readable (see validation.ts). */
export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super('validation/invalid', 'invalid-argument', message);
    this.name = 'ValidationError';
  }
}

/** Stored data that does not match the contract: a bug or a tampered document, never the caller's fault. */
export class CorruptDocumentError extends DomainError {
  constructor(path: string, issues: readonly string[]) {
    super('data/corrupt-document', 'internal', `Stored document ${path} does not match its schema: ${issues.join('; ')}`);
    this.name = 'CorruptDocumentError';
  }
}

export const errors = {
  unauthenticated: (message = 'Sign in first.') => new DomainError('auth/unauthenticated', 'unauthenticated', message),
  permissionDenied: (code: string, message: string) => new DomainError(code, 'permission-denied', message),
  notFound: (code: string, message: string) => new DomainError(code, 'not-found', message),
  failedPrecondition: (code: string, message: string) => new DomainError(code, 'failed-precondition', message),
  alreadyExists: (code: string, message: string) => new DomainError(code, 'already-exists', message),
  invalidArgument: (code: string, message: string) => new DomainError(code, 'invalid-argument', message),
};

// The status codes Firestore answers with (the gRPC numbering) and the error every layer throws;
// the gRPC and REST edges turn it into a status. Kept free of grpc-js so pure modules can use it.

export enum Code {
  OK = 0,
  CANCELLED = 1,
  UNKNOWN = 2,
  INVALID_ARGUMENT = 3,
  DEADLINE_EXCEEDED = 4,
  NOT_FOUND = 5,
  ALREADY_EXISTS = 6,
  PERMISSION_DENIED = 7,
  RESOURCE_EXHAUSTED = 8,
  FAILED_PRECONDITION = 9,
  ABORTED = 10,
  OUT_OF_RANGE = 11,
  UNIMPLEMENTED = 12,
  INTERNAL = 13,
  UNAVAILABLE = 14,
  UNAUTHENTICATED = 16,
}

export class FirestoreError extends Error {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
    this.name = 'FirestoreError';
  }
}

export function invalidArgument(message: string): FirestoreError {
  return new FirestoreError(Code.INVALID_ARGUMENT, message);
}

export function aborted(message: string): FirestoreError {
  return new FirestoreError(Code.ABORTED, message);
}

/** Any thrown value as a FirestoreError (unexpected ones become INTERNAL with their message). */
export function asFirestoreError(err: unknown): FirestoreError {
  if (err instanceof FirestoreError) return err;
  return new FirestoreError(Code.INTERNAL, err instanceof Error ? err.message : String(err));
}

/** Google's HTTP status names for the REST edge. */
export const CODE_NAMES: Record<Code, string> = {
  [Code.OK]: 'OK',
  [Code.CANCELLED]: 'CANCELLED',
  [Code.UNKNOWN]: 'UNKNOWN',
  [Code.INVALID_ARGUMENT]: 'INVALID_ARGUMENT',
  [Code.DEADLINE_EXCEEDED]: 'DEADLINE_EXCEEDED',
  [Code.NOT_FOUND]: 'NOT_FOUND',
  [Code.ALREADY_EXISTS]: 'ALREADY_EXISTS',
  [Code.PERMISSION_DENIED]: 'PERMISSION_DENIED',
  [Code.RESOURCE_EXHAUSTED]: 'RESOURCE_EXHAUSTED',
  [Code.FAILED_PRECONDITION]: 'FAILED_PRECONDITION',
  [Code.ABORTED]: 'ABORTED',
  [Code.OUT_OF_RANGE]: 'OUT_OF_RANGE',
  [Code.UNIMPLEMENTED]: 'UNIMPLEMENTED',
  [Code.INTERNAL]: 'INTERNAL',
  [Code.UNAVAILABLE]: 'UNAVAILABLE',
  [Code.UNAUTHENTICATED]: 'UNAUTHENTICATED',
};

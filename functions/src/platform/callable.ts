/**
 * The edge for callables: authentication, input parsing and error mapping in one place.
 * Handlers receive parsed input and the caller's verified identity; they throw `DomainError`s,
 * which become `HttpsError`s with the same status and a `details.code` clients can branch on.
 * Anything else becomes `internal` with no detail (it may quote input), and is logged by class only.
 */
import { HttpsError, onCall, type CallableOptions, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { REGION } from './config';
import { DomainError, errors } from './errors';
import { errorFields, events } from './log';
import { ROLES, type Role } from './roles';
import { parseInput } from './validation';

/** The caller as the rules and callables see them: uid plus the claims we own. */
export interface Caller {
  uid: string;
  role: Role | undefined;
  orgId: string | undefined;
}

const claimsSchema = z.object({
  role: z.enum(ROLES).optional().catch(undefined),
  orgId: z.string().min(1).optional().catch(undefined),
});

/** Reads the verified token's claims; a malformed claim counts as absent, never as a role. */
export function callerFrom(request: Pick<CallableRequest, 'auth'>): Caller {
  if (!request.auth) throw errors.unauthenticated();
  const claims = claimsSchema.parse(request.auth.token);
  return { uid: request.auth.uid, role: claims.role, orgId: claims.orgId };
}

export function toHttpsError(err: unknown): HttpsError {
  if (err instanceof HttpsError) return err;
  if (err instanceof DomainError) {
    return new HttpsError(err.status, err.message, { code: err.code, ...(err.details ?? {}) });
  }
  return new HttpsError('internal', 'Something went wrong on our side. Please try again.');
}

export type CallableHandler<I, O> = (input: I, caller: Caller, request: CallableRequest<unknown>) => Promise<O>;

/** Pure handler wrapper (testable without the trigger): auth → parse → run → map errors. */
export function handleCallable<S extends z.ZodType, O>(
  name: string,
  schema: S,
  handler: CallableHandler<z.output<S>, O>,
): (request: CallableRequest<unknown>) => Promise<O> {
  return async (request) => {
    try {
      const caller = callerFrom(request);
      const input = parseInput(schema, request.data, `${name} request`);
      return await handler(input, caller, request);
    } catch (err) {
      const mapped = toHttpsError(err);
      if (err instanceof DomainError || err instanceof HttpsError) {
        events.callableRejected({ callable: name, status: mapped.code, errorCode: err instanceof DomainError ? err.code : mapped.code });
      } else {
        const f = errorFields(err);
        events.callableFailed({ callable: name, errorClass: String(f.errorClass), errorCode: typeof f.errorCode === 'string' || typeof f.errorCode === 'number' ? f.errorCode : undefined });
      }
      throw mapped;
    }
  };
}

/** A deployed callable in our region. App Check enforcement follows the config flag (off in the emulators). */
export function callable<S extends z.ZodType, O>(
  name: string,
  schema: S,
  handler: CallableHandler<z.output<S>, O>,
  options: Omit<CallableOptions, 'region'> = {},
) {
  return onCall({ region: REGION, ...options }, handleCallable(name, schema, handler));
}

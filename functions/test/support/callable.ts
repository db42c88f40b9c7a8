/** Builds the requests firebase-functions-test's v2 callable wrapper takes. */
import type { DecodedIdToken } from 'firebase-admin/auth';
import type { CallableRequest, Request } from 'firebase-functions/v2/https';

type AuthData = NonNullable<CallableRequest['auth']>;

/** A verified-token stand-in with the given custom claims, shaped as firebase-admin decodes one. */
export function authData(uid: string, claims: Record<string, unknown> = {}): AuthData {
  const now = Math.floor(Date.now() / 1000);
  const token: DecodedIdToken = {
    aud: 'demo-manmitra',
    auth_time: now,
    exp: now + 3600,
    iat: now,
    iss: 'https://securetoken.google.com/demo-manmitra',
    sub: uid,
    uid,
    firebase: { identities: {}, sign_in_provider: 'anonymous' },
    ...claims,
  };
  return { uid, token, rawToken: 'unsigned-test-token' };
}

export function callableRequest(data: unknown, auth?: AuthData): CallableRequest {
  // The handlers under test never touch the raw HTTP request; an empty object stands in for it.
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions
  const rawRequest = {} as Request;
  return { data, ...(auth ? { auth } : {}), rawRequest, acceptsStreaming: false };
}

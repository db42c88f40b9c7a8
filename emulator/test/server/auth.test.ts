import assert from 'node:assert/strict';
import { principalFromAuthorization } from '../../src/server/auth';
import { FirestoreError } from '../../src/server/errors';

function unsigned(payload: object): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

describe('auth: bearer tokens', () => {
  it('recognises the owner token and the absence of a token', () => {
    assert.deepEqual(principalFromAuthorization('Bearer owner'), { kind: 'owner' });
    assert.deepEqual(principalFromAuthorization(undefined), { kind: 'unauthenticated' });
  });

  it('decodes an Auth emulator ID token with its custom claims', () => {
    const token = unsigned({
      iss: 'https://securetoken.google.com/demo-x',
      aud: 'demo-x',
      sub: 'u1',
      user_id: 'u1',
      role: 'counselor',
      orgId: 'org1',
      firebase: { identities: {}, sign_in_provider: 'anonymous' },
    });
    const principal = principalFromAuthorization(`Bearer ${token}`);
    assert.equal(principal.kind, 'user');
    assert.ok(principal.kind === 'user');
    assert.equal(principal.auth.uid, 'u1');
    assert.equal(principal.auth.token['role'], 'counselor');
    assert.deepEqual(principal.auth.token['firebase'], { identities: {}, sign_in_provider: 'anonymous' });
  });

  it('rejects malformed headers and tokens with UNAUTHENTICATED', () => {
    for (const header of ['Basic abc', 'Bearer abc', `Bearer ${unsigned({ aud: 'x' })}`, 'Bearer a.!!!.b', `Bearer ${unsigned({ sub: 5 })}`]) {
      assert.throws(
        () => principalFromAuthorization(header),
        (err: unknown) => err instanceof FirestoreError && err.code === 16,
        header,
      );
    }
  });
});

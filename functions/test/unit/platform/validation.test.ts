import assert from 'node:assert/strict';
import { z } from 'zod';
import { CorruptDocumentError, ValidationError } from '../../../src/platform/errors';
import { formatIssues, parseInput, parseStored } from '../../../src/platform/validation';

const schema = z.object({ uid: z.string().min(1), role: z.enum(['student', 'admin']), note: z.string().max(5).optional() }).strict();

describe('validation', () => {
  it('returns parsed data on success', () => {
    assert.deepEqual(parseInput(schema, { uid: 'u', role: 'admin' }), { uid: 'u', role: 'admin' });
  });

  it('turns zod issues into one readable line each', () => {
    const r = schema.safeParse({ uid: '', role: 'boss', note: 'toolong', extra: 1 });
    assert.equal(r.success, false);
    if (r.success) return;
    const lines = formatIssues(r.error);
    assert.ok(lines.includes('uid: must not be empty'), lines.join('|'));
    assert.ok(lines.includes('role: must be one of student, admin'), lines.join('|'));
    assert.ok(lines.includes('note: at most 5 characters'), lines.join('|'));
    assert.ok(lines.includes('input: unknown field extra'), lines.join('|'));
  });

  it('throws ValidationError (invalid-argument) for bad input', () => {
    assert.throws(
      () => parseInput(schema, { uid: 1, role: 'student' }, 'setUserRole request'),
      (e: unknown) => e instanceof ValidationError && e.status === 'invalid-argument' && e.message === 'Invalid setUserRole request: uid: expected string',
    );
  });

  it('throws CorruptDocumentError (internal) for a stored document that breaks the contract', () => {
    assert.throws(
      () => parseStored(schema, { uid: 'u', role: 'root' }, 'users/u'),
      (e: unknown) => e instanceof CorruptDocumentError && e.status === 'internal' && e.message.includes('users/u'),
    );
  });
});

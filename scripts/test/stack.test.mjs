// Tests for the pure and file-local parts of scripts/lib/stack.mjs: the Java version check behind
// `npm run start:google`, and the offline secrets file the Functions emulator reads.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_SECRET_NAMES, ensureLocalSecrets, javaMajor } from '../lib/stack.mjs';

describe('stack: java version', () => {
  it('reads the major version from `java -version` output, old and new styles', () => {
    assert.equal(javaMajor('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment'), 17);
    assert.equal(javaMajor('openjdk version "21" 2023-09-19'), 21);
    assert.equal(javaMajor('java version "1.8.0_291"'), 8);
    assert.equal(javaMajor('command not found'), undefined);
  });
});

describe('stack: local secrets file', () => {
  let dir;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const parse = (text) => Object.fromEntries(text.split('\n').filter((l) => /^[A-Z]/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

  it('writes every bound secret with a non-empty value and a valid 32-byte encryption key, readable only by the owner', () => {
    const file = join(dir, '.secret.local');
    assert.deepEqual(ensureLocalSecrets(file), LOCAL_SECRET_NAMES);
    const values = parse(readFileSync(file, 'utf8'));
    for (const name of LOCAL_SECRET_NAMES) assert.ok(values[name], `${name} has a value`);
    const [id, b64] = values.FIELD_ENCRYPTION_KEY.split(':');
    assert.equal(id, 'local');
    assert.equal(Buffer.from(b64, 'base64').length, 32);
    assert.equal(statSync(file).mode & 0o077, 0);
  });

  it('keeps existing values (the key survives restarts) and adds only what is missing', () => {
    const file = join(dir, '.secret.local');
    writeFileSync(file, 'FIELD_ENCRYPTION_KEY=k1:' + Buffer.alloc(32, 1).toString('base64') + '\nGEMINI_API_KEY=real-key');
    assert.deepEqual(ensureLocalSecrets(file), ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'SENDGRID_API_KEY']);
    const values = parse(readFileSync(file, 'utf8'));
    assert.equal(values.FIELD_ENCRYPTION_KEY, 'k1:' + Buffer.alloc(32, 1).toString('base64'));
    assert.equal(values.GEMINI_API_KEY, 'real-key');
    assert.deepEqual(ensureLocalSecrets(file), []);
  });

  it('treats an empty value as missing (the Functions emulator would ask Secret Manager for it)', () => {
    const file = join(dir, '.secret.local');
    writeFileSync(file, 'GEMINI_API_KEY=\n');
    assert.ok(ensureLocalSecrets(file).includes('GEMINI_API_KEY'));
  });
});

// Builds the access cases in rules-tests/cases/*.json (Firestore) and rules-tests/storage-cases/*.json
// (Storage) from the contract of DESIGN.md §3. Each collection starts from a valid document and changes
// one thing per case (GroundLevel style): every role × every operation, then the attacks (uid and role
// tampering, other org, unknown keys, oversize text, wrong types, immutable and server-only fields,
// unconstrained queries). The JSON files are what `rules:check` reads; regenerate them after editing
// this file: `node rules-tests/build-cases.mjs`. Format: ../shared/conformance/README.md and README.md.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

// ---- values ----------------------------------------------------------------------------------------

const TIME = '2026-03-01T10:00:00.000Z';
const ts = (iso) => ({ __timestamp__: iso });
const NOW = ts(TIME);
const PAST = ts('2026-02-01T08:00:00.000Z');
const LATER = ts('2026-03-05T11:00:00.000Z');
const LATER_END = ts('2026-03-05T11:45:00.000Z');
const float = (n) => ({ __float__: n });
const text = (n, ch = 'a') => ch.repeat(n);
const clone = (v) => JSON.parse(JSON.stringify(v));
const omit = (obj, ...keys) => {
  const out = clone(obj);
  for (const k of keys) delete out[k];
  return out;
};
const withKeys = (obj, patch) => ({ ...clone(obj), ...clone(patch) });

// ---- actors ----------------------------------------------------------------------------------------

const user = (uid, role, orgId) => ({ uid, token: { role, orgId } });

/** The eight roles every collection is checked against (owner = the student stu1 of org orgA). */
const ACTORS = {
  signedOut: null,
  owner: user('stu1', 'student', 'orgA'),
  otherStudent: user('stu2', 'student', 'orgA'),
  volunteer: user('vol1', 'volunteer', 'orgA'),
  counselor: user('cou1', 'counselor', 'orgA'),
  counselorOtherOrg: user('cou9', 'counselor', 'orgB'),
  admin: user('adm1', 'admin', 'orgA'),
  adminOtherOrg: user('adm9', 'admin', 'orgB'),
};
const A = ACTORS;
const studentOtherOrg = user('stu9', 'student', 'orgB');
const secondCounselor = user('cou2', 'counselor', 'orgA');
const secondVolunteer = user('vol2', 'volunteer', 'orgA');
const noClaims = { uid: 'stu3', token: {} };
// Tokens whose orgId claim is not a non-empty string: they match no org, not even a document whose orgId
// is null or '' (myOrg() would return the same null or '').
const nullOrg = {
  student: user('stu0', 'student', null),
  volunteer: user('vol0', 'volunteer', null),
  counselor: user('cou0', 'counselor', null),
  admin: user('adm0', 'admin', null),
};
const emptyOrgCounselor = user('cou8', 'counselor', '');

// ---- case files ------------------------------------------------------------------------------------

const files = new Map();

function add(file, id, request, expect) {
  if (!files.has(file)) files.set(file, []);
  const list = files.get(file);
  if (list.some((c) => c.id === id)) throw new Error(`Duplicate case id ${file}:${id}`);
  const req = { time: TIME, ...clone(request) };
  if (req.auth === undefined) req.auth = null;
  list.push({ id, request: req, expect: expect ? 'ALLOW' : 'DENY' });
}

/** One case per actor of ACTORS: allowed for the actors named in `allowed`, denied for the others. */
function matrix(file, prefix, request, allowed) {
  for (const [name, auth] of Object.entries(ACTORS)) {
    add(file, `${prefix}-${name}`, { ...request, auth }, allowed.includes(name));
  }
}

// ---- fixtures --------------------------------------------------------------------------------------

const enc = { alg: 'A256GCM', kid: 'k1', iv: 'bXlpdm15aXZteWl2', ct: 'Y2lwaGVydGV4dA==', tag: 'dGFndGFndGFndGFndGFn' };

const profile = (uid, role, orgId) => ({
  alias: 'Calm Otter 42',
  role,
  orgId,
  language: 'en',
  timezone: 'Asia/Kolkata',
  createdAt: PAST,
  lastActiveAt: PAST,
  streak: { current: 3, longest: 9, lastDay: '2026-02-28' },
  prefs: { reminderTime: '20:30', quietHours: { start: '22:00', end: '07:00' }, channels: { push: true, email: false, sms: false } },
  consent: { aiScreening: false, shareWithCounselor: false, analytics: true, version: 1, at: PAST },
  counts: { mood: 4, journal: 2, gratitude: 0, sleep: 1, breathing: 0 },
});

// =====================================================================================================
// users/{uid}
// =====================================================================================================
{
  const F = 'users';
  const doc = profile('stu1', 'student', 'orgA');
  const get = { method: 'get', path: 'users/stu1', resource: doc };
  matrix(F, 'get', get, ['owner', 'counselor', 'admin']);
  add(F, 'get-own-before-provisioning', { method: 'get', path: 'users/stu1', auth: A.owner }, true);
  add(F, 'get-missing-by-counselor', { method: 'get', path: 'users/stu1', auth: A.counselor }, false);
  add(F, 'get-student-of-other-org-by-counselor', { ...get, resource: profile('stu9', 'student', 'orgB'), path: 'users/stu9', auth: A.counselor }, false);
  add(F, 'get-by-student-of-other-org', { ...get, auth: studentOtherOrg }, false);
  add(F, 'get-by-user-without-claims', { ...get, auth: noClaims }, false);
  add(F, 'get-by-forged-role-claim', { ...get, auth: { uid: 'x1', token: { role: 'superadmin', orgId: 'orgA' } } }, false);
  add(F, 'get-staff-without-org-claim', { ...get, auth: { uid: 'cou5', token: { role: 'counselor' } } }, false);
  // A null or empty org claim never matches a profile whose orgId is null or '' (or missing).
  const orphan = { ...doc, orgId: null };
  add(F, 'get-null-org-profile-by-null-org-counselor', { ...get, resource: orphan, auth: nullOrg.counselor }, false);
  add(F, 'get-null-org-profile-by-null-org-admin', { ...get, resource: orphan, auth: nullOrg.admin }, false);
  add(F, 'get-empty-org-profile-by-empty-org-counselor', { ...get, resource: { ...doc, orgId: '' }, auth: emptyOrgCounselor }, false);
  add(F, 'get-profile-without-org-by-null-org-counselor', { ...get, resource: omit(doc, 'orgId'), auth: nullOrg.counselor }, false);
  add(F, 'get-own-with-null-org-claim', { ...get, resource: orphan, auth: { uid: 'stu1', token: { role: 'student', orgId: null } } }, true);
  add(F, 'list-null-org-by-null-org-counselor', { method: 'list', path: 'users', auth: nullOrg.counselor, query: { where: [['orgId', '==', null]] } }, false);
  add(F, 'list-null-org-by-null-org-admin', { method: 'list', path: 'users', auth: nullOrg.admin, query: { where: [['orgId', '==', null]] } }, false);
  add(F, 'list-empty-org-by-empty-org-counselor', { method: 'list', path: 'users', auth: emptyOrgCounselor, query: { where: [['orgId', '==', '']] } }, false);

  const list = { method: 'list', path: 'users', query: { where: [['orgId', '==', 'orgA']] } };
  matrix(F, 'list-org', list, ['counselor', 'admin']);
  add(F, 'list-own-org-by-counselor-of-other-org', { ...list, auth: A.counselorOtherOrg, query: { where: [['orgId', '==', 'orgB']] } }, true);
  add(F, 'list-unfiltered-by-counselor', { method: 'list', path: 'users', auth: A.counselor, query: {} }, false);
  add(F, 'list-unfiltered-by-admin', { method: 'list', path: 'users', auth: A.admin, query: {} }, false);
  add(F, 'list-role-only-by-counselor', { method: 'list', path: 'users', auth: A.counselor, query: { where: [['role', '==', 'student']] } }, false);
  add(F, 'list-org-students-by-alias', { method: 'list', path: 'users', auth: A.counselor, query: { where: [['orgId', '==', 'orgA'], ['role', '==', 'student']], orderBy: [['alias', 'asc']], limit: 50 } }, true);
  add(F, 'list-org-in-two-orgs', { method: 'list', path: 'users', auth: A.admin, query: { where: [['orgId', 'in', ['orgA', 'orgB']]] } }, false);
  add(F, 'list-org-or-other', { method: 'list', path: 'users', auth: A.admin, query: { or: [[['orgId', '==', 'orgA']], [['role', '==', 'admin']]] } }, false);
  add(F, 'list-org-by-volunteer', { ...list, auth: A.volunteer }, false);

  matrix(F, 'create', { method: 'create', path: 'users/stu1', data: doc }, []);
  matrix(F, 'delete', { method: 'delete', path: 'users/stu1', resource: doc }, []);

  const upd = (patch) => ({ method: 'update', path: 'users/stu1', resource: doc, data: withKeys(doc, patch) });
  matrix(F, 'update-language', upd({ language: 'hi' }), ['owner']);
  const own = (id, patch, ok) => add(F, id, { ...upd(patch), auth: A.owner }, ok);
  own('update-timezone', { timezone: 'Asia/Kathmandu' }, true);
  own('update-timezone-three-parts', { timezone: 'America/Argentina/Buenos_Aires' }, true);
  own('update-timezone-not-iana', { timezone: 'not a zone!' }, false);
  own('update-timezone-too-long', { timezone: `Asia/${text(70)}` }, false);
  own('update-timezone-wrong-type', { timezone: 530 }, false);
  own('update-language-unknown', { language: 'fr' }, false);
  own('update-language-wrong-type', { language: 1 }, false);
  own('update-prefs', { prefs: { reminderTime: '07:15', quietHours: null, channels: { push: true, email: true, sms: false } } }, true);
  own('update-prefs-no-reminder', { prefs: { reminderTime: null, quietHours: { start: '23:00', end: '06:00' }, channels: { push: false, email: false, sms: false } } }, true);
  own('update-prefs-bad-time', { prefs: { reminderTime: '25:00', quietHours: null, channels: { push: true, email: false, sms: false } } }, false);
  own('update-prefs-extra-key', { prefs: { reminderTime: '07:15', quietHours: null, channels: { push: true, email: false, sms: false }, theme: 'dark' } }, false);
  own('update-prefs-channel-wrong-type', { prefs: { reminderTime: '07:15', quietHours: null, channels: { push: 'yes', email: false, sms: false } } }, false);
  own('update-prefs-quiet-hours-missing-end', { prefs: { reminderTime: '07:15', quietHours: { start: '22:00' }, channels: { push: true, email: false, sms: false } } }, false);
  own('update-prefs-missing-channels', { prefs: { reminderTime: '07:15', quietHours: null } }, false);
  const consent = (patch) => ({ consent: { aiScreening: true, shareWithCounselor: true, analytics: true, version: 2, at: NOW, ...patch } });
  own('update-consent', consent({}), true);
  own('update-consent-withdraw', consent({ aiScreening: false, shareWithCounselor: false, analytics: false }), true);
  own('update-consent-backdated', consent({ at: ts('2026-02-15T00:00:00.000Z') }), false);
  own('update-consent-keeps-at', consent({ at: PAST }), true);
  own('update-consent-future', consent({ at: LATER }), false);
  own('update-consent-null-time', consent({ at: null }), false);
  own('update-consent-extra-key', consent({ marketing: true }), false);
  own('update-consent-negative-version', consent({ version: -1 }), false);
  own('update-consent-wrong-type', consent({ aiScreening: 'true' }), false);
  own('update-several-allowed', { language: 'ne', timezone: 'Asia/Kathmandu', ...consent({}) }, true);
  own('update-role-to-admin', { role: 'admin' }, false);
  own('update-role-to-counselor', { role: 'counselor' }, false);
  own('update-org', { orgId: 'orgB' }, false);
  own('update-alias', { alias: 'Real Name' }, false);
  own('update-counts', { counts: { mood: 400, journal: 2, gratitude: 0, sleep: 1, breathing: 0 } }, false);
  own('update-streak', { streak: { current: 99, longest: 99, lastDay: '2026-03-01' } }, false);
  own('update-created-at', { createdAt: NOW }, false);
  own('update-last-active-at', { lastActiveAt: NOW }, false);
  own('update-unknown-key', { email: 'me@example.com' }, false);
  own('update-language-and-role', { language: 'hi', role: 'admin' }, false);
  add(F, 'update-remove-prefs', { method: 'update', path: 'users/stu1', auth: A.owner, resource: doc, data: omit(doc, 'prefs') }, false);
  add(F, 'update-other-students-language', { ...upd({ language: 'hi' }), auth: A.otherStudent }, false);
  add(F, 'update-role-by-admin', { ...upd({ role: 'counselor' }), auth: A.admin }, false);
  add(F, 'update-consent-by-counselor', { ...upd(consent({})), auth: A.counselor }, false);

  // prefs.weeklyReflection: the student's optional switch (absent = no).
  const prefs = (patch) => ({ prefs: { ...doc.prefs, ...patch } });
  own('update-prefs-weekly-reflection-on', prefs({ weeklyReflection: true }), true);
  own('update-prefs-weekly-reflection-off', prefs({ weeklyReflection: false }), true);
  own('update-prefs-weekly-reflection-wrong-type', prefs({ weeklyReflection: 'yes' }), false);
  own('update-prefs-weekly-reflection-null', prefs({ weeklyReflection: null }), false);
  own('update-prefs-weekly-reflection-map', prefs({ weeklyReflection: { on: true } }), false);
  own('update-prefs-weekly-reflection-and-unknown-key', prefs({ weeklyReflection: true, monthlyReflection: true }), false);
  own('update-weekly-reflection-at-top-level', { weeklyReflection: true }, false);

  // Due instants functions keep (nextReminderAt, streakNudgeAt): present and unchanged on owner updates,
  // never set, changed or removed by a client.
  const kept = withKeys(doc, { nextReminderAt: LATER, streakNudgeAt: NOW, prefs: { ...doc.prefs, weeklyReflection: true } });
  const updKept = (patch) => ({ method: 'update', path: 'users/stu1', resource: kept, data: withKeys(kept, patch) });
  matrix(F, 'update-prefs-with-due-fields', updKept({ prefs: { ...kept.prefs, reminderTime: '21:00' } }), ['owner']);
  const ownKept = (id, patch, ok) => add(F, id, { ...updKept(patch), auth: A.owner }, ok);
  ownKept('update-language-with-due-fields', { language: 'ne' }, true);
  ownKept('update-timezone-with-due-fields', { timezone: 'Asia/Kathmandu' }, true);
  ownKept('update-consent-with-due-fields', consent({}), true);
  ownKept('update-prefs-keeps-weekly-reflection', { prefs: { ...kept.prefs, quietHours: null } }, true);
  ownKept('update-prefs-drops-weekly-reflection', { prefs: omit(kept.prefs, 'weeklyReflection') }, true);
  add(F, 'update-language-with-null-due-fields', { method: 'update', path: 'users/stu1', auth: A.owner, resource: withKeys(kept, { nextReminderAt: null, streakNudgeAt: null }), data: withKeys(kept, { nextReminderAt: null, streakNudgeAt: null, language: 'hi' }) }, true);
  ownKept('update-next-reminder-at', { nextReminderAt: NOW }, false);
  ownKept('update-next-reminder-at-to-null', { nextReminderAt: null }, false);
  ownKept('update-next-reminder-at-wrong-type', { nextReminderAt: '2026-03-05T11:00:00Z' }, false);
  ownKept('update-prefs-and-next-reminder-at', { prefs: { ...kept.prefs, reminderTime: '06:00' }, nextReminderAt: NOW }, false);
  ownKept('update-streak-nudge-at', { streakNudgeAt: LATER }, false);
  ownKept('update-streak-nudge-at-to-null', { streakNudgeAt: null }, false);
  ownKept('update-timezone-and-streak-nudge-at', { timezone: 'UTC', streakNudgeAt: LATER }, false);
  add(F, 'update-remove-next-reminder-at', { method: 'update', path: 'users/stu1', auth: A.owner, resource: kept, data: omit(kept, 'nextReminderAt') }, false);
  add(F, 'update-remove-streak-nudge-at', { method: 'update', path: 'users/stu1', auth: A.owner, resource: kept, data: omit(kept, 'streakNudgeAt') }, false);
  own('update-add-next-reminder-at', { nextReminderAt: LATER }, false);
  own('update-add-next-reminder-at-null', { nextReminderAt: null }, false);
  own('update-add-streak-nudge-at', { streakNudgeAt: LATER }, false);
  own('update-add-other-due-field', { nextCheckinAt: LATER }, false);
  add(F, 'update-next-reminder-at-by-admin', { ...updKept({ nextReminderAt: NOW }), auth: A.admin }, false);
  add(F, 'update-next-reminder-at-by-counselor', { ...updKept({ nextReminderAt: NOW }), auth: A.counselor }, false);
  matrix(F, 'get-with-due-fields', { method: 'get', path: 'users/stu1', resource: kept }, ['owner', 'counselor', 'admin']);
  add(F, 'list-due-reminders-by-admin', { method: 'list', path: 'users', auth: A.admin, query: { where: [['nextReminderAt', '<=', NOW]], orderBy: [['nextReminderAt', 'asc']] } }, false);

  // Each operand of prefs and consent refused on its own (the others valid).
  const ch = { push: true, email: false, sms: false };
  own('update-prefs-quiet-hours-bad-start', { prefs: { reminderTime: null, quietHours: { start: '10pm', end: '07:00' }, channels: ch } }, false);
  own('update-prefs-quiet-hours-bad-end', { prefs: { reminderTime: null, quietHours: { start: '22:00', end: '7:00' }, channels: ch } }, false);
  own('update-prefs-channels-missing-sms', { prefs: { reminderTime: null, quietHours: null, channels: { push: true, email: false } } }, false);
  own('update-prefs-channel-email-wrong-type', { prefs: { reminderTime: null, quietHours: null, channels: { ...ch, email: 'no' } } }, false);
  own('update-prefs-channel-sms-wrong-type', { prefs: { reminderTime: null, quietHours: null, channels: { ...ch, sms: 0 } } }, false);
  own('update-prefs-reminder-time-wrong-type', { prefs: { reminderTime: 730, quietHours: null, channels: ch } }, false);
  own('update-prefs-not-map', { prefs: 'quiet' }, false);
  own('update-consent-share-wrong-type', consent({ shareWithCounselor: 'no' }), false);
  own('update-consent-analytics-wrong-type', consent({ analytics: 1 }), false);
}

// =====================================================================================================
// users/{uid}/private/contact
// =====================================================================================================
{
  const F = 'users-private-contact';
  const path = 'users/stu1/private/contact';
  // What functions store (setAlertContact, or onAlertContactWritten after an owner's write): encrypted.
  const stored = { email: enc, phone: null, updatedAt: PAST };
  // What the owner writes: plaintext (functions encrypt it in place), or null to clear a value.
  const doc = { email: 'asha@example.org', phone: '+919876543210', updatedAt: NOW };
  // Nobody reads it through the client API, the owner included (functions read it to send alerts).
  matrix(F, 'get', { method: 'get', path, resource: stored }, []);
  matrix(F, 'get-plaintext', { method: 'get', path, resource: { ...doc, updatedAt: PAST } }, []);
  matrix(F, 'list', { method: 'list', path: 'users/stu1/private', query: {} }, []);
  add(F, 'list-collection-group-by-admin', { method: 'list', collectionGroup: 'private', auth: A.admin, query: {} }, false);
  // The owner writes (DESIGN.md §3: "O writes, F reads; nobody else").
  matrix(F, 'create', { method: 'create', path, data: doc }, ['owner']);
  matrix(F, 'update', { method: 'update', path, resource: stored, data: { ...stored, phone: '+9779812345678', updatedAt: NOW } }, ['owner']);
  matrix(F, 'delete', { method: 'delete', path, resource: stored }, ['owner']);
  const c = (id, data, ok, auth = A.owner, p = path) => add(F, id, { method: 'create', path: p, auth, data }, ok);
  c('create-email-only', { email: 'asha@example.org' }, true);
  c('create-phone-only', { phone: '+919876543210' }, true);
  c('create-without-updated-at', omit(doc, 'updatedAt'), true);
  c('create-both-null', { email: null, phone: null, updatedAt: NOW }, true);
  c('create-email-null-phone-set', { email: null, phone: '+919876543210', updatedAt: NOW }, true);
  c('create-phone-formatted', { phone: '+91 (98765) 432-10' }, true);
  c('create-phone-national', { phone: '09876543210' }, true);
  c('create-longest-email', { email: `${text(242)}@example.org` }, true);
  c('create-longest-phone', { phone: text(32, '9') }, true);
  c('create-client-time', { ...doc, updatedAt: PAST }, false);
  c('create-later-time', { ...doc, updatedAt: LATER }, false);
  c('create-updated-at-null', { ...doc, updatedAt: null }, false);
  c('create-extra-key', { ...doc, name: 'Asha' }, false);
  c('create-extra-key-only', { whatsapp: '+919876543210' }, false);
  c('create-email-too-long', { email: `${text(243)}@example.org` }, false);
  c('create-email-too-short', { email: 'a@' }, false);
  c('create-email-not-an-address', { email: 'asha at example.org' }, false);
  c('create-email-two-ats', { email: 'a@b@c.org' }, false);
  c('create-email-wrong-type', { email: 42 }, false);
  c('create-email-empty', { email: '' }, false);
  c('create-phone-too-long', { phone: text(33, '9') }, false);
  c('create-phone-too-short', { phone: '12' }, false);
  c('create-phone-letters', { phone: 'call me maybe' }, false);
  c('create-phone-no-digits', { phone: '+() -' }, false);
  c('create-phone-number-type', { phone: 919876543210 }, false);
  c('create-phone-list', { phone: ['+919876543210'] }, false);
  // Clients hold no key: a map posing as an encrypted value is refused (only functions write those).
  c('create-encrypted-email', { email: enc, phone: null, updatedAt: NOW }, false);
  c('create-encrypted-phone', { email: null, phone: enc, updatedAt: NOW }, false);
  c('create-for-other-student', doc, false, A.owner, 'users/stu2/private/contact');
  c('create-by-student-of-other-org-for-owner', doc, false, studentOtherOrg);
  c('create-without-claims-for-self', { email: 'x@example.org' }, true, { uid: 'stu1', token: {} });
  const u = (id, data, ok, auth = A.owner, resource = stored) => add(F, id, { method: 'update', path, auth, resource, data }, ok);
  u('update-email-keeps-encrypted-phone', { email: 'new@example.org', phone: enc, updatedAt: NOW }, true, A.owner, { ...stored, phone: enc });
  u('update-clear-phone', { ...stored, phone: null, updatedAt: NOW }, true, A.owner, { ...stored, phone: enc });
  u('update-clear-email-keeps-time', { ...stored, email: null }, true);
  u('update-remove-email', omit(stored, 'email'), true);
  u('update-remove-phone', omit(stored, 'phone'), true);
  u('update-remove-phone-bad-email', { ...omit(stored, 'phone'), email: 'nope' }, false);
  u('update-without-updated-at', { email: 'new@example.org', phone: null }, true);
  u('update-unchanged', stored, true);
  u('update-plaintext-over-plaintext', { ...doc, email: 'other@example.org' }, true, A.owner, { ...doc, updatedAt: PAST });
  u('update-client-time', { ...stored, email: 'new@example.org', updatedAt: LATER }, false);
  u('update-backdated-time', { ...stored, email: 'new@example.org', updatedAt: ts('2026-01-01T00:00:00.000Z') }, false);
  u('update-replace-encrypted', { ...stored, email: { ...enc, ct: 'b3RoZXI=' }, updatedAt: NOW }, false);
  u('update-encrypted-phone', { ...stored, phone: enc, updatedAt: NOW }, false);
  u('update-email-bad', { ...stored, email: 'not an address', updatedAt: NOW }, false);
  u('update-phone-too-long', { ...stored, phone: text(33, '9'), updatedAt: NOW }, false);
  u('update-extra-key', { ...stored, name: 'Asha', updatedAt: NOW }, false);
  u('update-by-other-student', { ...stored, email: 'x@example.org', updatedAt: NOW }, false, A.otherStudent);
  u('update-by-counselor', { ...stored, email: 'x@example.org', updatedAt: NOW }, false, A.counselor);
  add(F, 'update-other-students-contact', { method: 'update', path: 'users/stu2/private/contact', auth: A.owner, resource: stored, data: { ...stored, email: 'x@example.org', updatedAt: NOW } }, false);
  add(F, 'get-own-plaintext', { method: 'get', path, auth: A.owner, resource: doc }, false);
  add(F, 'delete-other-students-contact', { method: 'delete', path: 'users/stu2/private/contact', auth: A.owner, resource: stored }, false);
  add(F, 'delete-missing-by-owner', { method: 'delete', path, auth: A.owner }, true);
  add(F, 'get-other-private-doc', { method: 'get', path: 'users/stu1/private/notes', auth: A.owner, resource: { x: 1 } }, false);
  add(F, 'create-other-private-doc', { method: 'create', path: 'users/stu1/private/notes', auth: A.owner, data: { x: 1 } }, false);
}

// =====================================================================================================
// users/{uid}/private/safetyPlan
// =====================================================================================================
{
  const F = 'users-private-safetyPlan';
  const path = 'users/stu1/private/safetyPlan';
  const doc = {
    warningSigns: ['Not sleeping', 'Skipping meals'],
    copingSteps: ['Walk to the lake', 'Breathing exercise'],
    reasons: ['My sister', 'Finishing my degree'],
    trustedContacts: [{ name: 'Didi', phone: '+919800000001', relation: 'sister' }, { name: 'Warden' }],
    updatedAt: NOW,
  };
  const stored = { ...doc, updatedAt: PAST };
  matrix(F, 'get', { method: 'get', path, resource: stored }, ['owner']);
  matrix(F, 'create', { method: 'create', path, data: doc }, ['owner']);
  matrix(F, 'update', { method: 'update', path, resource: stored, data: { ...doc, reasons: ['My cat'] } }, ['owner']);
  matrix(F, 'delete', { method: 'delete', path, resource: stored }, ['owner']);
  const c = (id, patch, ok) => add(F, id, { method: 'create', path, auth: A.owner, data: withKeys(doc, patch) }, ok);
  const twenty = Array.from({ length: 20 }, (_, i) => `${i}${text(297)}`);
  const tenContacts = Array.from({ length: 10 }, (_, i) => ({ name: `${i}${text(79)}`, phone: text(32, '9'), relation: text(40) }));
  c('create-largest-plan', { warningSigns: twenty, copingSteps: twenty, reasons: twenty, trustedContacts: tenContacts }, true);
  c('create-empty-lists', { warningSigns: [], copingSteps: [], reasons: [], trustedContacts: [] }, true);
  c('create-too-many-signs', { warningSigns: [...twenty, 'one more'] }, false);
  c('create-sign-too-long', { warningSigns: [text(301)] }, false);
  // Text lists are checked by one regex over the items joined with U+241F (␟): an item containing ␟ would
  // be split into pieces checked alone (here two 300-character halves of a 601-character item), so no
  // item may contain ␟ at all.
  c('create-sign-with-separator-over-limit', { warningSigns: [`${text(300)}␟${text(300)}`] }, false);
  c('create-sign-with-separator-short', { warningSigns: ['calm␟tired'] }, false);
  c('create-sign-only-separator', { warningSigns: ['␟'] }, false);
  c('create-reason-with-separator-among-valid', { reasons: ['My sister', `${text(200)}␟${text(200)}`, 'My cat'] }, false);
  c('create-coping-with-separator-at-end', { copingSteps: ['Walk', `${text(299)}␟`] }, false);
  c('create-sign-with-other-symbols', { warningSigns: ['Not sleeping ␞ ␝ ␜ — नींद नहीं', `${text(299)}✓`] }, true);
  c('create-sign-longest-multibyte', { warningSigns: ['न'.repeat(300)] }, true);
  c('create-sign-multibyte-too-long', { warningSigns: ['न'.repeat(301)] }, false);
  add(F, 'update-sign-with-separator', { method: 'update', path, auth: A.owner, resource: stored, data: { ...stored, warningSigns: [`${text(300)}␟${text(300)}`] } }, false);
  c('create-sign-empty', { warningSigns: ['ok', ''] }, false);
  c('create-sign-wrong-type', { copingSteps: ['ok', 7] }, false);
  c('create-reasons-not-list', { reasons: 'my family' }, false);
  c('create-too-many-contacts', { trustedContacts: [...tenContacts, { name: 'Eleven' }] }, false);
  c('create-contact-without-name', { trustedContacts: [{ phone: '112' }] }, false);
  c('create-contact-extra-key', { trustedContacts: [{ name: 'Didi', email: 'didi@example.com' }] }, false);
  c('create-contact-phone-too-long', { trustedContacts: [{ name: 'Didi', phone: text(33, '9') }] }, false);
  c('create-contact-name-too-long', { trustedContacts: [{ name: text(81) }] }, false);
  c('create-tenth-contact-bad', { trustedContacts: [...tenContacts.slice(0, 9), { name: 'x', age: 20 }] }, false);
  c('create-client-time', { updatedAt: PAST }, false);
  c('create-extra-key', { sharedWith: 'cou1' }, false);
  add(F, 'create-missing-updated-at', { method: 'create', path, auth: A.owner, data: omit(doc, 'updatedAt') }, false);
  add(F, 'update-client-time', { method: 'update', path, auth: A.owner, resource: stored, data: { ...doc, updatedAt: LATER } }, false);
  add(F, 'update-too-many-reasons', { method: 'update', path, auth: A.owner, resource: stored, data: { ...stored, reasons: twenty.concat(['x']) } }, false);
  add(F, 'create-missing-reasons', { method: 'create', path, auth: A.owner, data: omit(doc, 'reasons') }, false);
  c('create-updated-at-wrong-type', { updatedAt: '2026-03-01T10:00:00Z' }, false);
  c('create-contacts-not-list', { trustedContacts: 'Didi' }, false);
  c('create-contact-not-map', { trustedContacts: ['Didi'] }, false);
  c('create-contact-relation-too-long', { trustedContacts: [{ name: 'Didi', relation: text(41) }] }, false);
  // A bad contact at each position is found (the rule checks every index separately).
  for (let i = 1; i <= 8; i++) c(`create-contact-${i + 1}-bad`, { trustedContacts: [...tenContacts.slice(0, i), { name: '' }] }, false);
  add(F, 'get-other-students-plan', { method: 'get', path: 'users/stu2/private/safetyPlan', auth: A.owner, resource: stored }, false);
  add(F, 'get-by-counselor-with-consent', { method: 'get', path, auth: A.counselor, resource: stored, docs: { 'users/stu1': withKeys(profile('stu1', 'student', 'orgA'), { consent: { aiScreening: true, shareWithCounselor: true, analytics: true, version: 1, at: PAST } }) } }, false);
}

// =====================================================================================================
// users/{uid}/devices/{deviceId}
// =====================================================================================================
{
  const F = 'users-devices';
  const path = 'users/stu1/devices/d1';
  const doc = { token: 'fcm-token-123', platform: 'android', updatedAt: NOW };
  const stored = { ...doc, updatedAt: PAST };
  matrix(F, 'get', { method: 'get', path, resource: stored }, ['owner']);
  matrix(F, 'list', { method: 'list', path: 'users/stu1/devices', query: {} }, ['owner']);
  matrix(F, 'create', { method: 'create', path, data: doc }, ['owner']);
  matrix(F, 'update', { method: 'update', path, resource: stored, data: { ...doc, token: 'fcm-token-456' } }, ['owner']);
  matrix(F, 'delete', { method: 'delete', path, resource: stored }, ['owner']);
  const c = (id, patch, ok) => add(F, id, { method: 'create', path, auth: A.owner, data: withKeys(doc, patch) }, ok);
  c('create-web', { platform: 'web' }, true);
  c('create-largest-token', { token: text(4096) }, true);
  c('create-platform-unknown', { platform: 'windows' }, false);
  c('create-token-empty', { token: '' }, false);
  c('create-token-too-long', { token: text(4097) }, false);
  c('create-token-wrong-type', { token: 123 }, false);
  c('create-client-time', { updatedAt: PAST }, false);
  c('create-extra-key', { uid: 'stu1' }, false);
  add(F, 'create-missing-platform', { method: 'create', path, auth: A.owner, data: omit(doc, 'platform') }, false);
  add(F, 'create-missing-time', { method: 'create', path, auth: A.owner, data: omit(doc, 'updatedAt') }, false);
  add(F, 'update-token-keeps-time', { method: 'update', path, auth: A.owner, resource: stored, data: { ...stored, token: 'fcm-token-789' } }, true);
  add(F, 'update-client-time', { method: 'update', path, auth: A.owner, resource: stored, data: { ...stored, updatedAt: LATER } }, false);
  add(F, 'update-platform-unknown', { method: 'update', path, auth: A.owner, resource: stored, data: { ...doc, platform: 'symbian' } }, false);
  c('create-updated-at-wrong-type', { updatedAt: '2026-03-01T10:00:00Z' }, false);
  add(F, 'create-on-other-student', { method: 'create', path: 'users/stu2/devices/d1', auth: A.owner, data: doc }, false);
  add(F, 'list-collection-group-by-admin', { method: 'list', collectionGroup: 'devices', auth: A.admin, query: {} }, false);
}

// =====================================================================================================
// users/{uid}/entries/{entryId}
// =====================================================================================================
{
  const F = 'users-entries';
  const path = 'users/stu1/entries/e1';
  const journal = { kind: 'journal', text: 'Today was long but okay.', createdAt: NOW };
  const stored = { ...journal, createdAt: PAST };
  matrix(F, 'get-journal', { method: 'get', path, resource: stored }, ['owner']);
  matrix(F, 'list', { method: 'list', path: 'users/stu1/entries', query: { orderBy: [['createdAt', 'desc']], limit: 20 } }, ['owner']);
  matrix(F, 'create-journal', { method: 'create', path, data: journal }, ['owner']);
  matrix(F, 'update-journal', { method: 'update', path, resource: stored, data: { ...stored, text: 'Edited.', updatedAt: NOW } }, ['owner']);
  matrix(F, 'delete', { method: 'delete', path, resource: stored }, ['owner']);
  const c = (id, data, ok) => add(F, id, { method: 'create', path, auth: A.owner, data }, ok);
  const mood = { kind: 'mood', mood: 4, emotions: ['calm', 'tired'], createdAt: NOW };
  const gratitude = { kind: 'gratitude', text: 'Chai with friends', items: ['friends', 'chai'], createdAt: NOW };
  const sleep = { kind: 'sleep', hours: 7, quality: 6, createdAt: NOW };
  const breathing = { kind: 'breathing', pattern: 'box', durationSec: 240, createdAt: NOW };
  c('create-mood', mood, true);
  c('create-gratitude', gratitude, true);
  c('create-gratitude-without-items', omit(gratitude, 'items'), true);
  c('create-sleep', sleep, true);
  c('create-sleep-fractional-hours', { ...sleep, hours: float(7.5) }, true);
  c('create-breathing', breathing, true);
  c('create-with-updated-at', { ...journal, updatedAt: NOW }, true);
  c('create-journal-longest-text', { ...journal, text: text(5000) }, true);
  c('create-journal-text-too-long', { ...journal, text: text(5001) }, false);
  c('create-journal-text-empty', { ...journal, text: '' }, false);
  c('create-journal-text-wrong-type', { ...journal, text: ['a'] }, false);
  c('create-journal-with-screening', { ...journal, screening: { level: 'none', reasons: [], by: 'rules', at: NOW } }, false);
  c('create-journal-with-mood-key', { ...journal, mood: 3 }, false);
  c('create-kind-unknown', { ...journal, kind: 'diary' }, false);
  c('create-kind-missing', omit(journal, 'kind'), false);
  c('create-client-time', { ...journal, createdAt: PAST }, false);
  c('create-missing-created-at', omit(journal, 'createdAt'), false);
  c('create-updated-at-client-time', { ...journal, updatedAt: PAST }, false);
  c('create-extra-key', { ...journal, sharedWithCounselor: true }, false);
  c('create-mood-too-high', { ...mood, mood: 6 }, false);
  c('create-mood-too-low', { ...mood, mood: 0 }, false);
  c('create-mood-float', { ...mood, mood: float(3.5) }, false);
  c('create-mood-string', { ...mood, mood: '4' }, false);
  c('create-mood-too-many-emotions', { ...mood, emotions: Array.from({ length: 11 }, (_, i) => `e${i}`) }, false);
  c('create-mood-emotion-too-long', { ...mood, emotions: [text(33)] }, false);
  c('create-mood-emotion-with-separator', { ...mood, emotions: [`${text(32)}␟${text(32)}`] }, false);
  c('create-mood-emotion-with-separator-short', { ...mood, emotions: ['calm␟tired'] }, false);
  c('create-mood-longest-emotions', { ...mood, emotions: Array.from({ length: 10 }, (_, i) => `${i}${text(31)}`) }, true);
  c('create-gratitude-item-with-separator', { ...gratitude, items: [`${text(200)}␟${text(200)}`] }, false);
  c('create-mood-missing-emotions', omit(mood, 'emotions'), false);
  c('create-gratitude-too-many-items', { ...gratitude, items: Array.from({ length: 11 }, (_, i) => `i${i}`) }, false);
  c('create-gratitude-item-too-long', { ...gratitude, items: [text(201)] }, false);
  c('create-gratitude-text-too-long', { ...gratitude, text: text(5001) }, false);
  c('create-sleep-hours-too-high', { ...sleep, hours: 25 }, false);
  c('create-sleep-hours-negative', { ...sleep, hours: -1 }, false);
  c('create-sleep-quality-too-high', { ...sleep, quality: 11 }, false);
  c('create-sleep-quality-float', { ...sleep, quality: float(5.5) }, false);
  c('create-breathing-unknown-pattern', { ...breathing, pattern: 'wim-hof' }, false);
  c('create-breathing-zero-duration', { ...breathing, durationSec: 0 }, false);
  c('create-breathing-too-long', { ...breathing, durationSec: 3601 }, false);
  const u = (id, resource, data, ok) => add(F, id, { method: 'update', path, auth: A.owner, resource, data }, ok);
  u('update-text-without-updated-at', stored, { ...stored, text: 'Edited.' }, true);
  u('update-updated-at-client-time', stored, { ...stored, text: 'Edited.', updatedAt: PAST }, false);
  u('update-kind', stored, { ...stored, kind: 'gratitude' }, false);
  u('update-created-at', stored, { ...stored, createdAt: NOW }, false);
  u('update-text-too-long', stored, { ...stored, text: text(5001) }, false);
  const screened = { ...stored, screening: { level: 'low', reasons: ['stress'], by: 'rules', at: PAST } };
  u('update-text-keeps-screening', screened, { ...screened, text: 'Edited.', updatedAt: NOW }, true);
  u('update-screening', screened, { ...screened, screening: { level: 'none', reasons: [], by: 'rules', at: NOW } }, false);
  u('update-remove-screening', screened, omit(screened, 'screening'), false);
  u('update-add-screening', stored, { ...stored, screening: { level: 'none', reasons: [], by: 'rules', at: NOW } }, false);
  u('update-mood-value', { ...mood, createdAt: PAST }, { ...mood, createdAt: PAST, mood: 2 }, true);
  u('update-mood-out-of-range', { ...mood, createdAt: PAST }, { ...mood, createdAt: PAST, mood: 9 }, false);
  u('update-extra-key', stored, { ...stored, flagged: true }, false);
  c('create-updated-at-wrong-type', { ...journal, updatedAt: '2026-03-01T10:00:00Z' }, false);
  c('create-gratitude-extra-key', { ...gratitude, mood: 3 }, false);
  c('create-sleep-extra-key', { ...sleep, text: 'slept badly' }, false);
  c('create-sleep-hours-string', { ...sleep, hours: '7' }, false);
  c('create-breathing-extra-key', { ...breathing, mood: 4 }, false);
  // processedAt: functions set it once when they count the entry; present and unchanged on owner
  // updates of every kind, never written by a client.
  c('create-with-processed-at', { ...journal, processedAt: NOW }, false);
  c('create-with-processed-at-null', { ...journal, processedAt: null }, false);
  c('create-mood-with-processed-at', { ...mood, processedAt: NOW }, false);
  const processed = { ...stored, processedAt: PAST };
  matrix(F, 'update-processed-journal', { method: 'update', path, resource: processed, data: { ...processed, text: 'Edited again.', updatedAt: NOW } }, ['owner']);
  const kinds = { mood: { ...mood, mood: 2 }, gratitude: { ...gratitude, text: 'Rain' }, sleep: { ...sleep, quality: 8 }, breathing: { ...breathing, durationSec: 300 } };
  for (const [kind, changed] of Object.entries(kinds)) {
    const before = { ...{ mood, gratitude, sleep, breathing }[kind], createdAt: PAST, processedAt: PAST };
    u(`update-processed-${kind}`, before, { ...changed, createdAt: PAST, processedAt: PAST, updatedAt: NOW }, true);
    u(`update-processed-${kind}-changes-processed-at`, before, { ...changed, createdAt: PAST, processedAt: NOW, updatedAt: NOW }, false);
  }
  u('update-processed-keeps-screening', { ...screened, processedAt: PAST }, { ...screened, processedAt: PAST, text: 'Edited.', updatedAt: NOW }, true);
  u('update-processed-at', processed, { ...processed, processedAt: NOW }, false);
  u('update-processed-at-to-null', processed, { ...processed, processedAt: null }, false);
  u('update-processed-at-and-text', processed, { ...processed, text: 'Edited.', processedAt: LATER }, false);
  u('update-remove-processed-at', processed, omit(processed, 'processedAt'), false);
  u('update-add-processed-at', stored, { ...stored, processedAt: NOW }, false);
  u('update-processed-unknown-key', processed, { ...processed, countedTwice: true }, false);
  u('update-processed-kind', processed, { ...processed, kind: 'gratitude' }, false);
  // orgId: functions write it with processedAt (the analytics rollup counts entries per org); present and
  // unchanged on owner updates of every kind, never written, changed or removed by a client.
  c('create-with-org-id', { ...journal, orgId: 'orgA' }, false);
  c('create-mood-with-org-id', { ...mood, orgId: 'orgA' }, false);
  c('create-sleep-with-org-id-and-processed-at', { ...sleep, orgId: 'orgA', processedAt: NOW }, false);
  const counted = { ...processed, orgId: 'orgA' };
  matrix(F, 'update-counted-journal', { method: 'update', path, resource: counted, data: { ...counted, text: 'Edited once more.', updatedAt: NOW } }, ['owner']);
  for (const [kind, changed] of Object.entries(kinds)) {
    const before = { ...{ mood, gratitude, sleep, breathing }[kind], createdAt: PAST, processedAt: PAST, orgId: 'orgA' };
    u(`update-counted-${kind}`, before, { ...changed, createdAt: PAST, processedAt: PAST, orgId: 'orgA', updatedAt: NOW }, true);
    u(`update-counted-${kind}-changes-org-id`, before, { ...changed, createdAt: PAST, processedAt: PAST, orgId: 'orgB', updatedAt: NOW }, false);
  }
  u('update-counted-keeps-screening', { ...screened, processedAt: PAST, orgId: 'orgA' }, { ...screened, processedAt: PAST, orgId: 'orgA', text: 'Edited.', updatedAt: NOW }, true);
  u('update-org-id', counted, { ...counted, orgId: 'orgB' }, false);
  u('update-org-id-to-null', counted, { ...counted, orgId: null }, false);
  u('update-remove-org-id', counted, omit(counted, 'orgId'), false);
  u('update-add-org-id', processed, { ...processed, orgId: 'orgA' }, false);
  u('update-add-org-id-unprocessed', stored, { ...stored, orgId: 'orgA', text: 'Edited.' }, false);
  add(F, 'update-counted-by-counselor-of-org', { method: 'update', path, auth: A.counselor, resource: counted, data: { ...counted, text: 'x' } }, false);
  add(F, 'list-kind', { method: 'list', path: 'users/stu1/entries', auth: A.owner, query: { where: [['kind', '==', 'mood']], orderBy: [['createdAt', 'desc']] } }, true);
  add(F, 'list-other-students-entries', { method: 'list', path: 'users/stu2/entries', auth: A.owner, query: {} }, false);
  add(F, 'list-collection-group-by-counselor', { method: 'list', collectionGroup: 'entries', auth: A.counselor, query: { where: [['kind', '==', 'journal']] } }, false);
  add(F, 'list-collection-group-by-owner', { method: 'list', collectionGroup: 'entries', auth: A.owner, query: {} }, false);
  add(F, 'get-journal-by-counselor-with-consent', { method: 'get', path, auth: A.counselor, resource: stored, docs: { 'users/stu1': withKeys(profile('stu1', 'student', 'orgA'), { consent: { aiScreening: true, shareWithCounselor: true, analytics: true, version: 1, at: PAST } }) } }, false);
  add(F, 'create-on-other-student', { method: 'create', path: 'users/stu2/entries/e1', auth: A.owner, data: journal }, false);
}

// =====================================================================================================
// users/{uid}/tasks/{taskId}
// =====================================================================================================
{
  const F = 'users-tasks';
  const path = 'users/stu1/tasks/t1';
  const doc = { title: 'Walk 15 minutes', category: 'movement', schedule: { repeat: 'daily' }, remindAt: '18:00', done: false, doneAt: null, createdAt: NOW };
  const stored = { ...doc, createdAt: PAST };
  matrix(F, 'get', { method: 'get', path, resource: stored }, ['owner']);
  matrix(F, 'list', { method: 'list', path: 'users/stu1/tasks', query: {} }, ['owner']);
  matrix(F, 'create', { method: 'create', path, data: doc }, ['owner']);
  matrix(F, 'update-done', { method: 'update', path, resource: stored, data: { ...stored, done: true, doneAt: NOW } }, ['owner']);
  matrix(F, 'delete', { method: 'delete', path, resource: stored }, ['owner']);
  const c = (id, patch, ok) => add(F, id, { method: 'create', path, auth: A.owner, data: withKeys(doc, patch) }, ok);
  c('create-once', { schedule: { repeat: 'once', date: '2026-03-02' } }, true);
  c('create-weekly', { schedule: { repeat: 'weekly', days: [1, 3, 5] } }, true);
  c('create-no-reminder', { remindAt: null }, true);
  c('create-done-now', { done: true, doneAt: NOW }, true);
  c('create-done-client-time', { done: true, doneAt: PAST }, false);
  c('create-weekly-bad-day', { schedule: { repeat: 'weekly', days: [7] } }, false);
  c('create-weekly-no-days', { schedule: { repeat: 'weekly', days: [] } }, false);
  c('create-weekly-too-many-days', { schedule: { repeat: 'weekly', days: [0, 1, 2, 3, 4, 5, 6, 0] } }, false);
  c('create-once-bad-date', { schedule: { repeat: 'once', date: '2026-13-01' } }, false);
  c('create-once-missing-date', { schedule: { repeat: 'once' } }, false);
  c('create-daily-with-days', { schedule: { repeat: 'daily', days: [1] } }, false);
  c('create-repeat-unknown', { schedule: { repeat: 'monthly' } }, false);
  c('create-title-too-long', { title: text(201) }, false);
  c('create-title-empty', { title: '' }, false);
  c('create-category-unknown', { category: 'fun' }, false);
  c('create-remind-at-bad', { remindAt: '7:00' }, false);
  c('create-done-wrong-type', { done: 'yes' }, false);
  c('create-client-time', { createdAt: PAST }, false);
  c('create-extra-key', { assignedBy: 'cou1' }, false);
  // createdAt is optional (DESIGN.md does not list it); when present it is the server time, and never changes.
  matrix(F, 'create-without-created-at', { method: 'create', path, data: omit(doc, 'createdAt') }, ['owner']);
  add(F, 'create-without-created-at-done-now', { method: 'create', path, auth: A.owner, data: { ...omit(doc, 'createdAt'), done: true, doneAt: NOW } }, true);
  add(F, 'create-without-created-at-done-client-time', { method: 'create', path, auth: A.owner, data: { ...omit(doc, 'createdAt'), done: true, doneAt: PAST } }, false);
  add(F, 'create-without-created-at-title-too-long', { method: 'create', path, auth: A.owner, data: { ...omit(doc, 'createdAt'), title: text(201) } }, false);
  add(F, 'create-without-created-at-extra-key', { method: 'create', path, auth: A.owner, data: { ...omit(doc, 'createdAt'), priority: 1 } }, false);
  add(F, 'create-without-created-at-for-other-student', { method: 'create', path: 'users/stu2/tasks/t1', auth: A.owner, data: omit(doc, 'createdAt') }, false);
  c('create-created-at-null', { createdAt: null }, false);
  c('create-created-at-later', { createdAt: LATER }, false);
  const bare = omit(stored, 'createdAt');
  matrix(F, 'update-done-without-created-at', { method: 'update', path, resource: bare, data: { ...bare, done: true, doneAt: NOW } }, ['owner']);
  add(F, 'update-title-without-created-at', { method: 'update', path, auth: A.owner, resource: bare, data: { ...bare, title: 'Walk 25 minutes' } }, true);
  add(F, 'update-add-created-at', { method: 'update', path, auth: A.owner, resource: bare, data: { ...bare, createdAt: NOW } }, false);
  add(F, 'update-remove-created-at', { method: 'update', path, auth: A.owner, resource: stored, data: bare }, false);
  add(F, 'create-missing-done', { method: 'create', path, auth: A.owner, data: omit(doc, 'done') }, false);
  const u = (id, patch, ok) => add(F, id, { method: 'update', path, auth: A.owner, resource: stored, data: withKeys(stored, patch) }, ok);
  u('update-title', { title: 'Walk 20 minutes' }, true);
  u('update-undone', { done: false, doneAt: null }, true);
  u('update-done-client-time', { done: true, doneAt: PAST }, false);
  u('update-created-at', { createdAt: NOW }, false);
  u('update-title-too-long', { title: text(201) }, false);
  u('update-extra-key', { priority: 1 }, false);

  c('create-done-at-wrong-type', { done: true, doneAt: '2026-03-01' }, false);
  c('create-created-at-wrong-type', { createdAt: '2026-03-01T10:00:00Z' }, false);
  c('create-schedule-not-map', { schedule: 'daily' }, false);
  c('create-weekly-extra-key', { schedule: { repeat: 'weekly', days: [1], date: '2026-03-02' } }, false);
  c('create-weekly-days-not-list', { schedule: { repeat: 'weekly', days: 1 } }, false);
  c('create-remind-at-wrong-type', { remindAt: 730 }, false);
  c('create-once-date-wrong-type', { schedule: { repeat: 'once', date: 20260302 } }, false);
  // nextReminderAt: functions keep it from schedule, remindAt and the owner's timezone; present and
  // unchanged on owner updates, never set, changed or removed by a client.
  c('create-with-next-reminder-at', { nextReminderAt: LATER }, false);
  c('create-with-next-reminder-at-null', { nextReminderAt: null }, false);
  const due = { ...stored, nextReminderAt: LATER };
  const ud = (id, patch, ok) => add(F, id, { method: 'update', path, auth: A.owner, resource: due, data: withKeys(due, patch) }, ok);
  matrix(F, 'update-done-with-next-reminder-at', { method: 'update', path, resource: due, data: { ...due, done: true, doneAt: NOW } }, ['owner']);
  ud('update-title-with-next-reminder-at', { title: 'Walk 30 minutes' }, true);
  ud('update-remind-at-with-next-reminder-at', { remindAt: '07:30' }, true);
  ud('update-schedule-with-next-reminder-at', { schedule: { repeat: 'weekly', days: [0, 6] } }, true);
  add(F, 'update-title-with-null-next-reminder-at', { method: 'update', path, auth: A.owner, resource: { ...due, nextReminderAt: null }, data: { ...due, nextReminderAt: null, title: 'Stretch' } }, true);
  ud('update-next-reminder-at', { nextReminderAt: NOW }, false);
  ud('update-next-reminder-at-to-null', { nextReminderAt: null }, false);
  ud('update-next-reminder-at-wrong-type', { nextReminderAt: '2026-03-05T11:00:00Z' }, false);
  ud('update-remind-at-and-next-reminder-at', { remindAt: '06:00', nextReminderAt: NOW }, false);
  add(F, 'update-remove-next-reminder-at', { method: 'update', path, auth: A.owner, resource: due, data: omit(due, 'nextReminderAt') }, false);
  u('update-add-next-reminder-at', { nextReminderAt: LATER }, false);
  u('update-add-next-reminder-at-null', { nextReminderAt: null }, false);
  ud('update-created-at-with-next-reminder-at', { createdAt: NOW }, false);
  ud('update-extra-key-with-next-reminder-at', { lastRemindedAt: NOW }, false);
}

// =====================================================================================================
// users/{uid}/assessments/{id}
// =====================================================================================================
{
  const F = 'users-assessments';
  const path = 'users/stu1/assessments/a1';
  const phq9 = { instrument: 'phq9', answers: [1, 0, 2, 1, 0, 0, 1, 0, 0], createdAt: NOW };
  const gad7 = { instrument: 'gad7', answers: [1, 1, 0, 2, 0, 3, 1], createdAt: NOW };
  const scored = { ...phq9, createdAt: PAST, score: 5, severity: 'mild', flags: [], scoredAt: PAST };
  matrix(F, 'get', { method: 'get', path, resource: scored }, ['owner']);
  matrix(F, 'list', { method: 'list', path: 'users/stu1/assessments', query: { where: [['instrument', '==', 'phq9']], orderBy: [['createdAt', 'desc']] } }, ['owner']);
  matrix(F, 'create-phq9', { method: 'create', path, data: phq9 }, ['owner']);
  matrix(F, 'update-score', { method: 'update', path, resource: scored, data: { ...scored, score: 0, severity: 'minimal' } }, []);
  matrix(F, 'delete', { method: 'delete', path, resource: scored }, []);
  const c = (id, data, ok) => add(F, id, { method: 'create', path, auth: A.owner, data }, ok);
  c('create-gad7', gad7, true);
  c('create-phq9-item9-positive', { ...phq9, answers: [0, 0, 0, 0, 0, 0, 0, 0, 3] }, true);
  c('create-phq9-seven-answers', { ...phq9, answers: gad7.answers }, false);
  c('create-gad7-nine-answers', { ...gad7, answers: phq9.answers }, false);
  c('create-answer-too-high', { ...phq9, answers: [4, 0, 0, 0, 0, 0, 0, 0, 0] }, false);
  c('create-answer-negative', { ...phq9, answers: [0, 0, 0, 0, -1, 0, 0, 0, 0] }, false);
  c('create-answer-string', { ...gad7, answers: ['1', 1, 0, 2, 0, 3, 1] }, false);
  c('create-answers-not-list', { ...gad7, answers: 7 }, false);
  c('create-with-score', { ...phq9, score: 0 }, false);
  c('create-with-severity', { ...phq9, severity: 'minimal' }, false);
  c('create-with-flags', { ...phq9, flags: [] }, false);
  c('create-with-scored-at', { ...phq9, scoredAt: NOW }, false);
  c('create-with-trend', { ...phq9, trend: { previousId: 'a0', previousScore: 12, delta: -7, direction: 'improved' } }, false);
  c('create-with-trend-null', { ...phq9, trend: null }, false);
  c('create-gad7-with-every-result', { ...gad7, score: 8, severity: 'mild', flags: [], trend: null, scoredAt: NOW }, false);
  c('create-instrument-unknown', { ...phq9, instrument: 'bdi' }, false);
  c('create-client-time', { ...phq9, createdAt: PAST }, false);
  // createdAt is optional (DESIGN.md lists instrument and answers); when present it is the server time.
  matrix(F, 'create-without-created-at', { method: 'create', path, data: omit(phq9, 'createdAt') }, ['owner']);
  c('create-gad7-without-created-at', omit(gad7, 'createdAt'), true);
  c('create-without-created-at-with-score', { ...omit(phq9, 'createdAt'), score: 5 }, false);
  c('create-without-created-at-with-scored-at', { ...omit(gad7, 'createdAt'), scoredAt: NOW }, false);
  c('create-without-created-at-with-org-id', { ...omit(gad7, 'createdAt'), orgId: 'orgA' }, false);
  c('create-without-created-at-eight-answers', { instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0] }, false);
  c('create-without-created-at-extra-key', { ...omit(gad7, 'createdAt'), note: 'x' }, false);
  c('create-created-at-null', { ...phq9, createdAt: null }, false);
  c('create-created-at-later', { ...phq9, createdAt: LATER }, false);
  add(F, 'create-without-created-at-for-other-student', { method: 'create', path: 'users/stu2/assessments/a1', auth: A.owner, data: omit(phq9, 'createdAt') }, false);
  c('create-missing-instrument', omit(phq9, 'instrument', 'createdAt'), false);
  c('create-missing-answers', omit(phq9, 'answers'), false);
  const withTrend = { ...scored, trend: { previousId: 'a0', previousScore: 12, delta: -7, direction: 'improved' } };
  matrix(F, 'get-with-trend', { method: 'get', path, resource: withTrend }, ['owner']);
  matrix(F, 'update-trend', { method: 'update', path, resource: withTrend, data: { ...withTrend, trend: null } }, []);
  const ua = (id, data) => add(F, id, { method: 'update', path, auth: A.owner, resource: withTrend, data }, false);
  ua('update-unchanged-by-owner', withTrend);
  ua('update-scored-at-by-owner', { ...withTrend, scoredAt: NOW });
  ua('update-remove-trend-by-owner', omit(withTrend, 'trend'));
  ua('update-severity-by-owner', { ...withTrend, severity: 'minimal' });
  add(F, 'update-add-score-by-owner', { method: 'update', path, auth: A.owner, resource: { ...phq9, createdAt: PAST }, data: { ...phq9, createdAt: PAST, score: 0 } }, false);
  add(F, 'update-answers-by-owner', { method: 'update', path, auth: A.owner, resource: scored, data: { ...scored, answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] } }, false);
  // orgId (F, written with the result for the analytics rollup): readable by the owner, never written.
  const withOrg = { ...withTrend, orgId: 'orgA' };
  matrix(F, 'get-with-org-id', { method: 'get', path, resource: withOrg }, ['owner']);
  c('create-with-org-id', { ...phq9, orgId: 'orgA' }, false);
  c('create-gad7-with-org-id', { ...gad7, orgId: 'orgA' }, false);
  matrix(F, 'update-keeps-org-id', { method: 'update', path, resource: withOrg, data: withOrg }, []);
  add(F, 'update-org-id-by-owner', { method: 'update', path, auth: A.owner, resource: withOrg, data: { ...withOrg, orgId: 'orgB' } }, false);
  add(F, 'update-add-org-id-by-admin', { method: 'update', path, auth: A.admin, resource: withTrend, data: withOrg }, false);
  add(F, 'list-by-org-id-collection-group', { method: 'list', collectionGroup: 'assessments', auth: A.admin, query: { where: [['orgId', '==', 'orgA']] } }, false);
  add(F, 'get-by-counselor-with-consent', { method: 'get', path, auth: A.counselor, resource: scored, docs: { 'users/stu1': withKeys(profile('stu1', 'student', 'orgA'), { consent: { aiScreening: true, shareWithCounselor: true, analytics: true, version: 1, at: PAST } }) } }, false);
}

// =====================================================================================================
// users/{uid}/notifications/{id}
// =====================================================================================================
{
  const F = 'users-notifications';
  const path = 'users/stu1/notifications/n1';
  const stored = { type: 'checkin-reminder', title: 'Time to check in', body: 'How are you today?', link: null, createdAt: PAST, readAt: null };
  matrix(F, 'get', { method: 'get', path, resource: stored }, ['owner']);
  matrix(F, 'list', { method: 'list', path: 'users/stu1/notifications', query: { where: [['readAt', '==', null]], orderBy: [['createdAt', 'desc']] } }, ['owner']);
  matrix(F, 'create', { method: 'create', path, data: { ...stored, createdAt: NOW } }, []);
  matrix(F, 'update-read', { method: 'update', path, resource: stored, data: { ...stored, readAt: NOW } }, ['owner']);
  matrix(F, 'delete', { method: 'delete', path, resource: stored }, []);
  const u = (id, patch, ok) => add(F, id, { method: 'update', path, auth: A.owner, resource: stored, data: withKeys(stored, patch) }, ok);
  u('update-read-client-time', { readAt: PAST }, false);
  u('update-read-wrong-type', { readAt: true }, false);
  u('update-title', { title: 'Changed' }, false);
  u('update-read-and-body', { readAt: NOW, body: 'x' }, false);
  u('update-type', { readAt: NOW, type: 'risk-alert' }, false);
  u('update-extra-key', { readAt: NOW, pinned: true }, false);
}

// =====================================================================================================
// users/{uid}/favorites/{resourceId}
// =====================================================================================================
{
  const F = 'users-favorites';
  const path = 'users/stu1/favorites/r1';
  const doc = { resourceId: 'r1', createdAt: NOW };
  const stored = { resourceId: 'r1', createdAt: PAST };
  matrix(F, 'get', { method: 'get', path, resource: stored }, ['owner']);
  matrix(F, 'list', { method: 'list', path: 'users/stu1/favorites', query: {} }, ['owner']);
  matrix(F, 'create', { method: 'create', path, data: doc }, ['owner']);
  matrix(F, 'update-save-again', { method: 'update', path, resource: stored, data: doc }, ['owner']);
  matrix(F, 'delete', { method: 'delete', path, resource: stored }, ['owner']);
  const c = (id, data, ok) => add(F, id, { method: 'create', path, auth: A.owner, data }, ok);
  c('create-id-mismatch', { resourceId: 'r2', createdAt: NOW }, false);
  c('create-client-time', { resourceId: 'r1', createdAt: PAST }, false);
  c('create-extra-key', { ...doc, note: 'x' }, false);
  // resourceId and createdAt are optional (DESIGN.md lists no field; the document id names the resource);
  // when present, resourceId is the document id and createdAt the server time.
  matrix(F, 'create-created-at-only', { method: 'create', path, data: { createdAt: NOW } }, ['owner']);
  matrix(F, 'create-empty', { method: 'create', path, data: {} }, ['owner']);
  c('create-resource-id-only', { resourceId: 'r1' }, true);
  c('create-resource-id-only-mismatch', { resourceId: 'r2' }, false);
  c('create-created-at-only-client-time', { createdAt: PAST }, false);
  c('create-created-at-null', { createdAt: null }, false);
  c('create-extra-key-only', { note: 'x' }, false);
  c('create-resource-id-wrong-type', { resourceId: 1 }, false);
  add(F, 'create-empty-for-other-student', { method: 'create', path: 'users/stu2/favorites/r1', auth: A.owner, data: {} }, false);
  const fu = (id, resource, data, ok) => add(F, id, { method: 'update', path, auth: A.owner, resource, data }, ok);
  fu('update-drop-resource-id', stored, { createdAt: PAST }, true);
  fu('update-drop-created-at', stored, { resourceId: 'r1' }, true);
  fu('update-to-empty', stored, {}, true);
  fu('update-empty-add-created-at', {}, { createdAt: NOW }, true);
  fu('update-empty-add-client-time', {}, { createdAt: PAST }, false);
  fu('update-empty-add-resource-id', {}, { resourceId: 'r1' }, true);
  fu('update-empty-add-mismatched-resource-id', {}, { resourceId: 'r2' }, false);
  fu('update-empty-add-extra-key', {}, { note: 'x' }, false);
  add(F, 'update-empty-by-other-student', { method: 'update', path, auth: A.otherStudent, resource: {}, data: { createdAt: NOW } }, false);
  add(F, 'update-created-at-wrong-type', { method: 'update', path, auth: A.owner, resource: stored, data: { resourceId: 'r1', createdAt: '2026-03-01T10:00:00Z' } }, false);
  add(F, 'update-client-time', { method: 'update', path, auth: A.owner, resource: stored, data: { resourceId: 'r1', createdAt: LATER } }, false);
  add(F, 'update-id-mismatch', { method: 'update', path, auth: A.owner, resource: stored, data: { resourceId: 'r9', createdAt: PAST } }, false);
}

// =====================================================================================================
// users/{uid}/wellbeing/{yyyy-mm-dd}
// =====================================================================================================
{
  const F = 'users-wellbeing';
  const path = 'users/stu1/wellbeing/2026-02-28';
  const doc = { day: '2026-02-28', score: 62, inputs: { moodAvg: 3, sleepHours: 7, sleepQuality: 6, journalCount: 1, gratitudeCount: 0, breathingMinutes: 4, tasksDone: 1 }, updatedAt: PAST };
  matrix(F, 'get', { method: 'get', path, resource: doc }, ['owner']);
  matrix(F, 'list', { method: 'list', path: 'users/stu1/wellbeing', query: { orderBy: [['day', 'desc']], limit: 30 } }, ['owner']);
  matrix(F, 'create', { method: 'create', path, data: { ...doc, updatedAt: NOW } }, []);
  matrix(F, 'update', { method: 'update', path, resource: doc, data: { ...doc, score: 100 } }, []);
  matrix(F, 'delete', { method: 'delete', path, resource: doc }, []);
}

// =====================================================================================================
// chats/{chatId}
// =====================================================================================================
const botChat = { kind: 'bot', studentUid: 'stu1', orgId: 'orgA', status: 'open', createdAt: PAST, lastMessageAt: PAST };
const counselorChat = { kind: 'counselor', studentUid: 'stu1', counselorUid: 'cou1', orgId: 'orgA', bookingId: 'b1', status: 'open', createdAt: PAST, lastMessageAt: PAST };
{
  const F = 'chats';
  const newBot = { kind: 'bot', studentUid: 'stu1', orgId: 'orgA', status: 'open', createdAt: NOW, lastMessageAt: NOW };
  matrix(F, 'get-bot', { method: 'get', path: 'chats/c1', resource: botChat }, ['owner']);
  matrix(F, 'get-counselor', { method: 'get', path: 'chats/c2', resource: counselorChat }, ['owner', 'counselor']);
  add(F, 'get-counselor-chat-by-other-counselor-same-org', { method: 'get', path: 'chats/c2', auth: secondCounselor, resource: counselorChat }, false);
  matrix(F, 'list-own-student', { method: 'list', path: 'chats', query: { where: [['studentUid', '==', 'stu1']], orderBy: [['lastMessageAt', 'desc']] } }, ['owner']);
  matrix(F, 'list-own-counselor', { method: 'list', path: 'chats', query: { where: [['counselorUid', '==', 'cou1']], orderBy: [['lastMessageAt', 'desc']] } }, ['counselor']);
  matrix(F, 'list-unfiltered', { method: 'list', path: 'chats', query: {} }, []);
  add(F, 'list-org-by-admin', { method: 'list', path: 'chats', auth: A.admin, query: { where: [['orgId', '==', 'orgA']] } }, false);
  add(F, 'list-kind-by-student', { method: 'list', path: 'chats', auth: A.owner, query: { where: [['kind', '==', 'bot']] } }, false);
  add(F, 'list-own-bot-chats', { method: 'list', path: 'chats', auth: A.owner, query: { where: [['studentUid', '==', 'stu1'], ['kind', '==', 'bot']] } }, true);
  matrix(F, 'create-bot', { method: 'create', path: 'chats/c3', data: newBot }, ['owner']);
  add(F, 'create-bot-by-other-student-for-self', { method: 'create', path: 'chats/c4', auth: A.otherStudent, data: { ...newBot, studentUid: 'stu2' } }, true);
  const c = (id, data, ok, auth = A.owner) => add(F, id, { method: 'create', path: 'chats/c3', auth, data }, ok);
  c('create-bot-without-org', omit(newBot, 'orgId'), true);
  c('create-bot-for-other-student', { ...newBot, studentUid: 'stu2' }, false);
  c('create-counselor-chat-by-student', { ...newBot, kind: 'counselor', counselorUid: 'cou1' }, false);
  const userDocs = { 'users/stu1': profile('stu1', 'student', 'orgA'), 'users/stu9': profile('stu9', 'student', 'orgB') };
  const newCounselorChat = { kind: 'counselor', studentUid: 'stu1', counselorUid: 'cou1', orgId: 'orgA', status: 'open', createdAt: NOW, lastMessageAt: NOW };
  matrix(F, 'create-counselor-chat', { method: 'create', path: 'chats/c6', data: newCounselorChat, docs: userDocs }, ['counselor']);
  const cc = (id, data, ok, auth = A.counselor, docs = userDocs) => add(F, id, { method: 'create', path: 'chats/c6', auth, data, docs }, ok);
  cc('create-counselor-chat-with-booking', { ...newCounselorChat, bookingId: 'b1' }, true);
  cc('create-counselor-chat-student-of-other-org', { ...newCounselorChat, studentUid: 'stu9' }, false);
  cc('create-counselor-chat-other-org-claimed', { ...newCounselorChat, studentUid: 'stu9', orgId: 'orgB' }, false);
  cc('create-counselor-chat-unknown-student', { ...newCounselorChat, studentUid: 'stu404' }, false);
  cc('create-counselor-chat-for-other-counselor', { ...newCounselorChat, counselorUid: 'cou2' }, false);
  cc('create-counselor-chat-with-self', { ...newCounselorChat, studentUid: 'cou1' }, false, A.counselor, { 'users/cou1': profile('cou1', 'counselor', 'orgA') });
  cc('create-counselor-chat-without-org', omit(newCounselorChat, 'orgId'), true);
  cc('create-counselor-chat-with-summary', { ...newCounselorChat, summary: enc }, false);
  cc('create-counselor-chat-closed', { ...newCounselorChat, status: 'closed' }, false);
  cc('create-counselor-chat-client-time', { ...newCounselorChat, createdAt: PAST }, false);
  cc('create-counselor-chat-by-admin', { ...newCounselorChat, counselorUid: 'adm1' }, false, A.admin);
  cc('create-counselor-chat-by-volunteer', { ...newCounselorChat, counselorUid: 'vol1' }, false, A.volunteer);
  cc('create-counselor-chat-by-other-org-counselor', { ...newCounselorChat, counselorUid: 'cou9', orgId: 'orgB' }, false, A.counselorOtherOrg);
  cc('create-counselor-chat-kind-bot', { ...newCounselorChat, kind: 'bot' }, false);
  cc('create-counselor-chat-student-uid-with-slash', { ...newCounselorChat, studentUid: 'stu1/x' }, false);
  cc('create-counselor-chat-booking-with-slash', { ...newCounselorChat, bookingId: 'bookings/b1' }, false);
  cc('create-counselor-chat-last-message-client-time', { ...newCounselorChat, lastMessageAt: PAST }, false);
  cc('create-bot-chat-by-counselor', { ...newBot, studentUid: 'cou1', orgId: 'orgA' }, false);
  c('create-bot-by-volunteer-for-self', { ...newBot, studentUid: 'vol1' }, false, A.volunteer);
  c('create-bot-with-counselor', { ...newBot, counselorUid: 'cou1' }, false);
  c('create-bot-closed', { ...newBot, status: 'closed' }, false);
  c('create-bot-client-time', { ...newBot, createdAt: PAST }, false);
  c('create-bot-last-message-client-time', { ...newBot, lastMessageAt: PAST }, false);
  c('create-bot-with-summary', { ...newBot, summary: enc }, false);
  c('create-bot-other-org', { ...newBot, orgId: 'orgB' }, false);
  c('create-bot-with-booking', { ...newBot, bookingId: 'b1' }, false);
  c('create-bot-extra-key', { ...newBot, title: 'my chat' }, false);
  c('create-bot-kind-unknown', { ...newBot, kind: 'group' }, false);
  c('create-bot-no-claims', newBot, false, { uid: 'stu1', token: {} });
  // A null org claim does not vouch for orgId: null (a bot chat without orgId stays open to it).
  c('create-bot-null-org-by-null-org-student', { ...newBot, studentUid: 'stu0', orgId: null }, false, nullOrg.student);
  c('create-bot-without-org-by-null-org-student', { ...omit(newBot, 'orgId'), studentUid: 'stu0' }, true, nullOrg.student);
  cc('create-counselor-chat-null-org-student-by-null-org-counselor', { ...omit(newCounselorChat, 'orgId'), studentUid: 'stu0', counselorUid: 'cou0' }, false, nullOrg.counselor, { 'users/stu0': profile('stu0', 'student', null) });
  cc('create-counselor-chat-null-org-claimed-by-null-org-counselor', { ...newCounselorChat, studentUid: 'stu0', counselorUid: 'cou0', orgId: null }, false, nullOrg.counselor, { 'users/stu0': profile('stu0', 'student', null) });
  cc('create-counselor-chat-student-without-org', { ...omit(newCounselorChat, 'orgId'), studentUid: 'stu0' }, false, A.counselor, { 'users/stu0': omit(profile('stu0', 'student', 'orgA'), 'orgId') });
  matrix(F, 'update-close', { method: 'update', path: 'chats/c1', resource: botChat, data: { ...botChat, status: 'closed', closedAt: NOW } }, []);
  add(F, 'update-add-counselor', { method: 'update', path: 'chats/c1', auth: A.counselor, resource: botChat, data: { ...botChat, kind: 'counselor', counselorUid: 'cou1' } }, false);
  matrix(F, 'delete', { method: 'delete', path: 'chats/c1', resource: botChat }, []);
}

// =====================================================================================================
// chats/{chatId}/messages/{msgId}
// =====================================================================================================
{
  const F = 'chats-messages';
  const docs = { 'chats/c1': botChat, 'chats/c2': counselorChat, 'chats/c5': { ...botChat, status: 'closed', closedAt: PAST } };
  const studentMsg = { authorUid: 'stu1', sender: 'student', text: 'I feel a bit low today', createdAt: NOW };
  const storedMsg = { ...studentMsg, createdAt: PAST, screening: { level: 'low', reasons: ['sadness'], by: 'rules', at: PAST } };
  const counselorMsg = { authorUid: 'cou1', sender: 'counselor', text: 'Thanks for telling me. I am here.', createdAt: NOW };
  matrix(F, 'get-bot-chat', { method: 'get', path: 'chats/c1/messages/m1', resource: storedMsg, docs }, ['owner']);
  matrix(F, 'get-counselor-chat', { method: 'get', path: 'chats/c2/messages/m1', resource: storedMsg, docs }, ['owner', 'counselor']);
  matrix(F, 'list-bot-chat', { method: 'list', path: 'chats/c1/messages', query: { orderBy: [['createdAt', 'asc']], limitToLast: 50 }, docs }, ['owner']);
  matrix(F, 'list-counselor-chat', { method: 'list', path: 'chats/c2/messages', query: { orderBy: [['createdAt', 'asc']] }, docs }, ['owner', 'counselor']);
  add(F, 'get-chat-missing', { method: 'get', path: 'chats/c9/messages/m1', auth: A.owner, resource: storedMsg, docs }, false);
  add(F, 'list-collection-group-by-admin', { method: 'list', collectionGroup: 'messages', auth: A.admin, query: {} }, false);
  add(F, 'list-collection-group-own-author', { method: 'list', collectionGroup: 'messages', auth: A.owner, query: { where: [['authorUid', '==', 'stu1']] } }, false);
  matrix(F, 'create-student-in-bot-chat', { method: 'create', path: 'chats/c1/messages/m2', data: studentMsg, docs }, ['owner']);
  matrix(F, 'create-counselor-in-counselor-chat', { method: 'create', path: 'chats/c2/messages/m2', data: counselorMsg, docs }, ['counselor']);
  const c = (id, path, data, auth, ok) => add(F, id, { method: 'create', path, auth, data, docs }, ok);
  c('create-student-in-counselor-chat', 'chats/c2/messages/m3', studentMsg, A.owner, true);
  c('create-longest-text', 'chats/c1/messages/m3', { ...studentMsg, text: text(2000) }, A.owner, true);
  c('create-bot-message-by-student', 'chats/c1/messages/m3', { ...studentMsg, sender: 'bot', authorUid: 'bot' }, A.owner, false);
  c('create-bot-sender-own-uid', 'chats/c1/messages/m3', { ...studentMsg, sender: 'bot' }, A.owner, false);
  c('create-student-as-counselor', 'chats/c2/messages/m3', { ...studentMsg, sender: 'counselor' }, A.owner, false);
  c('create-counselor-as-student', 'chats/c2/messages/m3', { ...counselorMsg, sender: 'student' }, A.counselor, false);
  c('create-author-tampered', 'chats/c1/messages/m3', { ...studentMsg, authorUid: 'stu2' }, A.owner, false);
  c('create-author-is-counselor', 'chats/c2/messages/m3', { ...studentMsg, authorUid: 'cou1' }, A.owner, false);
  c('create-text-too-long', 'chats/c1/messages/m3', { ...studentMsg, text: text(2001) }, A.owner, false);
  c('create-text-empty', 'chats/c1/messages/m3', { ...studentMsg, text: '' }, A.owner, false);
  c('create-text-wrong-type', 'chats/c1/messages/m3', { ...studentMsg, text: 42 }, A.owner, false);
  c('create-client-time', 'chats/c1/messages/m3', { ...studentMsg, createdAt: PAST }, A.owner, false);
  c('create-with-screening', 'chats/c1/messages/m3', { ...studentMsg, screening: { level: 'none', reasons: [], by: 'rules', at: NOW } }, A.owner, false);
  c('create-with-agent', 'chats/c1/messages/m3', { ...studentMsg, agent: 'listener' }, A.owner, false);
  c('create-extra-key', 'chats/c1/messages/m3', { ...studentMsg, replyTo: 'm1' }, A.owner, false);
  c('create-missing-sender', 'chats/c1/messages/m3', omit(studentMsg, 'sender'), A.owner, false);
  c('create-in-closed-chat', 'chats/c5/messages/m3', studentMsg, A.owner, false);
  c('create-in-missing-chat', 'chats/c9/messages/m3', studentMsg, A.owner, false);
  c('create-other-student-in-bot-chat', 'chats/c1/messages/m3', { ...studentMsg, authorUid: 'stu2' }, A.otherStudent, false);
  c('create-counselor-in-bot-chat', 'chats/c1/messages/m3', counselorMsg, A.counselor, false);
  c('create-second-counselor-in-counselor-chat', 'chats/c2/messages/m3', { ...counselorMsg, authorUid: 'cou2' }, secondCounselor, false);
  c('create-admin-in-counselor-chat', 'chats/c2/messages/m3', { ...counselorMsg, authorUid: 'adm1' }, A.admin, false);
  matrix(F, 'update-own-message', { method: 'update', path: 'chats/c1/messages/m1', resource: storedMsg, data: { ...storedMsg, text: 'edited' }, docs }, []);
  matrix(F, 'delete-own-message', { method: 'delete', path: 'chats/c1/messages/m1', resource: storedMsg, docs }, []);
  // expireAt (F, the TTL of bot chats' messages): readable with the message, never written by a client.
  const expiring = { ...storedMsg, expireAt: LATER };
  matrix(F, 'get-expiring-bot-chat', { method: 'get', path: 'chats/c1/messages/m1', resource: expiring, docs }, ['owner']);
  c('create-with-expire-at', 'chats/c1/messages/m3', { ...studentMsg, expireAt: LATER }, A.owner, false);
  c('create-with-expire-at-null', 'chats/c1/messages/m3', { ...studentMsg, expireAt: null }, A.owner, false);
  c('create-counselor-with-expire-at', 'chats/c2/messages/m3', { ...counselorMsg, expireAt: LATER }, A.counselor, false);
  matrix(F, 'update-keeps-expire-at', { method: 'update', path: 'chats/c1/messages/m1', resource: expiring, data: { ...expiring, text: 'edited' }, docs }, []);
  add(F, 'update-expire-at-by-owner', { method: 'update', path: 'chats/c1/messages/m1', auth: A.owner, resource: expiring, data: { ...expiring, expireAt: ts('2027-03-01T10:00:00.000Z') }, docs }, false);
  add(F, 'update-remove-expire-at-by-owner', { method: 'update', path: 'chats/c1/messages/m1', auth: A.owner, resource: expiring, data: storedMsg, docs }, false);
  matrix(F, 'delete-expiring', { method: 'delete', path: 'chats/c1/messages/m1', resource: expiring, docs }, []);
}

// =====================================================================================================
// riskEvents/{id}
// =====================================================================================================
{
  const F = 'riskEvents';
  const ev = {
    orgId: 'orgA', studentUid: 'stu1', alias: 'Calm Otter 42', source: 'chat', sourcePath: 'chats/c1/messages/m1',
    level: 'high', reasons: ['passive-death-wish'], excerpt: enc, status: 'open', assignedTo: null, ackBy: null,
    ackAt: null, escalationStep: 0, nextEscalationAt: LATER, outcome: null, createdAt: PAST, updatedAt: PAST,
  };
  const path = 'riskEvents/r1';
  matrix(F, 'get', { method: 'get', path, resource: ev }, ['counselor', 'admin']);
  add(F, 'get-other-org-event-by-counselor', { method: 'get', path, auth: A.counselor, resource: { ...ev, orgId: 'orgB' } }, false);
  add(F, 'get-other-org-event-by-its-counselor', { method: 'get', path, auth: A.counselorOtherOrg, resource: { ...ev, orgId: 'orgB' } }, true);
  add(F, 'get-missing-event', { method: 'get', path, auth: A.counselor }, false);
  add(F, 'get-null-org-event-by-null-org-counselor', { method: 'get', path, auth: nullOrg.counselor, resource: { ...ev, orgId: null } }, false);
  add(F, 'get-null-org-event-by-null-org-admin', { method: 'get', path, auth: nullOrg.admin, resource: { ...ev, orgId: null } }, false);
  add(F, 'get-empty-org-event-by-empty-org-counselor', { method: 'get', path, auth: emptyOrgCounselor, resource: { ...ev, orgId: '' } }, false);
  add(F, 'list-null-org-by-null-org-counselor', { method: 'list', path: 'riskEvents', auth: nullOrg.counselor, query: { where: [['orgId', '==', null]] } }, false);
  add(F, 'update-null-org-event-by-null-org-counselor', { method: 'update', path, auth: nullOrg.counselor, resource: { ...ev, orgId: null }, data: { ...ev, orgId: null, assignedTo: 'cou0' } }, false);
  const dashboard = { where: [['orgId', '==', 'orgA']], orderBy: [['level', 'desc'], ['createdAt', 'asc']], limit: 50 };
  matrix(F, 'list-dashboard', { method: 'list', path: 'riskEvents', query: dashboard }, ['counselor', 'admin']);
  add(F, 'list-dashboard-other-org', { method: 'list', path: 'riskEvents', auth: A.counselorOtherOrg, query: { ...dashboard, where: [['orgId', '==', 'orgB']] } }, true);
  add(F, 'list-open-by-org', { method: 'list', path: 'riskEvents', auth: A.counselor, query: { where: [['orgId', '==', 'orgA'], ['status', 'in', ['open', 'escalated']]], orderBy: [['level', 'desc'], ['createdAt', 'asc']] } }, true);
  add(F, 'list-in-own-org-only', { method: 'list', path: 'riskEvents', auth: A.counselor, query: { where: [['orgId', 'in', ['orgA']]] } }, true);
  add(F, 'list-unfiltered', { method: 'list', path: 'riskEvents', auth: A.counselor, query: { orderBy: [['level', 'desc'], ['createdAt', 'asc']] } }, false);
  add(F, 'list-status-only', { method: 'list', path: 'riskEvents', auth: A.admin, query: { where: [['status', '==', 'open']] } }, false);
  add(F, 'list-two-orgs', { method: 'list', path: 'riskEvents', auth: A.counselor, query: { where: [['orgId', 'in', ['orgA', 'orgB']]] } }, false);
  add(F, 'list-own-or-other-org', { method: 'list', path: 'riskEvents', auth: A.counselor, query: { or: [[['orgId', '==', 'orgA']], [['level', '==', 'imminent']]] } }, false);
  add(F, 'list-not-own-org', { method: 'list', path: 'riskEvents', auth: A.counselor, query: { where: [['orgId', '!=', 'orgB']] } }, false);
  add(F, 'list-own-by-student', { method: 'list', path: 'riskEvents', auth: A.owner, query: { where: [['studentUid', '==', 'stu1']] } }, false);
  add(F, 'list-org-by-student', { method: 'list', path: 'riskEvents', auth: A.owner, query: { where: [['orgId', '==', 'orgA']] } }, false);
  add(F, 'list-org-by-volunteer', { method: 'list', path: 'riskEvents', auth: A.volunteer, query: { where: [['orgId', '==', 'orgA']] } }, false);

  const upd = (patch) => ({ method: 'update', path, resource: ev, data: withKeys(ev, patch) });
  matrix(F, 'update-assign', upd({ assignedTo: 'cou1' }), ['counselor', 'admin']);
  add(F, 'update-ack-by-counselor', { ...upd({ status: 'acknowledged', ackBy: 'cou1', ackAt: NOW }), auth: A.counselor }, true);
  add(F, 'update-ack-by-admin', { ...upd({ status: 'acknowledged', ackBy: 'adm1', ackAt: NOW }), auth: A.admin }, true);
  add(F, 'update-ack-by-counselor-of-other-org', { ...upd({ status: 'acknowledged', ackBy: 'cou9', ackAt: NOW }), auth: A.counselorOtherOrg }, false);
  const s = (id, patch, ok, auth = A.counselor) => add(F, id, { ...upd(patch), auth }, ok);
  s('update-resolve-with-outcome', { status: 'resolved', outcome: 'false-positive' }, true);
  s('update-escalate', { status: 'escalated' }, true);
  s('update-outcome-only', { outcome: 'true-positive' }, true);
  s('update-assign-null', { assignedTo: null }, true);
  add(F, 'update-unassign', { method: 'update', path, auth: A.counselor, resource: { ...ev, assignedTo: 'cou2' }, data: { ...ev, assignedTo: null } }, true);
  add(F, 'update-clear-outcome', { method: 'update', path, auth: A.counselor, resource: { ...ev, outcome: 'unclear' }, data: { ...ev, outcome: null } }, true);
  add(F, 'update-assign-path', { method: 'update', path, auth: A.counselor, resource: ev, data: { ...ev, assignedTo: 'users/cou1' } }, false);
  add(F, 'update-ack-with-resolved-at-kept', { method: 'update', path, auth: A.counselor, resource: { ...ev, resolvedAt: null }, data: { ...ev, resolvedAt: null, status: 'acknowledged', ackBy: 'cou1', ackAt: NOW } }, true);
  add(F, 'update-resolved-at', { method: 'update', path, auth: A.counselor, resource: { ...ev, resolvedAt: null }, data: { ...ev, resolvedAt: NOW, status: 'resolved' } }, false);
  s('update-ack-as-someone-else', { status: 'acknowledged', ackBy: 'cou2', ackAt: NOW }, false);
  s('update-ack-client-time', { status: 'acknowledged', ackBy: 'cou1', ackAt: PAST }, false);
  s('update-status-unknown', { status: 'closed' }, false);
  s('update-outcome-unknown', { outcome: 'maybe' }, false);
  s('update-assign-wrong-type', { assignedTo: 7 }, false);
  s('update-level', { level: 'moderate' }, false);
  s('update-org', { orgId: 'orgB' }, false);
  s('update-student', { studentUid: 'stu2' }, false);
  s('update-excerpt', { excerpt: null }, false);
  s('update-reasons', { reasons: [] }, false);
  s('update-escalation-step', { escalationStep: 5 }, false);
  s('update-next-escalation', { nextEscalationAt: null }, false);
  s('update-source', { source: 'forum' }, false);
  s('update-created-at', { createdAt: NOW }, false);
  s('update-updated-at', { status: 'acknowledged', ackBy: 'cou1', ackAt: NOW, updatedAt: NOW }, false);
  s('update-extra-key', { note: 'called her' }, false);
  s('update-by-student-themself', { status: 'resolved' }, false, A.owner);
  add(F, 'update-moving-event-into-own-org', { method: 'update', path, auth: A.counselorOtherOrg, resource: ev, data: { ...ev, orgId: 'orgB' } }, false);
  matrix(F, 'create', { method: 'create', path: 'riskEvents/r2', data: { ...ev, createdAt: NOW, updatedAt: NOW } }, []);
  matrix(F, 'delete', { method: 'delete', path, resource: ev }, []);
}

// =====================================================================================================
// counselors/{uid}
// =====================================================================================================
const counselorProfile = { displayName: 'Dr. Asha Rao', languages: ['en', 'hi'], specialties: ['anxiety', 'exam stress'], bio: 'Counselling psychologist.', orgId: 'orgA', active: true };
{
  const F = 'counselors';
  const path = 'counselors/cou1';
  matrix(F, 'get', { method: 'get', path, resource: counselorProfile }, ['owner', 'otherStudent', 'volunteer', 'counselor', 'admin']);
  add(F, 'get-by-student-of-other-org', { method: 'get', path, auth: studentOtherOrg, resource: counselorProfile }, false);
  add(F, 'get-own-missing', { method: 'get', path, auth: A.counselor }, true);
  add(F, 'get-null-org-profile-by-null-org-student', { method: 'get', path, auth: nullOrg.student, resource: { ...counselorProfile, orgId: null } }, false);
  add(F, 'list-null-org-by-null-org-student', { method: 'list', path: 'counselors', auth: nullOrg.student, query: { where: [['orgId', '==', null]] } }, false);
  add(F, 'update-null-org-profile-by-null-org-admin', { method: 'update', path, auth: nullOrg.admin, resource: { ...counselorProfile, orgId: null }, data: { ...counselorProfile, orgId: null, bio: 'x' } }, false);
  add(F, 'delete-null-org-profile-by-null-org-admin', { method: 'delete', path, auth: nullOrg.admin, resource: { ...counselorProfile, orgId: null } }, false);
  const list = { method: 'list', path: 'counselors', query: { where: [['orgId', '==', 'orgA'], ['active', '==', true]] } };
  matrix(F, 'list-org', list, ['owner', 'otherStudent', 'volunteer', 'counselor', 'admin']);
  add(F, 'list-unfiltered', { method: 'list', path: 'counselors', auth: A.owner, query: {} }, false);
  add(F, 'list-active-only', { method: 'list', path: 'counselors', auth: A.owner, query: { where: [['active', '==', true]] } }, false);
  add(F, 'list-other-org', { method: 'list', path: 'counselors', auth: A.owner, query: { where: [['orgId', '==', 'orgB']] } }, false);
  add(F, 'list-by-language', { method: 'list', path: 'counselors', auth: A.owner, query: { where: [['orgId', '==', 'orgA'], ['languages', 'array-contains', 'hi']] } }, true);

  const newProfile = { ...counselorProfile, updatedAt: NOW };
  matrix(F, 'create', { method: 'create', path: 'counselors/cou3', data: newProfile }, ['admin']);
  const c = (id, data, ok, auth = A.admin, p = 'counselors/cou3') => add(F, id, { method: 'create', path: p, auth, data }, ok);
  c('create-own-by-counselor', newProfile, false, A.counselor, 'counselors/cou1');
  c('create-with-photo', { ...newProfile, photoPath: 'counselors/cou3/photo.jpg' }, true);
  c('create-without-updated-at', counselorProfile, true);
  c('create-for-other-org', { ...newProfile, orgId: 'orgB' }, false);
  c('create-org-a-by-other-org-admin', newProfile, false, A.adminOtherOrg);
  c('create-language-unknown', { ...newProfile, languages: ['fr'] }, false);
  c('create-no-languages', { ...newProfile, languages: [] }, false);
  c('create-name-empty', { ...newProfile, displayName: '' }, false);
  c('create-name-too-long', { ...newProfile, displayName: text(81) }, false);
  c('create-bio-too-long', { ...newProfile, bio: text(2001) }, false);
  c('create-too-many-specialties', { ...newProfile, specialties: Array.from({ length: 21 }, (_, i) => `s${i}`) }, false);
  c('create-specialty-too-long', { ...newProfile, specialties: [text(41)] }, false);
  c('create-specialty-with-separator', { ...newProfile, specialties: [`${text(40)}␟${text(40)}`] }, false);
  c('create-active-wrong-type', { ...newProfile, active: 'yes' }, false);
  c('create-client-time', { ...newProfile, updatedAt: PAST }, false);
  c('create-extra-key', { ...newProfile, phone: '+91 98000 00000' }, false);
  c('create-missing-bio', omit(newProfile, 'bio'), false);

  const upd = (patch) => ({ method: 'update', path, resource: counselorProfile, data: withKeys(counselorProfile, patch) });
  matrix(F, 'update-bio', upd({ bio: 'Now also offering sessions in Marathi.', updatedAt: NOW }), ['counselor', 'admin']);
  add(F, 'update-other-counselors-profile', { ...upd({ bio: 'hacked' }), auth: secondCounselor }, false);
  const u = (id, patch, ok, auth = A.counselor) => add(F, id, { ...upd(patch), auth }, ok);
  u('update-languages', { languages: ['en', 'hi', 'mr'] }, true);
  u('update-inactive-by-counselor', { active: false }, true);
  u('update-inactive-by-admin', { active: false }, true, A.admin);
  u('update-org-by-counselor', { orgId: 'orgB' }, false);
  u('update-org-by-admin', { orgId: 'orgB' }, false, A.admin);
  u('update-bio-too-long', { bio: text(2001) }, false);
  u('update-language-unknown', { languages: ['xx'] }, false);
  u('update-client-time', { bio: 'x', updatedAt: PAST }, false);
  u('update-extra-key', { rating: 5 }, false);
  u('update-by-student-claiming-uid', { bio: 'x' }, false, { uid: 'cou1', token: { role: 'student', orgId: 'orgA' } });
  u('update-display-name', { displayName: 'Dr. A. Rao' }, true);
  u('update-display-name-empty', { displayName: '' }, false);
  u('update-specialties', { specialties: ['grief'] }, true);
  u('update-specialty-too-long', { specialties: [text(41)] }, false);
  u('update-active-wrong-type', { active: 'no' }, false);
  u('update-add-photo', { photoPath: 'counselors/cou1/photo.jpg' }, true);
  u('update-photo-too-long', { photoPath: text(513) }, false);
  add(F, 'update-remove-photo', { method: 'update', path, auth: A.counselor, resource: { ...counselorProfile, photoPath: 'counselors/cou1/photo.jpg' }, data: counselorProfile }, true);
  u('update-languages-not-list', { languages: 'en' }, false);
  u('update-too-many-languages', { languages: ['en', 'hi', 'ne', 'bn', 'mr', 'ta', 'te', 'en'] }, false);
  c('create-photo-wrong-type', { ...newProfile, photoPath: 7 }, false);
  const oddOrgAdmin = { uid: 'adm5', token: { role: 'admin', orgId: 'org A!' } };
  c('create-org-id-not-an-id', { ...newProfile, orgId: 'org A!' }, false, oddOrgAdmin);
  c('create-org-id-number', { ...newProfile, orgId: 7 }, false, { uid: 'adm6', token: { role: 'admin', orgId: 7 } });
  matrix(F, 'delete', { method: 'delete', path, resource: counselorProfile }, ['admin']);
}

// =====================================================================================================
// counselors/{uid}/slots/{slotId}
// =====================================================================================================
{
  const F = 'counselors-slots';
  const docs = { 'counselors/cou1': counselorProfile };
  const path = 'counselors/cou1/slots/s1';
  const slot = { start: LATER, end: LATER_END, status: 'open', createdAt: NOW };
  const stored = { ...slot, createdAt: PAST };
  matrix(F, 'get', { method: 'get', path, resource: stored, docs }, ['owner', 'otherStudent', 'volunteer', 'counselor', 'admin']);
  add(F, 'get-by-student-of-other-org', { method: 'get', path, auth: studentOtherOrg, resource: stored, docs }, false);
  add(F, 'get-without-counselor-profile', { method: 'get', path, auth: A.owner, resource: stored }, false);
  matrix(F, 'list-open', { method: 'list', path: 'counselors/cou1/slots', query: { where: [['status', '==', 'open'], ['start', '>=', NOW]], orderBy: [['start', 'asc']] }, docs }, ['owner', 'otherStudent', 'volunteer', 'counselor', 'admin']);
  add(F, 'list-collection-group', { method: 'list', collectionGroup: 'slots', auth: A.owner, query: { where: [['status', '==', 'open']] }, docs }, false);
  matrix(F, 'create', { method: 'create', path, data: slot, docs }, ['counselor']);
  const c = (id, data, ok, auth = A.counselor, p = path) => add(F, id, { method: 'create', path: p, auth, data, docs }, ok);
  c('create-on-other-counselor', slot, false, secondCounselor);
  c('create-held', { ...slot, status: 'held' }, false);
  c('create-booked', { ...slot, status: 'booked' }, false);
  c('create-end-before-start', { ...slot, start: LATER_END, end: LATER }, false);
  c('create-zero-length', { ...slot, end: LATER }, false);
  c('create-with-held-by', { ...slot, heldBy: 'stu1' }, false);
  c('create-with-booking', { ...slot, bookingId: 'b1' }, false);
  c('create-start-wrong-type', { ...slot, start: '2026-03-05T11:00:00Z' }, false);
  c('create-end-wrong-type', { ...slot, end: '2026-03-05T11:45:00Z' }, false);
  c('create-client-time', { ...slot, createdAt: PAST }, false);
  c('create-extra-key', { ...slot, price: 0 }, false);
  c('create-by-student-claiming-uid', slot, false, { uid: 'cou1', token: { role: 'student', orgId: 'orgA' } });
  // createdAt is optional (DESIGN.md lists start, end, status); when present it is the server time.
  matrix(F, 'create-without-created-at', { method: 'create', path: 'counselors/cou1/slots/s2', data: omit(slot, 'createdAt'), docs }, ['counselor']);
  c('create-without-created-at-held', { ...omit(slot, 'createdAt'), status: 'held' }, false);
  c('create-without-created-at-end-before-start', { ...omit(slot, 'createdAt'), start: LATER_END, end: LATER }, false);
  c('create-without-created-at-extra-key', { ...omit(slot, 'createdAt'), note: 'x' }, false);
  c('create-created-at-null', { ...slot, createdAt: null }, false);
  c('create-created-at-later', { ...slot, createdAt: LATER }, false);
  add(F, 'create-without-created-at-missing-status', { method: 'create', path, auth: A.counselor, data: omit(slot, 'createdAt', 'status'), docs }, false);
  add(F, 'create-without-created-at-missing-end', { method: 'create', path, auth: A.counselor, data: omit(slot, 'createdAt', 'end'), docs }, false);
  matrix(F, 'get-without-created-at', { method: 'get', path, resource: omit(stored, 'createdAt'), docs }, ['owner', 'otherStudent', 'volunteer', 'counselor', 'admin']);
  matrix(F, 'delete-open-without-created-at', { method: 'delete', path, resource: omit(stored, 'createdAt'), docs }, ['counselor']);
  // A null org claim does not read slots of a counselor profile whose orgId is null.
  const nullOrgDocs = { 'counselors/cou1': { ...counselorProfile, orgId: null } };
  add(F, 'get-null-org-counselor-by-null-org-student', { method: 'get', path, auth: nullOrg.student, resource: stored, docs: nullOrgDocs }, false);
  add(F, 'list-null-org-counselor-by-null-org-student', { method: 'list', path: 'counselors/cou1/slots', auth: nullOrg.student, query: {}, docs: nullOrgDocs }, false);
  matrix(F, 'delete-open', { method: 'delete', path, resource: stored, docs }, ['counselor']);
  add(F, 'delete-booked', { method: 'delete', path, auth: A.counselor, resource: { ...stored, status: 'booked', bookingId: 'b1' }, docs }, false);
  add(F, 'delete-held', { method: 'delete', path, auth: A.counselor, resource: { ...stored, status: 'held', heldBy: 'stu1' }, docs }, false);
  matrix(F, 'update-hold', { method: 'update', path, resource: stored, data: { ...stored, status: 'held', heldBy: 'stu1' }, docs }, []);
}

// =====================================================================================================
// bookings/{id}
// =====================================================================================================
{
  const F = 'bookings';
  const path = 'bookings/b1';
  const booking = {
    studentUid: 'stu1', counselorUid: 'cou1', orgId: 'orgA', slotId: 's1', start: LATER, end: LATER_END, mode: 'video',
    status: 'requested', reason: 'exam anxiety', history: [{ status: 'requested', at: PAST, by: 'stu1' }], createdAt: PAST, updatedAt: PAST,
  };
  matrix(F, 'get', { method: 'get', path, resource: booking }, ['owner', 'counselor']);
  add(F, 'get-by-other-counselor-same-org', { method: 'get', path, auth: secondCounselor, resource: booking }, false);
  matrix(F, 'list-student', { method: 'list', path: 'bookings', query: { where: [['studentUid', '==', 'stu1']], orderBy: [['start', 'desc']] } }, ['owner']);
  matrix(F, 'list-counselor', { method: 'list', path: 'bookings', query: { where: [['counselorUid', '==', 'cou1'], ['status', '==', 'requested']], orderBy: [['start', 'asc']] } }, ['counselor']);
  add(F, 'list-unfiltered', { method: 'list', path: 'bookings', auth: A.counselor, query: {} }, false);
  add(F, 'list-org-by-admin', { method: 'list', path: 'bookings', auth: A.admin, query: { where: [['orgId', '==', 'orgA']] } }, false);
  matrix(F, 'create', { method: 'create', path: 'bookings/b2', data: { ...booking, createdAt: NOW, updatedAt: NOW } }, []);
  matrix(F, 'update-confirm', { method: 'update', path, resource: booking, data: { ...booking, status: 'confirmed', updatedAt: NOW } }, []);
  matrix(F, 'delete', { method: 'delete', path, resource: booking }, []);
}

// =====================================================================================================
// forumPosts/{postId}, comments, likes
// =====================================================================================================
{
  const F = 'forumPosts';
  const visible = { authorUid: 'stu2', alias: 'Quiet River 7', title: 'Exams', body: 'How do you all cope?', tags: ['exams'], status: 'visible', likeCount: 3, commentCount: 1, createdAt: PAST };
  const pending = { ...visible, authorUid: 'stu1', alias: 'Calm Otter 42', status: 'pending', likeCount: 0, commentCount: 0 };
  const newPost = { authorUid: 'stu1', alias: 'Calm Otter 42', title: 'Sleep', body: 'Cannot sleep before exams.', tags: ['sleep', 'exams'], status: 'pending', likeCount: 0, commentCount: 0, createdAt: NOW };
  matrix(F, 'get-visible', { method: 'get', path: 'forumPosts/p1', resource: visible }, ['owner', 'otherStudent', 'volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg']);
  matrix(F, 'get-pending-own', { method: 'get', path: 'forumPosts/p2', resource: pending }, ['owner', 'volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg']);
  add(F, 'get-hidden-by-student', { method: 'get', path: 'forumPosts/p3', auth: A.owner, resource: { ...visible, status: 'hidden' } }, false);
  add(F, 'get-removed-by-student', { method: 'get', path: 'forumPosts/p3', auth: A.owner, resource: { ...visible, status: 'removed' } }, false);
  add(F, 'get-own-removed', { method: 'get', path: 'forumPosts/p3', auth: A.otherStudent, resource: { ...visible, status: 'removed' } }, true);
  const feed = { where: [['status', '==', 'visible']], orderBy: [['createdAt', 'desc']], limit: 20 };
  matrix(F, 'list-visible', { method: 'list', path: 'forumPosts', query: feed }, ['owner', 'otherStudent', 'volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg']);
  add(F, 'list-visible-by-tag', { method: 'list', path: 'forumPosts', auth: A.owner, query: { where: [['status', '==', 'visible'], ['tags', 'array-contains', 'exams']], orderBy: [['createdAt', 'desc']] } }, true);
  add(F, 'list-own', { method: 'list', path: 'forumPosts', auth: A.owner, query: { where: [['authorUid', '==', 'stu1']], orderBy: [['createdAt', 'desc']] } }, true);
  add(F, 'list-others', { method: 'list', path: 'forumPosts', auth: A.owner, query: { where: [['authorUid', '==', 'stu2']] } }, false);
  add(F, 'list-unfiltered-by-student', { method: 'list', path: 'forumPosts', auth: A.owner, query: { orderBy: [['createdAt', 'desc']] } }, false);
  add(F, 'list-pending-by-student', { method: 'list', path: 'forumPosts', auth: A.owner, query: { where: [['status', '==', 'pending']] } }, false);
  add(F, 'list-visible-or-hidden-by-student', { method: 'list', path: 'forumPosts', auth: A.owner, query: { where: [['status', 'in', ['visible', 'hidden']]] } }, false);
  add(F, 'list-not-removed-by-student', { method: 'list', path: 'forumPosts', auth: A.owner, query: { where: [['status', '!=', 'removed']] } }, false);
  add(F, 'list-visible-or-own', { method: 'list', path: 'forumPosts', auth: A.owner, query: { or: [[['status', '==', 'visible']], [['authorUid', '==', 'stu1']]] } }, true);
  add(F, 'list-queue-by-volunteer', { method: 'list', path: 'forumPosts', auth: A.volunteer, query: { where: [['status', '==', 'pending']], orderBy: [['createdAt', 'asc']] } }, true);
  add(F, 'list-queue-by-counselor', { method: 'list', path: 'forumPosts', auth: A.counselor, query: { where: [['status', '==', 'pending']] } }, true);
  add(F, 'list-visible-no-claims', { method: 'list', path: 'forumPosts', auth: noClaims, query: feed }, true);

  matrix(F, 'create', { method: 'create', path: 'forumPosts/p9', data: newPost }, ['owner']);
  const c = (id, patch, ok, auth = A.owner) => add(F, id, { method: 'create', path: 'forumPosts/p9', auth, data: withKeys(newPost, patch) }, ok);
  c('create-by-volunteer-as-self', { authorUid: 'vol1' }, true, A.volunteer);
  c('create-by-counselor-as-self', { authorUid: 'cou1' }, true, A.counselor);
  c('create-no-tags', { tags: [] }, true);
  c('create-longest-body', { body: text(5000) }, true);
  c('create-as-other-user', { authorUid: 'stu2' }, false);
  c('create-visible', { status: 'visible' }, false);
  c('create-visible-by-moderator', { authorUid: 'vol1', status: 'visible' }, false, A.volunteer);
  c('create-status-unknown', { status: 'draft' }, false);
  c('create-with-likes', { likeCount: 5 }, false);
  c('create-with-comments', { commentCount: 1 }, false);
  c('create-like-count-float', { likeCount: float(0) }, false);
  // likeCount and commentCount are optional on create (functions keep them); when present they are 0.
  matrix(F, 'create-without-counters', { method: 'create', path: 'forumPosts/p9', data: omit(newPost, 'likeCount', 'commentCount') }, ['owner']);
  add(F, 'create-without-like-count', { method: 'create', path: 'forumPosts/p9', auth: A.owner, data: omit(newPost, 'likeCount') }, true);
  add(F, 'create-without-comment-count', { method: 'create', path: 'forumPosts/p9', auth: A.owner, data: omit(newPost, 'commentCount') }, true);
  add(F, 'create-without-like-count-with-comments', { method: 'create', path: 'forumPosts/p9', auth: A.owner, data: { ...omit(newPost, 'likeCount'), commentCount: 2 } }, false);
  add(F, 'create-without-comment-count-with-likes', { method: 'create', path: 'forumPosts/p9', auth: A.owner, data: { ...omit(newPost, 'commentCount'), likeCount: 1 } }, false);
  add(F, 'create-without-counters-visible', { method: 'create', path: 'forumPosts/p9', auth: A.owner, data: { ...omit(newPost, 'likeCount', 'commentCount'), status: 'visible' } }, false);
  add(F, 'create-without-counters-as-other-user', { method: 'create', path: 'forumPosts/p9', auth: A.owner, data: { ...omit(newPost, 'likeCount', 'commentCount'), authorUid: 'stu2' } }, false);
  add(F, 'create-without-counters-extra-key', { method: 'create', path: 'forumPosts/p9', auth: A.owner, data: { ...omit(newPost, 'likeCount', 'commentCount'), viewCount: 0 } }, false);
  c('create-like-count-null', { likeCount: null }, false);
  c('create-comment-count-negative', { commentCount: -1 }, false);
  c('create-comment-count-string', { commentCount: '0' }, false);
  const bare = omit({ ...pending, moderation: { level: 'none', reasons: [], by: 'rules', at: PAST } }, 'likeCount', 'commentCount');
  matrix(F, 'update-approve-without-counters', { method: 'update', path: 'forumPosts/p2', resource: bare, data: { ...bare, status: 'visible' } }, ['volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg']);
  add(F, 'update-add-like-count', { method: 'update', path: 'forumPosts/p2', auth: A.volunteer, resource: bare, data: { ...bare, status: 'visible', likeCount: 0 } }, false);
  add(F, 'create-missing-status', { method: 'create', path: 'forumPosts/p9', auth: A.owner, data: omit(newPost, 'status') }, false);
  c('create-with-moderation', { moderation: { level: 'none', reasons: [], by: 'rules', at: NOW } }, false);
  c('create-title-too-long', { title: text(201) }, false);
  c('create-title-empty', { title: '' }, false);
  c('create-body-too-long', { body: text(5001) }, false);
  c('create-body-wrong-type', { body: { text: 'x' } }, false);
  c('create-too-many-tags', { tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, false);
  c('create-tag-too-long', { tags: [text(33)] }, false);
  c('create-tag-with-separator', { tags: [`${text(32)}␟${text(32)}`] }, false);
  c('create-tags-with-separator-within-count', { tags: ['a␟b␟c', 'd'] }, false);
  c('create-longest-tags', { tags: Array.from({ length: 5 }, (_, i) => `${i}${text(31)}`) }, true);
  c('create-tag-wrong-type', { tags: [1] }, false);
  c('create-alias-too-long', { alias: text(61) }, false);
  c('create-client-time', { createdAt: PAST }, false);
  c('create-extra-key', { pinned: true }, false);
  c('create-with-updated-at', { updatedAt: NOW }, true);
  c('create-updated-at-client-time', { updatedAt: PAST }, false);
  add(F, 'create-missing-alias', { method: 'create', path: 'forumPosts/p9', auth: A.owner, data: omit(newPost, 'alias') }, false);

  const mod = (patch, resource = pending) => ({ method: 'update', path: 'forumPosts/p2', resource, data: withKeys(resource, patch) });
  matrix(F, 'update-approve', mod({ status: 'visible' }), ['volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg']);
  const m = (id, patch, ok, auth = A.volunteer, resource = pending) => add(F, id, { ...mod(patch, resource), auth }, ok);
  m('update-hide-by-counselor', { status: 'hidden' }, true, A.counselor, visible);
  m('update-remove-by-admin', { status: 'removed', updatedAt: NOW }, true, A.admin, visible);
  m('update-status-unknown', { status: 'deleted' }, false);
  m('update-status-and-body', { status: 'visible', body: 'edited by moderator' }, false);
  m('update-moderation', { status: 'visible', moderation: { level: 'none', reasons: [], by: 'rules', at: NOW, decidedBy: 'vol1', decidedAt: NOW } }, false);
  m('update-like-count', { likeCount: 100 }, false, A.volunteer, visible);
  m('update-author', { authorUid: 'vol1' }, false);
  m('update-client-time', { status: 'visible', updatedAt: PAST }, false);
  m('update-approve-own-post', { status: 'visible' }, false, A.volunteer, { ...pending, authorUid: 'vol1' });
  m('update-author-approves-own', { status: 'visible' }, false, A.owner);
  m('update-author-edits-body', { body: 'edited' }, false, A.owner);
  m('update-other-student-hides', { status: 'hidden' }, false, A.otherStudent, visible);
  const screenedPost = { ...pending, moderation: { level: 'none', reasons: [], by: 'rules', at: PAST, review: true, reviewWhy: 'model-unavailable', reportCount: 0, riskEventId: null } };
  m('update-approve-with-moderation-kept', { status: 'visible', updatedAt: NOW }, true, A.volunteer, screenedPost);
  m('update-clear-review-flag', { moderation: { ...screenedPost.moderation, review: false } }, false, A.volunteer, screenedPost);
  // Every moderation field functions write (screening, decisions, queue, reports, riskEvent) and the
  // counters: present and unchanged on a moderator's status change; each one changed is denied.
  const fullModeration = {
    level: 'moderate', reasons: ['hopelessness'], by: 'rules+model', at: PAST, decidedBy: 'cou2', decidedAt: PAST,
    reason: 'reported', abuse: ['insult'], review: true, reviewWhy: 'reported', reportCount: 3, riskEventId: 'r1',
  };
  const moderated = { ...visible, status: 'hidden', likeCount: 4, commentCount: 2, updatedAt: PAST, moderation: fullModeration };
  matrix(F, 'update-restore-with-every-server-field', mod({ status: 'visible', updatedAt: NOW }, moderated), ['volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg']);
  m('update-remove-with-every-server-field', { status: 'removed' }, true, A.admin, moderated);
  for (const [key, value] of Object.entries({ reason: 'moderator', abuse: [], review: false, reviewWhy: null, reportCount: 0, riskEventId: null, decidedBy: 'vol1', decidedAt: NOW, level: 'none' })) {
    m(`update-moderation-${key}`, { status: 'visible', moderation: { ...fullModeration, [key]: value } }, false, A.volunteer, moderated);
  }
  add(F, 'update-drop-moderation', { method: 'update', path: 'forumPosts/p2', auth: A.volunteer, resource: moderated, data: omit({ ...moderated, status: 'visible' }, 'moderation') }, false);
  m('update-comment-count', { status: 'visible', commentCount: 0 }, false, A.counselor, moderated);
  m('update-like-count-with-moderation', { status: 'visible', likeCount: 5 }, false, A.admin, moderated);
  matrix(F, 'delete', { method: 'delete', path: 'forumPosts/p2', resource: pending }, []);
}
{
  const F = 'forumPosts-comments';
  const post = { authorUid: 'stu2', alias: 'Quiet River 7', title: 'Exams', body: 'How do you all cope?', tags: ['exams'], status: 'visible', likeCount: 0, commentCount: 0, createdAt: PAST };
  const docs = { 'forumPosts/p1': post };
  const visible = { authorUid: 'stu2', alias: 'Quiet River 7', body: 'Short walks help me.', status: 'visible', createdAt: PAST };
  const pending = { ...visible, authorUid: 'stu1', alias: 'Calm Otter 42', status: 'pending' };
  const newComment = { authorUid: 'stu1', alias: 'Calm Otter 42', body: 'Same here, thank you.', status: 'pending', createdAt: NOW };
  const path = 'forumPosts/p1/comments/k1';
  matrix(F, 'get-visible', { method: 'get', path, resource: visible, docs }, ['owner', 'otherStudent', 'volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg']);
  matrix(F, 'get-pending-own', { method: 'get', path, resource: pending, docs }, ['owner', 'volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg']);
  add(F, 'get-hidden-by-student', { method: 'get', path, auth: A.owner, resource: { ...visible, status: 'hidden' }, docs }, false);
  matrix(F, 'list-visible', { method: 'list', path: 'forumPosts/p1/comments', query: { where: [['status', '==', 'visible']], orderBy: [['createdAt', 'asc']] }, docs }, ['owner', 'otherStudent', 'volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg']);
  add(F, 'list-unfiltered-by-student', { method: 'list', path: 'forumPosts/p1/comments', auth: A.owner, query: {}, docs }, false);
  add(F, 'list-own', { method: 'list', path: 'forumPosts/p1/comments', auth: A.owner, query: { where: [['authorUid', '==', 'stu1']] }, docs }, true);
  add(F, 'list-collection-group-visible', { method: 'list', collectionGroup: 'comments', auth: A.owner, query: { where: [['status', '==', 'visible']] } }, false);
  matrix(F, 'create', { method: 'create', path: 'forumPosts/p1/comments/k9', data: newComment, docs }, ['owner']);
  const c = (id, patch, ok, auth = A.owner) => add(F, id, { method: 'create', path: 'forumPosts/p1/comments/k9', auth, data: withKeys(newComment, patch), docs }, ok);
  c('create-by-counselor-as-self', { authorUid: 'cou1', alias: 'Dr. Asha' }, true, A.counselor);
  c('create-longest-body', { body: text(2000) }, true);
  c('create-as-other-user', { authorUid: 'stu2' }, false);
  c('create-visible', { status: 'visible' }, false);
  c('create-body-too-long', { body: text(2001) }, false);
  c('create-body-empty', { body: '' }, false);
  c('create-with-moderation', { moderation: { level: 'none', reasons: [], by: 'rules', at: NOW } }, false);
  c('create-client-time', { createdAt: PAST }, false);
  c('create-extra-key', { title: 'x' }, false);
  c('create-with-updated-at', { updatedAt: NOW }, true);
  c('create-updated-at-client-time', { updatedAt: PAST }, false);
  c('create-alias-wrong-type', { alias: 42 }, false);
  const mod = (patch, resource = pending) => ({ method: 'update', path, resource, data: withKeys(resource, patch), docs });
  matrix(F, 'update-approve', mod({ status: 'visible' }), ['volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg']);
  add(F, 'update-author-edits', { ...mod({ body: 'edited' }), auth: A.owner }, false);
  add(F, 'update-moderator-edits-body', { ...mod({ status: 'visible', body: 'edited' }), auth: A.counselor }, false);
  add(F, 'update-moderate-own-comment', { ...mod({ status: 'visible' }, { ...pending, authorUid: 'vol1' }), auth: A.volunteer }, false);
  add(F, 'update-status-unknown', { ...mod({ status: 'approved' }), auth: A.volunteer }, false);
  // Fields functions keep (moderation, countedVisible) present and unchanged on a moderator's update.
  const counted = { ...visible, countedVisible: true, moderation: { level: 'none', reasons: [], by: 'rules', at: PAST, reason: 'clean' } };
  add(F, 'update-hide-with-server-fields', { ...mod({ status: 'hidden', updatedAt: NOW }, counted), auth: A.counselor }, true);
  add(F, 'update-counted-visible', { ...mod({ status: 'hidden', countedVisible: false }, counted), auth: A.counselor }, false);
  const fullModeration = {
    level: 'high', reasons: ['doxxing'], by: 'rules', at: PAST, decidedBy: null, decidedAt: null,
    reason: 'doxxing', abuse: ['phone-number'], review: true, reviewWhy: 'auto-hidden', reportCount: 1, riskEventId: null,
  };
  const hidden = { ...visible, status: 'hidden', countedVisible: false, updatedAt: PAST, moderation: fullModeration };
  matrix(F, 'update-restore-with-every-server-field', mod({ status: 'visible', updatedAt: NOW }, hidden), ['volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg']);
  add(F, 'update-restore-sets-counted-visible', { ...mod({ status: 'visible', countedVisible: true }, hidden), auth: A.volunteer }, false);
  add(F, 'update-remove-counted-visible', { method: 'update', path, auth: A.volunteer, resource: hidden, data: omit({ ...hidden, status: 'visible' }, 'countedVisible'), docs }, false);
  add(F, 'update-add-counted-visible', { ...mod({ status: 'visible', countedVisible: true }), auth: A.volunteer }, false);
  add(F, 'update-moderation-reason', { ...mod({ status: 'visible', moderation: { ...fullModeration, reason: 'clean' } }, hidden), auth: A.counselor }, false);
  add(F, 'update-moderation-review', { ...mod({ status: 'visible', moderation: { ...fullModeration, review: false, reviewWhy: null } }, hidden), auth: A.counselor }, false);
  add(F, 'update-moderation-report-count', { ...mod({ moderation: { ...fullModeration, reportCount: 0 } }, hidden), auth: A.admin }, false);
  add(F, 'update-moderation-decided-by', { ...mod({ status: 'visible', moderation: { ...fullModeration, decidedBy: 'vol1', decidedAt: NOW } }, hidden), auth: A.volunteer }, false);
  add(F, 'update-drop-moderation', { method: 'update', path, auth: A.volunteer, resource: hidden, data: omit({ ...hidden, status: 'visible' }, 'moderation'), docs }, false);
  add(F, 'update-author-edits-with-server-fields', { ...mod({ body: 'edited' }, { ...hidden, authorUid: 'stu1' }), auth: A.owner }, false);
  add(F, 'create-with-counted-visible', { method: 'create', path: 'forumPosts/p1/comments/k9', auth: A.owner, data: { ...newComment, countedVisible: false }, docs }, false);
  matrix(F, 'delete', { method: 'delete', path, resource: pending, docs }, []);
}
{
  const F = 'forumPosts-likes';
  const like = { createdAt: NOW };
  const stored = { createdAt: PAST };
  matrix(F, 'get-own', { method: 'get', path: 'forumPosts/p1/likes/stu1', resource: stored }, ['owner']);
  matrix(F, 'list', { method: 'list', path: 'forumPosts/p1/likes', query: {} }, []);
  matrix(F, 'create-own', { method: 'create', path: 'forumPosts/p1/likes/stu1', data: like }, ['owner']);
  add(F, 'create-own-by-volunteer', { method: 'create', path: 'forumPosts/p1/likes/vol1', auth: A.volunteer, data: like }, true);
  add(F, 'create-client-time', { method: 'create', path: 'forumPosts/p1/likes/stu1', auth: A.owner, data: { createdAt: PAST } }, false);
  add(F, 'create-extra-key', { method: 'create', path: 'forumPosts/p1/likes/stu1', auth: A.owner, data: { createdAt: NOW, weight: 10 } }, false);
  // createdAt is optional (the like is the document itself); when present it is the server time.
  matrix(F, 'create-empty', { method: 'create', path: 'forumPosts/p1/likes/stu1', data: {} }, ['owner']);
  add(F, 'create-empty-for-other-user', { method: 'create', path: 'forumPosts/p1/likes/stu2', auth: A.owner, data: {} }, false);
  add(F, 'create-created-at-null', { method: 'create', path: 'forumPosts/p1/likes/stu1', auth: A.owner, data: { createdAt: null } }, false);
  add(F, 'create-created-at-later', { method: 'create', path: 'forumPosts/p1/likes/stu1', auth: A.owner, data: { createdAt: LATER } }, false);
  add(F, 'create-extra-key-only', { method: 'create', path: 'forumPosts/p1/likes/stu1', auth: A.owner, data: { weight: 1 } }, false);
  add(F, 'update-empty-own', { method: 'update', path: 'forumPosts/p1/likes/stu1', auth: A.owner, resource: {}, data: { createdAt: NOW } }, false);
  matrix(F, 'delete-empty-own', { method: 'delete', path: 'forumPosts/p1/likes/stu1', resource: {} }, ['owner']);
  add(F, 'create-for-other-user', { method: 'create', path: 'forumPosts/p1/likes/stu2', auth: A.owner, data: like }, false);
  add(F, 'update-own', { method: 'update', path: 'forumPosts/p1/likes/stu1', auth: A.owner, resource: stored, data: like }, false);
  matrix(F, 'delete-own', { method: 'delete', path: 'forumPosts/p1/likes/stu1', resource: stored }, ['owner']);
  add(F, 'list-collection-group-own', { method: 'list', collectionGroup: 'likes', auth: A.owner, query: {} }, false);
}

// =====================================================================================================
// peerSessions/{id} and its subcollections
// =====================================================================================================
const session = {
  title: 'Exam stress circle', description: 'Sharing what helps.', category: 'exam-stress', language: 'en', orgId: 'orgA',
  scheduledAt: LATER, durationMin: 60, capacity: 10, hostUids: ['vol1'], status: 'scheduled', participantCount: 3,
  createdBy: 'vol1', createdAt: PAST,
};
const participant = { alias: 'Calm Otter 42', joinedAt: PAST, leftAt: null };
const sessionDocs = { 'peerSessions/ps1': session, 'peerSessions/ps1/participants/stu1': participant };
{
  const F = 'peerSessions';
  const path = 'peerSessions/ps1';
  const everyoneSignedIn = ['owner', 'otherStudent', 'volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg'];
  matrix(F, 'get', { method: 'get', path, resource: session }, everyoneSignedIn);
  matrix(F, 'list-upcoming', { method: 'list', path: 'peerSessions', query: { where: [['status', '==', 'scheduled']], orderBy: [['scheduledAt', 'asc']] } }, everyoneSignedIn);
  const newSession = { ...omit(session, 'description'), participantCount: 0, createdAt: NOW };
  matrix(F, 'create', { method: 'create', path: 'peerSessions/ps2', data: newSession }, ['volunteer']);
  const c = (id, patch, ok, auth = A.volunteer) => add(F, id, { method: 'create', path: 'peerSessions/ps2', auth, data: withKeys(newSession, patch) }, ok);
  c('create-by-admin', { createdBy: 'adm1', hostUids: ['vol1', 'vol2'] }, true, A.admin);
  add(F, 'create-missing-created-by', { method: 'create', path: 'peerSessions/ps2', auth: A.volunteer, data: omit(newSession, 'createdBy') }, false);
  add(F, 'create-missing-capacity', { method: 'create', path: 'peerSessions/ps2', auth: A.volunteer, data: omit(newSession, 'capacity') }, false);
  add(F, 'create-open-to-every-org', { method: 'create', path: 'peerSessions/ps2', auth: A.volunteer, data: omit(newSession, 'orgId') }, true);
  c('create-with-description', { description: text(2000) }, true);
  c('create-by-counselor', { createdBy: 'cou1' }, false, A.counselor);
  c('create-by-student', { createdBy: 'stu1', hostUids: ['stu1'] }, false, A.owner);
  c('create-as-someone-else', { createdBy: 'vol2' }, false);
  c('create-live', { status: 'live' }, false);
  c('create-with-participants', { participantCount: 2 }, false);
  c('create-with-feedback-count', { feedbackCount: 0 }, false);
  c('create-with-rating-sum', { ratingSum: 0 }, false);
  c('create-capacity-too-small', { capacity: 1 }, false);
  c('create-capacity-too-large', { capacity: 101 }, false);
  c('create-duration-too-short', { durationMin: 5 }, false);
  c('create-duration-too-long', { durationMin: 241 }, false);
  c('create-duration-float', { durationMin: float(60.5) }, false);
  c('create-no-hosts', { hostUids: [] }, false);
  c('create-too-many-hosts', { hostUids: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'] }, false);
  c('create-for-other-org', { orgId: 'orgB' }, false);
  c('create-null-org-by-null-org-volunteer', { orgId: null, createdBy: 'vol0', hostUids: ['vol0'] }, false, nullOrg.volunteer);
  c('create-empty-org-by-empty-org-volunteer', { orgId: '', createdBy: 'vol8', hostUids: ['vol8'] }, false, user('vol8', 'volunteer', ''));
  c('create-org-a-by-null-org-volunteer', { createdBy: 'vol0', hostUids: ['vol0'] }, false, nullOrg.volunteer);
  add(F, 'create-open-by-null-org-volunteer', { method: 'create', path: 'peerSessions/ps2', auth: nullOrg.volunteer, data: { ...omit(newSession, 'orgId'), createdBy: 'vol0', hostUids: ['vol0'] } }, true);
  c('create-host-with-separator', { hostUids: [`vol1␟${text(128)}`] }, false);
  c('create-host-too-long', { hostUids: [text(129)] }, false);
  c('create-title-too-long', { title: text(121) }, false);
  c('create-description-too-long', { description: text(2001) }, false);
  c('create-language-unknown', { language: 'fr' }, false);
  c('create-scheduled-wrong-type', { scheduledAt: 'tomorrow' }, false);
  c('create-client-time', { createdAt: PAST }, false);
  c('create-extra-key', { joinUrl: 'https://meet.example/abc' }, false);
  const upd = (patch, resource = session) => ({ method: 'update', path, resource, data: withKeys(resource, patch) });
  matrix(F, 'update-go-live', upd({ status: 'live' }), ['volunteer', 'admin']);
  const u = (id, patch, ok, auth = A.volunteer, resource = session) => add(F, id, { ...upd(patch, resource), auth }, ok);
  u('update-title', { title: 'Exam stress circle (week 2)' }, true);
  // hostUids: only admins (of the session's org; any admin for a session open to every org) change it.
  matrix(F, 'update-hosts', upd({ hostUids: ['vol1', 'vol2'] }), ['admin']);
  u('update-add-host', { hostUids: ['vol1', 'vol2'] }, false);
  u('update-add-student-host-by-host', { hostUids: ['vol1', 'stu1'] }, false);
  u('update-replace-hosts-by-host', { hostUids: ['vol2'] }, false);
  u('update-remove-co-host-by-host', { hostUids: ['vol1'] }, false, A.volunteer, { ...session, hostUids: ['vol1', 'vol2'] });
  u('update-hosts-by-co-host', { hostUids: ['vol2', 'stu2'] }, false, secondVolunteer, { ...session, hostUids: ['vol1', 'vol2'] });
  u('update-hosts-by-creator-not-host', { hostUids: ['vol2'] }, false, secondVolunteer, { ...session, createdBy: 'vol2' });
  u('update-hosts-and-title-by-host', { title: 'Renamed', hostUids: ['vol1', 'vol2'] }, false);
  u('update-hosts-by-admin', { hostUids: ['vol2', 'vol3'] }, true, A.admin);
  u('update-hosts-and-status-by-admin', { hostUids: ['vol1', 'vol2'], status: 'live' }, true, A.admin);
  u('update-hosts-by-admin-of-other-org', { hostUids: ['vol9'] }, false, A.adminOtherOrg);
  u('update-hosts-open-session-by-any-admin', { hostUids: ['vol9'] }, true, A.adminOtherOrg, omit(session, 'orgId'));
  u('update-hosts-open-session-by-host', { hostUids: ['vol1', 'stu1'] }, false, A.volunteer, omit(session, 'orgId'));
  u('update-hosts-null-org-session-by-null-org-admin', { hostUids: ['vol0'] }, false, nullOrg.admin, { ...session, orgId: null });
  u('update-hosts-by-admin-too-many', { hostUids: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'] }, false, A.admin);
  u('update-hosts-by-admin-empty', { hostUids: [] }, false, A.admin);
  u('update-hosts-by-admin-not-list', { hostUids: 'vol2' }, false, A.admin);
  u('update-hosts-by-admin-with-separator', { hostUids: [`vol1␟${text(128)}`] }, false, A.admin);
  u('update-title-by-host-keeps-hosts', { title: 'Exam stress circle (moved)', hostUids: ['vol1'] }, true);
  u('update-status-by-co-host-keeps-hosts', { status: 'live' }, true, secondVolunteer, { ...session, hostUids: ['vol1', 'vol2'] });
  u('update-capacity-down-to-count', { capacity: 3 }, true);
  u('update-by-co-host', { status: 'ended' }, true, secondVolunteer, { ...session, hostUids: ['vol1', 'vol2'] });
  u('update-by-non-host-volunteer', { status: 'cancelled' }, false, secondVolunteer);
  u('update-by-admin-of-other-org', { status: 'cancelled' }, false, A.adminOtherOrg);
  u('update-open-session-by-any-admin', { status: 'cancelled' }, true, A.adminOtherOrg, omit(session, 'orgId'));
  u('update-null-org-session-by-null-org-admin', { status: 'cancelled' }, false, nullOrg.admin, { ...session, orgId: null });
  u('update-null-org-session-by-admin', { status: 'cancelled' }, false, A.admin, { ...session, orgId: null });
  u('update-open-session-by-null-org-admin', { status: 'cancelled' }, true, nullOrg.admin, omit(session, 'orgId'));
  u('update-participant-count', { participantCount: 0 }, false);
  u('update-feedback-count', { feedbackCount: 10 }, false);
  u('update-created-by', { createdBy: 'vol2' }, false);
  u('update-created-at', { createdAt: NOW }, false);
  u('update-org', { orgId: 'orgB' }, false);
  u('update-capacity-below-count', { capacity: 2 }, false);
  u('update-status-unknown', { status: 'paused' }, false);
  u('update-no-hosts', { hostUids: [] }, false);
  u('update-extra-key', { joinUrl: 'https://meet.example/abc' }, false);
  c('create-category-empty', { category: '' }, false);
  u('update-title-too-long', { title: text(121) }, false);
  u('update-description', { description: 'Bring a notebook.' }, true);
  u('update-description-too-long', { description: text(2001) }, false);
  add(F, 'update-remove-description', { method: 'update', path, auth: A.volunteer, resource: session, data: omit(session, 'description') }, true);
  u('update-category', { category: 'loneliness' }, true);
  u('update-category-empty', { category: '' }, false);
  u('update-language', { language: 'hi' }, true);
  u('update-language-unknown', { language: 'fr' }, false);
  u('update-scheduled-at', { scheduledAt: LATER_END }, true);
  u('update-scheduled-at-wrong-type', { scheduledAt: 'tomorrow' }, false);
  u('update-duration', { durationMin: 90 }, true);
  u('update-duration-too-short', { durationMin: 5 }, false);
  u('update-capacity-too-large', { capacity: 101 }, false);
  // Fields functions keep (participantCount, feedbackCount, ratingSum) present and unchanged.
  const kept = { ...session, feedbackCount: 2, ratingSum: 9 };
  u('update-title-with-server-fields', { title: 'Exam stress circle (moved)' }, true, A.volunteer, kept);
  u('update-status-with-server-fields', { status: 'ended' }, true, A.admin, kept);
  u('update-rating-sum', { ratingSum: 10 }, false, A.volunteer, kept);
  u('update-feedback-count-kept-rating-sum', { feedbackCount: 3 }, false, A.admin, kept);
  u('update-reminded-for-on-session', { remindedFor: NOW }, false, A.volunteer, kept);
  u('update-by-creator-not-host', { status: 'cancelled' }, true, secondVolunteer, { ...session, createdBy: 'vol2' });
  matrix(F, 'delete', { method: 'delete', path, resource: session }, ['volunteer', 'admin']);
  add(F, 'delete-null-org-session-by-null-org-admin', { method: 'delete', path, auth: nullOrg.admin, resource: { ...session, orgId: null } }, false);
}
{
  const F = 'peerSessions-participants';
  const docs = sessionDocs;
  matrix(F, 'get-own', { method: 'get', path: 'peerSessions/ps1/participants/stu1', resource: participant, docs }, ['owner', 'volunteer']);
  matrix(F, 'list', { method: 'list', path: 'peerSessions/ps1/participants', query: {}, docs }, ['volunteer']);
  add(F, 'list-by-non-host-volunteer', { method: 'list', path: 'peerSessions/ps1/participants', auth: secondVolunteer, query: {}, docs }, false);
  add(F, 'get-by-non-host-volunteer', { method: 'get', path: 'peerSessions/ps1/participants/stu1', auth: secondVolunteer, resource: participant, docs }, false);
  matrix(F, 'create-join', { method: 'create', path: 'peerSessions/ps1/participants/stu1', data: { ...participant, joinedAt: NOW }, docs }, []);
  matrix(F, 'update-leave', { method: 'update', path: 'peerSessions/ps1/participants/stu1', resource: participant, data: { ...participant, leftAt: NOW }, docs }, []);
  matrix(F, 'delete', { method: 'delete', path: 'peerSessions/ps1/participants/stu1', resource: participant, docs }, []);
  // remindedFor (F, the start time the reminder was sent for): readable with the document, never written.
  const reminded = { ...participant, remindedFor: LATER };
  const remindedDocs = { ...docs, 'peerSessions/ps1/participants/stu1': reminded };
  matrix(F, 'get-reminded', { method: 'get', path: 'peerSessions/ps1/participants/stu1', resource: reminded, docs: remindedDocs }, ['owner', 'volunteer']);
  matrix(F, 'update-reminded-for', { method: 'update', path: 'peerSessions/ps1/participants/stu1', resource: reminded, data: { ...reminded, remindedFor: NOW }, docs: remindedDocs }, []);
  add(F, 'update-unchanged-reminded-for-by-owner', { method: 'update', path: 'peerSessions/ps1/participants/stu1', auth: A.owner, resource: reminded, data: reminded, docs: remindedDocs }, false);
  add(F, 'update-leave-keeps-reminded-for-by-owner', { method: 'update', path: 'peerSessions/ps1/participants/stu1', auth: A.owner, resource: reminded, data: { ...reminded, leftAt: NOW }, docs: remindedDocs }, false);
  add(F, 'update-remove-reminded-for-by-host', { method: 'update', path: 'peerSessions/ps1/participants/stu1', auth: A.volunteer, resource: reminded, data: participant, docs: remindedDocs }, false);
}
{
  const F = 'peerSessions-private-join';
  const path = 'peerSessions/ps1/private/join';
  const link = { kind: 'link', url: 'https://meet.example.org/abc-defg-hij', updatedAt: NOW };
  const stored = { ...link, updatedAt: PAST };
  matrix(F, 'get', { method: 'get', path, resource: stored, docs: sessionDocs }, ['owner', 'volunteer']);
  add(F, 'get-participant-of-other-session', { method: 'get', path: 'peerSessions/ps2/private/join', auth: A.owner, resource: stored, docs: { ...sessionDocs, 'peerSessions/ps2': session } }, false);
  matrix(F, 'create-link', { method: 'create', path, data: link, docs: sessionDocs }, ['volunteer']);
  const c = (id, data, ok, auth = A.volunteer) => add(F, id, { method: 'create', path, auth, data, docs: sessionDocs }, ok);
  c('create-webrtc', { kind: 'webrtc', roomId: 'room-123', updatedAt: NOW }, true);
  c('create-link-without-kind', { url: 'https://meet.example.org/abc', updatedAt: NOW }, false);
  c('create-missing-updated-at', { kind: 'webrtc', roomId: 'room-123' }, false);
  c('create-url-with-webrtc-kind', { kind: 'webrtc', url: 'https://meet.example.org/abc', updatedAt: NOW }, false);
  c('create-room-with-link-kind', { kind: 'link', roomId: 'room-123', updatedAt: NOW }, false);
  c('create-url-and-room', { kind: 'link', url: 'https://meet.example.org/abc', roomId: 'room-123', updatedAt: NOW }, false);
  c('create-kind-only', { kind: 'link', updatedAt: NOW }, false);
  c('create-http-link', { ...link, url: 'http://meet.example.org/abc' }, false);
  c('create-javascript-link', { ...link, url: 'javascript:alert(1)' }, false);
  c('create-link-too-long', { ...link, url: `https://${text(2050)}` }, false);
  c('create-webrtc-with-url', { kind: 'webrtc', roomId: 'room-123', url: 'https://x.example', updatedAt: NOW }, false);
  c('create-kind-unknown', { kind: 'zoom', url: 'https://zoom.example/j/1', updatedAt: NOW }, false);
  c('create-client-time', { ...link, updatedAt: PAST }, false);
  c('create-extra-key', { ...link, password: '1234' }, false);
  c('create-by-participant', link, false, A.owner);
  c('create-by-non-host-volunteer', link, false, secondVolunteer);
  matrix(F, 'update', { method: 'update', path, resource: stored, data: { ...link, url: 'https://meet.example.org/new-room' }, docs: sessionDocs }, ['volunteer']);
  c('create-webrtc-room-empty', { kind: 'webrtc', roomId: '', updatedAt: NOW }, false);
  const uj = (id, data, ok) => add(F, id, { method: 'update', path, auth: A.volunteer, resource: stored, data, docs: sessionDocs }, ok);
  uj('update-to-http-link', { ...stored, url: 'http://meet.example.org/abc' }, false);
  uj('update-client-time', { ...stored, url: 'https://meet.example.org/new', updatedAt: LATER }, false);
  uj('update-to-webrtc', { kind: 'webrtc', roomId: 'room-9', updatedAt: NOW }, true);
  matrix(F, 'delete', { method: 'delete', path, resource: stored, docs: sessionDocs }, ['volunteer']);
  add(F, 'get-other-private-doc', { method: 'get', path: 'peerSessions/ps1/private/notes', auth: A.volunteer, resource: { x: 1 }, docs: sessionDocs }, false);
  // A participant who left (leftAt set) no longer reads the room link; one who joined again does.
  const leftDocs = { ...sessionDocs, 'peerSessions/ps1/participants/stu1': { ...participant, leftAt: PAST } };
  matrix(F, 'get-after-owner-left', { method: 'get', path, resource: stored, docs: leftDocs }, ['volunteer']);
  add(F, 'get-after-rejoining', { method: 'get', path, auth: A.owner, resource: stored, docs: { ...sessionDocs, 'peerSessions/ps1/participants/stu1': { ...participant, joinedAt: NOW, leftAt: null } } }, true);
  add(F, 'get-reminded-participant', { method: 'get', path, auth: A.owner, resource: stored, docs: { ...sessionDocs, 'peerSessions/ps1/participants/stu1': { ...participant, remindedFor: LATER } } }, true);
  add(F, 'get-participant-without-left-at', { method: 'get', path, auth: A.owner, resource: stored, docs: { ...sessionDocs, 'peerSessions/ps1/participants/stu1': omit(participant, 'leftAt') } }, false);
  add(F, 'get-after-leaving-live-session', { method: 'get', path, auth: A.owner, resource: stored, docs: { ...leftDocs, 'peerSessions/ps1': { ...session, status: 'live' } } }, false);
  // Feedback accepts a participant who left; the room link still needs one who is in (leftAt null).
  add(F, 'get-after-leaving-ended-session', { method: 'get', path, auth: A.owner, resource: stored, docs: { ...leftDocs, 'peerSessions/ps1': { ...session, status: 'ended' } } }, false);
  add(F, 'update-by-participant-who-left', { method: 'update', path, auth: A.owner, resource: stored, data: { ...link, url: 'https://meet.example.org/mine' }, docs: leftDocs }, false);
}
{
  const F = 'peerSessions-feedback';
  const path = 'peerSessions/ps1/feedback/stu1';
  const fb = { rating: 5, notes: 'Felt heard.', createdAt: NOW };
  const stored = { ...fb, createdAt: PAST };
  // Feedback opens once the circle is live or ended.
  const ended = { ...session, status: 'ended' };
  const endedDocs = { ...sessionDocs, 'peerSessions/ps1': ended };
  matrix(F, 'get', { method: 'get', path, resource: stored, docs: sessionDocs }, ['volunteer', 'admin']);
  add(F, 'get-open-session-by-any-admin', { method: 'get', path, auth: A.adminOtherOrg, resource: stored, docs: { ...sessionDocs, 'peerSessions/ps1': omit(session, 'orgId') } }, true);
  add(F, 'get-null-org-session-by-null-org-admin', { method: 'get', path, auth: nullOrg.admin, resource: stored, docs: { ...sessionDocs, 'peerSessions/ps1': { ...session, orgId: null } } }, false);
  add(F, 'get-open-session-by-null-org-admin', { method: 'get', path, auth: nullOrg.admin, resource: stored, docs: { ...sessionDocs, 'peerSessions/ps1': omit(session, 'orgId') } }, true);
  matrix(F, 'list', { method: 'list', path: 'peerSessions/ps1/feedback', query: {}, docs: sessionDocs }, ['volunteer', 'admin']);
  matrix(F, 'create', { method: 'create', path, data: fb, docs: endedDocs }, ['owner']);
  const c = (id, data, ok, auth = A.owner, p = path, docs = endedDocs) => add(F, id, { method: 'create', path: p, auth, data, docs }, ok);
  c('create-while-live', fb, true, A.owner, path, { ...sessionDocs, 'peerSessions/ps1': { ...session, status: 'live' } });
  c('create-while-scheduled', fb, false, A.owner, path, sessionDocs);
  c('create-after-cancelled', fb, false, A.owner, path, { ...sessionDocs, 'peerSessions/ps1': { ...session, status: 'cancelled' } });
  c('create-session-missing', fb, false, A.owner, path, { 'peerSessions/ps1/participants/stu1': participant });
  c('create-open-session-ended', fb, true, A.owner, path, { ...endedDocs, 'peerSessions/ps1': omit(ended, 'orgId') });
  // A participant who left (leftAt set) still gives feedback once the circle is live or ended: join, leave,
  // rate. A participant document is what makes a participant; the rest of the rule is unchanged.
  const left = { ...participant, leftAt: PAST };
  const leftDocs = { ...endedDocs, 'peerSessions/ps1/participants/stu1': left };
  matrix(F, 'create-after-leaving', { method: 'create', path, data: fb, docs: leftDocs }, ['owner']);
  c('create-after-leaving-live', fb, true, A.owner, path, { ...endedDocs, 'peerSessions/ps1': { ...session, status: 'live' }, 'peerSessions/ps1/participants/stu1': left });
  c('create-after-leaving-scheduled', fb, false, A.owner, path, { ...sessionDocs, 'peerSessions/ps1/participants/stu1': left });
  c('create-after-leaving-cancelled', fb, false, A.owner, path, { ...leftDocs, 'peerSessions/ps1': { ...session, status: 'cancelled' } });
  c('create-after-leaving-for-other-participant', fb, false, A.owner, 'peerSessions/ps1/feedback/stu2', { ...leftDocs, 'peerSessions/ps1/participants/stu2': left });
  c('create-after-leaving-rating-too-high', { ...fb, rating: 6 }, false, A.owner, path, leftDocs);
  c('create-after-leaving-client-time', { ...fb, createdAt: PAST }, false, A.owner, path, leftDocs);
  c('create-after-leaving-with-counted-at', { ...fb, countedAt: NOW }, false, A.owner, path, leftDocs);
  c('create-left-in-other-session', fb, false, A.owner, path, { ...omit(endedDocs, 'peerSessions/ps1/participants/stu1'), 'peerSessions/ps2/participants/stu1': left });
  add(F, 'update-after-leaving', { method: 'update', path, auth: A.owner, resource: stored, data: { ...stored, rating: 1 }, docs: leftDocs }, false);
  add(F, 'delete-after-leaving', { method: 'delete', path, auth: A.owner, resource: stored, docs: leftDocs }, false);
  c('create-after-rejoining', fb, true, A.owner, path, { ...endedDocs, 'peerSessions/ps1/participants/stu1': { ...participant, joinedAt: NOW, leftAt: null } });
  c('create-reminded-participant', fb, true, A.owner, path, { ...endedDocs, 'peerSessions/ps1/participants/stu1': { ...participant, remindedFor: PAST } });
  c('create-participant-without-left-at', fb, true, A.owner, path, { ...endedDocs, 'peerSessions/ps1/participants/stu1': omit(participant, 'leftAt') });
  c('create-by-host-of-ended-session', fb, false, A.volunteer, 'peerSessions/ps1/feedback/vol1');
  // countedAt (F): never written by a client; feedback is never updated, with or without it.
  c('create-with-counted-at', { ...fb, countedAt: NOW }, false);
  c('create-with-counted-at-null', { ...fb, countedAt: null }, false);
  const counted = { ...stored, countedAt: PAST };
  matrix(F, 'get-counted', { method: 'get', path, resource: counted, docs: endedDocs }, ['volunteer', 'admin']);
  matrix(F, 'update-keeps-counted-at', { method: 'update', path, resource: counted, data: { ...counted, notes: 'Felt heard, thanks.' }, docs: endedDocs }, []);
  add(F, 'update-counted-at-by-owner', { method: 'update', path, auth: A.owner, resource: counted, data: { ...counted, countedAt: NOW }, docs: endedDocs }, false);
  add(F, 'update-unchanged-counted-by-owner', { method: 'update', path, auth: A.owner, resource: counted, data: counted, docs: endedDocs }, false);
  c('create-without-notes', { rating: 3, createdAt: NOW }, true);
  c('create-missing-created-at', { rating: 4 }, false);
  c('create-missing-rating', { notes: 'ok', createdAt: NOW }, false);
  c('create-longest-notes', { ...fb, notes: text(1000) }, true);
  c('create-by-non-participant', fb, false, A.otherStudent, 'peerSessions/ps1/feedback/stu2');
  c('create-for-other-participant', fb, false, A.owner, 'peerSessions/ps1/feedback/stu2');
  c('create-rating-too-high', { ...fb, rating: 6 }, false);
  c('create-rating-zero', { ...fb, rating: 0 }, false);
  c('create-rating-float', { ...fb, rating: float(4.5) }, false);
  c('create-notes-too-long', { ...fb, notes: text(1001) }, false);
  c('create-client-time', { ...fb, createdAt: PAST }, false);
  c('create-extra-key', { ...fb, hostUid: 'vol1' }, false);
  matrix(F, 'update-second-time', { method: 'update', path, resource: stored, data: { ...stored, rating: 1 }, docs: sessionDocs }, []);
  matrix(F, 'delete', { method: 'delete', path, resource: stored, docs: sessionDocs }, []);
}
{
  const F = 'peerSessions-reports';
  const path = 'peerSessions/ps1/reports/rep1';
  const report = { authorUid: 'vol1', text: 'Good session; one participant seemed withdrawn.', attendance: 3, concerns: [{ participantUid: 'stu1', note: 'Said they feel like a burden.' }], createdAt: NOW };
  const stored = { ...report, createdAt: PAST };
  matrix(F, 'get', { method: 'get', path, resource: stored, docs: sessionDocs }, ['volunteer', 'counselor', 'admin']);
  const openDocs = { ...sessionDocs, 'peerSessions/ps1': omit(session, 'orgId'), 'users/vol1': profile('vol1', 'volunteer', 'orgA') };
  add(F, 'get-open-session-by-counselor-of-host-org', { method: 'get', path, auth: A.counselor, resource: stored, docs: openDocs }, true);
  add(F, 'get-open-session-by-counselor-of-other-org', { method: 'get', path, auth: A.counselorOtherOrg, resource: stored, docs: openDocs }, false);
  add(F, 'get-by-non-host-volunteer', { method: 'get', path, auth: secondVolunteer, resource: stored, docs: sessionDocs }, false);
  add(F, 'get-null-org-session-by-null-org-counselor', { method: 'get', path, auth: nullOrg.counselor, resource: stored, docs: { ...sessionDocs, 'peerSessions/ps1': { ...session, orgId: null } } }, false);
  add(F, 'get-open-session-null-org-host-by-null-org-counselor', { method: 'get', path, auth: nullOrg.counselor, resource: stored, docs: { ...openDocs, 'users/vol1': profile('vol1', 'volunteer', null) } }, false);
  matrix(F, 'list', { method: 'list', path: 'peerSessions/ps1/reports', query: {}, docs: sessionDocs }, ['counselor', 'admin']);
  add(F, 'list-own-by-host', { method: 'list', path: 'peerSessions/ps1/reports', auth: A.volunteer, query: { where: [['authorUid', '==', 'vol1']] }, docs: sessionDocs }, true);
  matrix(F, 'create', { method: 'create', path, data: report, docs: sessionDocs }, ['volunteer']);
  const c = (id, patch, ok, auth = A.volunteer) => add(F, id, { method: 'create', path, auth, data: withKeys(report, patch), docs: sessionDocs }, ok);
  const concerns = (n) => Array.from({ length: n }, (_, i) => ({ participantUid: `p${i}`, note: 'Quiet all session.' }));
  c('create-no-concerns', { concerns: [] }, true);
  add(F, 'create-missing-concerns', { method: 'create', path, auth: A.volunteer, data: omit(report, 'concerns'), docs: sessionDocs }, false);
  add(F, 'create-missing-author', { method: 'create', path, auth: A.volunteer, data: omit(report, 'authorUid'), docs: sessionDocs }, false);
  c('create-most-concerns', { concerns: concerns(50) }, true);
  c('create-by-non-host-volunteer', {}, false, secondVolunteer);
  c('create-as-other-host', { authorUid: 'vol2' }, false);
  c('create-text-too-long', { text: text(5001) }, false);
  c('create-text-empty', { text: '' }, false);
  c('create-too-many-concerns', { concerns: concerns(51) }, false);
  c('create-concern-extra-key', { concerns: [{ participantUid: 'stu1', note: 'x', severity: 'high' }] }, false);
  c('create-concern-note-too-long', { concerns: [{ participantUid: 'stu1', note: text(1001) }] }, false);
  c('create-concern-not-map', { concerns: ['stu1'] }, false);
  add(F, 'create-without-attendance', { method: 'create', path, auth: A.volunteer, data: omit(report, 'attendance'), docs: sessionDocs }, true);
  c('create-concerns-not-list', { concerns: 'stu1 seemed withdrawn' }, false);
  c('create-concern-uid-with-slash', { concerns: [{ participantUid: 'users/stu1', note: 'x' }] }, false);
  // A bad concern at each of the checked positions is found.
  for (let i = 1; i <= 9; i++) c(`create-concern-${i + 1}-bad`, { concerns: [...concerns(i), { participantUid: 'stu1', note: '' }] }, false);
  c('create-attendance-negative', { attendance: -1 }, false);
  c('create-with-screening', { screening: { level: 'none', reasons: [], by: 'rules', at: NOW } }, false);
  c('create-client-time', { createdAt: PAST }, false);
  c('create-extra-key', { riskLevel: 'high' }, false);
  matrix(F, 'update', { method: 'update', path, resource: stored, data: { ...stored, text: 'Edited' }, docs: sessionDocs }, []);
  matrix(F, 'delete', { method: 'delete', path, resource: stored, docs: sessionDocs }, []);
}

// =====================================================================================================
// resources/{id}
// =====================================================================================================
{
  const F = 'resources';
  const path = 'resources/r1';
  const res = {
    title: { en: 'Sleep before exams', hi: 'परीक्षा से पहले नींद' }, body: { en: 'Keep a steady bedtime…' }, type: 'article',
    category: 'sleep', tags: ['sleep', 'exams'], url: null, mediaPath: 'resources/r1/guide.pdf', viewCount: 0, createdAt: NOW, updatedAt: NOW,
  };
  const stored = { ...res, viewCount: 120, createdAt: PAST, updatedAt: PAST };
  const everyoneSignedIn = ['owner', 'otherStudent', 'volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg'];
  matrix(F, 'get', { method: 'get', path, resource: stored }, everyoneSignedIn);
  matrix(F, 'list', { method: 'list', path: 'resources', query: { where: [['category', '==', 'sleep']] } }, everyoneSignedIn);
  matrix(F, 'create', { method: 'create', path, data: res }, ['admin', 'adminOtherOrg']);
  const c = (id, patch, ok) => add(F, id, { method: 'create', path, auth: A.admin, data: withKeys(res, patch) }, ok);
  c('create-with-url', { type: 'link', url: 'https://telemanas.mohfw.gov.in', mediaPath: null }, true);
  c('create-view-count', { viewCount: 10 }, false);
  c('create-http-url', { url: 'http://example.com' }, false);
  c('create-media-other-resource', { mediaPath: 'resources/r2/guide.pdf' }, false);
  c('create-media-outside-resources', { mediaPath: 'exports/stu1/export.json' }, false);
  c('create-title-without-english', { title: { hi: 'नींद' } }, false);
  c('create-title-other-language', { title: { en: 'Sleep', fr: 'Sommeil' } }, false);
  c('create-title-too-long', { title: { en: text(201) } }, false);
  c('create-body-too-long', { body: { en: text(20001) } }, false);
  c('create-type-unknown', { type: 'podcast' }, false);
  c('create-too-many-tags', { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, false);
  c('create-client-time', { createdAt: PAST }, false);
  c('create-extra-key', { author: 'adm1' }, false);
  add(F, 'create-missing-url', { method: 'create', path, auth: A.admin, data: omit(res, 'url') }, false);
  add(F, 'create-missing-view-count', { method: 'create', path, auth: A.admin, data: omit(res, 'viewCount') }, false);
  add(F, 'create-missing-category', { method: 'create', path, auth: A.admin, data: omit(res, 'category') }, false);
  // type, createdAt and updatedAt are optional (DESIGN.md does not list them); validated when present.
  const minimal = omit(res, 'type', 'createdAt', 'updatedAt');
  matrix(F, 'create-minimal', { method: 'create', path, data: minimal }, ['admin', 'adminOtherOrg']);
  add(F, 'create-without-type', { method: 'create', path, auth: A.admin, data: omit(res, 'type') }, true);
  add(F, 'create-without-timestamps', { method: 'create', path, auth: A.admin, data: omit(res, 'createdAt', 'updatedAt') }, true);
  add(F, 'create-without-created-at', { method: 'create', path, auth: A.admin, data: omit(res, 'createdAt') }, true);
  add(F, 'create-without-updated-at', { method: 'create', path, auth: A.admin, data: omit(res, 'updatedAt') }, true);
  const cm = (id, patch, ok) => add(F, id, { method: 'create', path, auth: A.admin, data: withKeys(minimal, patch) }, ok);
  cm('create-minimal-type-unknown', { type: 'podcast' }, false);
  cm('create-minimal-type-null', { type: null }, false);
  cm('create-minimal-created-at-client-time', { createdAt: PAST }, false);
  cm('create-minimal-updated-at-later', { updatedAt: LATER }, false);
  cm('create-minimal-view-count', { viewCount: 1 }, false);
  cm('create-minimal-extra-key', { author: 'adm1' }, false);
  cm('create-minimal-title-too-long', { title: { en: text(201) } }, false);
  add(F, 'create-minimal-missing-view-count', { method: 'create', path, auth: A.admin, data: omit(minimal, 'viewCount') }, false);
  add(F, 'create-minimal-missing-media-path', { method: 'create', path, auth: A.admin, data: omit(minimal, 'mediaPath') }, false);
  add(F, 'create-minimal-by-counselor', { method: 'create', path, auth: A.counselor, data: minimal }, false);
  const bareStored = { ...minimal, viewCount: 120 };
  const ub = (id, data, ok, resource = bareStored) => add(F, id, { method: 'update', path, auth: A.admin, resource, data }, ok);
  matrix(F, 'update-minimal-title', { method: 'update', path, resource: bareStored, data: { ...bareStored, title: { en: 'Sleep well' } } }, ['admin', 'adminOtherOrg']);
  ub('update-minimal-add-type', { ...bareStored, type: 'article' }, true);
  ub('update-minimal-add-type-unknown', { ...bareStored, type: 'podcast' }, false);
  ub('update-minimal-add-updated-at', { ...bareStored, updatedAt: NOW }, true);
  ub('update-minimal-add-updated-at-client-time', { ...bareStored, updatedAt: PAST }, false);
  ub('update-minimal-add-created-at', { ...bareStored, createdAt: NOW }, false);
  ub('update-minimal-view-count', { ...bareStored, viewCount: 0 }, false);
  ub('update-remove-type', omit(stored, 'type'), true, stored);
  ub('update-remove-updated-at', omit(stored, 'updatedAt'), true, stored);
  ub('update-remove-created-at', omit(stored, 'createdAt'), false, stored);
  const upd = (patch) => ({ method: 'update', path, resource: stored, data: withKeys(stored, patch) });
  matrix(F, 'update-title', upd({ title: { en: 'Sleep well before exams' }, updatedAt: NOW }), ['admin', 'adminOtherOrg']);
  const u = (id, patch, ok) => add(F, id, { ...upd(patch), auth: A.admin }, ok);
  u('update-view-count', { viewCount: 0 }, false);
  u('update-created-at', { createdAt: NOW }, false);
  u('update-client-time', { updatedAt: LATER }, false);
  u('update-tags-too-long', { tags: [text(33)] }, false);
  u('update-tags-with-separator', { tags: [`${text(32)}␟${text(32)}`] }, false);
  u('update-extra-key', { featured: true }, false);
  c('create-category-empty', { category: '' }, false);
  c('create-updated-at-client-time', { updatedAt: PAST }, false);
  c('create-title-hindi-empty', { title: { en: 'Sleep', hi: '' } }, false);
  c('create-title-in-nepali', { title: { en: 'Sleep', ne: 'निद्रा' } }, true);
  c('create-title-nepali-empty', { title: { en: 'Sleep', ne: '' } }, false);
  c('create-media-path-wrong-type', { mediaPath: 7 }, false);
  c('create-media-path-too-deep', { mediaPath: 'resources/r1/a/guide.pdf' }, false);
  c('create-media-path-no-file', { mediaPath: 'resources/r1/' }, false);
  c('create-url-too-short', { type: 'link', url: 'https://', mediaPath: null }, false);
  u('update-title-empty', { title: { en: '' } }, false);
  u('update-body', { body: { en: 'Keep a steady bedtime and a dark room.', ne: 'नियमित समयमा सुत्नुहोस्।' } }, true);
  u('update-body-too-long', { body: { en: text(20001) } }, false);
  u('update-type', { type: 'exercise' }, true);
  u('update-type-unknown', { type: 'podcast' }, false);
  u('update-category', { category: 'exams' }, true);
  u('update-category-too-long', { category: text(41) }, false);
  u('update-tags', { tags: ['sleep'] }, true);
  u('update-url', { url: 'https://telemanas.mohfw.gov.in' }, true);
  u('update-url-http', { url: 'http://example.com' }, false);
  u('update-media-path-null', { mediaPath: null }, true);
  u('update-media-path-other-resource', { mediaPath: 'resources/r2/guide.pdf' }, false);
  matrix(F, 'delete', { method: 'delete', path, resource: stored }, ['admin', 'adminOtherOrg']);
}

// =====================================================================================================
// orgs/{orgId}
// =====================================================================================================
{
  const F = 'orgs';
  const path = 'orgs/orgA';
  const org = { name: 'Example University', country: 'IN', timezone: 'Asia/Kolkata', onCall: ['cou1', 'cou2'] };
  matrix(F, 'get', { method: 'get', path, resource: org }, ['owner', 'otherStudent', 'volunteer', 'counselor', 'admin']);
  add(F, 'get-by-student-of-other-org', { method: 'get', path, auth: studentOtherOrg, resource: org }, false);
  add(F, 'list-all', { method: 'list', path: 'orgs', auth: A.admin, query: {} }, false);
  matrix(F, 'create', { method: 'create', path, data: { ...org, createdAt: NOW } }, ['admin']);
  add(F, 'create-other-org-by-admin', { method: 'create', path: 'orgs/orgC', auth: A.admin, data: org }, false);
  add(F, 'create-missing-on-call', { method: 'create', path, auth: A.admin, data: omit(org, 'onCall') }, false);
  add(F, 'create-missing-country', { method: 'create', path, auth: A.admin, data: omit(org, 'country') }, false);
  const upd = (patch) => ({ method: 'update', path, resource: org, data: withKeys(org, patch) });
  matrix(F, 'update-on-call', upd({ onCall: ['cou2', 'cou1'], updatedAt: NOW }), ['admin']);
  const u = (id, patch, ok) => add(F, id, { ...upd(patch), auth: A.admin }, ok);
  u('update-name', { name: 'Example University, Pune' }, true);
  u('update-escalation-override', { escalation: { steps: [{ afterMinutes: 5, target: 'next-on-call', channels: ['push', 'inapp'] }], repeatEveryMinutes: 15 } }, true);
  u('update-escalation-urgent-levels', { escalation: { urgentLevels: ['high', 'imminent'] } }, true);
  u('update-escalation-bad-target', { escalation: { steps: [{ afterMinutes: 5, target: 'police', channels: ['sms'] }] } }, false);
  u('update-escalation-bad-channel', { escalation: { steps: [{ afterMinutes: 5, target: 'admins', channels: ['fax'] }] } }, false);
  u('update-escalation-no-steps', { escalation: { steps: [] } }, false);
  u('update-escalation-extra-key', { escalation: { disabled: true } }, false);
  u('update-country-name', { country: 'India' }, false);
  u('update-timezone-bad', { timezone: 'Kolkata time' }, false);
  u('update-too-many-on-call', { onCall: Array.from({ length: 51 }, (_, i) => `c${i}`) }, false);
  u('update-on-call-with-separator', { onCall: [`${text(128)}␟${text(128)}`] }, false);
  u('update-on-call-longest-uid', { onCall: [text(128)] }, true);
  u('update-name-too-long', { name: text(121) }, false);
  u('update-client-time', { updatedAt: PAST }, false);
  u('update-extra-key', { billing: 'x' }, false);
  const co = (id, data, ok) => add(F, id, { method: 'create', path, auth: A.admin, data }, ok);
  co('create-name-empty', { ...org, name: '' }, false);
  co('create-country-name', { ...org, country: 'India' }, false);
  co('create-timezone-bad', { ...org, timezone: 'Kolkata time' }, false);
  co('create-on-call-not-list', { ...org, onCall: 'cou1' }, false);
  co('create-with-escalation', { ...org, escalation: { repeatEveryMinutes: 15 } }, true);
  co('create-escalation-bad', { ...org, escalation: { repeatEveryMinutes: 1 } }, false);
  co('create-created-at-client-time', { ...org, createdAt: PAST }, false);
  co('create-updated-at-client-time', { ...org, updatedAt: PAST }, false);
  u('update-country', { country: 'NP' }, true);
  u('update-country-wrong-type', { country: 91 }, false);
  u('update-timezone', { timezone: 'Asia/Kathmandu' }, true);
  add(F, 'update-remove-escalation', { method: 'update', path, auth: A.admin, resource: { ...org, escalation: { repeatEveryMinutes: 15 } }, data: org }, true);
  // Escalation overrides: each part refused on its own.
  const esc = (id, escalation, ok) => u(id, { escalation }, ok);
  const step = { afterMinutes: 5, target: 'admins', channels: ['push'] };
  esc('update-escalation-urgent-levels-not-list', { urgentLevels: 'imminent' }, false);
  esc('update-escalation-too-many-urgent-levels', { urgentLevels: ['moderate', 'high', 'imminent', 'high'] }, false);
  esc('update-escalation-urgent-level-unknown', { urgentLevels: ['low'] }, false);
  esc('update-escalation-repeat-too-often', { repeatEveryMinutes: 2 }, false);
  esc('update-escalation-steps-not-list', { steps: 'admins' }, false);
  esc('update-escalation-step-extra-key', { steps: [{ ...step, note: 'x' }] }, false);
  esc('update-escalation-step-zero-minutes', { steps: [{ ...step, afterMinutes: 0 }] }, false);
  esc('update-escalation-step-channels-not-list', { steps: [{ ...step, channels: 'push' }] }, false);
  esc('update-escalation-step-no-channels', { steps: [{ ...step, channels: [] }] }, false);
  esc('update-escalation-step-too-many-channels', { steps: [{ ...step, channels: ['push', 'sms', 'email', 'inapp', 'push'] }] }, false);
  esc('update-escalation-ten-steps', { steps: Array.from({ length: 10 }, (_, i) => ({ ...step, afterMinutes: 5 * (i + 1) })) }, true);
  // A bad step at each position is found.
  for (let i = 1; i <= 9; i++) esc(`update-escalation-step-${i + 1}-bad`, { steps: [...Array.from({ length: i }, () => step), { ...step, target: 'police' }] }, false);
  matrix(F, 'delete', { method: 'delete', path, resource: org }, []);
}

// =====================================================================================================
// config/app
// =====================================================================================================
{
  const F = 'config';
  const path = 'config/app';
  const cfg = {
    flags: { enforceAppCheck: false, modelScreening: true, modelReplies: true, forum: true, peerCircles: true, booking: true },
    helplines: { IN: [{ name: 'Tele-MANAS', phone: '14416', hours: '24x7' }], NP: [{ name: 'Helpline', phone: '1166' }] },
    escalation: { steps: [{ afterMinutes: 10, target: 'next-on-call', channels: ['push', 'inapp'] }, { afterMinutes: 20, target: 'admins', channels: ['push', 'inapp'] }], urgentLevels: ['imminent'], repeatEveryMinutes: 30 },
    analytics: { minCellSize: 11 },
    rateLimits: { chatMessages: { limit: 30, windowSec: 300 }, forumPosts: { limit: 5, windowSec: 86400 }, forumComments: { limit: 30, windowSec: 3600 } },
    modelBudget: { dailyCallsPerOrg: 2000 },
  };
  const everyoneSignedIn = ['owner', 'otherStudent', 'volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg'];
  matrix(F, 'get', { method: 'get', path, resource: cfg }, everyoneSignedIn);
  add(F, 'get-other-config-doc', { method: 'get', path: 'config/secrets', auth: A.admin, resource: { key: 'x' } }, false);
  add(F, 'list-config', { method: 'list', path: 'config', auth: A.owner, query: {} }, false);
  matrix(F, 'create', { method: 'create', path, data: { ...cfg, updatedAt: NOW, updatedBy: 'adm1' } }, ['admin']);
  add(F, 'create-empty', { method: 'create', path, auth: A.admin, data: {} }, true);
  add(F, 'create-other-config-doc', { method: 'create', path: 'config/other', auth: A.admin, data: {} }, false);
  const upd = (patch) => ({ method: 'update', path, resource: cfg, data: withKeys(cfg, patch) });
  matrix(F, 'update-flags', upd({ flags: { ...cfg.flags, forum: false }, updatedAt: NOW, updatedBy: 'adm1' }), ['admin']);
  const u = (id, patch, ok, auth = A.admin) => add(F, id, { ...upd(patch), auth }, ok);
  u('update-by-admin-of-other-org', { flags: { ...cfg.flags, forum: false }, updatedBy: 'adm9' }, true, A.adminOtherOrg);
  u('update-min-cell-size', { analytics: { minCellSize: 20 } }, true);
  u('update-rate-limits', { rateLimits: { ...cfg.rateLimits, chatMessages: { limit: 10, windowSec: 60 } } }, true);
  u('update-helplines', { helplines: { ...cfg.helplines, BD: [{ name: 'Kaan Pete Roi', phone: '09612119911' }] } }, true);
  u('update-model-budget', { modelBudget: { dailyCallsPerOrg: 0 } }, true);
  u('update-flags-missing-key', { flags: omit(cfg.flags, 'booking') }, false);
  u('update-flag-wrong-type', { flags: { ...cfg.flags, forum: 'off' } }, false);
  u('update-flag-unknown', { flags: { ...cfg.flags, payments: true } }, false);
  u('update-min-cell-size-too-small', { analytics: { minCellSize: 1 } }, false);
  u('update-rate-limit-zero', { rateLimits: { ...cfg.rateLimits, forumPosts: { limit: 0, windowSec: 60 } } }, false);
  u('update-helplines-bad-country', { helplines: { India: [] } }, false);
  u('update-escalation-missing-repeat', { escalation: omit(cfg.escalation, 'repeatEveryMinutes') }, false);
  u('update-escalation-too-many-steps', { escalation: { ...cfg.escalation, steps: Array.from({ length: 11 }, () => cfg.escalation.steps[0]) } }, false);
  u('update-budget-negative', { modelBudget: { dailyCallsPerOrg: -1 } }, false);
  u('update-updated-by-other', { updatedBy: 'adm2' }, false);
  u('update-client-time', { updatedAt: PAST }, false);
  u('update-extra-key', { geminiKey: 'secret' }, false);
  const cc = (id, data, ok) => add(F, id, { method: 'create', path, auth: A.admin, data }, ok);
  cc('create-extra-key', { geminiKey: 'secret' }, false);
  cc('create-flags-bad', { flags: omit(cfg.flags, 'forum') }, false);
  cc('create-helplines-bad', { helplines: { India: [] } }, false);
  cc('create-escalation-bad', { escalation: omit(cfg.escalation, 'urgentLevels') }, false);
  cc('create-analytics-bad', { analytics: { minCellSize: 0 } }, false);
  cc('create-rate-limits-bad', { rateLimits: omit(cfg.rateLimits, 'forumComments') }, false);
  cc('create-model-budget-bad', { modelBudget: { dailyCallsPerOrg: float(1.5) } }, false);
  cc('create-updated-at-client-time', { updatedAt: PAST }, false);
  for (const section of ['flags', 'helplines', 'escalation', 'analytics', 'rateLimits', 'modelBudget']) {
    add(F, `update-remove-${section}`, { method: 'update', path, auth: A.admin, resource: cfg, data: omit(cfg, section) }, true);
  }
  u('update-escalation', { escalation: { ...cfg.escalation, repeatEveryMinutes: 60 } }, true);
  for (const flag of ['enforceAppCheck', 'modelScreening', 'modelReplies', 'peerCircles', 'booking']) {
    u(`update-flag-${flag}-wrong-type`, { flags: { ...cfg.flags, [flag]: 'on' } }, false);
  }
  u('update-helplines-not-map', { helplines: 'IN' }, false);
  u('update-helplines-too-many-countries', { helplines: Object.fromEntries(Array.from({ length: 251 }, (_, i) => [`C${i}`, []])) }, false);
  u('update-helplines-empty', { helplines: {} }, true);
  u('update-analytics-extra-key', { analytics: { minCellSize: 11, maxCellSize: 100 } }, false);
  u('update-rate-limits-chat-bad', { rateLimits: { ...cfg.rateLimits, chatMessages: { limit: 10 } } }, false);
  u('update-rate-limits-comments-bad', { rateLimits: { ...cfg.rateLimits, forumComments: { limit: 10, windowSec: 0 } } }, false);
  u('update-rate-limits-missing-one', { rateLimits: omit(cfg.rateLimits, 'forumPosts') }, false);
  u('update-model-budget-extra-key', { modelBudget: { dailyCallsPerOrg: 10, perStudent: 1 } }, false);
  // booking: {holdMinutes 5–10080, cancelCutoffMinutes 0–10080} (counselor booking settings).
  const booking = { holdMinutes: 120, cancelCutoffMinutes: 120 };
  cc('create-with-booking', { booking }, true);
  cc('create-with-every-section', { ...cfg, booking, updatedAt: NOW, updatedBy: 'adm1' }, true);
  cc('create-booking-bad', { booking: { ...booking, holdMinutes: 4 } }, false);
  const withBooking = { ...cfg, booking };
  const ub = (id, data, ok, auth = A.admin) => add(F, id, { method: 'update', path, auth, resource: withBooking, data }, ok);
  matrix(F, 'update-booking', { method: 'update', path, resource: withBooking, data: { ...withBooking, booking: { holdMinutes: 60, cancelCutoffMinutes: 0 }, updatedAt: NOW, updatedBy: 'adm1' } }, ['admin']);
  u('update-add-booking', { booking }, true);
  ub('update-booking-longest', { ...withBooking, booking: { holdMinutes: 10080, cancelCutoffMinutes: 10080 } }, true);
  ub('update-booking-shortest-hold', { ...withBooking, booking: { holdMinutes: 5, cancelCutoffMinutes: 0 } }, true);
  ub('update-booking-hold-too-short', { ...withBooking, booking: { ...booking, holdMinutes: 4 } }, false);
  ub('update-booking-hold-too-long', { ...withBooking, booking: { ...booking, holdMinutes: 10081 } }, false);
  ub('update-booking-hold-float', { ...withBooking, booking: { ...booking, holdMinutes: float(30.5) } }, false);
  ub('update-booking-cutoff-negative', { ...withBooking, booking: { ...booking, cancelCutoffMinutes: -1 } }, false);
  ub('update-booking-cutoff-too-long', { ...withBooking, booking: { ...booking, cancelCutoffMinutes: 10081 } }, false);
  ub('update-booking-cutoff-string', { ...withBooking, booking: { ...booking, cancelCutoffMinutes: '120' } }, false);
  ub('update-booking-missing-cutoff', { ...withBooking, booking: { holdMinutes: 120 } }, false);
  ub('update-booking-extra-key', { ...withBooking, booking: { ...booking, maxPerWeek: 3 } }, false);
  ub('update-booking-not-map', { ...withBooking, booking: 120 }, false);
  ub('update-remove-booking', omit(withBooking, 'booking'), true);
  ub('update-flags-keeps-booking', { ...withBooking, flags: { ...cfg.flags, booking: false } }, true);
  ub('update-booking-by-counselor', { ...withBooking, booking: { ...booking, holdMinutes: 60 } }, false, A.counselor);
  matrix(F, 'delete', { method: 'delete', path, resource: cfg }, []);
}

// =====================================================================================================
// deliveries/{id}, auditLogs/{id}, analytics/{orgId}/daily/{day}
// =====================================================================================================
{
  const F = 'deliveries';
  const d = { channel: 'push', template: 'risk.alert', recipientRef: 'users/cou1/devices/d1', status: 'sent', attempts: 1, lastError: null, orgId: 'orgA', sourcePath: 'riskEvents/r1', createdAt: PAST, updatedAt: PAST };
  matrix(F, 'get', { method: 'get', path: 'deliveries/d1', resource: d }, ['admin']);
  add(F, 'get-without-org', { method: 'get', path: 'deliveries/d1', auth: A.admin, resource: omit(d, 'orgId') }, false);
  add(F, 'get-null-org-by-null-org-admin', { method: 'get', path: 'deliveries/d1', auth: nullOrg.admin, resource: { ...d, orgId: null } }, false);
  add(F, 'get-without-org-by-null-org-admin', { method: 'get', path: 'deliveries/d1', auth: nullOrg.admin, resource: omit(d, 'orgId') }, false);
  add(F, 'list-null-org-by-null-org-admin', { method: 'list', path: 'deliveries', auth: nullOrg.admin, query: { where: [['orgId', '==', null]] } }, false);
  matrix(F, 'list-org', { method: 'list', path: 'deliveries', query: { where: [['orgId', '==', 'orgA']], orderBy: [['createdAt', 'desc']] } }, ['admin']);
  add(F, 'list-unfiltered', { method: 'list', path: 'deliveries', auth: A.admin, query: {} }, false);
  add(F, 'list-failed-unfiltered-org', { method: 'list', path: 'deliveries', auth: A.admin, query: { where: [['status', '==', 'failed']] } }, false);
  matrix(F, 'create', { method: 'create', path: 'deliveries/d2', data: d }, []);
  matrix(F, 'update', { method: 'update', path: 'deliveries/d1', resource: d, data: { ...d, status: 'failed' } }, []);
  matrix(F, 'delete', { method: 'delete', path: 'deliveries/d1', resource: d }, []);
}
{
  const F = 'auditLogs';
  const log = { actor: { uid: 'adm1', role: 'admin', orgId: 'orgA' }, action: 'role.set', target: 'users/vol1', orgId: 'orgA', at: PAST, meta: { from: 'student', to: 'volunteer' } };
  matrix(F, 'get', { method: 'get', path: 'auditLogs/l1', resource: log }, ['admin']);
  matrix(F, 'list-org', { method: 'list', path: 'auditLogs', query: { where: [['orgId', '==', 'orgA']], orderBy: [['at', 'desc']] } }, ['admin']);
  add(F, 'list-unfiltered', { method: 'list', path: 'auditLogs', auth: A.admin, query: { orderBy: [['at', 'desc']] } }, false);
  add(F, 'list-own-actions', { method: 'list', path: 'auditLogs', auth: A.counselor, query: { where: [['actor.uid', '==', 'cou1']] } }, false);
  add(F, 'get-null-org-by-null-org-admin', { method: 'get', path: 'auditLogs/l1', auth: nullOrg.admin, resource: { ...log, orgId: null } }, false);
  add(F, 'list-null-org-by-null-org-admin', { method: 'list', path: 'auditLogs', auth: nullOrg.admin, query: { where: [['orgId', '==', null]] } }, false);
  matrix(F, 'create', { method: 'create', path: 'auditLogs/l2', data: { ...log, at: NOW } }, []);
  matrix(F, 'update', { method: 'update', path: 'auditLogs/l1', resource: log, data: { ...log, action: 'risk.update' } }, []);
  matrix(F, 'delete', { method: 'delete', path: 'auditLogs/l1', resource: log }, []);
}
{
  const F = 'analytics';
  const path = 'analytics/orgA/daily/2026-02-28';
  const day = { orgId: 'orgA', day: '2026-02-28', minCellSize: 11, activeStudents: 40, generatedAt: PAST };
  matrix(F, 'get', { method: 'get', path, resource: day }, ['counselor', 'admin']);
  add(F, 'get-own-org-by-counselor-of-other-org', { method: 'get', path: 'analytics/orgB/daily/2026-02-28', auth: A.counselorOtherOrg, resource: { ...day, orgId: 'orgB' } }, true);
  matrix(F, 'list', { method: 'list', path: 'analytics/orgA/daily', query: { orderBy: [['day', 'desc']], limit: 30 } }, ['counselor', 'admin']);
  add(F, 'list-collection-group', { method: 'list', collectionGroup: 'daily', auth: A.admin, query: { where: [['orgId', '==', 'orgA']] } }, false);
  add(F, 'get-org-parent-doc', { method: 'get', path: 'analytics/orgA', auth: A.admin, resource: {} }, false);
  matrix(F, 'create', { method: 'create', path, data: day }, []);
  matrix(F, 'update', { method: 'update', path, resource: day, data: { ...day, activeStudents: 3 } }, []);
  matrix(F, 'delete', { method: 'delete', path, resource: day }, []);
}
// =====================================================================================================
// Functions-only documents: forumPosts/{postId}/likeState/{uid}, forumReports/{id},
// users/{uid}/private/privacy, deletions/{uid}, keyRotations/{kid}, retentionState/anonymous,
// modelUsage/{orgId}/days/{day}. Nobody reads or writes them through the client API, the owner included.
// =====================================================================================================
/** get, list, create, update and delete, each for every actor, all denied. */
function functionsOnly(file, path, collection, stored, written) {
  matrix(file, 'get', { method: 'get', path, resource: stored }, []);
  matrix(file, 'list', { method: 'list', path: collection, query: {} }, []);
  matrix(file, 'create', { method: 'create', path, data: written }, []);
  matrix(file, 'update', { method: 'update', path, resource: stored, data: written }, []);
  matrix(file, 'delete', { method: 'delete', path, resource: stored }, []);
}
{
  const F = 'forumPosts-likeState';
  const state = { counted: true, updatedAt: PAST };
  functionsOnly(F, 'forumPosts/p1/likeState/stu1', 'forumPosts/p1/likeState', state, { counted: false, updatedAt: NOW });
  add(F, 'get-own-by-moderator', { method: 'get', path: 'forumPosts/p1/likeState/vol1', auth: A.volunteer, resource: state }, false);
  add(F, 'update-unchanged-by-liker', { method: 'update', path: 'forumPosts/p1/likeState/stu1', auth: A.owner, resource: state, data: state }, false);
  add(F, 'list-collection-group-own', { method: 'list', collectionGroup: 'likeState', auth: A.owner, query: {} }, false);
}
{
  const F = 'forumReports';
  const report = { reporterUid: 'stu1', postId: 'p1', commentId: null, reason: 'harassment', note: 'Name-calling in the last line.', createdAt: PAST };
  functionsOnly(F, 'forumReports/fr-1', 'forumReports', report, { ...report, createdAt: NOW });
  add(F, 'list-own-by-reporter', { method: 'list', path: 'forumReports', auth: A.owner, query: { where: [['reporterUid', '==', 'stu1']] } }, false);
  add(F, 'list-post-by-moderator', { method: 'list', path: 'forumReports', auth: A.counselor, query: { where: [['postId', '==', 'p1']] } }, false);
  add(F, 'create-comment-report-by-reporter', { method: 'create', path: 'forumReports/fr-2', auth: A.owner, data: { ...report, commentId: 'k1', reason: 'doxxing', createdAt: NOW } }, false);
}
{
  const F = 'users-private-privacy';
  const state = { lastExportAt: PAST, lastExportId: 'x1', previousExportAt: null, exportStatus: 'done', updatedAt: PAST };
  functionsOnly(F, 'users/stu1/private/privacy', 'users/stu1/private', state, { ...state, lastExportAt: null, exportStatus: 'failed', updatedAt: NOW });
  add(F, 'get-own-by-counselor-of-org', { method: 'get', path: 'users/stu1/private/privacy', auth: A.counselor, resource: state }, false);
  add(F, 'delete-own-to-reset-limit', { method: 'delete', path: 'users/stu1/private/privacy', auth: A.owner, resource: state }, false);
  add(F, 'list-collection-group-private', { method: 'list', collectionGroup: 'private', auth: A.admin, query: {} }, false);
}
{
  const F = 'deletions';
  const job = {
    uidHash: 'a1b2c3d4e5f6', reason: 'self', orgId: 'orgA', role: 'student', status: 'running', step: 'comments', cursor: 'p7',
    counts: { documents: 12, anonymised: 1, files: 0 }, attempts: 1, requestedAt: PAST, updatedAt: PAST, leaseUntil: LATER,
  };
  functionsOnly(F, 'deletions/stu1', 'deletions', job, { ...job, step: 'auth', cursor: null, requestedAt: NOW, updatedAt: NOW, leaseUntil: NOW });
  add(F, 'get-own-job-by-admin-of-org', { method: 'get', path: 'deletions/stu1', auth: A.admin, resource: job }, false);
  add(F, 'delete-own-job-to-cancel', { method: 'delete', path: 'deletions/stu1', auth: A.owner, resource: job }, false);
  add(F, 'list-running-by-admin', { method: 'list', path: 'deletions', auth: A.admin, query: { where: [['orgId', '==', 'orgA']] } }, false);
}
{
  const F = 'keyRotations';
  const progress = { kid: 'k2', target: 1, cursor: 'chats/c9', scanned: 40, rotated: 12, failed: 0, done: false, startedAt: PAST, updatedAt: PAST };
  functionsOnly(F, 'keyRotations/k2', 'keyRotations', progress, { ...progress, done: true, updatedAt: NOW });
}
{
  const F = 'retentionState';
  const cursor = { afterLastActiveAt: PAST, afterUid: 'stu7', updatedAt: PAST };
  functionsOnly(F, 'retentionState/anonymous', 'retentionState', cursor, { afterLastActiveAt: null, afterUid: null, updatedAt: NOW });
}
{
  const F = 'modelUsage';
  const usage = { orgId: 'orgA', day: '2026-03-01', calls: 150, limit: 2000, updatedAt: PAST, expireAt: LATER };
  functionsOnly(F, 'modelUsage/orgA/days/2026-03-01', 'modelUsage/orgA/days', usage, { ...usage, calls: 0, updatedAt: NOW });
  add(F, 'get-org-parent-doc', { method: 'get', path: 'modelUsage/orgA', auth: A.admin, resource: {} }, false);
  add(F, 'list-collection-group-days', { method: 'list', collectionGroup: 'days', auth: A.admin, query: { where: [['orgId', '==', 'orgA']] } }, false);
}
{
  const F = 'default-deny';
  matrix(F, 'get-unknown-collection', { method: 'get', path: 'secrets/s1', resource: { value: 1 } }, []);
  matrix(F, 'create-unknown-collection', { method: 'create', path: 'secrets/s1', data: { value: 1 } }, []);
  matrix(F, 'list-unknown-collection', { method: 'list', path: 'secrets', query: {} }, []);
  add(F, 'get-unknown-user-subcollection', { method: 'get', path: 'users/stu1/secrets/s1', auth: A.owner, resource: { value: 1 } }, false);
  add(F, 'create-unknown-user-subcollection', { method: 'create', path: 'users/stu1/notes/n1', auth: A.owner, data: { text: 'x' } }, false);
  add(F, 'get-deep-under-entry', { method: 'get', path: 'users/stu1/entries/e1/attachments/a1', auth: A.owner, resource: { x: 1 } }, false);
  add(F, 'list-collection-group-users-subcollections', { method: 'list', collectionGroup: 'tasks', auth: A.admin, query: {} }, false);
}

// =====================================================================================================
// Storage
// =====================================================================================================
const storageFiles = new Map();
function addStorage(file, id, request, expect) {
  if (!storageFiles.has(file)) storageFiles.set(file, []);
  const list = storageFiles.get(file);
  if (list.some((c) => c.id === id)) throw new Error(`Duplicate storage case id ${file}:${id}`);
  const req = { time: TIME, ...clone(request) };
  if (req.auth === undefined) req.auth = null;
  list.push({ id, request: req, expect: expect ? 'ALLOW' : 'DENY' });
}
function storageMatrix(file, prefix, request, allowed) {
  for (const [name, auth] of Object.entries(ACTORS)) addStorage(file, `${prefix}-${name}`, { ...request, auth }, allowed.includes(name));
}
const MiB = 1024 * 1024;
const everyoneSignedIn = ['owner', 'otherStudent', 'volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg'];
const admins = ['admin', 'adminOtherOrg'];
{
  const F = 'resources';
  const stored = { size: 2 * MiB, contentType: 'application/pdf', timeCreated: PAST.__timestamp__ };
  storageMatrix(F, 'get', { method: 'get', path: 'resources/r1/guide.pdf', resource: stored }, everyoneSignedIn);
  storageMatrix(F, 'list', { method: 'list', path: 'resources/r1' }, everyoneSignedIn);
  storageMatrix(F, 'create-pdf', { method: 'create', path: 'resources/r1/guide.pdf', data: { size: 2 * MiB, contentType: 'application/pdf' } }, admins);
  storageMatrix(F, 'update-pdf', { method: 'update', path: 'resources/r1/guide.pdf', resource: stored, data: { size: 3 * MiB, contentType: 'application/pdf' } }, admins);
  storageMatrix(F, 'delete', { method: 'delete', path: 'resources/r1/guide.pdf', resource: stored }, admins);
  const up = (id, data, ok, name = 'file') => addStorage(F, id, { method: 'create', path: `resources/r1/${name}`, auth: A.admin, data }, ok);
  up('create-png', { size: MiB, contentType: 'image/png' }, true, 'cover.png');
  up('create-jpeg-at-limit', { size: 5 * MiB, contentType: 'image/jpeg' }, true, 'cover.jpg');
  up('create-image-too-large', { size: 5 * MiB + 1, contentType: 'image/jpeg' }, false, 'cover.jpg');
  up('create-pdf-too-large', { size: 21 * MiB, contentType: 'application/pdf' }, false, 'guide.pdf');
  up('create-audio', { size: 40 * MiB, contentType: 'audio/mpeg' }, true, 'calm.mp3');
  up('create-audio-too-large', { size: 51 * MiB, contentType: 'audio/mpeg' }, false, 'calm.mp3');
  up('create-video', { size: 150 * MiB, contentType: 'video/mp4' }, true, 'intro.mp4');
  up('create-video-too-large', { size: 201 * MiB, contentType: 'video/mp4' }, false, 'intro.mp4');
  up('create-empty-file', { size: 0, contentType: 'application/pdf' }, false, 'guide.pdf');
  up('create-gif', { size: 2 * MiB, contentType: 'image/gif' }, true, 'calm.gif');
  up('create-wav', { size: 20 * MiB, contentType: 'audio/wav' }, true, 'rain.wav');
  up('create-quicktime', { size: 100 * MiB, contentType: 'video/quicktime' }, true, 'talk.mov');
  up('create-svg', { size: 1000, contentType: 'image/svg+xml' }, false, 'logo.svg');
  up('create-html', { size: 1000, contentType: 'text/html' }, false, 'page.html');
  up('create-executable', { size: 1000, contentType: 'application/x-msdownload' }, false, 'setup.exe');
  up('create-no-content-type', { size: 1000 }, false, 'blob');
  up('create-png-suffix-type', { size: 1000, contentType: 'image/pngx' }, false, 'cover.png');
  // Every allowed type at its exact limit, and one byte over.
  up('create-png-at-limit', { size: 5 * MiB, contentType: 'image/png' }, true, 'cover.png');
  up('create-webp', { size: MiB, contentType: 'image/webp' }, true, 'cover.webp');
  up('create-pdf-at-limit', { size: 20 * MiB, contentType: 'application/pdf' }, true, 'guide.pdf');
  up('create-pdf-one-byte-over', { size: 20 * MiB + 1, contentType: 'application/pdf' }, false, 'guide.pdf');
  up('create-audio-at-limit', { size: 50 * MiB, contentType: 'audio/ogg' }, true, 'calm.ogg');
  up('create-audio-one-byte-over', { size: 50 * MiB + 1, contentType: 'audio/ogg' }, false, 'calm.ogg');
  up('create-audio-mp4', { size: 10 * MiB, contentType: 'audio/mp4' }, true, 'calm.m4a');
  up('create-audio-aac', { size: 10 * MiB, contentType: 'audio/aac' }, true, 'calm.aac');
  up('create-audio-webm', { size: 10 * MiB, contentType: 'audio/webm' }, true, 'calm.weba');
  up('create-video-at-limit', { size: 200 * MiB, contentType: 'video/webm' }, true, 'intro.webm');
  up('create-video-one-byte-over', { size: 200 * MiB + 1, contentType: 'video/webm' }, false, 'intro.webm');
  up('create-audio-as-image-size', { size: 6 * MiB, contentType: 'image/png' }, false, 'cover.png');
  up('create-type-upper-case', { size: 1000, contentType: 'IMAGE/PNG' }, false, 'cover.png');
  up('create-type-with-parameter', { size: 1000, contentType: 'application/pdf; charset=binary' }, false, 'guide.pdf');
  up('create-type-prefix', { size: 1000, contentType: 'ximage/png' }, false, 'cover.png');
  up('create-negative-size', { size: -1, contentType: 'application/pdf' }, false, 'guide.pdf');
  const upd = (id, data, ok, auth = A.admin) => addStorage(F, id, { method: 'update', path: 'resources/r1/guide.pdf', auth, resource: stored, data }, ok);
  upd('update-too-large', { size: 21 * MiB, contentType: 'application/pdf' }, false);
  upd('update-to-html', { size: 1000, contentType: 'text/html' }, false);
  upd('update-to-video', { size: 100 * MiB, contentType: 'video/mp4' }, true);
  upd('update-empty', { size: 0, contentType: 'application/pdf' }, false);
  addStorage(F, 'get-by-user-without-claims', { method: 'get', path: 'resources/r1/guide.pdf', auth: noClaims, resource: stored }, true);
  addStorage(F, 'list-by-user-without-claims', { method: 'list', path: 'resources/r1', auth: noClaims }, true);
  addStorage(F, 'create-by-user-without-claims', { method: 'create', path: 'resources/r1/guide.pdf', auth: noClaims, data: { size: MiB, contentType: 'application/pdf' } }, false);
  addStorage(F, 'create-by-forged-role', { method: 'create', path: 'resources/r1/guide.pdf', auth: { uid: 'x1', token: { role: 'Admin', orgId: 'orgA' } }, data: { size: MiB, contentType: 'application/pdf' } }, false);
  addStorage(F, 'delete-by-forged-role', { method: 'delete', path: 'resources/r1/guide.pdf', auth: { uid: 'x1', token: { role: 'superadmin' } }, resource: stored }, false);
  addStorage(F, 'get-other-bucket', { method: 'get', bucket: 'manmitra-media', path: 'resources/r1/guide.pdf', auth: A.owner, resource: stored }, true);
  addStorage(F, 'get-signed-out-nested', { method: 'get', path: 'resources/r1/guide.pdf', auth: null, resource: stored }, false);
  addStorage(F, 'get-deeper-path', { method: 'get', path: 'resources/r1/extra/guide.pdf', auth: A.owner, resource: stored }, false);
  addStorage(F, 'create-by-student-claiming-admin-uid', { method: 'create', path: 'resources/r1/guide.pdf', auth: { uid: 'adm1', token: { role: 'student', orgId: 'orgA' } }, data: { size: MiB, contentType: 'application/pdf' } }, false);
}
{
  const F = 'training';
  const stored = { size: 10 * MiB, contentType: 'video/mp4' };
  const staffAndVolunteers = ['volunteer', 'counselor', 'counselorOtherOrg', 'admin', 'adminOtherOrg'];
  storageMatrix(F, 'get', { method: 'get', path: 'training/listening-skills.mp4', resource: stored }, staffAndVolunteers);
  storageMatrix(F, 'list', { method: 'list', path: 'training' }, staffAndVolunteers);
  storageMatrix(F, 'create', { method: 'create', path: 'training/module-1.pdf', data: { size: 3 * MiB, contentType: 'application/pdf' } }, admins);
  storageMatrix(F, 'delete', { method: 'delete', path: 'training/module-1.pdf', resource: stored }, admins);
  addStorage(F, 'create-too-large', { method: 'create', path: 'training/module-1.pdf', auth: A.admin, data: { size: 30 * MiB, contentType: 'application/pdf' } }, false);
  addStorage(F, 'create-wrong-type', { method: 'create', path: 'training/module-1.zip', auth: A.admin, data: { size: MiB, contentType: 'application/zip' } }, false);
  storageMatrix(F, 'update', { method: 'update', path: 'training/listening-skills.mp4', resource: stored, data: { size: 12 * MiB, contentType: 'video/mp4' } }, admins);
  const tr = (id, method, data, ok, auth = A.admin) => addStorage(F, id, { method, path: 'training/module-2.mp4', auth, ...(method === 'update' ? { resource: stored } : {}), data }, ok);
  tr('create-video-at-limit', 'create', { size: 200 * MiB, contentType: 'video/mp4' }, true);
  tr('create-video-one-byte-over', 'create', { size: 200 * MiB + 1, contentType: 'video/mp4' }, false);
  tr('create-audio', 'create', { size: 5 * MiB, contentType: 'audio/mpeg' }, true);
  tr('create-image', 'create', { size: MiB, contentType: 'image/jpeg' }, true);
  tr('create-empty', 'create', { size: 0, contentType: 'video/mp4' }, false);
  tr('create-no-content-type', 'create', { size: MiB }, false);
  tr('update-too-large', 'update', { size: 201 * MiB, contentType: 'video/mp4' }, false);
  tr('update-wrong-type', 'update', { size: MiB, contentType: 'application/zip' }, false);
  tr('create-by-volunteer', 'create', { size: MiB, contentType: 'video/mp4' }, false, A.volunteer);
  addStorage(F, 'get-by-user-without-claims', { method: 'get', path: 'training/listening-skills.mp4', auth: noClaims, resource: stored }, false);
  addStorage(F, 'get-by-forged-role', { method: 'get', path: 'training/listening-skills.mp4', auth: { uid: 'x1', token: { role: 'staff', orgId: 'orgA' } }, resource: stored }, false);
  addStorage(F, 'list-by-user-without-claims', { method: 'list', path: 'training', auth: noClaims }, false);
  addStorage(F, 'get-nested-path', { method: 'get', path: 'training/2026/module-1.pdf', auth: A.volunteer, resource: stored }, false);
}
{
  const F = 'exports';
  const stored = { size: 20000, contentType: 'application/json' };
  storageMatrix(F, 'get', { method: 'get', path: 'exports/stu1/export-2026-03-01.json', resource: stored }, ['owner']);
  storageMatrix(F, 'list', { method: 'list', path: 'exports/stu1' }, ['owner']);
  storageMatrix(F, 'create', { method: 'create', path: 'exports/stu1/export.json', data: { size: 100, contentType: 'application/json' } }, []);
  storageMatrix(F, 'update', { method: 'update', path: 'exports/stu1/export-2026-03-01.json', resource: stored, data: { size: 100, contentType: 'application/json' } }, []);
  storageMatrix(F, 'delete', { method: 'delete', path: 'exports/stu1/export-2026-03-01.json', resource: stored }, []);
  addStorage(F, 'get-own-without-claims', { method: 'get', path: 'exports/stu3/export.json', auth: noClaims, resource: stored }, true);
  addStorage(F, 'get-other-students-export', { method: 'get', path: 'exports/stu2/export.json', auth: A.owner, resource: stored }, false);
  addStorage(F, 'list-other-students-exports', { method: 'list', path: 'exports/stu2', auth: A.owner }, false);
  addStorage(F, 'get-own-nested-path', { method: 'get', path: 'exports/stu1/2026/export.json', auth: A.owner, resource: stored }, false);
  addStorage(F, 'get-by-uid-prefix', { method: 'get', path: 'exports/stu1x/export.json', auth: A.owner, resource: stored }, false);
  addStorage(F, 'create-own-json', { method: 'create', path: 'exports/stu1/mine.json', auth: A.owner, data: { size: 10, contentType: 'application/json' } }, false);
  addStorage(F, 'delete-own', { method: 'delete', path: 'exports/stu1/export-2026-03-01.json', auth: A.owner, resource: stored }, false);
  addStorage(F, 'get-by-admin-of-own-org', { method: 'get', path: 'exports/stu1/export-2026-03-01.json', auth: A.admin, resource: stored }, false);
  addStorage(F, 'list-all-exports', { method: 'list', path: 'exports', auth: A.admin }, false);
}
{
  const F = 'default-deny';
  storageMatrix(F, 'get-unknown-path', { method: 'get', path: 'backups/db.json', resource: { size: 10, contentType: 'application/json' } }, []);
  storageMatrix(F, 'create-unknown-path', { method: 'create', path: 'uploads/u1/photo.png', data: { size: 10, contentType: 'image/png' } }, []);
  addStorage(F, 'create-root-file', { method: 'create', path: 'x.png', auth: A.admin, data: { size: 10, contentType: 'image/png' } }, false);
}

// ---- write ------------------------------------------------------------------------------------------

function writeAll(dir, map) {
  mkdirSync(dir, { recursive: true });
  let total = 0;
  for (const [name, cases] of map) {
    writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ cases }, null, 1)}\n`);
    total += cases.length;
  }
  return total;
}

const firestoreTotal = writeAll(join(HERE, 'cases'), files);
const storageTotal = writeAll(join(HERE, 'storage-cases'), storageFiles);
console.log(`Wrote ${firestoreTotal} Firestore cases in ${files.size} files and ${storageTotal} Storage cases in ${storageFiles.size} files.`);

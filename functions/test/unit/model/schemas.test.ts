/**
 * The model schemas accept every valid sample document and reject broken ones: unknown keys, missing
 * required fields, wrong types, enum violations and out-of-range values at the exact limits.
 */
import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import { z } from 'zod';
import {
  appConfigSchema,
  compareRisk,
  DEFAULT_MIN_CELL_SIZE,
  DOCUMENTS,
  ENTRY_KINDS,
  entrySchema,
  LANGUAGES,
  maxRisk,
  RISK_LEVELS,
  riskAtLeast,
  riskRank,
  ROLES,
  timestampSchema,
  type DocumentSpec,
  type RiskLevel,
} from '../../../src/model';
import { samples, T0, T1 } from './fixtures';

const spec = (key: string): DocumentSpec => {
  const found = DOCUMENTS.find((d) => d.key === key);
  assert.ok(found, `no registry entry ${key}`);
  return found;
};

const sample = (key: string, index = 0): Record<string, unknown> => {
  const found = samples()[key]?.[index];
  assert.ok(found, `no sample ${key}[${index}]`);
  return found;
};

function accepts(key: string, doc: unknown): void {
  const result = spec(key).schema.safeParse(doc);
  assert.ok(result.success, `${key} should accept ${describeDoc(doc)}: ${result.success ? '' : result.error.message}`);
}

function rejects(key: string, doc: unknown, because?: RegExp): void {
  const result = spec(key).schema.safeParse(doc);
  assert.equal(result.success, false, `${key} should reject ${describeDoc(doc)}`);
  if (because && !result.success) {
    const text = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    assert.match(text, because);
  }
}

function describeDoc(doc: unknown): string {
  return JSON.stringify(doc, (_k, v: unknown) => (v instanceof Timestamp ? `ts(${v.toMillis()})` : v))?.slice(0, 200) ?? String(doc);
}

/** The object schema a sample belongs to (the matching variant for discriminated unions). */
function variantOf(schema: z.ZodType, doc: Record<string, unknown>): z.ZodObject {
  if (schema instanceof z.ZodObject) return schema;
  assert.ok(schema instanceof z.ZodDiscriminatedUnion, 'document schemas are objects or discriminated unions');
  const discriminator = schema._zod.def.discriminator;
  const option = schema.options.find((o) => {
    if (!(o instanceof z.ZodObject)) return false;
    const literal = o.shape[discriminator];
    return literal instanceof z.ZodLiteral && literal.values.has(String(doc[discriminator]));
  });
  assert.ok(option instanceof z.ZodObject, `no variant for ${String(doc[discriminator])}`);
  return option;
}

/** A value of a different JSON type than `value`. */
function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return '42';
  if (typeof value === 'boolean') return 1;
  if (value === null) return true;
  if (value instanceof Timestamp) return value.toDate().toISOString();
  return 'not-a-map-or-list';
}

const with_ = (doc: Record<string, unknown>, patch: Record<string, unknown>) => ({ ...doc, ...patch });
const without = (doc: Record<string, unknown>, key: string) => {
  const copy = { ...doc };
  delete copy[key];
  return copy;
};

describe('model registry', () => {
  it('lists every document path of DESIGN.md §3 exactly once', () => {
    const expected = [
      'users/{uid}',
      'users/{uid}/private/contact',
      'users/{uid}/private/safetyPlan',
      'users/{uid}/devices/{deviceId}',
      'users/{uid}/entries/{entryId}',
      'users/{uid}/tasks/{taskId}',
      'users/{uid}/assessments/{id}',
      'users/{uid}/notifications/{id}',
      'users/{uid}/favorites/{resourceId}',
      'users/{uid}/wellbeing/{yyyy-mm-dd}',
      'chats/{chatId}',
      'chats/{chatId}/messages/{msgId}',
      'riskEvents/{id}',
      'counselors/{uid}',
      'counselors/{uid}/slots/{slotId}',
      'bookings/{id}',
      'forumPosts/{postId}',
      'forumPosts/{postId}/comments/{id}',
      'forumPosts/{postId}/likes/{uid}',
      'forumPosts/{postId}/likeState/{uid}',
      'forumReports/{id}',
      'peerSessions/{id}',
      'peerSessions/{id}/participants/{uid}',
      'peerSessions/{id}/private/join',
      'peerSessions/{id}/feedback/{uid}',
      'peerSessions/{id}/reports/{reportId}',
      'resources/{id}',
      'orgs/{orgId}',
      'config/app',
      'deliveries/{id}',
      'auditLogs/{id}',
      'analytics/{orgId}/daily/{yyyy-mm-dd}',
    ];
    assert.deepEqual(
      DOCUMENTS.map((d) => d.path),
      expected,
    );
    assert.equal(new Set(DOCUMENTS.map((d) => d.key)).size, DOCUMENTS.length, 'keys are unique');
  });

  it('has samples for every document and no samples for unknown ones', () => {
    assert.deepEqual(Object.keys(samples()).sort(), DOCUMENTS.map((d) => d.key).sort());
  });

  it('closes every document (unknown top-level keys are rejected)', () => {
    for (const d of DOCUMENTS) {
      for (const doc of samples()[d.key] ?? []) {
        const variant = variantOf(d.schema, doc);
        assert.ok(variant._zod.def.catchall instanceof z.ZodNever, `${d.key} is not strict`);
      }
    }
  });
});

describe('every document schema', () => {
  for (const d of DOCUMENTS) {
    describe(d.path, () => {
      it('accepts its valid samples', () => {
        for (const doc of samples()[d.key] ?? []) accepts(d.key, doc);
      });

      it('rejects an unknown field', () => {
        for (const doc of samples()[d.key] ?? []) rejects(d.key, with_(doc, { unexpectedField: 'x' }), /unexpectedField|Unrecognized/i);
      });

      it('rejects a document without each required field', () => {
        let required = 0;
        for (const doc of samples()[d.key] ?? []) {
          const variant = variantOf(d.schema, doc);
          for (const key of Object.keys(doc)) {
            const field = variant.shape[key];
            assert.ok(field, `${d.key}: sample field ${key} not in schema`);
            if (field.safeParse(undefined).success) continue;
            required += 1;
            rejects(d.key, without(doc, key));
          }
        }
        // Every section of config/app is optional; a favorite or a like is the document itself (DESIGN.md lists no
        // field), so all of theirs are optional too.
        if (!['appConfig', 'favorite', 'like'].includes(d.key)) assert.ok(required > 0, `${d.key} has required fields`);
      });

      it('rejects a wrong type in each field', () => {
        for (const doc of samples()[d.key] ?? []) {
          for (const [key, value] of Object.entries(doc)) rejects(d.key, with_(doc, { [key]: wrongTypeFor(value) }));
        }
      });

      it('rejects non-documents', () => {
        for (const bad of [null, undefined, 'doc', 42, [], [sample(d.key)]]) rejects(d.key, bad);
      });
    });
  }
});

describe('timestampSchema', () => {
  it('accepts firebase-admin Timestamps only', () => {
    assert.ok(timestampSchema.safeParse(Timestamp.now()).success);
    for (const bad of [new Date(), Date.now(), '2025-01-15T00:00:00Z', { seconds: 1, nanoseconds: 0 }, { _seconds: 1, _nanoseconds: 0 }, null]) {
      assert.equal(timestampSchema.safeParse(bad).success, false, describeDoc(bad));
    }
  });
});

describe('shared enums', () => {
  it('holds the roles, languages and entry kinds of DESIGN.md', () => {
    assert.deepEqual([...ROLES], ['student', 'volunteer', 'counselor', 'admin']);
    for (const lang of ['en', 'hi', 'ne'] as const) assert.ok(LANGUAGES.includes(lang));
    assert.deepEqual([...ENTRY_KINDS], ['mood', 'journal', 'gratitude', 'sleep', 'breathing']);
  });

  it('orders risk levels none < low < moderate < high < imminent', () => {
    assert.deepEqual([...RISK_LEVELS], ['none', 'low', 'moderate', 'high', 'imminent']);
    assert.deepEqual(RISK_LEVELS.map(riskRank), [0, 1, 2, 3, 4]);
    const shuffled: RiskLevel[] = ['high', 'none', 'imminent', 'low', 'moderate'];
    assert.deepEqual([...shuffled].sort(compareRisk), ['none', 'low', 'moderate', 'high', 'imminent']);
    assert.equal(compareRisk('high', 'high'), 0);
    assert.ok(compareRisk('moderate', 'high') < 0);
    assert.ok(riskAtLeast('imminent', 'high'));
    assert.ok(riskAtLeast('high', 'high'));
    assert.equal(riskAtLeast('moderate', 'high'), false);
    assert.equal(maxRisk(), 'none');
    assert.equal(maxRisk('low', 'imminent', 'moderate'), 'imminent');
    assert.equal(maxRisk('moderate', 'low'), 'moderate');
  });
});

describe('users/{uid}', () => {
  const user = () => sample('user');
  it('accepts only known languages and real IANA timezones', () => {
    accepts('user', with_(user(), { language: 'ne', timezone: 'Asia/Kathmandu' }));
    accepts('user', with_(user(), { timezone: 'UTC' }));
    rejects('user', with_(user(), { language: 'xx' }), /language/);
    rejects('user', with_(user(), { timezone: 'Mars/Olympus' }), /timezone/);
    rejects('user', with_(user(), { timezone: '' }), /timezone/);
  });

  it('rejects unknown roles and malformed org ids', () => {
    rejects('user', with_(user(), { role: 'superuser' }), /role/);
    rejects('user', with_(user(), { orgId: 'a/b' }), /orgId/);
    rejects('user', with_(user(), { orgId: '' }), /orgId/);
  });

  it('checks prefs times, nested keys and consent', () => {
    const prefs = (patch: Record<string, unknown>) => with_(user(), { prefs: { ...(user().prefs as object), ...patch } });
    accepts('user', prefs({ reminderTime: null, quietHours: null }));
    accepts('user', prefs({ reminderTime: '00:00' }));
    accepts('user', prefs({ reminderTime: '23:59' }));
    rejects('user', prefs({ reminderTime: '24:00' }), /reminderTime/);
    rejects('user', prefs({ reminderTime: '8:00' }), /reminderTime/);
    rejects('user', prefs({ quietHours: { start: '22:00' } }), /quietHours\.end/);
    rejects('user', prefs({ channels: { push: true, email: false, sms: false, whatsapp: true } }), /whatsapp|Unrecognized/);
    rejects('user', with_(user(), { consent: { aiScreening: true } }), /consent/);
    rejects('user', with_(user(), { consent: { aiScreening: true, shareWithCounselor: false, analytics: true, version: -1, at: null } }), /version/);
  });

  it('checks the streak day format and counts per kind', () => {
    rejects('user', with_(user(), { streak: { current: 1, longest: 1, lastDay: '2025-13-01' } }), /lastDay/);
    rejects('user', with_(user(), { streak: { current: -1, longest: 1, lastDay: null } }), /current/);
    rejects('user', with_(user(), { counts: { mood: 1, journal: 1, gratitude: 1, sleep: 1 } }), /breathing/);
    rejects('user', with_(user(), { counts: { mood: 1.5, journal: 1, gratitude: 1, sleep: 1, breathing: 0 } }), /mood/);
  });

  it('bounds the alias', () => {
    accepts('user', with_(user(), { alias: 'x'.repeat(60) }));
    rejects('user', with_(user(), { alias: 'x'.repeat(61) }), /alias/);
    rejects('user', with_(user(), { alias: '' }), /alias/);
  });
});

describe('users/{uid}/private/*', () => {
  it('stores contact details only as encrypted fields', () => {
    rejects('contact', with_(sample('contact'), { email: 'student@example.org' }), /email/);
    rejects('contact', with_(sample('contact'), { phone: { alg: 'A128CBC', kid: 'k', iv: 'a', ct: 'b', tag: 'c' } }), /phone/);
    rejects('contact', with_(sample('contact'), { phone: { alg: 'A256GCM', kid: 'k', iv: 'a', ct: 'b', tag: 'c', plain: 'x' } }), /phone/);
  });

  it('bounds safety plan lists', () => {
    const plan = sample('safetyPlan');
    accepts('safetyPlan', with_(plan, { reasons: Array.from({ length: 20 }, () => 'x'.repeat(300)) }));
    rejects('safetyPlan', with_(plan, { reasons: Array.from({ length: 21 }, () => 'x') }), /reasons/);
    rejects('safetyPlan', with_(plan, { copingSteps: ['x'.repeat(301)] }), /copingSteps/);
    rejects('safetyPlan', with_(plan, { trustedContacts: [{ phone: '123' }] }), /trustedContacts\.0\.name/);
  });
});

describe('users/{uid}/devices/{deviceId}', () => {
  it('accepts known platforms only', () => {
    rejects('device', with_(sample('device'), { platform: 'symbian' }), /platform/);
    rejects('device', with_(sample('device'), { token: '' }), /token/);
  });
});

describe('users/{uid}/entries/{entryId}', () => {
  const entry = (kind: string) => {
    const found = samples().entry?.find((e) => e.kind === kind);
    assert.ok(found);
    return found;
  };

  it('has one sample per kind and discriminates on kind', () => {
    assert.deepEqual(samples().entry?.map((e) => e.kind), [...ENTRY_KINDS]);
    rejects('entry', with_(entry('mood'), { kind: 'dream' }), /kind/);
    rejects('entry', with_(entry('journal'), { kind: 'mood' }));
    const parsed = entrySchema.parse(entry('sleep'));
    assert.equal(parsed.kind, 'sleep');
  });

  it('mood is an integer 1–5 with at most 10 emotions', () => {
    for (const mood of [1, 5]) accepts('entry', with_(entry('mood'), { mood }));
    for (const mood of [0, 6, 2.5]) rejects('entry', with_(entry('mood'), { mood }), /mood/);
    accepts('entry', with_(entry('mood'), { emotions: [] }));
    rejects('entry', with_(entry('mood'), { emotions: Array.from({ length: 11 }, (_, i) => `e${i}`) }), /emotions/);
    rejects('entry', with_(entry('mood'), { emotions: ['x'.repeat(33)] }), /emotions/);
  });

  it('journal and gratitude text is 1–5000 characters', () => {
    for (const kind of ['journal', 'gratitude']) {
      accepts('entry', with_(entry(kind), { text: 'x'.repeat(5000) }));
      accepts('entry', with_(entry(kind), { text: 'न'.repeat(5000) }));
      rejects('entry', with_(entry(kind), { text: 'x'.repeat(5001) }), /text/);
      rejects('entry', with_(entry(kind), { text: '' }), /text/);
    }
  });

  it('fields of one kind are unknown on another', () => {
    rejects('entry', with_(entry('mood'), { text: 'hi' }), /text|Unrecognized/);
    rejects('entry', with_(entry('journal'), { mood: 3 }), /mood|Unrecognized/);
    rejects('entry', with_(entry('sleep'), { pattern: 'box' }), /pattern|Unrecognized/);
  });

  it('gratitude items are optional and bounded', () => {
    accepts('entry', without(entry('gratitude'), 'items'));
    rejects('entry', with_(entry('gratitude'), { items: Array.from({ length: 11 }, () => 'x') }), /items/);
  });

  it('sleep hours are 0–24 and quality an integer 1–10', () => {
    for (const hours of [0, 24, 6.25]) accepts('entry', with_(entry('sleep'), { hours }));
    for (const hours of [-0.5, 24.5]) rejects('entry', with_(entry('sleep'), { hours }), /hours/);
    for (const quality of [1, 10]) accepts('entry', with_(entry('sleep'), { quality }));
    for (const quality of [0, 11, 5.5]) rejects('entry', with_(entry('sleep'), { quality }), /quality/);
  });

  it('breathing has a known pattern and 1–3600 seconds', () => {
    accepts('entry', with_(entry('breathing'), { pattern: '4-7-8', durationSec: 3600 }));
    rejects('entry', with_(entry('breathing'), { pattern: 'hold-forever' }), /pattern/);
    for (const durationSec of [0, 3601, 1.5]) rejects('entry', with_(entry('breathing'), { durationSec }), /durationSec/);
  });

  it('createdAt must be a Timestamp', () => {
    rejects('entry', with_(entry('mood'), { createdAt: new Date() }), /createdAt/);
  });
});

describe('users/{uid}/tasks/{taskId}', () => {
  const task = () => sample('task');
  it('createdAt is optional (a client may leave it out)', () => {
    accepts('task', without(task(), 'createdAt'));
  });

  it('validates schedules by repeat', () => {
    accepts('task', with_(task(), { schedule: { repeat: 'weekly', days: [0, 6] } }));
    rejects('task', with_(task(), { schedule: { repeat: 'weekly', days: [] } }), /days/);
    rejects('task', with_(task(), { schedule: { repeat: 'weekly', days: [7] } }), /days/);
    rejects('task', with_(task(), { schedule: { repeat: 'once' } }), /date/);
    rejects('task', with_(task(), { schedule: { repeat: 'daily', days: [1] } }), /days|Unrecognized/);
    rejects('task', with_(task(), { schedule: { repeat: 'hourly' } }), /repeat/);
  });

  it('bounds title and checks the category and reminder time', () => {
    accepts('task', with_(task(), { title: 'x'.repeat(200) }));
    rejects('task', with_(task(), { title: 'x'.repeat(201) }), /title/);
    rejects('task', with_(task(), { category: 'gaming' }), /category/);
    rejects('task', with_(task(), { remindAt: '7pm' }), /remindAt/);
  });
});

describe('users/{uid}/assessments/{id}', () => {
  const phq9 = () => sample('assessment', 0);
  const gad7 = () => sample('assessment', 2);
  it('createdAt is optional (a client may leave it out; functions write the create time with the result)', () => {
    accepts('assessment', without(phq9(), 'createdAt'));
    accepts('assessment', without(gad7(), 'createdAt'));
    rejects('assessment', with_(phq9(), { createdAt: '2025-05-05' }), /createdAt/);
  });

  it('needs exactly 9 PHQ-9 and 7 GAD-7 answers', () => {
    rejects('assessment', with_(phq9(), { answers: [0, 0, 0, 0, 0, 0, 0, 0] }), /answers/);
    rejects('assessment', with_(phq9(), { answers: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }), /answers/);
    rejects('assessment', with_(gad7(), { answers: [0, 0, 0, 0, 0, 0] }), /answers/);
    rejects('assessment', with_(gad7(), { answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] }), /answers/);
  });

  it('answers are integers 0–3', () => {
    accepts('assessment', with_(phq9(), { answers: [3, 3, 3, 3, 3, 3, 3, 3, 3] }));
    for (const bad of [-1, 4, 1.5]) {
      rejects('assessment', with_(phq9(), { answers: [bad, 0, 0, 0, 0, 0, 0, 0, 0] }), /answers\.0/);
    }
  });

  it('bounds scores per instrument and checks severity and flags', () => {
    accepts('assessment', with_(phq9(), { score: 27 }));
    rejects('assessment', with_(phq9(), { score: 28 }), /score/);
    accepts('assessment', with_(gad7(), { score: 21 }));
    rejects('assessment', with_(gad7(), { score: 22 }), /score/);
    rejects('assessment', with_(phq9(), { severity: 'terrible' }), /severity/);
    rejects('assessment', with_(phq9(), { flags: ['unknown-flag'] }), /flags/);
    rejects('assessment', with_(phq9(), { instrument: 'bdi' }), /instrument/);
  });
});

describe('users/{uid}/notifications, favorites, wellbeing', () => {
  it('notifications have a known type and bounded text', () => {
    rejects('notification', with_(sample('notification'), { type: 'spam' }), /type/);
    accepts('notification', with_(sample('notification'), { body: 'x'.repeat(1000) }));
    rejects('notification', with_(sample('notification'), { body: 'x'.repeat(1001) }), /body/);
    rejects('notification', with_(sample('notification'), { title: '' }), /title/);
  });

  it('favorites name a resource id', () => {
    rejects('favorite', with_(sample('favorite'), { resourceId: 'a/b' }), /resourceId/);
  });

  it('a favorite may be empty or carry only createdAt (the document id names the resource)', () => {
    accepts('favorite', {});
    accepts('favorite', without(sample('favorite'), 'resourceId'));
    accepts('favorite', without(sample('favorite'), 'createdAt'));
  });

  it('well-being scores are integers 0–100 with bounded inputs', () => {
    for (const score of [0, 100]) accepts('wellbeing', with_(sample('wellbeing'), { score }));
    for (const score of [-1, 101, 50.5]) rejects('wellbeing', with_(sample('wellbeing'), { score }), /score/);
    const inputs = { ...(sample('wellbeing').inputs as object), moodAvg: 5.5 };
    rejects('wellbeing', with_(sample('wellbeing'), { inputs }), /moodAvg/);
    rejects('wellbeing', with_(sample('wellbeing'), { day: '15-01-2025' }), /day/);
  });
});

describe('chats and messages', () => {
  it('chat kind and status are enums; only counselor chats have a counselor', () => {
    rejects('chat', with_(sample('chat'), { kind: 'group' }), /kind/);
    rejects('chat', with_(sample('chat'), { status: 'archived' }), /status/);
    rejects('chat', with_(sample('chat'), { counselorUid: 'cou1' }), /counselorUid/);
    rejects('chat', with_(sample('chat', 1), { summary: 'plain text summary' }), /summary/);
  });

  it('message text is 1–2000 characters', () => {
    accepts('message', with_(sample('message'), { text: 'x'.repeat(2000) }));
    rejects('message', with_(sample('message'), { text: 'x'.repeat(2001) }), /text/);
    rejects('message', with_(sample('message'), { text: '' }), /text/);
  });

  it('sender and screening are validated', () => {
    rejects('message', with_(sample('message'), { sender: 'admin' }), /sender/);
    rejects('message', with_(sample('message'), { screening: { level: 'extreme', reasons: [], by: 'rules', at: T0 } }), /screening\.level/);
    rejects('message', with_(sample('message'), { screening: { level: 'low', reasons: [], by: 'oracle', at: T0 } }), /screening\.by/);
    rejects('message', with_(sample('message'), { screening: { level: 'low', reasons: [], by: 'rules' } }), /screening\.at/);
    rejects('message', with_(sample('message', 1), { agent: 'poet' }), /agent/);
  });
});

describe('riskEvents/{id}', () => {
  const ev = () => sample('riskEvent');
  it('levels are moderate, high or imminent only', () => {
    for (const level of ['moderate', 'high', 'imminent']) accepts('riskEvent', with_(ev(), { level }));
    for (const level of ['none', 'low', 'severe']) rejects('riskEvent', with_(ev(), { level }), /level/);
  });

  it('status, source and outcome are enums', () => {
    for (const status of ['open', 'acknowledged', 'escalated', 'resolved']) accepts('riskEvent', with_(ev(), { status }));
    rejects('riskEvent', with_(ev(), { status: 'closed' }), /status/);
    rejects('riskEvent', with_(ev(), { source: 'sms' }), /source/);
    rejects('riskEvent', with_(ev(), { outcome: 'maybe' }), /outcome/);
  });

  it('the excerpt is never plain text', () => {
    rejects('riskEvent', with_(ev(), { excerpt: 'I want to die' }), /excerpt/);
  });

  it('the escalation step is a non-negative integer', () => {
    rejects('riskEvent', with_(ev(), { escalationStep: -1 }), /escalationStep/);
    rejects('riskEvent', with_(ev(), { escalationStep: 1.5 }), /escalationStep/);
  });
});

describe('counselors, slots, bookings', () => {
  it('counselors speak at least one known language', () => {
    rejects('counselor', with_(sample('counselor'), { languages: [] }), /languages/);
    rejects('counselor', with_(sample('counselor'), { languages: ['klingon'] }), /languages/);
    rejects('counselor', with_(sample('counselor'), { bio: 'x'.repeat(2001) }), /bio/);
  });

  it('slots end after they start and have a known status', () => {
    rejects('slot', with_(sample('slot'), { end: T0 }), /end/);
    rejects('slot', with_(sample('slot'), { start: T1, end: T0 }), /end/);
    rejects('slot', with_(sample('slot'), { status: 'free' }), /status/);
  });

  it('a slot\'s createdAt is optional (a counselor\'s client may leave it out)', () => {
    accepts('slot', without(sample('slot'), 'createdAt'));
    rejects('slot', with_(sample('slot'), { createdAt: 'yesterday' }), /createdAt/);
  });

  it('bookings check mode, status and history entries', () => {
    for (const mode of ['video', 'audio', 'chat', 'in-person']) accepts('booking', with_(sample('booking'), { mode }));
    rejects('booking', with_(sample('booking'), { mode: 'carrier-pigeon' }), /mode/);
    for (const status of ['requested', 'confirmed', 'rejected', 'cancelled', 'rescheduled', 'completed', 'no-show', 'expired']) {
      accepts('booking', with_(sample('booking'), { status }));
    }
    rejects('booking', with_(sample('booking'), { status: 'pending' }), /status/);
    rejects('booking', with_(sample('booking'), { history: [{ status: 'requested', at: T0 }] }), /history\.0\.by/);
    rejects('booking', with_(sample('booking'), { reason: 'x'.repeat(501) }), /reason/);
  });
});

describe('forum', () => {
  it('posts have a known status, bounded text and at most 5 tags', () => {
    for (const status of ['pending', 'visible', 'hidden', 'removed']) accepts('forumPost', with_(sample('forumPost'), { status }));
    rejects('forumPost', with_(sample('forumPost'), { status: 'published' }), /status/);
    accepts('forumPost', with_(sample('forumPost'), { body: 'x'.repeat(5000) }));
    rejects('forumPost', with_(sample('forumPost'), { body: 'x'.repeat(5001) }), /body/);
    rejects('forumPost', with_(sample('forumPost'), { tags: ['a', 'b', 'c', 'd', 'e', 'f'] }), /tags/);
    rejects('forumPost', with_(sample('forumPost'), { likeCount: -1 }), /likeCount/);
  });

  it('posts created without counters read as 0 likes and 0 comments', () => {
    const parsed = spec('forumPost').schema.parse(without(without(sample('forumPost'), 'likeCount'), 'commentCount'));
    assert.equal(parsed.likeCount, 0);
    assert.equal(parsed.commentCount, 0);
  });

  it('a like may be empty (the document is the like)', () => {
    accepts('like', {});
  });

  it('comments are at most 2000 characters', () => {
    accepts('comment', with_(sample('comment'), { body: 'x'.repeat(2000) }));
    rejects('comment', with_(sample('comment'), { body: 'x'.repeat(2001) }), /body/);
  });
});

describe('peer circles', () => {
  it('participantCount never exceeds capacity', () => {
    rejects('peerSession', with_(sample('peerSession'), { participantCount: 9 }), /participantCount/);
    rejects('peerSession', with_(sample('peerSession'), { capacity: 1, participantCount: 0 }), /capacity/);
    rejects('peerSession', with_(sample('peerSession'), { hostUids: [] }), /hostUids/);
    rejects('peerSession', with_(sample('peerSession'), { status: 'paused' }), /status/);
  });

  it('join links are https URLs', () => {
    rejects('peerJoin', with_(sample('peerJoin'), { url: 'http://meet.example.org/x' }), /url/);
    rejects('peerJoin', with_(sample('peerJoin'), { url: 'not a url' }), /url/);
    rejects('peerJoin', with_(sample('peerJoin', 1), { url: 'https://x.example' }), /url|Unrecognized/);
  });

  it('feedback rating is an integer 1–5 and notes at most 1000 characters', () => {
    for (const rating of [1, 5]) accepts('feedback', with_(sample('feedback'), { rating }));
    for (const rating of [0, 6, 4.5]) rejects('feedback', with_(sample('feedback'), { rating }), /rating/);
    accepts('feedback', with_(sample('feedback'), { notes: 'x'.repeat(1000) }));
    rejects('feedback', with_(sample('feedback'), { notes: 'x'.repeat(1001) }), /notes/);
  });

  it('report concerns name a participant', () => {
    rejects('peerReport', with_(sample('peerReport'), { concerns: [{ note: 'low' }] }), /participantUid/);
    rejects('peerReport', with_(sample('peerReport'), { text: 'x'.repeat(5001) }), /text/);
  });
});

describe('resources, orgs, config', () => {
  it('resources need English text; other languages are en, hi, ne only', () => {
    rejects('resource', with_(sample('resource'), { title: { hi: 'नींद' } }), /title\.en/);
    rejects('resource', with_(sample('resource'), { title: { en: 'Sleep', fr: 'Sommeil' } }), /fr|Unrecognized/);
    rejects('resource', with_(sample('resource'), { url: 'javascript:alert(1)' }), /url/);
    rejects('resource', with_(sample('resource'), { type: 'podcast' }), /type/);
    accepts('resource', without(without(without(sample('resource'), 'type'), 'createdAt'), 'updatedAt'));
  });

  it('orgs have an ISO country, a timezone and partial escalation overrides', () => {
    rejects('org', with_(sample('org'), { country: 'India' }), /country/);
    rejects('org', with_(sample('org'), { timezone: 'India Standard Time' }), /timezone/);
    rejects('org', with_(sample('org'), { escalation: { repeatEveryMinutes: 1 } }), /repeatEveryMinutes/);
    accepts('org', without(sample('org'), 'escalation'));
  });

  it('config/app fills defaults: minimum cell size 11, App Check off', () => {
    const parsed = appConfigSchema.parse({});
    assert.equal(parsed.analytics.minCellSize, DEFAULT_MIN_CELL_SIZE);
    assert.equal(DEFAULT_MIN_CELL_SIZE, 11);
    assert.equal(parsed.flags.enforceAppCheck, false);
    assert.deepEqual(parsed.helplines.IN?.map((h) => h.phone), ['14416', '1-800-891-4416', '112']);
    assert.deepEqual(parsed.helplines.NP?.map((h) => h.phone), ['1166']);
    assert.ok(parsed.escalation.steps.length > 0);
    assert.ok(parsed.rateLimits.chatMessages.limit > 0);
    assert.ok(parsed.modelBudget.dailyCallsPerOrg > 0);
  });

  it('config/app rejects bad settings', () => {
    const cfg = () => sample('appConfig');
    rejects('appConfig', with_(cfg(), { analytics: { minCellSize: 1 } }), /minCellSize/);
    rejects('appConfig', with_(cfg(), { flags: { enforceAppCheck: true } }), /flags/);
    rejects('appConfig', with_(cfg(), { helplines: { india: [{ name: 'x', phone: '1' }] } }), /helplines/);
    rejects('appConfig', with_(cfg(), { helplines: { IN: [] } }), /helplines/);
    rejects('appConfig', with_(cfg(), { escalation: { steps: [], urgentLevels: [], repeatEveryMinutes: 10 } }), /steps/);
    rejects('appConfig', with_(cfg(), { rateLimits: { chatMessages: { limit: 0, windowSec: 60 } } }), /rateLimits/);
    rejects('appConfig', with_(cfg(), { modelBudget: { dailyCallsPerOrg: -1 } }), /dailyCallsPerOrg/);
  });
});

describe('deliveries, audit logs, analytics', () => {
  it('deliveries check channel, status, attempts and template', () => {
    for (const channel of ['push', 'sms', 'email', 'inapp']) accepts('delivery', with_(sample('delivery'), { channel }));
    rejects('delivery', with_(sample('delivery'), { channel: 'fax' }), /channel/);
    for (const status of ['queued', 'sent', 'failed']) accepts('delivery', with_(sample('delivery'), { status }));
    rejects('delivery', with_(sample('delivery'), { status: 'delivered' }), /status/);
    rejects('delivery', with_(sample('delivery'), { attempts: -1 }), /attempts/);
    rejects('delivery', with_(sample('delivery'), { template: 'Risk Alert!' }), /template/);
    accepts('delivery', without(sample('delivery'), 'expireAt'));
  });

  it('audit logs check action and keep meta flat and small', () => {
    rejects('auditLog', with_(sample('auditLog'), { action: 'coffee.make' }), /action/);
    rejects('auditLog', with_(sample('auditLog'), { meta: { nested: { a: 1 } } }), /meta/);
    rejects('auditLog', with_(sample('auditLog'), { meta: { note: 'x'.repeat(501) } }), /meta/);
    rejects('auditLog', with_(sample('auditLog'), { actor: { role: 'admin' } }), /actor\.uid/);
  });

  it('analytics cells are counts or null (suppressed)', () => {
    const day = () => sample('analyticsDaily');
    rejects('analyticsDaily', with_(day(), { activeStudents: -1 }), /activeStudents/);
    rejects('analyticsDaily', with_(day(), { entries: { mood: 1 } }), /entries/);
    const assessments = { phq9: { minimal: 1, mild: 1, moderate: 1, severe: 1 }, gad7: (day().assessments as { gad7: unknown }).gad7 };
    rejects('analyticsDaily', with_(day(), { assessments }), /moderately-severe/);
  });
});

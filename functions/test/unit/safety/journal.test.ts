/**
 * Journal screening (`screenJournal`, used by the well-being entry trigger): the verdict on the entry, a
 * `journal` riskEvent at moderate and above that a re-run does not duplicate, the model never lowering
 * the level, a model failure kept pending, and the offline path (deterministic only).
 */
import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import { paths } from '../../../src/model/paths';
import { journalEntrySchema } from '../../../src/model/schemas';
import { decryptField } from '../../../src/platform/crypto';
import { captureLogs } from '../../../src/platform/log';
import { ProviderError } from '../../../src/platform/providers/types';
import { excerptContext, riskEventIdFor } from '../../../src/safety/ids';
import { handleJournalScreening, journalScreener } from '../../../src/safety/journal';
import { screen } from '../../../src/safety/screener';
import { PENDING_REASON } from '../../../src/safety/verdict';
import type { JournalScreeningRequest } from '../../../src/wellbeing/handle-entries';
import { TEST_KEY_RING } from '../../support/notify-fakes';
import { fakeSafetyDeps, peekAs, riskEventsIn, ScriptedModel, seedOrg, seedStaff, seedStudent, type FakeSafety } from '../../support/safety-fakes';

function setup(model = new ScriptedModel()): FakeSafety {
  const fake = fakeSafetyDeps({ model, screen });
  seedOrg(fake.docs, 'org-a', { onCall: ['c1'] });
  seedStaff(fake.docs, 'c1', 'counselor', 'org-a');
  seedStudent(fake.docs, 's1', { orgId: 'org-a' });
  return fake;
}

function entry(fake: FakeSafety, entryId: string, text: string): JournalScreeningRequest {
  fake.docs.seed(paths.entry('s1', entryId), journalEntrySchema.parse({ kind: 'journal', text, createdAt: Timestamp.fromMillis(fake.clock.now) }));
  return { uid: 's1', entryId, entryPath: paths.entry('s1', entryId), orgId: 'org-a', alias: 'Calm Otter 42', language: 'en', text };
}

const stored = (fake: FakeSafety, entryId: string) => peekAs(fake.docs, journalEntrySchema, paths.entry('s1', entryId));

describe('safety/journal', () => {
  it('a crisis entry gets its verdict and one journal riskEvent with the encrypted excerpt, even when run twice', async () => {
    const fake = setup();
    const request = entry(fake, 'e1', "I bought a rope and I'm going to hang myself tonight");
    const first = await handleJournalScreening(fake.deps, request);
    await journalScreener(() => fake.deps)(request);
    assert.equal(first.level, 'imminent');
    const events = riskEventsIn(fake.docs);
    assert.equal(events.length, 1);
    const event = events[0];
    assert.ok(event);
    assert.equal(event.id, riskEventIdFor(request.entryPath));
    assert.equal(event.source, 'journal');
    assert.equal(event.level, 'imminent');
    assert.equal(event.alias, 'Calm Otter 42');
    assert.ok(event.excerpt);
    assert.equal(decryptField(TEST_KEY_RING, event.excerpt, excerptContext(event.id)), request.text);
    assert.equal(stored(fake, 'e1')?.screening?.level, 'imminent');
  });

  it('a benign entry is screened without a riskEvent', async () => {
    const fake = setup();
    const outcome = await handleJournalScreening(fake.deps, entry(fake, 'e2', 'Went for a walk with friends, the sunset was lovely.'));
    assert.equal(outcome.level, 'none');
    assert.equal(outcome.riskEventId, undefined);
    assert.equal(riskEventsIn(fake.docs).length, 0);
    assert.equal(stored(fake, 'e2')?.screening?.by, 'rules+model');
  });

  it('the model raises a level the rules missed but never lowers one', async () => {
    const raised = setup();
    raised.model.json = [{ status: 'ok', value: { level: 'high', reasons: ['passive-death-wish'] }, attempts: 1 }];
    assert.equal((await handleJournalScreening(raised.deps, entry(raised, 'e3', 'everything feels grey and pointless lately'))).level, 'high');
    assert.equal(riskEventsIn(raised.docs)[0]?.level, 'high');

    const kept = setup();
    kept.model.json = [{ status: 'ok', value: { level: 'none', reasons: [] }, attempts: 1 }];
    assert.equal((await handleJournalScreening(kept.deps, entry(kept, 'e4', 'I wish I was dead'))).level, 'high');
  });

  it('a model failure keeps the deterministic level and marks the verdict pending', async () => {
    const fake = setup();
    fake.model.json = [{ status: 'error', error: new ProviderError('gemini', 'timeout', 'deadline'), attempts: 2 }];
    const outcome = await handleJournalScreening(fake.deps, entry(fake, 'e5', 'I feel hopeless and worthless'));
    assert.equal(outcome.model, 'failed');
    assert.equal(outcome.level, 'moderate');
    assert.ok(stored(fake, 'e5')?.screening?.reasons.includes(PENDING_REASON));
  });

  it('without an encryption key the riskEvent is still created, without an excerpt, and the error logged', async () => {
    const fake = setup(new ScriptedModel(false));
    fake.deps.keyRing = { keys: [] };
    const logs = captureLogs();
    try {
      await handleJournalScreening(fake.deps, entry(fake, 'e7', 'I took 30 pills an hour ago'));
    } finally {
      logs.restore();
    }
    const event = riskEventsIn(fake.docs)[0];
    assert.equal(event?.level, 'imminent');
    assert.equal(event?.excerpt, null);
    assert.ok(logs.lines.some((l) => l.event === 'safety.excerpt-not-stored' && l.severity === 'error'));
  });

  it('offline, only the deterministic screener runs', async () => {
    const fake = setup(new ScriptedModel(false));
    const outcome = await handleJournalScreening(fake.deps, entry(fake, 'e6', 'i want to kms'));
    assert.equal(outcome.model, 'skipped');
    assert.equal(outcome.level, 'high');
    assert.equal(stored(fake, 'e6')?.screening?.by, 'rules');
    assert.equal(fake.model.requests.length, 0);
  });
});

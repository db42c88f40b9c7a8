/** What `firebase deploy` reads from the well-being functions: region, triggers, schedules, retries, secrets. */
import assert from 'node:assert/strict';
import * as triggers from '../../../src/wellbeing/triggers';
import { fakeWellbeing } from '../../support/wellbeing-fakes';

const SECRETS = ['GEMINI_API_KEY', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'SENDGRID_API_KEY', 'FIELD_ENCRYPTION_KEY'];

describe('well-being functions as deployed', () => {
  it('document triggers in asia-south1 on the right paths; entry and assessment triggers retry', () => {
    const f = fakeWellbeing();
    const entry = triggers.buildOnEntryCreated({ store: f.store, screenJournal: f.screener.screen }).__endpoint;
    const cases = [
      [entry, 'google.cloud.firestore.document.v1.created', 'users/{uid}/entries/{entryId}', true],
      [triggers.onAssessmentCreated.__endpoint, 'google.cloud.firestore.document.v1.created', 'users/{uid}/assessments/{assessmentId}', true],
      [triggers.onProfileWritten.__endpoint, 'google.cloud.firestore.document.v1.written', 'users/{uid}', false],
      [triggers.onTaskWritten.__endpoint, 'google.cloud.firestore.document.v1.written', 'users/{uid}/tasks/{taskId}', false],
    ] as const;
    for (const [endpoint, eventType, document, retry] of cases) {
      assert.deepEqual(endpoint.region, ['asia-south1']);
      assert.ok(endpoint.eventTrigger);
      assert.equal(endpoint.eventTrigger.eventType, eventType);
      assert.deepEqual(endpoint.eventTrigger.eventFilterPathPatterns, { document });
      assert.equal(endpoint.eventTrigger.retry, retry);
    }
  });

  it('schedules in UTC, aligned to the quarter hour or the hour', () => {
    const cases = [
      [triggers.sendReminders.__endpoint, '*/15 * * * *'],
      [triggers.streakCheck.__endpoint, '0 * * * *'],
      [triggers.dailySummaries.__endpoint, '*/15 * * * *'],
    ] as const;
    for (const [endpoint, schedule] of cases) {
      assert.deepEqual(endpoint.region, ['asia-south1']);
      assert.equal(endpoint.scheduleTrigger?.schedule, schedule);
      assert.equal(endpoint.scheduleTrigger?.timeZone, 'UTC');
      assert.equal(endpoint.timeoutSeconds, 540);
    }
  });

  it('functions that notify or screen have the provider and encryption secrets bound', () => {
    const f = fakeWellbeing();
    for (const endpoint of [
      triggers.onAssessmentCreated.__endpoint,
      triggers.sendReminders.__endpoint,
      triggers.streakCheck.__endpoint,
      triggers.dailySummaries.__endpoint,
      triggers.buildOnEntryCreated({ store: f.store, screenJournal: f.screener.screen }).__endpoint,
    ]) {
      assert.deepEqual((endpoint.secretEnvironmentVariables ?? []).map((s) => s.key).sort(), [...SECRETS].sort());
    }
  });
});

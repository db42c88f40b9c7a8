/**
 * Deployed peer-circle functions: wiring only. `build…` functions take a source of dependencies (tests pass
 * fakes; the exported constants use the live ones, built on first use). A document that can never be
 * processed is logged and settled; anything else is rethrown so the platform retries.
 */
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { callable } from '../../platform/callable';
import { ALL_SECRETS, REGION } from '../../platform/config';
import { DomainError } from '../../platform/errors';
import { db } from '../../platform/firebase';
import { errorFields, logEvent } from '../../platform/log';
import { safetyLinkFrom } from '../forum/live';
import { liveSafetyDeps } from '../../safety/live';
import { firestoreCirclesStore } from './firestore-store';
import {
  handleFeedbackCreated,
  handleReportCreated,
  joinPeerSession as joinHandler,
  leavePeerSession as leaveHandler,
  runReminders,
  sessionInput,
  type CirclesDeps,
} from './handlers';

export type CirclesDepsSource = () => CirclesDeps;

/** Production dependencies, built on first use (never at import); join, leave and feedback touch only the store. */
export function liveCirclesDeps(): CirclesDeps {
  return {
    store: firestoreCirclesStore(db()),
    get safety() {
      return safetyLinkFrom(liveSafetyDeps());
    },
    get notify() {
      return liveSafetyDeps().notify;
    },
    now: () => Date.now(),
  };
}

/** Reminder schedule (UTC): every 10 minutes, each participant reminded once within the hour before start. */
export const REMINDER_SCHEDULE = '*/10 * * * *';

const SETTLED_CODES: ReadonlySet<string> = new Set(['data/corrupt-document', 'validation/invalid', 'path/invalid-id']);

async function settle(trigger: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (err instanceof DomainError && SETTLED_CODES.has(err.code)) {
      logEvent('error', 'circles.trigger-gave-up', { trigger, errorCode: err.code });
      return;
    }
    const f = errorFields(err);
    logEvent('error', 'circles.trigger-failed', { trigger, errorClass: f.errorClass, errorCode: f.errorCode });
    throw err;
  }
}

export function buildJoinPeerSession(deps: CirclesDepsSource) {
  return callable('joinPeerSession', sessionInput, (input, caller) => joinHandler(deps(), input, caller), { secrets: ALL_SECRETS });
}

export function buildLeavePeerSession(deps: CirclesDepsSource) {
  return callable('leavePeerSession', sessionInput, (input, caller) => leaveHandler(deps(), input, caller), { secrets: ALL_SECRETS });
}

export function buildPeerSessionReminders(deps: CirclesDepsSource) {
  return onSchedule({ schedule: REMINDER_SCHEDULE, timeZone: 'UTC', region: REGION, secrets: ALL_SECRETS, timeoutSeconds: 540 }, async () => {
    await runReminders(deps());
  });
}

export function buildOnPeerFeedbackCreated(deps: CirclesDepsSource) {
  return onDocumentCreated({ document: 'peerSessions/{sessionId}/feedback/{uid}', region: REGION, retry: true }, (event) =>
    settle('onPeerFeedbackCreated', () => handleFeedbackCreated(deps(), event.params.sessionId, event.params.uid)),
  );
}

export function buildOnPeerReportCreated(deps: CirclesDepsSource) {
  return onDocumentCreated(
    { document: 'peerSessions/{sessionId}/reports/{reportId}', region: REGION, secrets: ALL_SECRETS, retry: true, timeoutSeconds: 120 },
    (event) => settle('onPeerReportCreated', () => handleReportCreated(deps(), event.params.sessionId, event.params.reportId)),
  );
}

export const joinPeerSession = buildJoinPeerSession(liveCirclesDeps);
export const leavePeerSession = buildLeavePeerSession(liveCirclesDeps);
export const peerSessionReminders = buildPeerSessionReminders(liveCirclesDeps);
export const onPeerFeedbackCreated = buildOnPeerFeedbackCreated(liveCirclesDeps);
export const onPeerReportCreated = buildOnPeerReportCreated(liveCirclesDeps);

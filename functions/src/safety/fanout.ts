/**
 * Sends one escalation step of a riskEvent: finds the recipients the step's target names (on-call
 * counselors, more counselors, admins) and notifies each through the shared notifier (in-app notification,
 * push with dead-token pruning, SMS and email where the step allows them), under idempotency keys derived
 * from event id + step + recipient, so a repeated run sends nothing twice and only retries what failed.
 * The text names the level only, never the student or their words.
 */
import { paths } from '../model/paths';
import type { ContentLanguage, RiskEventLevel } from '../model/schemas';
import type { NotifyResult } from '../notify';
import { DomainError } from '../platform/errors';
import type { SafetyDeps } from './deps';
import { orgOf } from './directory';
import { directoryNeeds, recipientsFor, type StepPlan } from './escalation';
import { safetyEvents } from './events';
import { alertKey } from './ids';

/** Delivery error codes worth another attempt later (the provider retried within the call already). */
const RETRYABLE_CODES: ReadonlySet<string> = new Set(['provider/unavailable', 'provider/rate-limited', 'provider/timeout', 'push/failed']);

const CONCURRENCY = 8;

export interface StepResult {
  step: number;
  recipients: number;
  /** Recipients reached on at least one channel. */
  sent: number;
  /** Channels that failed. */
  failed: number;
  /** Failed channels worth retrying. */
  retryable: number;
}

type Text = { title: string; body: string };

function alertText(step: number, level: RiskEventLevel): Record<ContentLanguage, Text> {
  if (step === 0) {
    return {
      en: { title: `Risk alert: ${level}`, body: 'A student may need support now. Open the alert in ManMitra to respond.' },
      hi: { title: `जोखिम अलर्ट: ${level}`, body: 'किसी विद्यार्थी को अभी सहायता की ज़रूरत हो सकती है। जवाब देने के लिए ManMitra में अलर्ट खोलें।' },
      ne: { title: `जोखिम सूचना: ${level}`, body: 'कुनै विद्यार्थीलाई अहिले सहयोग चाहिन सक्छ। जवाफ दिन ManMitra मा सूचना खोल्नुहोस्।' },
    };
  }
  return {
    en: { title: `Unacknowledged risk alert: ${level}`, body: 'No one has acknowledged this alert yet. Please open it in ManMitra and respond.' },
    hi: { title: `अस्वीकृत जोखिम अलर्ट: ${level}`, body: 'इस अलर्ट को अभी तक किसी ने स्वीकार नहीं किया है। कृपया ManMitra में खोलकर जवाब दें।' },
    ne: { title: `स्वीकार नगरिएको जोखिम सूचना: ${level}`, body: 'यो सूचना अहिलेसम्म कसैले स्वीकार गर्नुभएको छैन। कृपया ManMitra मा खोलेर जवाफ दिनुहोस्।' },
  };
}

function tally(results: ReadonlyArray<NotifyResult | 'crashed'>): Pick<StepResult, 'sent' | 'failed' | 'retryable'> {
  let sent = 0;
  let failed = 0;
  let retryable = 0;
  for (const r of results) {
    if (r === 'crashed') {
      failed += 1;
      retryable += 1;
      continue;
    }
    const channels = [r.push, r.sms, r.email];
    if (r.inapp !== 'skipped' || channels.some((c) => c.status === 'sent')) sent += 1;
    for (const c of channels) {
      if (c.status !== 'failed') continue;
      failed += 1;
      if (RETRYABLE_CODES.has(c.errorCode)) retryable += 1;
    }
  }
  return { sent, failed, retryable };
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index];
      if (item !== undefined) out[index] = await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface StepTarget {
  eventId: string;
  orgId: string;
  level: RiskEventLevel;
}

export async function sendStep(deps: SafetyDeps, target: StepTarget, plan: StepPlan): Promise<StepResult> {
  const org = await orgOf(deps, target.orgId);
  const onCall = org?.onCall ?? [];
  const needs = directoryNeeds(plan.target, onCall.length);
  const [counselors, admins] = await Promise.all([
    needs.counselors ? deps.store.activeCounselors(target.orgId) : Promise.resolve([]),
    needs.admins ? deps.store.admins(target.orgId) : Promise.resolve([]),
  ]);
  const recipients = recipientsFor(plan.target, { onCall, counselors, admins });
  if (recipients.length === 0) {
    safetyEvents.noRecipients({ eventId: target.eventId, orgId: target.orgId, step: plan.step });
    return { step: plan.step, recipients: 0, sent: 0, failed: 0, retryable: 0 };
  }
  const text = alertText(plan.step, target.level);
  const results = await mapLimit(recipients, CONCURRENCY, async (uid): Promise<NotifyResult | 'crashed'> => {
    try {
      return await deps.notify({
        uid,
        type: plan.step === 0 ? 'risk-alert' : 'risk-escalation',
        title: text.en.title,
        body: text.en.body,
        translations: { hi: text.hi, ne: text.ne },
        link: paths.riskEvent(target.eventId),
        channels: plan.channels,
        respectQuietHours: target.level === 'moderate',
        idempotencyKey: alertKey(target.eventId, plan.step, uid),
        template: plan.step === 0 ? 'risk.alert' : 'risk.escalation',
        orgId: target.orgId,
        sourcePath: paths.riskEvent(target.eventId),
        keepDays: 30,
      });
    } catch (err) {
      safetyEvents.notifyCrashed({ eventId: target.eventId, errorClass: err instanceof Error ? err.name : typeof err, errorCode: err instanceof DomainError ? err.code : undefined });
      return 'crashed';
    }
  });
  const counts = tally(results);
  const result = { step: plan.step, recipients: recipients.length, ...counts };
  safetyEvents.fanOut({
    eventId: target.eventId,
    step: plan.step,
    target: plan.target,
    recipientCount: result.recipients,
    sentCount: result.sent,
    failedCount: result.failed,
    retryableCount: result.retryable,
  });
  return result;
}

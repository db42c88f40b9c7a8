/** Named log events of the analytics rollup: org ids, days and counts only, never a student or event id. */
import { logEvent } from '../platform/log';

export const analyticsEvents = {
  rollupWritten: (f: { orgId: string; day: string; queries: number; minCell: number }) => logEvent('info', 'analytics.rollup-written', f),
  rollupFailed: (f: { orgId: string; day: string; errorClass?: string | number | boolean | null; errorCode?: string | number | boolean | null }) =>
    logEvent('error', 'analytics.rollup-failed', f),
  nightlyRun: (f: { orgs: number; due: number; written: number; failed: number }) => logEvent('info', 'analytics.nightly-run', f),
  orgSkipped: (f: { orgId: string; why: string }) => logEvent('warn', 'analytics.org-skipped', f),
  ackRecorded: (f: { orgId: string; day: string; bucket: number; result: string }) => logEvent('info', 'analytics.ack-recorded', f),
  triggerGaveUp: (f: { trigger: string; errorCode: string }) => logEvent('error', 'analytics.trigger-gave-up', f),
};

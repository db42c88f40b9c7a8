/**
 * Log events of the well-being flows: kinds, levels, bands and counts. A student appears only as
 * `hashId(uid)`; no entry text, task title, answer or message text is ever logged.
 */
import { hashId, logEvent, type LogValue } from '../platform/log';

export const wellbeingEvents = {
  entryProcessed: (f: { uid: string; kind: string; status: string; streak: number; score: number | null; screened: string }) =>
    logEvent('info', 'wellbeing.entry-processed', {
      studentHash: hashId(f.uid),
      entryKind: f.kind,
      status: f.status,
      streak: f.streak,
      score: f.score,
      screening: f.screened,
    }),
  entrySkipped: (f: { uid: string; status: string }) => logEvent('warn', 'wellbeing.entry-skipped', { studentHash: hashId(f.uid), status: f.status }),
  assessmentScored: (f: { uid: string; instrument: string; severity: string; item9: boolean; riskLevel: string; trend: string }) =>
    logEvent('info', 'wellbeing.assessment-scored', {
      studentHash: hashId(f.uid),
      instrument: f.instrument,
      severity: f.severity,
      item9: f.item9,
      riskLevel: f.riskLevel,
      trend: f.trend,
    }),
  assessmentInvalid: (f: { uid: string; issueCount: number }) =>
    logEvent('warn', 'wellbeing.assessment-invalid', { studentHash: hashId(f.uid), issueCount: f.issueCount }),
  riskEventRaised: (f: { riskEventId: string; level: string; created: boolean }) => logEvent('info', 'wellbeing.risk-event', f),
  corruptDocument: (f: { path: string; issueCount: number }) =>
    logEvent('error', 'wellbeing.corrupt-document', { pathHash: hashId(f.path), issueCount: f.issueCount }),
  reminderRun: (f: { kind: string; due: number; sent: number; deferred: number; dropped: number; lost: number; failed: number; pages: number }) =>
    logEvent('info', 'wellbeing.reminder-run', f),
  reminderFailed: (f: { kind: string; uid: string; errorClass: string; errorCode?: LogValue }) =>
    logEvent('error', 'wellbeing.reminder-failed', { kind: f.kind, studentHash: hashId(f.uid), errorClass: f.errorClass, errorCode: f.errorCode }),
  summaryRun: (f: { orgsDue: number; counselors: number; reflections: number; failed: number }) => logEvent('info', 'wellbeing.summary-run', f),
  journalScreeningFailed: (f: { uid: string; errorClass: string }) =>
    logEvent('error', 'wellbeing.journal-screening-failed', { studentHash: hashId(f.uid), errorClass: f.errorClass }),
};

/**
 * The shared notifier: `notifyUser(deps, request)` for any recipient (students, counselors, admins), its
 * production dependencies, and the timezone and quiet-hours helpers it is built on.
 */
export { notifyUser, contactFieldContext, type NotifyDeps, type NotifyResult, type ChannelOutcome, type NotifyOptions } from './notifier';
export { NOTIFY_CHANNELS, notificationIdFor, recipientFromProfile, type NotifyChannel, type NotifyRequest, type Recipient } from './plan';
export { firestoreNotifyStore, type NotifyStore } from './repository';
export { liveNotifyDeps } from './live';
export { isQuietAt, firstInstantOutsideQuiet, type QuietHours } from './quiet-hours';

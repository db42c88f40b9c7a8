/**
 * Log events of the notifier: types, channel outcomes and counts. Never a title, body, token, address or uid
 * (a recipient appears only as `hashId(uid)`). Channel outcomes are `…Code` fields: a field named after a
 * contact channel alone (`email`) is redacted by `logEvent`.
 */
import { hashId, logEvent } from '../platform/log';

export const notifyEvents = {
  notified: (f: { uid: string; type: string; inapp: string; push: string; sms: string; email: string; quiet: boolean }) =>
    logEvent('info', 'notify.sent', {
      recipientHash: hashId(f.uid),
      type: f.type,
      inappCode: f.inapp,
      pushCode: f.push,
      smsCode: f.sms,
      emailCode: f.email,
      quiet: f.quiet,
    }),
  recipientMissing: (f: { uid: string; type: string }) =>
    logEvent('warn', 'notify.recipient-missing', { recipientHash: hashId(f.uid), type: f.type }),
  devicesPruned: (f: { uid: string; count: number }) =>
    logEvent('info', 'notify.devices-pruned', { recipientHash: hashId(f.uid), prunedCount: f.count }),
  channelFailed: (f: { uid: string; channel: string; errorCode: string }) =>
    logEvent('warn', 'notify.channel-failed', { recipientHash: hashId(f.uid), channel: f.channel, errorCode: f.errorCode }),
};

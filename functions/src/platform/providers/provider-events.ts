/**
 * Log events of the providers, on top of `logEvent`. Ids, enums and counts only: no prompt, no message text,
 * no phone number, email address or push token; a recipient appears only as `hashId(recipientRef)`.
 */
import { hashId, logEvent } from '../log';

export const providerEvents = {
  modelCall: (f: { model: string; implementation: string; status: string; attempts: number; errorCode?: string; providerCode?: string }) =>
    logEvent(f.status === 'error' ? 'warn' : 'info', 'provider.model-call', f),
  retrying: (f: { provider: string; attempt: number; delayMs: number; errorCode: string; httpStatus?: number | undefined }) =>
    logEvent('info', 'provider.retrying', f),
  offlineDelivery: (f: { channel: string; template: string; recipientRef: string; simulated: boolean }) =>
    logEvent('info', 'provider.offline-delivery', {
      channel: f.channel,
      template: f.template,
      recipientHash: hashId(f.recipientRef),
      simulated: f.simulated,
    }),
  deliveryDuplicate: (f: { deliveryId: string; channel: string; template: string }) => logEvent('info', 'delivery.duplicate', f),
  deliveryCrashed: (f: { deliveryId: string; channel: string; errorClass?: string | undefined }) => logEvent('error', 'delivery.crashed', f),
  pushSent: (f: { template: string; tokenCount: number; sentCount: number; unregisteredCount: number; failedCount: number; attempts: number }) =>
    logEvent('info', 'provider.push-sent', f),
};

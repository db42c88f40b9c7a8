/**
 * The providers of this instance: `getProviders(config)` picks, per provider, the real adapter or the offline
 * one (offline in the emulators, or when the secret or sender is missing), logs each choice once, and wraps
 * the senders so every delivery is recorded in `deliveries`. Loading this module loads no provider SDK:
 * each adapter imports its SDK on first use.
 */
import type { App } from 'firebase-admin/app';
import type { Config } from '../config';
import { adminApp, db } from '../firebase';
import { events } from '../log';
import { emailChannel, pushChannel, smsChannel, type EmailChannel, type PushChannel, type SmsChannel } from './channels';
import type { DeliveryLog } from './delivery-log';
import { firestoreDeliveryLog } from './delivery-log-firestore';
import { createFcmSender } from './fcm';
import { createGeminiModel } from './gemini';
import { offlineEmailSender, offlineLanguageModel, offlinePushSender, offlineSmsSender, Outbox, type OfflineMode } from './offline';
import type { Clock } from './retry';
import { createSendgridSender } from './sendgrid';
import { createTwilioSender } from './twilio';
import type { Implementation, LanguageModel } from './types';

export type ProviderKey = 'model' | 'push' | 'sms' | 'email';

export interface ProviderChoice {
  implementation: Implementation;
  why: 'configured' | 'emulator' | 'secret-missing' | 'sender-missing';
}

/** Pure: which implementation each provider gets under this config, and why. */
export function chooseProviders(config: Config): Record<ProviderKey, ProviderChoice> {
  const offline = (why: ProviderChoice['why']): ProviderChoice => ({ implementation: 'offline', why });
  const real: ProviderChoice = { implementation: 'real', why: 'configured' };
  if (config.emulator) return { model: offline('emulator'), push: offline('emulator'), sms: offline('emulator'), email: offline('emulator') };
  return {
    model: config.gemini.apiKey ? real : offline('secret-missing'),
    push: real,
    sms: !config.twilio.accountSid || !config.twilio.authToken ? offline('secret-missing') : !config.twilio.from ? offline('sender-missing') : real,
    email: !config.sendgrid.apiKey ? offline('secret-missing') : !config.sendgrid.from ? offline('sender-missing') : real,
  };
}

export interface Providers {
  model: LanguageModel;
  push: PushChannel;
  sms: SmsChannel;
  email: EmailChannel;
  /** What the simulated senders accepted (emulators); empty with real senders. */
  outbox: Outbox;
  choices: Record<ProviderKey, ProviderChoice>;
}

export interface ProviderDeps {
  deliveryLog: DeliveryLog;
  /** Admin app for FCM. */
  app: () => App;
  /** Other API origins for the real adapters (tests). */
  endpoints?: { gemini?: string; twilio?: string; sendgrid?: string };
  clock?: Clock;
}

/** Builds the providers and logs each choice. Prefer `getProviders`, which does this once per config. */
export function createProviders(config: Config, deps: ProviderDeps): Providers {
  const choices = chooseProviders(config);
  for (const [provider, choice] of Object.entries(choices)) {
    events.providerChosen({ provider, implementation: choice.implementation, why: choice.why });
  }
  const mode: OfflineMode = config.emulator ? 'simulate' : 'disabled';
  const outbox = new Outbox();
  const clock = deps.clock !== undefined ? { clock: deps.clock } : {};
  const { gemini, twilio, sendgrid } = config;

  const model =
    choices.model.implementation === 'real' && gemini.apiKey
      ? createGeminiModel({ apiKey: gemini.apiKey, model: gemini.model, baseUrl: deps.endpoints?.gemini, ...clock })
      : offlineLanguageModel();
  const push = choices.push.implementation === 'real' ? createFcmSender({ app: deps.app, ...clock }) : offlinePushSender(mode, outbox);
  const sms =
    choices.sms.implementation === 'real' && twilio.accountSid && twilio.authToken && twilio.from
      ? createTwilioSender({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: twilio.from, baseUrl: deps.endpoints?.twilio, ...clock })
      : offlineSmsSender(mode, outbox);
  const email =
    choices.email.implementation === 'real' && sendgrid.apiKey && sendgrid.from
      ? createSendgridSender({ apiKey: sendgrid.apiKey, from: sendgrid.from, baseUrl: deps.endpoints?.sendgrid, ...clock })
      : offlineEmailSender(mode, outbox);

  return {
    model,
    push: pushChannel(push, deps.deliveryLog),
    sms: smsChannel(sms, deps.deliveryLog),
    email: emailChannel(email, deps.deliveryLog),
    outbox,
    choices,
  };
}

const built = new WeakMap<Config, Providers>();

/** The providers for this config (the instance's `getConfig()`), built and logged once. */
export function getProviders(config: Config): Providers {
  let providers = built.get(config);
  if (!providers) {
    providers = createProviders(config, { deliveryLog: firestoreDeliveryLog(db, { retentionDays: config.retention.deliveryDays }), app: adminApp });
    built.set(config, providers);
  }
  return providers;
}

export { ProviderError } from './types';
export type {
  EmailMessage,
  Implementation,
  LanguageModel,
  ModelRequest,
  JsonModelRequest,
  ModelResult,
  ProviderErrorKind,
  PushMessage,
  PushOutcome,
  SmsMessage,
} from './types';
export type { DeliveryMeta, DeliveryReceipt, PushReceipt, EmailChannel, PushChannel, SmsChannel } from './channels';
export type { DeliveryLog } from './delivery-log';
export { InMemoryDeliveryLog } from './delivery-log';
export { Outbox, OFFLINE_UNREGISTERED_TOKEN_PREFIX } from './offline';

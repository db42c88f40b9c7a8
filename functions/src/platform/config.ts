/**
 * The one config module. Params and secrets are declared here (with descriptions, for `firebase deploy`)
 * and read only at run time through `getConfig()`, which validates and normalises them once per instance.
 */
import { defineInt, defineSecret, defineString } from 'firebase-functions/params';
import { z } from 'zod';
import { formatIssues } from './validation';
import { DomainError } from './errors';

/** Data stays in India. */
export const REGION = 'asia-south1';

export const secrets = {
  GEMINI_API_KEY: defineSecret('GEMINI_API_KEY'),
  TWILIO_ACCOUNT_SID: defineSecret('TWILIO_ACCOUNT_SID'),
  TWILIO_AUTH_TOKEN: defineSecret('TWILIO_AUTH_TOKEN'),
  SENDGRID_API_KEY: defineSecret('SENDGRID_API_KEY'),
  FIELD_ENCRYPTION_KEY: defineSecret('FIELD_ENCRYPTION_KEY'),
} as const;

export const params = {
  TWILIO_FROM: defineString('TWILIO_FROM', {
    default: '',
    description: 'Sender phone number (E.164) or Messaging Service SID for SMS alerts; empty disables SMS.',
  }),
  SENDGRID_FROM: defineString('SENDGRID_FROM', {
    default: '',
    description: 'Verified sender address for email alerts; empty disables email.',
  }),
  DEFAULT_ORG_ID: defineString('DEFAULT_ORG_ID', {
    default: 'demo-org',
    description: 'Institution given to new accounts that sign up without one.',
  }),
  GEMINI_MODEL: defineString('GEMINI_MODEL', {
    default: 'gemini-2.0-flash',
    description: 'Gemini model used for screening, Bestie replies and summaries.',
  }),
  DELIVERY_RETENTION_DAYS: defineInt('DELIVERY_RETENTION_DAYS', {
    default: 90,
    description: 'Days a delivery record (deliveries/{id}) is kept: its expireAt, which the TTL policy deletes it after.',
  }),
  BOT_MESSAGE_RETENTION_DAYS: defineInt('BOT_MESSAGE_RETENTION_DAYS', {
    default: 30,
    description: 'Days messages of Bestie (bot) chats are kept, replies and the student\'s messages alike (TTL on expireAt). Counselor chats are never expired.',
  }),
} as const;

/** Defaults of the TTL retention params (days). */
export const DEFAULT_RETENTION = { deliveryDays: 90, botMessageDays: 30 } as const;

/** Every secret a function may read; bind with `{ secrets: ALL_SECRETS }` on functions that need providers. */
export const ALL_SECRETS = Object.values(secrets);

const nonEmpty = (s: string | undefined): string | undefined => (s && s.trim() !== '' ? s.trim() : undefined);

/** FIELD_ENCRYPTION_KEY: `keyId:base64key[,keyId:base64key…]`; the first key encrypts, all decrypt. */
const encryptionKeysSchema = z
  .string()
  .transform((raw) => raw.split(',').map((part) => part.trim()).filter((part) => part !== ''))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]+$/, 'each key must be keyId:base64')
          .transform((entry) => {
            const [id, b64] = entry.split(':') as [string, string];
            return { id, key: Buffer.from(b64, 'base64') };
          })
          .refine((k) => k.key.length === 32, 'each key must be 32 bytes (AES-256)'),
      )
      .min(1),
  );

export const configSchema = z.object({
  region: z.literal(REGION),
  projectId: z.string().min(1),
  emulator: z.boolean(),
  defaultOrgId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  gemini: z.object({ apiKey: z.string().optional(), model: z.string().min(1) }),
  twilio: z.object({ accountSid: z.string().optional(), authToken: z.string().optional(), from: z.string().optional() }),
  sendgrid: z.object({ apiKey: z.string().optional(), from: z.string().email().optional() }),
  /** How long TTL-managed documents are kept (their `expireAt`), in days. */
  retention: z.object({
    deliveryDays: z.int().min(1).max(3650),
    botMessageDays: z.int().min(1).max(3650),
  }),
  encryption: z.object({
    /** Empty when FIELD_ENCRYPTION_KEY is not set (outside the emulators): encryption then fails with `crypto/no-key`. */
    keys: z.array(z.object({ id: z.string(), key: z.instanceof(Buffer) })),
    /** True when the key is the built-in development key (emulators only). */
    development: z.boolean(),
  }),
});
export type Config = z.infer<typeof configSchema>;

/** A fixed key for the emulators and tests only: never accepted outside them. */
const DEV_KEY = { id: 'dev', key: Buffer.alloc(32, 7) };

export interface RawConfig {
  projectId?: string | undefined;
  emulator: boolean;
  defaultOrgId?: string | undefined;
  geminiApiKey?: string | undefined;
  geminiModel?: string | undefined;
  twilioAccountSid?: string | undefined;
  twilioAuthToken?: string | undefined;
  twilioFrom?: string | undefined;
  sendgridApiKey?: string | undefined;
  sendgridFrom?: string | undefined;
  fieldEncryptionKey?: string | undefined;
  deliveryRetentionDays?: number | undefined;
  botMessageRetentionDays?: number | undefined;
}

/** Pure: raw strings → validated config. Throws a readable `DomainError` (`config/invalid`). */
export function buildConfig(raw: RawConfig): Config {
  const keyText = nonEmpty(raw.fieldEncryptionKey);
  let keys: Array<{ id: string; key: Buffer }>;
  let development = false;
  if (keyText) {
    const parsed = encryptionKeysSchema.safeParse(keyText);
    if (!parsed.success) throw invalid(['FIELD_ENCRYPTION_KEY: ' + formatIssues(parsed.error).join('; ')]);
    keys = parsed.data;
  } else if (raw.emulator) {
    keys = [DEV_KEY];
    development = true;
  } else {
    // Outside the emulators a missing key is not fatal here: only encrypting or decrypting needs it, and
    // it fails there with `crypto/no-key`. Account provisioning or screening must never stop for it.
    keys = [];
  }
  const result = configSchema.safeParse({
    region: REGION,
    projectId: nonEmpty(raw.projectId) ?? 'demo-manmitra',
    emulator: raw.emulator,
    defaultOrgId: nonEmpty(raw.defaultOrgId) ?? 'demo-org',
    gemini: { apiKey: nonEmpty(raw.geminiApiKey), model: nonEmpty(raw.geminiModel) ?? 'gemini-2.0-flash' },
    twilio: {
      accountSid: nonEmpty(raw.twilioAccountSid),
      authToken: nonEmpty(raw.twilioAuthToken),
      from: nonEmpty(raw.twilioFrom),
    },
    sendgrid: { apiKey: nonEmpty(raw.sendgridApiKey), from: nonEmpty(raw.sendgridFrom) },
    retention: {
      deliveryDays: raw.deliveryRetentionDays ?? DEFAULT_RETENTION.deliveryDays,
      botMessageDays: raw.botMessageRetentionDays ?? DEFAULT_RETENTION.botMessageDays,
    },
    encryption: { keys, development },
  });
  if (!result.success) throw invalid(formatIssues(result.error));
  return result.data;
}

function invalid(issues: string[]): DomainError {
  return new DomainError('config/invalid', 'internal', `Invalid configuration: ${issues.join('; ')}`);
}

/** True inside firebase-tools' emulators (Functions emulator sets FUNCTIONS_EMULATOR). */
export function isEmulator(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.FUNCTIONS_EMULATOR === 'true' || env.MANMITRA_OFFLINE === 'true';
}

function projectIdFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GCLOUD_PROJECT) return env.GCLOUD_PROJECT;
  const fc = env.FIREBASE_CONFIG;
  if (fc) {
    const parsed = z.object({ projectId: z.string() }).safeParse(safeJson(fc));
    if (parsed.success) return parsed.data.projectId;
  }
  return undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

let cached: Config | undefined;

/** Run-time config for this instance (params and secrets are only readable at run time). */
export function getConfig(): Config {
  if (cached) return cached;
  cached = buildConfig({
    projectId: projectIdFromEnv(process.env),
    emulator: isEmulator(),
    defaultOrgId: params.DEFAULT_ORG_ID.value(),
    geminiApiKey: secrets.GEMINI_API_KEY.value(),
    geminiModel: params.GEMINI_MODEL.value(),
    twilioAccountSid: secrets.TWILIO_ACCOUNT_SID.value(),
    twilioAuthToken: secrets.TWILIO_AUTH_TOKEN.value(),
    twilioFrom: params.TWILIO_FROM.value(),
    sendgridApiKey: secrets.SENDGRID_API_KEY.value(),
    sendgridFrom: params.SENDGRID_FROM.value(),
    fieldEncryptionKey: secrets.FIELD_ENCRYPTION_KEY.value(),
    deliveryRetentionDays: params.DELIVERY_RETENTION_DAYS.value(),
    botMessageRetentionDays: params.BOT_MESSAGE_RETENTION_DAYS.value(),
  });
  return cached;
}

/** Tests only: forget the cached config so a changed environment is read again. */
export function resetConfigForTests(): void {
  cached = undefined;
}

/** The config as it may be logged: which providers are configured, never a secret value. */
export function describeConfig(c: Config): string {
  const on = (b: boolean) => (b ? 'on' : 'off');
  return [
    `gemini=${on(Boolean(c.gemini.apiKey))}`,
    `sms=${on(Boolean(c.twilio.accountSid && c.twilio.authToken && c.twilio.from))}`,
    `email=${on(Boolean(c.sendgrid.apiKey && c.sendgrid.from))}`,
    `keys=${c.encryption.keys.length > 0 ? c.encryption.keys.map((k) => k.id).join('|') : 'MISSING'}${c.encryption.development ? '(dev)' : ''}`,
  ].join(' ');
}

/**
 * Lazy, memoised loaders for the provider SDKs. Nothing here runs at import: a function that never sends an
 * SMS never loads twilio (cold starts of the screening trigger stay small). Only type imports at the top.
 */
import type * as GeminiSdk from '@google/generative-ai';
import type * as MessagingSdk from 'firebase-admin/messaging';
import type * as TwilioSdk from 'twilio';

function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().catch((err: unknown) => {
      loaded = undefined;
      throw err;
    });
    return loaded;
  };
}

export const loadGemini = memo<typeof GeminiSdk>(() => import('@google/generative-ai'));
export const loadMessaging = memo<typeof MessagingSdk>(() => import('firebase-admin/messaging'));
export const loadTwilio = memo<typeof TwilioSdk>(() => import('twilio'));
export const loadSendgridMail = memo(() => import('@sendgrid/mail'));
/** `@sendgrid/mail`'s own HTTP client (its dependency); needed to point requests at another base URL. */
export const loadSendgridClient = memo(() => import('@sendgrid/client'));

/**
 * The notifier's production dependencies, built on first use (never at import): Firestore, the providers of
 * this instance (real or offline, each delivery recorded) and the field-encryption key ring from the config.
 */
import { getConfig } from '../platform/config';
import { db } from '../platform/firebase';
import { getProviders } from '../platform/providers';
import type { NotifyDeps } from './notifier';
import { firestoreNotifyStore } from './repository';

export function liveNotifyDeps(): NotifyDeps {
  const config = getConfig();
  const providers = getProviders(config);
  return {
    store: firestoreNotifyStore(db()),
    push: providers.push,
    sms: providers.sms,
    email: providers.email,
    keyRing: config.encryption,
    now: () => Date.now(),
  };
}

/**
 * The safety pipeline's production dependencies, built on first use (never at import) and kept for the
 * instance, since they hold its caches, rate windows and model-budget leases: Firestore, the deterministic
 * screener, the instance's language model (Gemini, or the offline stand-in), the shared notifier and the
 * field-encryption key ring.
 */
import { liveNotifyDeps, notifyUser } from '../notify';
import { getConfig } from '../platform/config';
import { db } from '../platform/firebase';
import { getProviders } from '../platform/providers';
import { ModelBudget } from './budget';
import { SafetyCache, type SafetyDeps } from './deps';
import { RateLimiter } from './rate-limit';
import { screen } from './screener';
import { firestoreSafetyStore } from './store-firestore';

let instance: SafetyDeps | undefined;

export function liveSafetyDeps(): SafetyDeps {
  if (instance) return instance;
  const config = getConfig();
  const store = firestoreSafetyStore(db());
  const notifyDeps = liveNotifyDeps();
  instance = {
    store,
    screen,
    model: getProviders(config).model,
    notify: (request) => notifyUser(notifyDeps, request),
    keyRing: config.encryption,
    now: () => Date.now(),
    cache: new SafetyCache(),
    limiter: new RateLimiter(),
    budget: new ModelBudget(store),
    botMessageRetentionDays: config.retention.botMessageDays,
  };
  return instance;
}

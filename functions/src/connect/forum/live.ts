/**
 * The live `SafetyLink` over the safety pipeline's production dependencies (built on first use, shared with
 * the chat pipeline's instance caches, rate windows and model-budget leases) and the forum's live
 * dependencies.
 */
import { db } from '../../platform/firebase';
import { CorruptDocumentError } from '../../platform/errors';
import { helplinesFor } from '../../safety/crisis';
import type { SafetyDeps } from '../../safety/deps';
import { appConfig, DEFAULT_TIMEZONE, orgOf, studentOrg } from '../../safety/directory';
import { replyLanguage } from '../../safety/language';
import { liveSafetyDeps } from '../../safety/live';
import { ensureRiskEvent } from '../../safety/risk-events';
import type { UserProfile } from '../../model/schemas';
import { firestoreForumStore } from './firestore-store';
import type { ForumDeps } from './handlers';
import type { SafetyLink } from './safety-link';

async function profileOf(deps: SafetyDeps, uid: string): Promise<UserProfile | null> {
  try {
    return await deps.store.profile(uid);
  } catch (err) {
    if (err instanceof CorruptDocumentError) return null;
    throw err;
  }
}

/** The safety link over given safety dependencies. */
export function safetyLinkFrom(deps: SafetyDeps): SafetyLink {
  return {
    screen: deps.screen,
    model: deps.model,
    async modelAllowed(uid, rate, calls) {
      const config = await appConfig(deps);
      if (!config.flags.modelScreening || !deps.model.available) return false;
      const now = deps.now();
      if (rate !== null && deps.limiter.hit(`${rate}:${uid}`, now, config.rateLimits[rate]).limited) return false;
      const orgId = await studentOrg(deps, uid);
      if (orgId === null) return false;
      const org = await orgOf(deps, orgId);
      return deps.budget.take(orgId, org?.timezone ?? DEFAULT_TIMEZONE, now, config.modelBudget.dailyCallsPerOrg, calls);
    },
    async raiseRisk(signal) {
      const profile = await profileOf(deps, signal.studentUid);
      const event = await ensureRiskEvent(deps, { ...signal, profile, orgId: undefined });
      return event ? { id: event.id, orgId: event.orgId, level: event.level, created: event.created } : undefined;
    },
    async careContext(uid, text) {
      const [profile, config] = await Promise.all([profileOf(deps, uid), appConfig(deps)]);
      const org = profile ? await orgOf(deps, profile.orgId).catch(() => null) : null;
      return {
        language: replyLanguage(text, profile?.language),
        helplines: helplinesFor(config.helplines, org?.country),
        orgKnown: profile !== null,
      };
    },
  };
}

/**
 * The forum's production dependencies, resolved on first use (never at import): the like and comment-count
 * triggers touch only the store, so they need no secrets; the safety link and notifier are built when used.
 */
export function liveForumDeps(): ForumDeps {
  return {
    store: firestoreForumStore(db()),
    get safety() {
      return safetyLinkFrom(liveSafetyDeps());
    },
    get notify() {
      return liveSafetyDeps().notify;
    },
    now: () => Date.now(),
  };
}

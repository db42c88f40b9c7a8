/**
 * Deployed identity functions: wiring only.
 */
import * as functionsV1 from 'firebase-functions/v1';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { ALL_SECRETS, getConfig, REGION } from '../platform/config';
import { callable } from '../platform/callable';
import { adminAuth, db } from '../platform/firebase';
import { provisionAccount, setUserRole as setUserRoleHandler, setUserRoleInput } from './handlers';
import { firestoreIdentityStore, type IdentityDeps } from './repository';
import { firestoreContactStore, sealAlertContact, setAlertContact as setAlertContactHandler, setAlertContactInput, type ContactDeps } from './contact';

/** Production dependencies, resolved on first use (never at import). */
export const liveIdentityDeps: IdentityDeps = {
  get auth() {
    return adminAuth();
  },
  get store() {
    return firestoreIdentityStore(db());
  },
  defaultOrgId: () => getConfig().defaultOrgId,
};

/** Builds the callable around given dependencies (tests pass fakes; index.ts passes the live ones). */
export function buildSetUserRole(deps: IdentityDeps) {
  return callable('setUserRole', setUserRoleInput, (input, caller) => setUserRoleHandler(deps, input, caller), { secrets: ALL_SECRETS });
}

export function buildOnUserCreated(deps: IdentityDeps) {
  return functionsV1
    .runWith({ secrets: ALL_SECRETS })
    .region(REGION)
    .auth.user()
    .onCreate(async (user) => {
      await provisionAccount(deps, user.uid, user.customClaims);
    });
}

export const liveContactDeps: ContactDeps = {
  get store() {
    return firestoreContactStore(db());
  },
  keyRing: () => getConfig().encryption,
};

export function buildSetAlertContact(deps: ContactDeps) {
  return callable('setAlertContact', setAlertContactInput, (input, caller) => setAlertContactHandler(deps, input, caller), { secrets: ALL_SECRETS });
}

/**
 * Encrypts in place what the owner wrote to users/{uid}/private/contact directly (plaintext email/phone); a
 * sealed document (its own write, or setAlertContact's) is left alone. Deletes need nothing.
 */
export function buildOnAlertContactWritten(deps: ContactDeps) {
  return onDocumentWritten(
    { document: 'users/{uid}/private/contact', region: REGION, secrets: ALL_SECRETS, retry: true },
    async (event) => {
      if (!event.data?.after.exists) return;
      await sealAlertContact(deps, event.params.uid);
    },
  );
}

export const onUserCreated = buildOnUserCreated(liveIdentityDeps);
export const onAlertContactWritten = buildOnAlertContactWritten(liveContactDeps);
export const setAlertContact = buildSetAlertContact(liveContactDeps);
export const setUserRole = buildSetUserRole(liveIdentityDeps);

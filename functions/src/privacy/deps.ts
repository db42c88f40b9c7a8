/**
 * What the privacy functions need from the outside world, as small interfaces: Firestore, the Auth calls,
 * export file storage, the encryption key ring, settings and a clock. `livePrivacyDeps` (triggers.ts) binds
 * the real ones; tests pass the offline Firestore emulator, a fake Auth and a temp-dir storage.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { KeyRing } from '../platform/crypto';
import type { PrivacySettings } from './settings';
import type { ExportStorage } from './storage';

export interface AuthAccount {
  uid: string;
  /** No sign-in provider linked (an anonymous account). */
  anonymous: boolean;
  /** Latest sign-in or token refresh Auth knows of (epoch ms); undefined when unknown. */
  lastSeenAt: number | undefined;
}

export interface PrivacyAuth {
  /** Removes the Auth user; an already missing user is not an error. */
  deleteUser(uid: string): Promise<void>;
  /** The accounts that exist among `uids` (at most 100). */
  getUsers(uids: readonly string[]): Promise<AuthAccount[]>;
}

export interface DeletionProgress {
  uidHash: string;
  step: string;
  documents: number;
  anonymised: number;
  files: number;
}

export interface PrivacyDeps {
  db: () => Firestore;
  auth: PrivacyAuth;
  storage: ExportStorage;
  keyRing: () => KeyRing;
  settings: () => PrivacySettings;
  now: () => number;
  /** New export ids (random, url-safe). */
  newId: () => string;
  /** Called after every page of deletion work is recorded (progress logs; tests simulate a crash here). */
  onDeletionProgress?: (progress: DeletionProgress) => void;
}

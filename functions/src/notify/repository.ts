/**
 * The notifier's Firestore I/O behind a small interface (tests use an in-memory fake): the recipient's
 * profile, the in-app notification (created once under a deterministic id), push devices (read, and pruned when
 * the push service says a token is dead) and the encrypted contact document. Every read is parsed with the
 * model's schemas.
 */
import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { typedCollection, typedDoc } from '../model/converters';
import { paths } from '../model/paths';
import {
  deviceSchema,
  notificationSchema,
  privateContactSchema,
  userProfileSchema,
  type NotificationType,
  type PrivateContact,
  type UserProfile,
} from '../model/schemas';

export interface NewNotification {
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  /** TTL instant (epoch ms). */
  expireAt: number;
}

export interface DeviceToken {
  deviceId: string;
  token: string;
  /** Last registration (epoch ms), newest first in `devices()`. */
  updatedAt: number;
}

export interface NotifyStore {
  profile(uid: string): Promise<UserProfile | null>;
  /** Creates `users/{uid}/notifications/{id}` unless it exists. */
  createNotification(uid: string, id: string, notification: NewNotification): Promise<'created' | 'exists'>;
  /** The person's push devices, most recently registered first. */
  devices(uid: string): Promise<DeviceToken[]>;
  removeDevices(uid: string, deviceIds: readonly string[]): Promise<void>;
  contact(uid: string): Promise<PrivateContact | null>;
}

/** True when `err` is a Firestore/gRPC error with the given numeric status code. */
export function hasGrpcCode(err: unknown, code: number): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === code;
}

/** gRPC ALREADY_EXISTS. */
export const ALREADY_EXISTS = 6;

export function firestoreNotifyStore(db: Firestore): NotifyStore {
  return {
    async profile(uid) {
      const snap = await typedDoc(db, paths.user(uid), userProfileSchema).get();
      return snap.data() ?? null;
    },

    async createNotification(uid, id, n) {
      const ref = typedDoc(db, paths.notification(uid, id), notificationSchema);
      try {
        await ref.create({
          type: n.type,
          title: n.title,
          body: n.body,
          link: n.link,
          createdAt: FieldValue.serverTimestamp(),
          readAt: null,
          expireAt: Timestamp.fromMillis(n.expireAt),
        });
        return 'created';
      } catch (err) {
        if (hasGrpcCode(err, ALREADY_EXISTS)) return 'exists';
        throw err;
      }
    },

    async devices(uid) {
      const snap = await typedCollection(db, paths.devices(uid), deviceSchema).get();
      return snap.docs
        .map((d) => ({ deviceId: d.id, token: d.data().token, updatedAt: d.data().updatedAt.toMillis() }))
        .sort((a, b) => b.updatedAt - a.updatedAt);
    },

    async removeDevices(uid, deviceIds) {
      if (deviceIds.length === 0) return;
      const batch = db.batch();
      for (const id of deviceIds) batch.delete(db.doc(paths.device(uid, id)));
      await batch.commit();
    },

    async contact(uid) {
      const snap = await typedDoc(db, paths.contact(uid), privateContactSchema).get();
      return snap.data() ?? null;
    },
  };
}

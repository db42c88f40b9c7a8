/**
 * Device registrations' Firestore I/O behind a small interface (tests use an in-memory fake): who else holds a
 * push token, and removing those registrations.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { COLLECTIONS, paths } from '../../model/paths';
import { timestampSchema } from '../../model/schemas';

const updatedAtSchema = z.object({ updatedAt: timestampSchema }).loose();

export interface DeviceRef {
  uid: string;
  deviceId: string;
}

export interface Holder extends DeviceRef {
  /** When the registration was last written (epoch ms; 0 when unreadable). */
  updatedAt: number;
}

export interface DeviceStore {
  /** Every `users/{uid}/devices/{deviceId}` whose token is `token` (a collection-group query on `token`). */
  holdersOf(token: string): Promise<Holder[]>;
  remove(devices: readonly DeviceRef[]): Promise<void>;
}

/** Most registrations removed in one batch. */
const BATCH = 400;

export function firestoreDeviceStore(db: Firestore): DeviceStore {
  return {
    async holdersOf(token) {
      const snap = await db.collectionGroup(COLLECTIONS.devices).where('token', '==', token).select('updatedAt').get();
      const out: Holder[] = [];
      for (const doc of snap.docs) {
        const owner = doc.ref.parent.parent;
        const at = updatedAtSchema.safeParse(doc.data());
        if (owner && owner.parent.id === COLLECTIONS.users) {
          out.push({ uid: owner.id, deviceId: doc.id, updatedAt: at.success ? at.data.updatedAt.toMillis() : 0 });
        }
      }
      return out;
    },

    async remove(devices) {
      for (let i = 0; i < devices.length; i += BATCH) {
        const batch = db.batch();
        for (const d of devices.slice(i, i + BATCH)) batch.delete(db.doc(paths.device(d.uid, d.deviceId)));
        await batch.commit();
      }
    },
  };
}

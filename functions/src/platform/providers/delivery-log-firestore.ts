/**
 * `DeliveryLog` on Firestore: `deliveries/{id}` through the model's zod-checked converter. With an
 * idempotency key the id is deterministic and `begin` runs in a transaction, so two runs of the same trigger
 * see one record; without one, the id is generated. A new record gets `expireAt` (TTL), `retentionDays` after
 * it was queued.
 */
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { typedCollection, typedDoc } from '../../model/converters';
import { paths } from '../../model/paths';
import { deliverySchema } from '../../model/schemas';
import {
  deliveryExpireAt,
  deliveryIdFor,
  finishFields,
  queuedFields,
  type DeliveryFinish,
  type DeliveryLog,
  type DeliveryStart,
  type DeliveryTicket,
} from './delivery-log';

export interface FirestoreDeliveryLogOptions {
  /** Days a record is kept (its `expireAt`), from `DELIVERY_RETENTION_DAYS`. */
  retentionDays: number;
  /** Epoch ms; the instance clock by default (`createdAt` itself is server time). */
  now?: () => number;
}

export function firestoreDeliveryLog(db: () => Firestore, options: FirestoreDeliveryLogOptions): DeliveryLog {
  const now = options.now ?? Date.now;
  return {
    async begin(start: DeliveryStart): Promise<DeliveryTicket> {
      const fields = {
        ...queuedFields(start, deliveryExpireAt(now(), options.retentionDays)),
        createdAt: FieldValue.serverTimestamp(),
        updatedAt: FieldValue.serverTimestamp(),
      };
      if (start.idempotencyKey === undefined) {
        const ref = typedCollection(db(), paths.deliveries(), deliverySchema).doc();
        await ref.create(fields);
        return { id: ref.id, status: 'queued', attempts: 0 };
      }
      const id = deliveryIdFor(start.channel, start.idempotencyKey);
      const ref = typedDoc(db(), paths.delivery(id), deliverySchema);
      return db().runTransaction<DeliveryTicket>(async (tx) => {
        const snap = await tx.get(ref);
        const existing = snap.data();
        if (existing) return { id, status: existing.status, attempts: existing.attempts };
        tx.create(ref, fields);
        return { id, status: 'queued', attempts: 0 };
      });
    },

    async finish(id: string, result: DeliveryFinish): Promise<void> {
      await typedDoc(db(), paths.delivery(id), deliverySchema).update({ ...finishFields(result), updatedAt: FieldValue.serverTimestamp() });
    },
  };
}

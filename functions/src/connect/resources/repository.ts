/**
 * Resources' Firestore I/O behind a small interface (tests use an in-memory fake): counting a view. The count is
 * a bare increment on `resources/{id}.viewCount`; nothing records who viewed what.
 */
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { paths } from '../../model/paths';

export interface ResourceStore {
  /** Adds one to the resource's `viewCount`; `missing` when the resource does not exist (nothing written). */
  recordView(resourceId: string): Promise<'counted' | 'missing'>;
}

/** gRPC NOT_FOUND: an update of a document that does not exist. */
const NOT_FOUND = 5;

export function firestoreResourceStore(db: Firestore): ResourceStore {
  return {
    async recordView(resourceId) {
      try {
        // An update (not a set) fails on a missing document, so a view of an unknown id creates nothing;
        // the increment needs no read and no transaction, so concurrent views never contend.
        await db.doc(paths.resource(resourceId)).update({ viewCount: FieldValue.increment(1) });
        return 'counted';
      } catch (err) {
        if (typeof err === 'object' && err !== null && 'code' in err && err.code === NOT_FOUND) return 'missing';
        throw err;
      }
    },
  };
}

/**
 * Deployed resource functions: wiring only. `buildRecordResourceView` takes the dependencies (tests pass a fake).
 */
import { callable } from '../../platform/callable';
import { db } from '../../platform/firebase';
import { recordResourceView as recordResourceViewHandler, recordResourceViewInput, type ResourceDeps } from './handlers';
import { firestoreResourceStore } from './repository';

/** Production dependencies, resolved on first use (never at import). */
export const liveResourceDeps: ResourceDeps = {
  get store() {
    return firestoreResourceStore(db());
  },
};

export function buildRecordResourceView(deps: ResourceDeps) {
  return callable('recordResourceView', recordResourceViewInput, (input, caller) => recordResourceViewHandler(deps, input, caller));
}

export const recordResourceView = buildRecordResourceView(liveResourceDeps);

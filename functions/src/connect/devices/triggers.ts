/**
 * Deployed device functions: wiring only. `buildOnDeviceWritten` takes the dependencies (tests pass a fake).
 */
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { REGION } from '../../platform/config';
import { db } from '../../platform/firebase';
import { deviceOf, handleDeviceWritten, type DeviceDeps } from './handlers';
import { firestoreDeviceStore } from './repository';

/** Production dependencies, resolved on first use (never at import). */
export const liveDeviceDeps: DeviceDeps = {
  get store() {
    return firestoreDeviceStore(db());
  },
};

export function buildOnDeviceWritten(deps: DeviceDeps) {
  return onDocumentWritten({ document: 'users/{uid}/devices/{deviceId}', region: REGION, retry: true }, async (event) => {
    await handleDeviceWritten(deps, event.params.uid, deviceOf(event.data?.before.data()), deviceOf(event.data?.after.data()));
  });
}

export const onDeviceWritten = buildOnDeviceWritten(liveDeviceDeps);

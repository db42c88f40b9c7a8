/**
 * Push-token hygiene the rules cannot express. Clients register tokens themselves (`users/{uid}/devices`, owner
 * writes, firestore.rules) and the notifier prunes tokens the push service reports dead; what is left is a
 * phone that changes hands between accounts (sign-out without deleting the registration, a shared device, a
 * new anonymous account): its token would stay registered to the previous account, whose notifications, booking
 * news or risk alerts included, would keep arriving on a phone someone else now uses. So when a token is
 * registered, every registration of the same token under another account is removed. Idempotent.
 */
import { deviceSchema, type Device } from '../../model/schemas';
import { hashId, logEvent } from '../../platform/log';
import type { DeviceStore } from './repository';

export interface DeviceDeps {
  store: DeviceStore;
}

/** The device document of one side of a change; null when absent or not a valid registration. */
export function deviceOf(data: unknown): Device | null {
  const parsed = deviceSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/**
 * After `users/{uid}/devices/{deviceId}` was written: when it now holds a token it did not hold before, removes
 * that token's registrations under other accounts that are not newer than this one (triggers may run out of
 * order: the newest registration's own trigger removes the older ones, never the reverse). Returns how many
 * were removed.
 */
export async function handleDeviceWritten(deps: DeviceDeps, uid: string, before: Device | null, after: Device | null): Promise<number> {
  if (!after || before?.token === after.token) return 0;
  const registeredAt = after.updatedAt.toMillis();
  const others = (await deps.store.holdersOf(after.token)).filter((d) => d.uid !== uid && d.updatedAt <= registeredAt);
  if (others.length === 0) return 0;
  await deps.store.remove(others);
  logEvent('info', 'devices.token-moved', { ownerHash: hashId(uid), removedCount: others.length });
  return others.length;
}

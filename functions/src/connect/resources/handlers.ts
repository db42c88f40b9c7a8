/**
 * `recordResourceView`: counts one view of a resource without recording who viewed it. Every resource is
 * readable by every signed-in user of every org (firestore.rules, resources), and English is always present,
 * so a resource that exists is visible to the caller: existence is the whole check.
 */
import { z } from 'zod';
import { idSchema } from '../../model/schemas';
import type { Caller } from '../../platform/callable';
import { errors } from '../../platform/errors';
import type { ResourceStore } from './repository';

export interface ResourceDeps {
  store: ResourceStore;
}

export const recordResourceViewInput = z.object({ resourceId: idSchema }).strict();
export type RecordResourceViewInput = z.output<typeof recordResourceViewInput>;

export async function recordResourceView(deps: ResourceDeps, input: RecordResourceViewInput, caller: Caller): Promise<{ resourceId: string; counted: true }> {
  if (!caller.orgId) throw errors.failedPrecondition('resources/no-org', 'Your account is not set up with an institution yet. Please sign in again.');
  const outcome = await deps.store.recordView(input.resourceId);
  if (outcome === 'missing') throw errors.notFound('resources/not-found', 'No such resource.');
  return { resourceId: input.resourceId, counted: true };
}

/**
 * The callables' handlers (inputs, answers); the deployed wrappers are in triggers.ts.
 */
import { z } from 'zod';
import type { Caller } from '../platform/callable';
import type { PrivacyDeps } from './deps';
import { requestDeletion, runDeletion } from './deletion';
import { exportMyData as runExport, type ExportResult } from './export';

/** `exportMyData()` takes nothing. */
export const exportMyDataInput = z.object({}).strict().nullish();

export async function exportMyData(deps: PrivacyDeps, caller: Caller): Promise<ExportResult> {
  return runExport(deps, caller);
}

/** `deleteMyAccount({confirm: true})`: the client must say it means it. */
export const deleteMyAccountInput = z.object({ confirm: z.literal(true) }).strict();

export interface DeleteResult {
  /** `deleted`: everything is gone; `pending`: the deletion is recorded and finishes in the background. */
  status: 'deleted' | 'pending';
}

export async function deleteMyAccount(deps: PrivacyDeps, caller: Caller, budgetMs: number): Promise<DeleteResult> {
  await requestDeletion(deps, caller.uid, 'self', { orgId: caller.orgId, role: caller.role });
  const outcome = await runDeletion(deps, caller.uid, budgetMs);
  return { status: outcome === 'done' || outcome === 'missing' ? 'deleted' : 'pending' };
}

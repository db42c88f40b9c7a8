// Firestore document triggers, pure: which registered triggers a document change fires (event type,
// database, document path pattern with `{id}` and `{path=**}` wildcards) and the CloudEvent Google's
// emulator delivers for it to the Functions emulator (JSON data with `value` and `oldValue`).

import type { Doc, DocChange } from './document';
import { documentName } from './paths';
import { type Json, fieldsToJson, microsToTimestamp, timestampToIso } from './values';

export const EVENT_PREFIX = 'google.cloud.firestore.document.v1.';
const AUTH_SUFFIX = '.withAuthContext';

export type ChangeKind = 'created' | 'updated' | 'deleted';

export interface TriggerDef {
  /** The Functions emulator's trigger key, e.g. `us-central1-onEntryCreated-0`. */
  key: string;
  eventType: string;
  database: string;
  /** Document path or pattern relative to the database, e.g. `users/{uid}/entries/{id}`. */
  document: string;
  matchType: 'EXACT' | 'PATH_PATTERN';
}

export function changeKind(change: DocChange): ChangeKind | undefined {
  if (!change.before && change.after) return 'created';
  if (change.before && change.after) return 'updated';
  if (change.before && !change.after) return 'deleted';
  return undefined;
}

/** Matches a document path against a pattern; returns the captured wildcards or null. */
export function matchDocumentPattern(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter((s) => s !== '');
  const s = path.split('/');
  const params: Record<string, string> = {};
  const walk = (i: number, j: number): boolean => {
    if (i === p.length) return j === s.length;
    const seg = p[i] ?? '';
    const multi = /^\{([^}=]+)=\*\*\}$/.exec(seg) ?? (seg === '**' ? ['**', undefined] : null);
    if (multi) {
      for (let k = s.length; k >= j; k--) {
        if (walk(i + 1, k)) {
          if (multi[1] !== undefined) params[multi[1]] = s.slice(j, k).join('/');
          return true;
        }
      }
      return false;
    }
    if (j >= s.length) return false;
    const single = /^\{([^}=]+)(?:=\*)?\}$/.exec(seg);
    if (single && single[1] !== undefined) {
      if (!walk(i + 1, j + 1)) return false;
      params[single[1]] = s[j] ?? '';
      return true;
    }
    if (seg !== '*' && seg !== s[j]) return false;
    return walk(i + 1, j + 1);
  };
  return walk(0, 0) ? params : null;
}

/** Whether a trigger fires for a change in a database (`(default)` etc.). */
export function fires(def: TriggerDef, database: string, change: DocChange): boolean {
  const kind = changeKind(change);
  if (!kind || def.database !== database) return false;
  const base = def.eventType.endsWith(AUTH_SUFFIX) ? def.eventType.slice(0, -AUTH_SUFFIX.length) : def.eventType;
  if (base !== `${EVENT_PREFIX}${kind}` && base !== `${EVENT_PREFIX}written`) return false;
  return def.matchType === 'EXACT' ? def.document === change.path : matchDocumentPattern(def.document, change.path) !== null;
}

export interface EventContext {
  id: string;
  project: string;
  database: string;
  commitTime: number;
  origin?: { authType: string; authId?: string };
}

function documentJson(root: string, doc: Doc): Json {
  return {
    name: documentName(root, doc.path),
    fields: fieldsToJson(doc.fields),
    createTime: timestampToIso(microsToTimestamp(doc.createTime)),
    updateTime: timestampToIso(microsToTimestamp(doc.updateTime)),
  };
}

/** The structured CloudEvent (JSON, `application/cloudevents+json`) for one trigger and change. */
export function cloudEvent(def: TriggerDef, change: DocChange, ctx: EventContext): { [key: string]: Json } {
  const root = `projects/${ctx.project}/databases/${ctx.database}`;
  const data: { [key: string]: Json } = {};
  if (change.after) data['value'] = documentJson(root, change.after);
  if (change.before) data['oldValue'] = documentJson(root, change.before);
  return {
    specversion: '1.0',
    id: ctx.id,
    source: `//firestore.googleapis.com/${root}`,
    type: def.eventType,
    subject: `documents/${change.path}`,
    time: timestampToIso(microsToTimestamp(ctx.commitTime)),
    datacontenttype: 'application/json',
    project: ctx.project,
    database: ctx.database,
    namespace: '(default)',
    document: change.path,
    ...(def.eventType.endsWith(AUTH_SUFFIX) ? { authtype: ctx.origin?.authType ?? 'unknown', ...(ctx.origin?.authId ? { authid: ctx.origin.authId } : {}) } : {}),
    data,
  };
}

// Names and paths: resource names (`projects/{p}/databases/{d}/documents/...`), document and
// collection paths relative to a database, and field paths (dotted, back-ticked segments) with the
// copy-on-write reads and updates of document fields built on them.

import { invalidArgument } from './errors';
import { type Fields, type Value, getOwn } from './values';

/** `projects/{p}/databases/{d}` */
export type DatabaseRoot = string;

export interface ResourceName {
  root: DatabaseRoot;
  project: string;
  database: string;
  /** Relative path under `documents`: '' for the root, else slash-separated segments. */
  path: string;
}

const ROOT = /^projects\/([^/]+)\/databases\/([^/]+)$/;

export function parseDatabaseRoot(name: string): { root: DatabaseRoot; project: string; database: string } {
  const m = ROOT.exec(name);
  if (!m || m[1] === undefined || m[2] === undefined) throw invalidArgument(`Invalid database name: ${name}`);
  return { root: name, project: m[1], database: m[2] };
}

/** Firestore's limit on a document or collection id, in UTF-8 bytes. */
export const MAX_ID_BYTES = 1500;
const RESERVED_ID = /^__.*__$/;
/** Numeric ids of entities imported from Datastore (and the SDKs' recursive-delete bounds). */
const NUMERIC_ID = /^__id-?\d+__$/;

/**
 * Checks one id of a path: never `.` or `..`, at most 1500 bytes, and not reserved (`__.*__`, except
 * the numeric document ids `__id123__`). INVALID_ARGUMENT otherwise.
 */
export function checkId(id: string, kind: 'document' | 'collection'): void {
  const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
  if (id === '') throw invalidArgument('A resource id cannot be empty.');
  if (id === '.' || id === '..') throw invalidArgument(`Resource id "${id}" is invalid: an id cannot be "." or "..".`);
  if (Buffer.byteLength(id, 'utf8') > MAX_ID_BYTES) throw invalidArgument(`Resource id "${shown}" is invalid: an id cannot be longer than ${MAX_ID_BYTES} bytes.`);
  if (RESERVED_ID.test(id) && !(kind === 'document' && NUMERIC_ID.test(id))) throw invalidArgument(`Resource id "${shown}" is invalid because it is reserved.`);
}

/** Checks every id of a relative path (collection ids at even positions, document ids at odd ones). */
export function checkPathIds(path: string): void {
  if (path === '') return;
  path.split('/').forEach((id, i) => checkId(id, i % 2 === 0 ? 'collection' : 'document'));
}

/** Parses `projects/p/databases/d/documents[/path]`, checking every id of the path. */
export function parseResourceName(name: string): ResourceName {
  const at = name.indexOf('/documents');
  if (at < 0) throw invalidArgument(`Invalid resource name: ${name}`);
  const db = parseDatabaseRoot(name.slice(0, at));
  const rest = name.slice(at + '/documents'.length);
  if (rest !== '' && !rest.startsWith('/')) throw invalidArgument(`Invalid resource name: ${name}`);
  const path = rest.slice(1);
  if (path !== '' && path.split('/').some((s) => s === '')) throw invalidArgument(`Invalid resource name: ${name}`);
  checkPathIds(path);
  return { ...db, path };
}

export function segmentCount(path: string): number {
  return path === '' ? 0 : path.split('/').length;
}

export function isDocumentPath(path: string): boolean {
  const n = segmentCount(path);
  return n > 0 && n % 2 === 0;
}

export function isCollectionPath(path: string): boolean {
  return segmentCount(path) % 2 === 1;
}

/** A document's resource name from its relative path. */
export function documentName(root: DatabaseRoot, path: string): string {
  return path === '' ? `${root}/documents` : `${root}/documents/${path}`;
}

/** Parses a document resource name and checks it belongs to `root`. */
export function documentPathOf(root: DatabaseRoot, name: string): string {
  const r = parseResourceName(name);
  if (r.root !== root) throw invalidArgument(`Document ${name} is not in database ${root}`);
  if (!isDocumentPath(r.path)) throw invalidArgument(`Invalid document name: ${name}`);
  return r.path;
}

/** The collection path holding a document path. */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The id of the collection holding a document path. */
export function collectionIdOf(docPath: string): string {
  return lastSegment(parentPath(docPath));
}

// ---- Field paths ----

export type FieldPath = readonly string[];

export const NAME_FIELD = '__name__';

const SIMPLE = /^[A-Za-z_][A-Za-z_0-9]*$/;

/** Parses `a.b.\`c.d\`` into segments. */
export function parseFieldPath(text: string): FieldPath {
  const segments: string[] = [];
  let i = 0;
  while (i <= text.length) {
    let segment = '';
    if (text[i] === '`') {
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text[i];
        if (c === '\\') {
          segment += text[i + 1] ?? '';
          i += 2;
        } else if (c === '`') {
          closed = true;
          i++;
          break;
        } else {
          segment += c;
          i++;
        }
      }
      if (!closed) throw invalidArgument(`Invalid field path: ${text}`);
      if (i < text.length && text[i] !== '.') throw invalidArgument(`Invalid field path: ${text}`);
    } else {
      const end = text.indexOf('.', i);
      segment = text.slice(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    }
    if (segment === '') throw invalidArgument(`Invalid field path: ${text}`);
    segments.push(segment);
    if (i >= text.length) break;
    i++;
    if (i === text.length) throw invalidArgument(`Invalid field path: ${text}`);
  }
  if (segments.length === 0) throw invalidArgument('Empty field path');
  return segments;
}

export function formatFieldPath(path: FieldPath): string {
  return path.map((s) => (SIMPLE.test(s) ? s : `\`${s.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``)).join('.');
}

export function isNameField(path: FieldPath): boolean {
  return path.length === 1 && path[0] === NAME_FIELD;
}

/** True when `prefix` equals `path` or is an ancestor of it. */
export function isPrefixOf(prefix: FieldPath, path: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}

export function getField(fields: Fields, path: FieldPath): Value | undefined {
  let current: Fields = fields;
  for (let i = 0; i < path.length; i++) {
    const v = getOwn(current, path[i] ?? '');
    if (v === undefined) return undefined;
    if (i === path.length - 1) return v;
    if (!('mapValue' in v)) return undefined;
    current = v.mapValue.fields;
  }
  return undefined;
}

/** A copy of `fields` with `value` at `path`, creating (or replacing non-map values with) maps on the way. */
export function setField(fields: Fields, path: FieldPath, value: Value): Fields {
  const [head, ...rest] = path;
  if (head === undefined) return fields;
  const out: Fields = { ...fields };
  if (rest.length === 0) {
    out[head] = value;
    return out;
  }
  const child = getOwn(fields, head);
  const childFields = child !== undefined && 'mapValue' in child ? child.mapValue.fields : {};
  out[head] = { mapValue: { fields: setField(childFields, rest, value) } };
  return out;
}

/** A copy of `fields` without `path` (unchanged when absent). */
export function deleteField(fields: Fields, path: FieldPath): Fields {
  const [head, ...rest] = path;
  if (head === undefined) return fields;
  const child = getOwn(fields, head);
  if (child === undefined) return fields;
  const out: Fields = { ...fields };
  if (rest.length === 0) {
    delete out[head];
    return out;
  }
  if (!('mapValue' in child)) return fields;
  out[head] = { mapValue: { fields: deleteField(child.mapValue.fields, rest) } };
  return out;
}

/** Keeps only the given field paths (a projection); `__name__` selects no field. */
export function projectFields(fields: Fields, paths: readonly FieldPath[]): Fields {
  let out: Fields = {};
  for (const path of paths) {
    if (isNameField(path)) continue;
    const v = getField(fields, path);
    if (v !== undefined) out = setField(out, path, v);
  }
  return out;
}

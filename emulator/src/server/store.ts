// One database's documents in memory, indexed by path, by parent collection and by collection id
// (for collection-group queries), with the change feed that listeners and triggers subscribe to.
// Writers hand over a whole commit's changes at once; subscribers see each commit as one event.
// Versions a commit replaced or deleted are kept for an hour (at most MAX_VERSIONS of them), so
// reads at a past `readTime` within that window see the data as it was.

import type { Doc, DocChange } from './document';
import { Code, FirestoreError } from './errors';
import { type DatabaseRoot, collectionIdOf, parentPath } from './paths';
import { type Query, queryCollectionPath } from './query';
import { comparePaths } from './values';

export interface CommitEvent {
  readonly root: DatabaseRoot;
  readonly commitTime: number;
  readonly changes: readonly DocChange[];
  /** Who wrote, for CloudEvents that carry the auth context. */
  readonly origin?: { authType: string; authId?: string };
  /** Set for deletions done by clearing the database: triggers do not fire for those. */
  readonly silent?: boolean;
}

export type CommitListener = (event: CommitEvent) => void;

/** What a read sees: the current data or the data at a past time. */
export interface ReadView {
  get(path: string): Doc | null;
  /** The documents a query can return, before its filters (a superset of its scope). */
  candidates(q: Query): Iterable<Doc>;
}

/** How long replaced versions are kept for reads at a past time: one hour, as Firestore allows. */
export const VERSION_RETENTION_MICROS = 3_600_000_000;
/** At most this many replaced versions are kept per database; older ones go first. */
export const MAX_VERSIONS = 100_000;

/** A document version that stopped being current at `until` (when it was replaced or deleted). */
interface Version {
  readonly until: number;
  readonly doc: Doc;
}

function addToIndex(index: Map<string, Set<string>>, key: string, path: string): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(path);
}

function removeFromIndex(index: Map<string, Set<string>>, key: string, path: string): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(path);
  if (set.size === 0) index.delete(key);
}

export class Database {
  private readonly docs = new Map<string, Doc>();
  private readonly byParent = new Map<string, Set<string>>();
  private readonly byCollectionId = new Map<string, Set<string>>();
  private readonly listeners = new Set<CommitListener>();
  /** Replaced versions by path, oldest first. */
  private readonly versions = new Map<string, Version[]>();
  /** Every kept version's path in the order they were replaced, for pruning oldest first. */
  private versionOrder: string[] = [];
  private versionHead = 0;
  /** Reads at a time before this cannot be answered (versions pruned, or the data was cleared). */
  private historyStart = 0;

  constructor(
    readonly root: DatabaseRoot,
    readonly project: string,
    readonly database: string,
  ) {}

  get size(): number {
    return this.docs.size;
  }

  get(path: string): Doc | null {
    return this.docs.get(path) ?? null;
  }

  /** Documents directly in a collection. */
  *inCollection(collectionPath: string): Iterable<Doc> {
    for (const path of this.byParent.get(collectionPath) ?? []) {
      const doc = this.docs.get(path);
      if (doc) yield doc;
    }
  }

  /** Documents of every collection with this id, anywhere. */
  *inCollectionGroup(collectionId: string): Iterable<Doc> {
    for (const path of this.byCollectionId.get(collectionId) ?? []) {
      const doc = this.docs.get(path);
      if (doc) yield doc;
    }
  }

  all(): Iterable<Doc> {
    return this.docs.values();
  }

  /** The documents a query can return, before its filters: its collection, group, or everything. */
  candidates(q: Query): Iterable<Doc> {
    if (!q.allDescendants) return this.inCollection(queryCollectionPath(q));
    return q.collectionId === '' ? this.all() : this.inCollectionGroup(q.collectionId);
  }

  /**
   * Ids of the collections directly under a document path ('' for the root), including collections
   * that hold only deeper descendants. Sorted.
   */
  collectionIds(parent: string): string[] {
    const prefix = parent === '' ? '' : `${parent}/`;
    const ids = new Set<string>();
    for (const collection of this.byParent.keys()) {
      if (!collection.startsWith(prefix)) continue;
      const id = collection.slice(prefix.length).split('/')[0];
      if (id) ids.add(id);
    }
    return [...ids].sort(comparePaths);
  }

  /**
   * Paths of documents in a collection that do not exist but have descendants ("missing" documents
   * in ListDocuments with show_missing).
   */
  missingDocuments(collectionPath: string): string[] {
    const prefix = `${collectionPath}/`;
    const out = new Set<string>();
    for (const collection of this.byParent.keys()) {
      if (!collection.startsWith(prefix)) continue;
      const id = collection.slice(prefix.length).split('/')[0];
      const path = `${prefix}${id}`;
      if (id && !this.docs.has(path)) out.add(path);
    }
    return [...out];
  }

  /** Applies a commit's changes (already computed) and tells subscribers. No-op changes are dropped. */
  apply(commitTime: number, changes: readonly DocChange[], origin?: CommitEvent['origin'], silent = false): CommitEvent {
    const effective = changes.filter((c) => c.before !== c.after);
    for (const c of effective) {
      if (c.before) this.keepVersion(c.path, { until: commitTime, doc: c.before });
      if (c.after) {
        if (!this.docs.has(c.path)) {
          addToIndex(this.byParent, parentPath(c.path), c.path);
          addToIndex(this.byCollectionId, collectionIdOf(c.path), c.path);
        }
        this.docs.set(c.path, c.after);
      } else {
        this.docs.delete(c.path);
        removeFromIndex(this.byParent, parentPath(c.path), c.path);
        removeFromIndex(this.byCollectionId, collectionIdOf(c.path), c.path);
      }
    }
    this.pruneVersions(commitTime - VERSION_RETENTION_MICROS);
    const event: CommitEvent = { root: this.root, commitTime, changes: effective, ...(origin ? { origin } : {}), ...(silent ? { silent } : {}) };
    if (effective.length > 0) for (const listener of this.listeners) listener(event);
    return event;
  }

  /**
   * Deletes every document (emulator "clear data"); subscribers see the deletions, triggers do not
   * fire. The kept versions go too: reads before the clear are no longer answered.
   */
  clear(commitTime: number): void {
    const changes: DocChange[] = [...this.docs.values()].map((doc) => ({ path: doc.path, before: doc, after: null }));
    this.apply(commitTime, changes, undefined, true);
    this.versions.clear();
    this.versionOrder = [];
    this.versionHead = 0;
    this.historyStart = commitTime;
  }

  /**
   * The data as it was at `readTime` (microseconds), for reads with a past read time. `now` is the
   * current time: reads older than the retention window, or than versions pruned or cleared, fail
   * with FAILED_PRECONDITION.
   */
  at(readTime: number, now: number): ReadView {
    if (readTime < Math.max(this.historyStart, now - VERSION_RETENTION_MICROS)) {
      throw new FirestoreError(
        Code.FAILED_PRECONDITION,
        'The requested readTime is older than this emulator keeps document versions (the last hour, since the data was last cleared).',
      );
    }
    const get = (path: string): Doc | null => this.versionAt(path, readTime);
    const candidates = (q: Query): Iterable<Doc> => this.candidatesAt(q, readTime);
    return { get, candidates };
  }

  private versionAt(path: string, readTime: number): Doc | null {
    // The first version replaced after readTime was current then; with none, the current document.
    // A version (or current document) written after readTime was created after it: nothing then.
    const replaced = this.versions.get(path)?.find((v) => v.until > readTime);
    const doc = replaced ? replaced.doc : (this.docs.get(path) ?? null);
    return doc && doc.updateTime <= readTime ? doc : null;
  }

  private *candidatesAt(q: Query, readTime: number): Iterable<Doc> {
    for (const doc of this.candidates(q)) {
      const then = this.versionAt(doc.path, readTime);
      if (then) yield then;
    }
    // Documents deleted since: only their kept versions remember them.
    for (const path of this.versions.keys()) {
      if (this.docs.has(path)) continue;
      const then = this.versionAt(path, readTime);
      if (then) yield then;
    }
  }

  private keepVersion(path: string, version: Version): void {
    let list = this.versions.get(path);
    if (!list) this.versions.set(path, (list = []));
    list.push(version);
    this.versionOrder.push(path);
  }

  /** Drops versions replaced before `cutoff`, and the oldest beyond MAX_VERSIONS. */
  private pruneVersions(cutoff: number): void {
    while (this.versionHead < this.versionOrder.length) {
      const path = this.versionOrder[this.versionHead] ?? '';
      const list = this.versions.get(path);
      const oldest = list?.[0];
      const excess = this.versionOrder.length - this.versionHead > MAX_VERSIONS;
      if (oldest && oldest.until >= cutoff && !excess) break;
      this.versionHead++;
      if (!list || !oldest) continue;
      list.shift();
      if (list.length === 0) this.versions.delete(path);
      // Reads before a version pruned early (over the count limit) can no longer be answered.
      if (excess) this.historyStart = Math.max(this.historyStart, oldest.until);
    }
    if (this.versionHead > 1024 && this.versionHead * 2 > this.versionOrder.length) {
      this.versionOrder = this.versionOrder.slice(this.versionHead);
      this.versionHead = 0;
    }
  }

  subscribe(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

// One database's documents in memory, indexed by path, by parent collection and by collection id
// (for collection-group queries), with the change feed that listeners and triggers subscribe to.
// Writers hand over a whole commit's changes at once; subscribers see each commit as one event.

import type { Doc, DocChange } from './document';
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
    const event: CommitEvent = { root: this.root, commitTime, changes: effective, ...(origin ? { origin } : {}), ...(silent ? { silent } : {}) };
    if (effective.length > 0) for (const listener of this.listeners) listener(event);
    return event;
  }

  /** Deletes every document (emulator "clear data"); subscribers see the deletions, triggers do not fire. */
  clear(commitTime: number): void {
    const changes: DocChange[] = [...this.docs.values()].map((doc) => ({ path: doc.path, before: doc, after: null }));
    this.apply(commitTime, changes, undefined, true);
  }

  subscribe(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

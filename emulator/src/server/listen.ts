// One Listen stream: many targets (queries or document lists) on one database, each answered with
// ADD, RESET, its matching documents, CURRENT and a global snapshot; then, after every commit, the
// changes, removals and deletions for every target followed by one global snapshot (NO_CHANGE with
// a read time). Resume tokens encode a commit time; a resumed target is reset and resent whole,
// which the SDK reconciles. A target the rules deny is removed with PERMISSION_DENIED as its cause.

import type { Backend } from './backend';
import type { Principal } from './auth';
import type { Doc } from './document';
import { FirestoreError, asFirestoreError, invalidArgument } from './errors';
import { type DatabaseRoot, documentName, documentPathOf, parseDatabaseRoot } from './paths';
import type { ListenRequest, WireTarget } from './proto';
import { type Query, inScope, matchesQuery, runQuery } from './query';
import type { CommitEvent, Database } from './store';
import { type Timestamp, microsToTimestamp } from './values';
import { type WireDocumentOut, documentToWire, queryFromWire, queryParentFromWire } from './wire';

type ChangeType = 'NO_CHANGE' | 'ADD' | 'REMOVE' | 'CURRENT' | 'RESET';

export type ListenResponse =
  | { targetChange: { targetChangeType: ChangeType; targetIds: number[]; cause?: { code: number; message: string }; resumeToken?: Buffer; readTime?: Timestamp } }
  | { documentChange: { document: WireDocumentOut; targetIds: number[]; removedTargetIds: number[] } }
  | { documentDelete: { document: string; removedTargetIds: number[]; readTime: Timestamp } }
  | { documentRemove: { document: string; removedTargetIds: number[]; readTime: Timestamp } };

export interface ListenOutput {
  send(response: ListenResponse): void;
  fail(err: FirestoreError): void;
}

interface Target {
  id: number;
  /** Document paths of a documents target; undefined for a query target. */
  paths?: ReadonlySet<string>;
  query?: Query;
  /** Paths the client holds for this target, with the update time it was sent. */
  sent: Map<string, number>;
}

export function resumeToken(micros: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(micros));
  return b;
}

export class ListenSession {
  private root: DatabaseRoot | undefined;
  private db: Database | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly targets = new Map<number, Target>();
  private closed = false;

  constructor(
    private readonly backend: Backend,
    private readonly principal: Principal,
    private readonly out: ListenOutput,
  ) {}

  /** Handles one request completely (synchronously), so responses keep the order of requests. */
  handle(request: ListenRequest): void {
    if (this.closed) return;
    try {
      const db = this.bind(request.database ?? '');
      if (request.addTarget) this.addTarget(db, request.addTarget);
      else if (request.removeTarget !== undefined) this.removeTarget(request.removeTarget);
    } catch (err) {
      this.out.fail(asFirestoreError(err));
      this.close();
    }
  }

  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.targets.clear();
  }

  private bind(database: string): Database {
    if (this.db) {
      if (database !== '' && database !== this.root) throw invalidArgument('A Listen stream serves one database.');
      return this.db;
    }
    const { root } = parseDatabaseRoot(database);
    this.root = root;
    this.db = this.backend.database(root);
    this.unsubscribe = this.db.subscribe((event) => this.onCommit(event));
    return this.db;
  }

  private removeTarget(id: number): void {
    this.targets.delete(id);
    this.out.send({ targetChange: { targetChangeType: 'REMOVE', targetIds: [id] } });
  }

  private reject(id: number, err: FirestoreError): void {
    this.out.send({ targetChange: { targetChangeType: 'REMOVE', targetIds: [id], cause: { code: err.code, message: err.message } } });
  }

  private addTarget(db: Database, wire: WireTarget): void {
    const id = wire.targetId ?? 0;
    if (this.targets.has(id)) throw invalidArgument(`Target id ${id} is already in use on this stream.`);
    let target: Target;
    try {
      target = this.parseTarget(db.root, id, wire);
      const time = this.backend.clock.now();
      if (target.query) this.backend.authorizeQuery(this.principal, db, target.query, time);
      else this.backend.authorizeReads(this.principal, db, [...(target.paths ?? [])], time);
    } catch (err) {
      this.reject(id, asFirestoreError(err));
      return;
    }
    this.targets.set(id, target);
    this.out.send({ targetChange: { targetChangeType: 'ADD', targetIds: [id] } });
    this.out.send({ targetChange: { targetChangeType: 'RESET', targetIds: [id] } });
    for (const doc of this.results(db, target)) {
      target.sent.set(doc.path, doc.updateTime);
      this.out.send({ documentChange: { document: documentToWire(db.root, doc), targetIds: [id], removedTargetIds: [] } });
    }
    const readTime = this.backend.clock.now();
    this.out.send({ targetChange: { targetChangeType: 'CURRENT', targetIds: [id], resumeToken: resumeToken(readTime) } });
    this.snapshot(readTime);
    if (wire.once) this.removeTarget(id);
  }

  private parseTarget(root: DatabaseRoot, id: number, wire: WireTarget): Target {
    if (wire.query) {
      const parent = queryParentFromWire(root, wire.query.parent ?? '');
      if (!wire.query.structuredQuery) throw invalidArgument('A query target needs a structured query.');
      return { id, query: queryFromWire(root, parent, wire.query.structuredQuery), sent: new Map() };
    }
    if (wire.documents) {
      const paths = new Set((wire.documents.documents ?? []).map((name) => documentPathOf(root, name)));
      return { id, paths, sent: new Map() };
    }
    throw invalidArgument('A target needs a query or documents.');
  }

  private results(db: Database, target: Target): Doc[] {
    if (target.query) {
      return runQuery(target.query, db.candidates(target.query));
    }
    return [...(target.paths ?? [])].map((p) => db.get(p)).filter((d): d is Doc => d !== null);
  }

  private snapshot(readTime: number): void {
    this.out.send({ targetChange: { targetChangeType: 'NO_CHANGE', targetIds: [], readTime: microsToTimestamp(readTime), resumeToken: resumeToken(readTime) } });
  }

  private onCommit(event: CommitEvent): void {
    const db = this.db;
    if (!db || this.closed) return;
    const readTime = microsToTimestamp(event.commitTime);
    let sent = false;
    const change = (target: Target, doc: Doc): void => {
      target.sent.set(doc.path, doc.updateTime);
      this.out.send({ documentChange: { document: documentToWire(db.root, doc), targetIds: [target.id], removedTargetIds: [] } });
      sent = true;
    };
    const drop = (target: Target, path: string, deleted: boolean): void => {
      target.sent.delete(path);
      const name = documentName(db.root, path);
      if (deleted) this.out.send({ documentDelete: { document: name, removedTargetIds: [target.id], readTime } });
      else this.out.send({ documentRemove: { document: name, removedTargetIds: [target.id], readTime } });
      sent = true;
    };
    for (const target of this.targets.values()) {
      const q = target.query;
      if (!q) {
        for (const c of event.changes) {
          if (!target.paths?.has(c.path)) continue;
          if (c.after) change(target, c.after);
          else drop(target, c.path, true);
        }
      } else if (q.limit !== undefined || q.offset > 0) {
        if (!event.changes.some((c) => inScope(q, c.path))) continue;
        const now = this.results(db, target);
        const keep = new Set(now.map((d) => d.path));
        for (const path of [...target.sent.keys()]) if (!keep.has(path)) drop(target, path, db.get(path) === null);
        for (const doc of now) if (target.sent.get(doc.path) !== doc.updateTime) change(target, doc);
      } else {
        for (const c of event.changes) {
          if (!inScope(q, c.path)) continue;
          if (c.after && matchesQuery(q, c.after)) change(target, c.after);
          else if (target.sent.has(c.path)) drop(target, c.path, c.after === null);
        }
      }
    }
    if (sent) this.snapshot(event.commitTime);
  }
}

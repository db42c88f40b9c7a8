// The emulator's core, free of any transport: databases per project, rules per project, reads with
// their consistency (plain, in a transaction, starting a transaction), atomic commits with rules
// checked against the pending state, transactions with locking and read validation, BatchWrite,
// ListDocuments and ListCollectionIds. gRPC and REST handlers only translate to and from this.

import { aggregate, type Aggregation } from './aggregate';
import {
  ALLOW_ALL,
  type AccessRequest,
  type Authorizer,
  type AuthorizerFactory,
  type DataSource,
  type Principal,
  authOf,
  permissionDenied,
} from './auth';
import { Clock } from './clock';
import type { Doc, DocChange } from './document';
import { Code, FirestoreError, aborted, invalidArgument } from './errors';
import { type DatabaseRoot, documentName, parseDatabaseRoot } from './paths';
import { type Query, normalizeOrderBy, queryCollectionPath, runQuery } from './query';
import { type CommitEvent, type CommitListener, Database, type ReadView } from './store';
import { type Transaction, TransactionManager } from './transactions';
import { type Value, comparePaths } from './values';
import { type WriteOp, type WriteResult, applyWrite } from './writes';

export type Consistency =
  | { kind: 'current' }
  /** A read at a past time (microseconds): the data as it was then. */
  | { kind: 'readTime'; time: number }
  | { kind: 'transaction'; id: Uint8Array }
  /** `readTime` only with `readOnly`: every read of the transaction sees the data at that time. */
  | { kind: 'new'; readOnly: boolean; retryOf?: Uint8Array; readTime?: number };

export interface ReadResult<T> {
  value: T;
  /** Set when the read started a transaction. */
  transaction?: Buffer;
  readTime: number;
}

export interface CommitResult {
  commitTime: number;
  results: WriteResult[];
}

export interface BackendOptions {
  clock?: Clock;
  /** Compiles rules sources; without it no rules can be loaded and every request is allowed. */
  compileRules?: AuthorizerFactory;
  /** A transaction holding locks others wait for is aborted after this long idle. */
  transactionIdleMs?: number;
}

export type ListedDocument = { path: string; doc: Doc | null };

/** How far ahead of the emulator's clock a requested read time may be (clocks of other processes). */
const MAX_READ_TIME_AHEAD_MICROS = 60_000_000;

export const STALE_READ_MESSAGE = 'Transaction aborted: a document it read was changed by another write before it committed.';

export class Backend {
  readonly clock: Clock;
  readonly transactions: TransactionManager;
  private readonly compileRules: AuthorizerFactory | undefined;
  private readonly databases = new Map<DatabaseRoot, Database>();
  private readonly projectRules = new Map<string, Authorizer>();
  private defaultRules: Authorizer = ALLOW_ALL;
  private readonly commitListeners = new Set<CommitListener>();

  constructor(options: BackendOptions = {}) {
    this.clock = options.clock ?? new Clock();
    this.transactions = new TransactionManager(options.transactionIdleMs);
    this.compileRules = options.compileRules;
  }

  // ---- databases, rules, listeners ----

  database(root: DatabaseRoot): Database {
    let db = this.databases.get(root);
    if (!db) {
      const { project, database } = parseDatabaseRoot(root);
      db = new Database(root, project, database);
      db.subscribe((event) => {
        for (const listener of this.commitListeners) listener(event);
      });
      this.databases.set(root, db);
    }
    return db;
  }

  allDatabases(): Database[] {
    return [...this.databases.values()];
  }

  /** Every commit on every database. */
  onCommit(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /** Compiles and installs rules for one project; INVALID_ARGUMENT with the parser's message on errors. */
  setProjectRules(project: string, source: string, fileName = 'firestore.rules'): void {
    this.projectRules.set(project, this.compile(source, fileName));
  }

  /** Rules for every project that has not loaded its own (the --rules file). Undefined allows all. */
  setDefaultRules(source: string | undefined, fileName = 'firestore.rules'): void {
    this.defaultRules = source === undefined ? ALLOW_ALL : this.compile(source, fileName);
  }

  private compile(source: string, fileName: string): Authorizer {
    if (!this.compileRules) throw new FirestoreError(Code.FAILED_PRECONDITION, 'This emulator was started without a rules engine.');
    try {
      return this.compileRules(source, fileName);
    } catch (err) {
      throw invalidArgument(err instanceof Error ? err.message : String(err));
    }
  }

  authorizerFor(project: string): Authorizer {
    return this.projectRules.get(project) ?? this.defaultRules;
  }

  /** Deletes every document of a database; open transactions on it are aborted. */
  clear(root: DatabaseRoot): void {
    this.transactions.abortAll(root, 'The database was cleared.');
    this.database(root).clear(this.clock.tick());
  }

  close(): void {
    this.transactions.close();
  }

  // ---- reads ----

  private openRead(root: DatabaseRoot, consistency: Consistency): { tx?: Transaction; started: boolean } {
    if (consistency.kind === 'transaction') return { tx: this.transactions.get(root, consistency.id), started: false };
    if (consistency.kind === 'new') {
      const readTime = consistency.readOnly && consistency.readTime !== undefined ? this.checkReadTime(consistency.readTime) : undefined;
      const tx = this.transactions.begin(root, {
        readOnly: consistency.readOnly,
        ...(consistency.retryOf ? { retryOf: consistency.retryOf } : {}),
        ...(readTime !== undefined ? { readTime } : {}),
      });
      return { tx, started: true };
    }
    return { started: false };
  }

  /**
   * A requested read time, checked: a time slightly ahead of the emulator's clock (another clock on
   * the same machine) moves the clock there, so later commits come after it and the read is stable.
   */
  private checkReadTime(micros: number): number {
    if (micros > this.clock.now() + MAX_READ_TIME_AHEAD_MICROS) throw invalidArgument('The requested readTime is in the future.');
    this.clock.advanceTo(micros);
    return micros;
  }

  /** The data a read sees: the current data, or the data at the read time it asked for. */
  private viewFor(db: Database, consistency: Consistency, tx: Transaction | undefined): { view: ReadView; readTime?: number } {
    const requested = consistency.kind === 'readTime' ? this.checkReadTime(consistency.time) : tx?.readTime;
    if (requested === undefined) return { view: db };
    return { view: db.at(requested, this.clock.now()), readTime: requested };
  }

  authorizeReads(principal: Principal, db: Database, paths: readonly string[], time: number, view: ReadView = db): void {
    if (principal.kind === 'owner') return;
    const authorizer = this.authorizerFor(db.project);
    const data = viewData(view);
    for (const path of paths) {
      const request: AccessRequest = {
        method: 'get',
        project: db.project,
        database: db.database,
        path,
        auth: authOf(principal),
        resource: view.get(path),
        requestResource: null,
        time,
        writeCount: 0,
      };
      const decision = authorizer.authorizeGet(request, data);
      if (!decision.allowed) throw permissionDenied(decision);
    }
  }

  authorizeQuery(principal: Principal, db: Database, query: Query, time: number, view: ReadView = db): void {
    if (principal.kind === 'owner') return;
    const decision = this.authorizerFor(db.project).authorizeQuery(
      {
        method: 'list',
        project: db.project,
        database: db.database,
        path: queryCollectionPath(query),
        ...(query.allDescendants ? { collectionGroup: query.collectionId } : {}),
        query,
        auth: authOf(principal),
        time,
      },
      viewData(view),
    );
    if (!decision.allowed) throw permissionDenied(decision);
  }

  /**
   * Runs a read that may start a transaction. If it fails, a transaction it started ends with it:
   * the client never learned its id, so nobody else could roll it back.
   */
  private async read<T>(
    root: DatabaseRoot,
    consistency: Consistency,
    work: (tx: Transaction | undefined, view: ReadView) => Promise<T>,
  ): Promise<ReadResult<T>> {
    const { tx, started } = this.openRead(root, consistency);
    try {
      const at = this.viewFor(this.database(root), consistency, tx);
      const value = await work(tx, at.view);
      return { value, readTime: at.readTime ?? this.clock.now(), ...(started && tx ? { transaction: tx.bytes } : {}) };
    } catch (err) {
      if (started && tx) this.transactions.finish(tx);
      throw err;
    }
  }

  /** Reads documents by path (null where missing), in the given order. */
  async getDocuments(principal: Principal, root: DatabaseRoot, paths: readonly string[], consistency: Consistency): Promise<ReadResult<(Doc | null)[]>> {
    const db = this.database(root);
    return this.read(root, consistency, async (tx, view) => {
      if (tx) await this.transactions.lock(tx, paths.map((p) => documentName(root, p)));
      this.authorizeReads(principal, db, paths, this.clock.now(), view);
      const docs = paths.map((p) => view.get(p));
      if (tx) paths.forEach((p, i) => tx.reads.set(p, docs[i]?.updateTime ?? 0));
      return docs;
    });
  }

  /** Runs a query (offset and limit applied, projection left to the caller). */
  async runQuery(principal: Principal, root: DatabaseRoot, query: Query, consistency: Consistency): Promise<ReadResult<Doc[]>> {
    const db = this.database(root);
    return this.read(root, consistency, async (tx, view) => {
      this.authorizeQuery(principal, db, query, this.clock.now(), view);
      const docs = runQuery(query, view.candidates(query));
      if (!tx || tx.readOnly) return docs;
      await this.transactions.lock(tx, docs.map((d) => documentName(root, d.path)));
      const locked = runQuery(query, db.candidates(query));
      const signature = resultSignature(locked);
      tx.queryChecks.push(() => resultSignature(runQuery(query, db.candidates(query))) === signature);
      for (const d of locked) tx.reads.set(d.path, d.updateTime);
      return locked;
    });
  }

  async runAggregation(
    principal: Principal,
    root: DatabaseRoot,
    query: Query,
    aggregations: readonly Aggregation[],
    consistency: Consistency,
  ): Promise<ReadResult<Record<string, Value>>> {
    const read = await this.runQuery(principal, root, query, consistency);
    return { ...read, value: aggregate(read.value, aggregations) };
  }

  // ---- transactions ----

  beginTransaction(root: DatabaseRoot, options: { readOnly: boolean; retryOf?: Uint8Array; readTime?: number }): Buffer {
    const db = this.database(root);
    const { readTime, ...rest } = options;
    if (readTime === undefined || !options.readOnly) return this.transactions.begin(root, rest).bytes;
    const checked = this.checkReadTime(readTime);
    db.at(checked, this.clock.now());
    return this.transactions.begin(root, { ...rest, readTime: checked }).bytes;
  }

  /** Ends a transaction without writing; unknown or already ended transactions are fine. */
  rollback(root: DatabaseRoot, id: Uint8Array): void {
    const tx = this.transactions.find(root, id);
    if (tx) this.transactions.finish(tx);
  }

  // ---- writes ----

  /** Applies writes atomically, inside a transaction when `transactionId` is given. */
  async commit(principal: Principal, root: DatabaseRoot, ops: readonly WriteOp[], transactionId?: Uint8Array): Promise<CommitResult> {
    const db = this.database(root);
    const tx = transactionId && transactionId.length > 0 ? this.transactions.get(root, transactionId) : undefined;
    try {
      if (tx) {
        if (tx.readOnly && ops.length > 0) throw invalidArgument('Cannot write in a read-only transaction.');
        await this.transactions.lock(tx, ops.map((op) => documentName(root, op.path)));
        this.transactions.startApplying(tx);
      }
      // From here on nothing awaits: validation, rules and apply see one state, so the commit is atomic.
      if (tx) validateReads(db, tx);
      const commitTime = this.clock.tick();
      const { changes, results, pending } = applyOps(db, ops, commitTime);
      this.checkWrites(principal, db, ops, pending, commitTime);
      db.apply(commitTime, changes, originOf(principal));
      return { commitTime, results };
    } finally {
      if (tx) this.transactions.finish(tx);
    }
  }

  private checkWrites(principal: Principal, db: Database, ops: readonly WriteOp[], pending: ReadonlyMap<string, Doc | null>, time: number): void {
    if (principal.kind === 'owner') return;
    const data: DataSource = {
      get: (path) => db.get(path),
      getAfter: (path) => (pending.has(path) ? (pending.get(path) ?? null) : db.get(path)),
    };
    const written = new Set(ops.filter((op) => op.kind !== 'verify').map((op) => op.path));
    const requests = [...written].map((path): AccessRequest => {
      const before = db.get(path);
      const after = pending.get(path) ?? null;
      return {
        method: after === null ? 'delete' : before === null ? 'create' : 'update',
        project: db.project,
        database: db.database,
        path,
        auth: authOf(principal),
        resource: before,
        requestResource: after,
        time,
        writeCount: ops.length,
      };
    });
    if (requests.length === 0) return;
    const decision = this.authorizerFor(db.project).authorizeWrites(requests, data);
    if (!decision.allowed) throw permissionDenied(decision);
  }

  /** Applies each write on its own (not atomically); one outcome per write. Each document at most once. */
  async batchWrite(principal: Principal, root: DatabaseRoot, ops: readonly WriteOp[]): Promise<(CommitResult | FirestoreError)[]> {
    const paths = new Set<string>();
    for (const op of ops) {
      if (paths.has(op.path)) throw invalidArgument(`A BatchWrite cannot write to the same document twice: ${documentName(root, op.path)}`);
      paths.add(op.path);
    }
    return Promise.all(
      ops.map((op) =>
        this.commit(principal, root, [op]).catch((err: unknown) => (err instanceof FirestoreError ? err : new FirestoreError(Code.INTERNAL, String(err)))),
      ),
    );
  }

  // ---- listing ----

  /** Documents of a collection (or of every collection under `parent` when `collectionId` is ''), by name. */
  async listDocuments(
    principal: Principal,
    root: DatabaseRoot,
    parent: string,
    collectionId: string,
    options: { showMissing: boolean; pageSize: number; after?: string },
  ): Promise<{ documents: ListedDocument[]; nextPageToken: string }> {
    const db = this.database(root);
    if (collectionId !== '') {
      const query: Query = {
        root,
        parent,
        collectionId,
        allDescendants: false,
        explicitOrderBy: [],
        orderBy: normalizeOrderBy([], undefined),
        offset: 0,
      };
      this.authorizeQuery(principal, db, query, this.clock.now());
    } else if (principal.kind !== 'owner') {
      throw new FirestoreError(Code.PERMISSION_DENIED, 'Listing the documents of every collection requires admin access.');
    }
    const collections = collectionId !== '' ? [parent === '' ? collectionId : `${parent}/${collectionId}`] : db.collectionIds(parent).map((id) => (parent === '' ? id : `${parent}/${id}`));
    const listed: ListedDocument[] = [];
    for (const collection of collections) {
      for (const doc of db.inCollection(collection)) listed.push({ path: doc.path, doc });
      if (options.showMissing) for (const path of db.missingDocuments(collection)) listed.push({ path, doc: null });
    }
    listed.sort((a, b) => comparePaths(a.path, b.path));
    const start = options.after === undefined ? 0 : listed.findIndex((d) => comparePaths(d.path, options.after ?? '') > 0);
    const from = start < 0 ? listed.length : start;
    const page = options.pageSize > 0 ? listed.slice(from, from + options.pageSize) : listed.slice(from);
    const last = page[page.length - 1];
    const more = options.pageSize > 0 && from + options.pageSize < listed.length;
    return { documents: page, nextPageToken: more && last ? Buffer.from(last.path).toString('base64url') : '' };
  }

  listCollectionIds(principal: Principal, root: DatabaseRoot, parent: string, options: { pageSize: number; after?: string }): { ids: string[]; nextPageToken: string } {
    if (principal.kind !== 'owner') throw new FirestoreError(Code.PERMISSION_DENIED, 'Listing collection ids requires admin access.');
    const all = this.database(root).collectionIds(parent);
    const from = options.after === undefined ? 0 : all.filter((id) => comparePaths(id, options.after ?? '') <= 0).length;
    const ids = options.pageSize > 0 ? all.slice(from, from + options.pageSize) : all.slice(from);
    const more = options.pageSize > 0 && from + options.pageSize < all.length;
    const last = ids[ids.length - 1];
    return { ids, nextPageToken: more && last ? Buffer.from(last).toString('base64url') : '' };
  }
}

function viewData(view: ReadView): DataSource {
  return { get: (path) => view.get(path), getAfter: (path) => view.get(path) };
}

function resultSignature(docs: readonly Doc[]): string {
  return docs.map((d) => `${d.path}@${d.updateTime}`).join('\n');
}

function validateReads(db: Database, tx: Transaction): void {
  for (const [path, seen] of tx.reads) {
    if ((db.get(path)?.updateTime ?? 0) !== seen) throw aborted(STALE_READ_MESSAGE);
  }
  if (tx.queryChecks.some((check) => !check())) throw aborted(STALE_READ_MESSAGE);
}

/** Applies writes in order against the current state; throws on the first failed precondition. */
function applyOps(db: Database, ops: readonly WriteOp[], commitTime: number): { changes: DocChange[]; results: WriteResult[]; pending: Map<string, Doc | null> } {
  const pending = new Map<string, Doc | null>();
  const results: WriteResult[] = [];
  for (const op of ops) {
    const current = pending.has(op.path) ? (pending.get(op.path) ?? null) : db.get(op.path);
    const { after, result } = applyWrite(current, op, commitTime, documentName(db.root, op.path));
    pending.set(op.path, after);
    results.push(result);
  }
  const changes = [...pending].map(([path, after]) => ({ path, before: db.get(path), after }));
  return { changes, results, pending };
}

function originOf(principal: Principal): CommitEvent['origin'] {
  if (principal.kind === 'owner') return { authType: 'service_account' };
  if (principal.kind === 'user') return { authType: 'app_user', authId: principal.auth.uid };
  return { authType: 'unauthenticated' };
}

export function pageTokenToPath(token: string): string | undefined {
  return token === '' ? undefined : Buffer.from(token, 'base64url').toString('utf8');
}


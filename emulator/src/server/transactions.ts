// Transactions and their locks. A read-write transaction takes an exclusive lock on every document
// it reads or writes, held until it commits or rolls back, so concurrent transactions on the same
// documents run one after another instead of failing. A wait that would close a cycle aborts the
// youngest transaction of the cycle with ABORTED (the SDK retries it, keeping its age through
// `retry_transaction`). Non-transactional writes take no locks; a transaction whose reads they
// changed fails its commit with ABORTED (checked by the backend).

import { randomBytes } from 'node:crypto';
import { Code, FirestoreError, aborted } from './errors';
import type { DatabaseRoot } from './paths';

export const CONTENTION_MESSAGE =
  'Aborted due to cross-transaction contention. This occurs when multiple transactions attempt to access the same data, requiring Firestore to abort at least one in order to enforce serializability.';

type State = 'active' | 'applying' | 'finished' | 'aborted';

interface Waiter {
  tx: Transaction;
  key: string;
  resolve: () => void;
  reject: (err: FirestoreError) => void;
}

interface Lock {
  holder: Transaction;
  waiters: Waiter[];
}

export class Transaction {
  state: State = 'active';
  abortReason = '';
  /** Lock keys held. */
  readonly locks = new Set<string>();
  /** Update time seen for each document read (0 when it did not exist). */
  readonly reads = new Map<string, number>();
  /** Re-run at commit: false when a query read in the transaction would now return something else. */
  readonly queryChecks: (() => boolean)[] = [];
  lastActive = Date.now();
  waiting: Waiter | undefined;

  constructor(
    readonly id: string,
    readonly root: DatabaseRoot,
    readonly readOnly: boolean,
    readonly priority: number,
    /** A read-only transaction at a past time: its reads see the data as it was then. */
    readonly readTime?: number,
  ) {}

  get bytes(): Buffer {
    return Buffer.from(this.id, 'hex');
  }
}

export interface BeginOptions {
  readOnly: boolean;
  /** The transaction this one retries: the retry keeps its priority. */
  retryOf?: Uint8Array;
  /** Read-only transactions only: the time every read of the transaction sees. */
  readTime?: number;
}

const REMEMBERED_PRIORITIES = 10_000;
/** Open transactions beyond this count trigger a purge of abandoned ones. */
const PURGE_THRESHOLD = 256;
/** A transaction untouched this long is abandoned (Firestore expires transactions after 270 s). */
const ABANDONED_MS = 270_000;

export class TransactionManager {
  private readonly open = new Map<string, Transaction>();
  private readonly priorities = new Map<string, number>();
  private readonly locks = new Map<string, Lock>();
  private sequence = 0;
  private sweeper: NodeJS.Timeout | undefined;

  /** `idleMs`: a lock holder idle this long while others wait is aborted. */
  constructor(private readonly idleMs = 30_000) {}

  begin(root: DatabaseRoot, options: BeginOptions): Transaction {
    const retried = options.retryOf ? Buffer.from(options.retryOf).toString('hex') : undefined;
    const inherited = retried === undefined ? undefined : (this.open.get(retried)?.priority ?? this.priorities.get(retried));
    const tx = new Transaction(randomBytes(16).toString('hex'), root, options.readOnly, inherited ?? ++this.sequence, options.readOnly ? options.readTime : undefined);
    if (this.open.size >= PURGE_THRESHOLD) this.purgeAbandoned();
    this.open.set(tx.id, tx);
    return tx;
  }

  /** The open (possibly aborted) transaction with these bytes, if any. */
  find(root: DatabaseRoot, bytes: Uint8Array): Transaction | undefined {
    const tx = this.open.get(Buffer.from(bytes).toString('hex'));
    return tx && tx.root === root ? tx : undefined;
  }

  /** The open transaction with these bytes; ABORTED if it was aborted, INVALID_ARGUMENT if unknown. */
  get(root: DatabaseRoot, bytes: Uint8Array): Transaction {
    const tx = this.open.get(Buffer.from(bytes).toString('hex'));
    if (!tx || tx.root !== root) throw new FirestoreError(Code.INVALID_ARGUMENT, 'The transaction has expired or is no longer valid.');
    if (tx.state === 'aborted') throw aborted(tx.abortReason);
    tx.lastActive = Date.now();
    return tx;
  }

  /** Locks documents (full names) for a read-write transaction, in a fixed order. */
  async lock(tx: Transaction, keys: Iterable<string>): Promise<void> {
    if (tx.readOnly) return;
    for (const key of [...new Set(keys)].sort()) await this.acquire(tx, key);
    tx.lastActive = Date.now();
  }

  /** Marks a transaction as committing: it holds all it needs and can no longer be wounded. */
  startApplying(tx: Transaction): void {
    if (tx.state === 'aborted') throw aborted(tx.abortReason);
    tx.state = 'applying';
  }

  abort(tx: Transaction, reason: string): void {
    if (tx.state === 'finished' || tx.state === 'aborted') return;
    tx.state = 'aborted';
    tx.abortReason = reason;
    const w = tx.waiting;
    if (w) {
      tx.waiting = undefined;
      const lock = this.locks.get(w.key);
      if (lock) lock.waiters = lock.waiters.filter((x) => x !== w);
      w.reject(aborted(reason));
    }
    this.release(tx);
  }

  /** Ends a transaction (committed or rolled back) and frees its locks. */
  finish(tx: Transaction): void {
    if (tx.state !== 'aborted') tx.state = 'finished';
    this.release(tx);
    this.open.delete(tx.id);
    this.priorities.set(tx.id, tx.priority);
    if (this.priorities.size > REMEMBERED_PRIORITIES) {
      const oldest = this.priorities.keys().next();
      if (!oldest.done) this.priorities.delete(oldest.value);
    }
  }

  /** Aborts every open transaction on a database (used when its data is cleared). */
  abortAll(root: DatabaseRoot, reason: string): void {
    for (const tx of [...this.open.values()]) if (tx.root === root) this.abort(tx, reason);
  }

  get openCount(): number {
    return this.open.size;
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    for (const tx of [...this.open.values()]) this.abort(tx, 'The emulator is shutting down.');
  }

  /** Ends transactions a client left open without committing or rolling back. */
  private purgeAbandoned(): void {
    const cutoff = Date.now() - ABANDONED_MS;
    for (const tx of [...this.open.values()]) {
      if (tx.lastActive >= cutoff || tx.waiting) continue;
      this.abort(tx, 'The transaction has expired.');
      this.finish(tx);
    }
  }

  private async acquire(tx: Transaction, key: string): Promise<void> {
    for (;;) {
      if (tx.state === 'aborted') throw aborted(tx.abortReason);
      const lock = this.locks.get(key);
      if (!lock) {
        this.locks.set(key, { holder: tx, waiters: [] });
        tx.locks.add(key);
        return;
      }
      if (lock.holder === tx) return;
      const victim = this.deadlockVictim(tx, lock.holder);
      if (victim === tx) {
        this.abort(tx, CONTENTION_MESSAGE);
        continue;
      }
      const granted = this.enqueue(tx, lock, key);
      if (victim) this.abort(victim, CONTENTION_MESSAGE);
      await granted;
      tx.waiting = undefined;
    }
  }

  /**
   * If `tx` waiting for `holder` would close a cycle (holder waits, transitively, for `tx`), the
   * youngest transaction of the cycle: aborting it breaks the deadlock, and since a retry keeps its
   * age, every transaction eventually becomes the oldest and completes.
   */
  private deadlockVictim(tx: Transaction, holder: Transaction): Transaction | undefined {
    const cycle = [tx];
    let current: Transaction | undefined = holder;
    while (current && current !== tx) {
      if (cycle.includes(current)) return undefined;
      cycle.push(current);
      const waitingFor: string | undefined = current.waiting?.key;
      current = waitingFor === undefined ? undefined : this.locks.get(waitingFor)?.holder;
    }
    if (current !== tx) return undefined;
    return cycle.reduce((youngest, t) => (t.priority > youngest.priority ? t : youngest));
  }

  private enqueue(tx: Transaction, lock: Lock, key: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { tx, key, resolve, reject };
      lock.waiters.push(waiter);
      tx.waiting = waiter;
      this.startSweeper();
    });
  }

  private release(tx: Transaction): void {
    for (const key of tx.locks) {
      const lock = this.locks.get(key);
      if (!lock || lock.holder !== tx) continue;
      lock.waiters.sort((a, b) => a.tx.priority - b.tx.priority);
      const next = lock.waiters.shift();
      if (!next) {
        this.locks.delete(key);
        continue;
      }
      lock.holder = next.tx;
      next.tx.locks.add(key);
      next.tx.waiting = undefined;
      next.resolve();
    }
    tx.locks.clear();
  }

  private startSweeper(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(), 1000);
    this.sweeper.unref();
  }

  /** Aborts idle lock holders that others wait for; stops when nobody waits. */
  private sweep(): void {
    const now = Date.now();
    let waiting = false;
    for (const lock of [...this.locks.values()]) {
      if (lock.waiters.length === 0) continue;
      waiting = true;
      if (lock.holder.state === 'active' && !lock.holder.waiting && now - lock.holder.lastActive > this.idleMs) {
        this.abort(lock.holder, 'Transaction lock timeout: the transaction holding this document was idle too long.');
      }
    }
    if (!waiting && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }
}

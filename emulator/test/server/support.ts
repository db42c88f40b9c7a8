// Test support: starts the emulator in-process on a free port and connects the official SDKs to it.

import { type App, deleteApp, initializeApp } from 'firebase-admin/app';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';
import { type RunningServer, startServer, type ServerOptions } from '../../src/server/server';

let counter = 0;

export interface AdminHarness {
  server: RunningServer;
  db: Firestore;
  projectId: string;
  app: App;
  close(): Promise<void>;
}

export interface AdminClient {
  db: Firestore;
  projectId: string;
  app: App;
  close(): Promise<void>;
}

/** An admin Firestore on a fresh project id, talking to the emulator at `address`. */
export function adminFor(address: string, projectId = `demo-test-${process.pid}-${++counter}`): AdminClient {
  process.env['FIRESTORE_EMULATOR_HOST'] = address;
  process.env['METADATA_SERVER_DETECTION'] = 'none';
  const app = initializeApp({ projectId }, projectId);
  const db = getFirestore(app);
  return {
    db,
    projectId,
    app,
    async close() {
      await db.terminate();
      await deleteApp(app);
    },
  };
}

/** A running emulator and an admin Firestore on a fresh project id. */
export async function startWithAdmin(options: ServerOptions = {}): Promise<AdminHarness> {
  const server = await startServer({ port: 0, ...options });
  const client = adminFor(server.address);
  return {
    ...client,
    server,
    async close() {
      await client.close();
      await server.close();
    },
  };
}

/** Items pushed by callbacks (listener snapshots, deliveries), awaited in order by the test. */
export class Queue<T> {
  private readonly items: T[] = [];
  private readonly waiters: ((item: T) => void)[] = [];

  readonly push = (item: T): void => {
    const waiter = this.waiters.shift();
    if (waiter) waiter(item);
    else this.items.push(item);
  };

  next(): Promise<T> {
    if (this.items.length > 0) {
      const [item] = this.items.splice(0, 1);
      if (item !== undefined) return Promise.resolve(item);
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The next item that satisfies `predicate`; earlier ones are dropped. */
  async until(predicate: (item: T) => boolean): Promise<T> {
    for (;;) {
      const item = await this.next();
      if (predicate(item)) return item;
    }
  }
}

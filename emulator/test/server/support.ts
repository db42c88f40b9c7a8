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

/** A running emulator and an admin Firestore on a fresh project id. */
export async function startWithAdmin(options: ServerOptions = {}): Promise<AdminHarness> {
  const server = await startServer({ port: 0, ...options });
  process.env['FIRESTORE_EMULATOR_HOST'] = server.address;
  process.env['METADATA_SERVER_DETECTION'] = 'none';
  const projectId = `demo-test-${process.pid}-${++counter}`;
  const app = initializeApp({ projectId }, projectId);
  const db = getFirestore(app);
  return {
    server,
    db,
    projectId,
    app,
    async close() {
      await db.terminate();
      await deleteApp(app);
      await server.close();
    },
  };
}

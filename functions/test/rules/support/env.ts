/**
 * The rules suite's test environment: one `@firebase/rules-unit-testing` environment for the whole run
 * (opened by the root hooks in hooks.ts), one client SDK Firestore per caller (created on first use and
 * kept, so a caller's identity is one app), seeding and reading with rules disabled, clearing data.
 */
import { join } from 'node:path';
import type { RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { type DocumentData, Firestore, doc, getDoc, writeBatch } from 'firebase/firestore';

export const ROOT = join(__dirname, '..', '..', '..', '..');
export const PROJECT_ID = 'demo-rules-sdk';

/** A caller: signed out (null) or a uid with the ID token's custom claims. */
export type Actor = { readonly uid: string; readonly token?: Readonly<Record<string, unknown>> } | null;

interface Open {
  readonly env: RulesTestEnvironment;
  readonly host: string;
  readonly clients: Map<string, Firestore>;
}

let open: Open | undefined;

export function openRulesEnv(env: RulesTestEnvironment, host: string): void {
  open = { env, host, clients: new Map() };
}

export async function closeRulesEnv(): Promise<void> {
  const o = open;
  open = undefined;
  await o?.env.cleanup();
}

/**
 * rules-unit-testing hands out the compat Firestore; the modular API (doc, getDoc, query...) takes the
 * modular instance it wraps.
 */
function modular(compat: object): Firestore {
  const delegate: unknown = Reflect.get(compat, '_delegate');
  if (!(delegate instanceof Firestore)) throw new Error('rules-unit-testing returned a Firestore without a modular delegate');
  return delegate;
}

function current(): Open {
  if (!open) throw new Error('the rules test environment is not open (run with --config .mocharc.rules.json)');
  return open;
}

/** `host:port` of the emulator the suite runs against. */
export function emulatorHost(): string {
  return current().host;
}

/** The client SDK Firestore of one caller (the same instance for the same caller). */
export function clientFor(actor: Actor): Firestore {
  const o = current();
  const key = JSON.stringify(actor);
  const cached = o.clients.get(key);
  if (cached) return cached;
  const ctx = actor === null ? o.env.unauthenticatedContext() : o.env.authenticatedContext(actor.uid, { ...actor.token });
  const db = modular(ctx.firestore());
  o.clients.set(key, db);
  return db;
}

/** Deletes every document of the project's database. */
export async function clearData(): Promise<void> {
  await current().env.clearFirestore();
}

/** Writes documents with rules disabled, in one batch; `build` turns stored JSON into SDK values. */
export async function seed(docs: ReadonlyMap<string, (db: Firestore) => DocumentData>): Promise<void> {
  if (docs.size === 0) return;
  await current().env.withSecurityRulesDisabled(async (ctx) => {
    const db = modular(ctx.firestore());
    const batch = writeBatch(db);
    for (const [path, build] of docs) batch.set(doc(db, path), build(db));
    await batch.commit();
  });
}

/** Reads one document with rules disabled: its data, or undefined when it does not exist. */
export async function readWithoutRules(path: string): Promise<DocumentData | undefined> {
  let data: DocumentData | undefined;
  await current().env.withSecurityRulesDisabled(async (ctx) => {
    const snap = await getDoc(doc(modular(ctx.firestore()), path));
    data = snap.data();
  });
  return data;
}

/**
 * Firestore converters built on the model schemas: every read is parsed with zod (a mismatch throws
 * `CorruptDocumentError`, never a cast), and every full write is checked against the same schema before
 * it leaves the process. `typedCollection` / `typedDoc` / `typedCollectionGroup` attach them to references.
 * The only module of the model that touches firebase-admin references.
 */
import {
  FieldValue,
  Timestamp,
  type CollectionReference,
  type DocumentData,
  type DocumentReference,
  type Firestore,
  type FirestoreDataConverter,
  type PartialWithFieldValue,
  type Query,
  type QueryDocumentSnapshot,
  type SetOptions,
  type WithFieldValue,
} from 'firebase-admin/firestore';
import type { z } from 'zod';
import { DomainError } from '../platform/errors';
import { formatIssues, parseStored } from '../platform/validation';

/** A schema whose documents are Firestore maps. */
export type DocumentSchema = z.ZodType<DocumentData>;

/** A write that would store a document its own schema rejects: a bug in the writer, never the caller's fault. */
export class InvalidWriteError extends DomainError {
  constructor(readonly issues: readonly string[]) {
    super('data/invalid-write', 'internal', `Refusing to write a document that does not match its schema: ${issues.join('; ')}`);
    this.name = 'InvalidWriteError';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const SERVER_TIMESTAMP = FieldValue.serverTimestamp();

/**
 * The document as it will read back, for validation: server-timestamp sentinels become a timestamp.
 * `undefined` when the write holds another sentinel (increment, arrayUnion, delete…) whose result
 * depends on the stored document, so the write cannot be checked here.
 */
export function resolveForValidation(value: unknown, now: Timestamp = Timestamp.now()): { value: unknown } | undefined {
  if (value instanceof FieldValue) return value.isEqual(SERVER_TIMESTAMP) ? { value: now } : undefined;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const resolved = resolveForValidation(item, now);
      if (!resolved) return undefined;
      out.push(resolved.value);
    }
    return { value: out };
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = resolveForValidation(item, now);
      if (!resolved) return undefined;
      out[key] = resolved.value;
    }
    return { value: out };
  }
  return { value };
}

/**
 * A converter for one schema. `fromFirestore` parses (throws `CorruptDocumentError` naming the path);
 * `toFirestore` checks full writes (`set`/`create` without merge) and throws `InvalidWriteError`.
 * Merge writes and writes with sentinels other than server timestamps are checked by the type system only.
 */
export function converterFor<S extends DocumentSchema>(schema: S): FirestoreDataConverter<z.output<S>> {
  function toFirestore(model: WithFieldValue<z.output<S>>): WithFieldValue<DocumentData>;
  function toFirestore(model: PartialWithFieldValue<z.output<S>>, options: SetOptions): PartialWithFieldValue<DocumentData>;
  function toFirestore(
    model: WithFieldValue<z.output<S>> | PartialWithFieldValue<z.output<S>>,
    options?: SetOptions,
  ): DocumentData {
    const data: DocumentData = { ...model };
    if (options) return data;
    const resolved = resolveForValidation(data);
    if (resolved) {
      const result = schema.safeParse(resolved.value);
      if (!result.success) throw new InvalidWriteError(formatIssues(result.error));
    }
    return data;
  }
  return {
    toFirestore,
    fromFirestore: (snapshot: QueryDocumentSnapshot): z.output<S> => parseStored(schema, snapshot.data(), snapshot.ref.path),
  };
}

/** A collection whose reads are parsed and whose writes are checked with `schema`. */
export function typedCollection<S extends DocumentSchema>(
  db: Firestore,
  path: string,
  schema: S,
): CollectionReference<z.output<S>> {
  return db.collection(path).withConverter(converterFor(schema));
}

/** A document reference whose reads are parsed and whose writes are checked with `schema`. */
export function typedDoc<S extends DocumentSchema>(db: Firestore, path: string, schema: S): DocumentReference<z.output<S>> {
  return db.doc(path).withConverter(converterFor(schema));
}

/** A collection-group query (e.g. every `messages` collection) parsed with `schema`. */
export function typedCollectionGroup<S extends DocumentSchema>(db: Firestore, collectionId: string, schema: S): Query<z.output<S>> {
  return db.collectionGroup(collectionId).withConverter(converterFor(schema));
}

// The Firestore v1 gRPC service: each method decodes its request (wire.ts), asks the backend and
// encodes the answer; FirestoreErrors become gRPC statuses. The Write stream does the handshake and
// stream tokens of the client SDK; the Listen stream is a ListenSession.

import type * as grpc from '@grpc/grpc-js';
import { Metadata } from '@grpc/grpc-js';
import { randomBytes } from 'node:crypto';
import { type Principal, principalFromAuthorization } from './auth';
import type { Backend, Consistency } from './backend';
import { pageTokenToPath } from './backend';
import { Code, FirestoreError, asFirestoreError, invalidArgument } from './errors';
import { ListenSession } from './listen';
import { type DatabaseRoot, checkPathIds, documentName, documentPathOf, isCollectionPath, isDocumentPath, parseDatabaseRoot, parseResourceName } from './paths';
import type {
  BatchGetDocumentsRequest,
  BatchWriteRequest,
  BeginTransactionRequest,
  CommitRequest,
  CreateDocumentRequest,
  DeleteDocumentRequest,
  GetDocumentRequest,
  ListCollectionIdsRequest,
  ListDocumentsRequest,
  ListenRequest,
  RollbackRequest,
  RunAggregationQueryRequest,
  RunQueryRequest,
  UpdateDocumentRequest,
  WireReadOptions,
  WireTransactionOptions,
  WriteRequest,
} from './proto';
import { microsToTimestamp } from './values';
import type { WriteOp, WriteResult } from './writes';
import { aggregationsFromWire, documentToWire, fieldsFromWire, maskFromWire, microsFromWire, queryFromWire, queryParentFromWire, writeFromWire } from './wire';

function principalOf(metadata: grpc.Metadata): Principal {
  const header = metadata.get('authorization').find((v): v is string => typeof v === 'string');
  return principalFromAuthorization(header);
}

function status(err: unknown): grpc.ServerErrorResponse {
  const e = asFirestoreError(err);
  const code: number = e.code;
  return Object.assign(new Error(e.message), { code, details: e.message });
}

function unary<Req, Res>(handler: (request: Req, principal: Principal) => Promise<Res> | Res): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => handler(call.request, principalOf(call.metadata)))
      .then(
        (response) => callback(null, response),
        (err: unknown) => callback(status(err)),
      );
  };
}

/**
 * A server-streaming method. Response headers go out first: google-gax retries a stream that fails
 * before any headers as if the server had not answered (twice, seconds apart).
 */
function serverStream<Req, Res>(handler: (request: Req, principal: Principal, write: (response: Res) => void) => Promise<void>): grpc.handleServerStreamingCall<Req, Res> {
  return (call) => {
    call.sendMetadata(new Metadata());
    Promise.resolve()
      .then(() => handler(call.request, principalOf(call.metadata), (response) => call.write(response)))
      .then(
        () => call.end(),
        (err: unknown) => call.emit('error', status(err)),
      );
  };
}

/** A bidirectional stream; a bad token fails it before any message is read. */
function bidiStream<Req, Res>(handler: (call: grpc.ServerDuplexStream<Req, Res>, principal: Principal) => void): grpc.handleBidiStreamingCall<Req, Res> {
  return (call) => {
    let principal: Principal;
    try {
      principal = principalOf(call.metadata);
    } catch (err) {
      call.emit('error', status(err));
      return;
    }
    handler(call, principal);
  };
}

function readConsistency(options: WireReadOptions): Consistency {
  if (options.transaction && options.transaction.length > 0) return { kind: 'transaction', id: options.transaction };
  if (options.newTransaction) return newTransaction(options.newTransaction);
  if (options.readTime) return { kind: 'readTime', time: microsFromWire(options.readTime) };
  return { kind: 'current' };
}

function newTransaction(options: WireTransactionOptions): Consistency & { kind: 'new' } {
  const readOnly = options.mode === 'readOnly' || (options.mode === undefined && !!options.readOnly && !options.readWrite);
  const retryOf = options.readWrite?.retryTransaction;
  const readTime = readOnly && options.readOnly?.readTime ? microsFromWire(options.readOnly.readTime) : undefined;
  return { kind: 'new', readOnly, ...(retryOf && retryOf.length > 0 ? { retryOf } : {}), ...(readTime !== undefined ? { readTime } : {}) };
}

/** Listing at a past time is not implemented: say so rather than list the current data. */
function refuseReadTime(options: { readTime?: unknown }, method: string): void {
  if (options.readTime) throw new FirestoreError(Code.UNIMPLEMENTED, `${method} with a readTime is not supported by the offline emulator.`);
}

function writeResultToWire(r: WriteResult): { updateTime?: ReturnType<typeof microsToTimestamp>; transformResults: WriteResult['transformResults'] } {
  return { ...(r.updateTime !== undefined ? { updateTime: microsToTimestamp(r.updateTime) } : {}), transformResults: r.transformResults };
}

function rootOf(database: string | undefined): DatabaseRoot {
  return parseDatabaseRoot(database ?? '').root;
}

function streamToken(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** The handlers for `google.firestore.v1.Firestore`, all backed by one Backend. */
export function firestoreImplementation(backend: Backend): grpc.UntypedServiceImplementation {
  const GetDocument = unary<GetDocumentRequest, unknown>(async (req, principal) => {
    const name = parseResourceName(req.name ?? '');
    if (!isDocumentPath(name.path)) throw invalidArgument(`Invalid document name: ${req.name ?? ''}`);
    const read = await backend.getDocuments(principal, name.root, [name.path], readConsistency(req));
    const doc = read.value[0];
    if (!doc) throw new FirestoreError(Code.NOT_FOUND, `Document "${req.name ?? ''}" not found.`);
    return documentToWire(name.root, doc, maskFromWire(req.mask));
  });

  const BatchGetDocuments = serverStream<BatchGetDocumentsRequest, unknown>(async (req, principal, write) => {
    const root = rootOf(req.database);
    const names = req.documents ?? [];
    const paths = names.map((n) => documentPathOf(root, n));
    const mask = maskFromWire(req.mask);
    const read = await backend.getDocuments(principal, root, paths, readConsistency(req));
    const readTime = microsToTimestamp(read.readTime);
    read.value.forEach((doc, i) => {
      const transaction = i === 0 && read.transaction ? { transaction: read.transaction } : {};
      write(doc ? { found: documentToWire(root, doc, mask), readTime, ...transaction } : { missing: names[i], readTime, ...transaction });
    });
    if (names.length === 0 && read.transaction) write({ transaction: read.transaction, readTime });
  });

  const RunQuery = serverStream<RunQueryRequest, unknown>(async (req, principal, write) => {
    const root = parseResourceName(req.parent ?? '').root;
    if (!req.structuredQuery) throw invalidArgument('RunQuery needs a structured query.');
    const query = queryFromWire(root, queryParentFromWire(root, req.parent ?? ''), req.structuredQuery);
    const read = await backend.runQuery(principal, root, query, readConsistency(req));
    const readTime = microsToTimestamp(read.readTime);
    const transaction = read.transaction ? { transaction: read.transaction } : {};
    if (read.value.length === 0) write({ readTime, ...transaction });
    read.value.forEach((doc, i) => write({ document: documentToWire(root, doc, query.select), readTime, ...(i === 0 ? transaction : {}) }));
  });

  const RunAggregationQuery = serverStream<RunAggregationQueryRequest, unknown>(async (req, principal, write) => {
    const root = parseResourceName(req.parent ?? '').root;
    const agg = req.structuredAggregationQuery;
    if (!agg?.structuredQuery) throw invalidArgument('RunAggregationQuery needs a structured aggregation query.');
    const query = queryFromWire(root, queryParentFromWire(root, req.parent ?? ''), agg.structuredQuery);
    const read = await backend.runAggregation(principal, root, query, aggregationsFromWire(agg.aggregations ?? []), readConsistency(req));
    write({ result: { aggregateFields: read.value }, readTime: microsToTimestamp(read.readTime), ...(read.transaction ? { transaction: read.transaction } : {}) });
  });

  const BeginTransaction = unary<BeginTransactionRequest, unknown>((req) => {
    const options = req.options ? newTransaction(req.options) : { kind: 'new' as const, readOnly: false };
    return {
      transaction: backend.beginTransaction(rootOf(req.database), {
        readOnly: options.readOnly,
        ...(options.retryOf ? { retryOf: options.retryOf } : {}),
        ...(options.readTime !== undefined ? { readTime: options.readTime } : {}),
      }),
    };
  });

  const Commit = unary<CommitRequest, unknown>(async (req, principal) => {
    const root = rootOf(req.database);
    const ops = (req.writes ?? []).map((w) => writeFromWire(root, w));
    const result = await backend.commit(principal, root, ops, req.transaction ?? undefined);
    return { writeResults: result.results.map(writeResultToWire), commitTime: microsToTimestamp(result.commitTime) };
  });

  const Rollback = unary<RollbackRequest, unknown>((req) => {
    const root = rootOf(req.database);
    if (!req.transaction || req.transaction.length === 0) throw invalidArgument('Rollback needs a transaction.');
    backend.rollback(root, req.transaction);
    return {};
  });

  const BatchWrite = unary<BatchWriteRequest, unknown>(async (req, principal) => {
    const root = rootOf(req.database);
    const ops = (req.writes ?? []).map((w) => writeFromWire(root, w));
    const outcomes = await backend.batchWrite(principal, root, ops);
    return {
      writeResults: outcomes.map((o) => (o instanceof FirestoreError ? {} : writeResultToWire(o.results[0] ?? { transformResults: [] }))),
      status: outcomes.map((o) => (o instanceof FirestoreError ? { code: o.code, message: o.message } : { code: 0 })),
    };
  });

  const ListDocuments = unary<ListDocumentsRequest, unknown>(async (req, principal) => {
    refuseReadTime(req, 'ListDocuments');
    const parent = parseResourceName(req.parent ?? '');
    if (parent.path !== '' && !isDocumentPath(parent.path)) throw invalidArgument(`Invalid parent ${req.parent ?? ''}`);
    const mask = maskFromWire(req.mask);
    const after = pageTokenToPath(req.pageToken ?? '');
    const listed = await backend.listDocuments(principal, parent.root, parent.path, req.collectionId ?? '', {
      showMissing: req.showMissing === true,
      pageSize: req.pageSize ?? 0,
      ...(after !== undefined ? { after } : {}),
    });
    return {
      documents: listed.documents.map((d) => (d.doc ? documentToWire(parent.root, d.doc, mask) : { name: documentName(parent.root, d.path) })),
      nextPageToken: listed.nextPageToken,
    };
  });

  const ListCollectionIds = unary<ListCollectionIdsRequest, unknown>((req, principal) => {
    refuseReadTime(req, 'ListCollectionIds');
    const parent = parseResourceName(req.parent ?? '');
    if (parent.path !== '' && !isDocumentPath(parent.path)) throw invalidArgument(`Invalid parent ${req.parent ?? ''}`);
    const after = pageTokenToPath(req.pageToken ?? '');
    const listed = backend.listCollectionIds(principal, parent.root, parent.path, { pageSize: req.pageSize ?? 0, ...(after !== undefined ? { after } : {}) });
    return { collectionIds: listed.ids, nextPageToken: listed.nextPageToken };
  });

  const CreateDocument = unary<CreateDocumentRequest, unknown>(async (req, principal) => {
    const parent = parseResourceName(req.parent ?? '');
    const collection = parent.path === '' ? (req.collectionId ?? '') : `${parent.path}/${req.collectionId ?? ''}`;
    if (!isCollectionPath(collection) || (req.collectionId ?? '') === '') throw invalidArgument('Invalid parent or collection id.');
    const path = `${collection}/${req.documentId || randomBytes(15).toString('base64url').slice(0, 20)}`;
    if (!isDocumentPath(path)) throw invalidArgument(`Invalid document id "${req.documentId ?? ''}".`);
    checkPathIds(path);
    const op: WriteOp = { kind: 'update', path, fields: fieldsFromWire(req.document?.fields), transforms: [], precondition: { exists: false } };
    await backend.commit(principal, parent.root, [op]);
    return readBack(backend, parent.root, path, maskFromWire(req.mask));
  });

  const UpdateDocument = unary<UpdateDocumentRequest, unknown>(async (req, principal) => {
    const name = parseResourceName(req.document?.name ?? '');
    const write = {
      update: req.document ?? {},
      ...(req.updateMask ? { updateMask: req.updateMask } : {}),
      ...(req.currentDocument ? { currentDocument: req.currentDocument } : {}),
    };
    const op = writeFromWire(name.root, write);
    await backend.commit(principal, name.root, [op]);
    return readBack(backend, name.root, op.path, maskFromWire(req.mask));
  });

  const DeleteDocument = unary<DeleteDocumentRequest, unknown>(async (req, principal) => {
    const name = parseResourceName(req.name ?? '');
    const op = writeFromWire(name.root, { delete: req.name ?? '', ...(req.currentDocument ? { currentDocument: req.currentDocument } : {}) });
    await backend.commit(principal, name.root, [op]);
    return {};
  });

  const Write = bidiStream<WriteRequest, unknown>((call, principal) => {
    const streamId = randomBytes(8).toString('hex');
    let root: DatabaseRoot | undefined;
    let sequence = 0;
    let failed = false;
    let queue: Promise<void> = Promise.resolve();
    const handle = async (req: WriteRequest): Promise<void> => {
      if (failed) return;
      if (root === undefined) {
        root = rootOf(req.database);
        if ((req.writes ?? []).length > 0) throw invalidArgument('The first request on a Write stream is the handshake and carries no writes.');
        call.write({ streamId, streamToken: streamToken(sequence) });
        return;
      }
      const dbRoot = root;
      const ops = (req.writes ?? []).map((w) => writeFromWire(dbRoot, w));
      const result = await backend.commit(principal, dbRoot, ops);
      sequence += 1;
      call.write({ streamId, streamToken: streamToken(sequence), commitTime: microsToTimestamp(result.commitTime), writeResults: result.results.map(writeResultToWire) });
    };
    call.on('data', (req: WriteRequest) => {
      queue = queue.then(() =>
        handle(req).catch((err: unknown) => {
          failed = true;
          call.emit('error', status(err));
        }),
      );
    });
    call.on('end', () => {
      void queue.then(() => {
        if (!failed) call.end();
      });
    });
  });

  const Listen = bidiStream<ListenRequest, unknown>((call, principal) => {
    let open = true;
    const session = new ListenSession(backend, principal, {
      send: (response) => {
        if (open && !call.cancelled) call.write(response);
      },
      fail: (err) => {
        if (!open) return;
        open = false;
        call.emit('error', status(err));
      },
    });
    const close = (): void => {
      session.close();
    };
    call.on('data', (req: ListenRequest) => session.handle(req));
    call.on('end', () => {
      close();
      if (open) {
        open = false;
        call.end();
      }
    });
    call.on('cancelled', close);
    call.on('error', close);
  });

  return {
    GetDocument,
    BatchGetDocuments,
    RunQuery,
    RunAggregationQuery,
    BeginTransaction,
    Commit,
    Rollback,
    BatchWrite,
    ListDocuments,
    ListCollectionIds,
    CreateDocument,
    UpdateDocument,
    DeleteDocument,
    Write,
    Listen,
  };
}

/** The document a write just produced (the write itself was authorised). */
async function readBack(backend: Backend, root: DatabaseRoot, path: string, mask: ReturnType<typeof maskFromWire>): Promise<unknown> {
  const read = await backend.getDocuments({ kind: 'owner' }, root, [path], { kind: 'current' });
  const doc = read.value[0];
  if (!doc) throw new FirestoreError(Code.NOT_FOUND, `Document "${documentName(root, path)}" not found.`);
  return documentToWire(root, doc, mask);
}

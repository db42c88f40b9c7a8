// The Firestore v1 gRPC service definition and the message shapes it decodes to. The definition is the
// official descriptor shipped in @google-cloud/firestore (build/protos/v1.json), loaded with
// proto-loader (longs and enums as strings, no defaults, oneof names set). protobufjs checks every
// wire type against that descriptor, so the interfaces below describe what decoding can produce:
// every field optional, scalars already of the declared type. wire.ts turns them into checked
// internal values.

import * as protoLoader from '@grpc/proto-loader';
import type { ServiceDefinition } from '@grpc/proto-loader';
import { readFileSync } from 'node:fs';

export interface WireTimestamp {
  seconds?: string | number;
  nanos?: number;
}

export interface WireValue {
  valueType?: string;
  nullValue?: string | number | null;
  booleanValue?: boolean;
  integerValue?: string | number;
  doubleValue?: number;
  timestampValue?: WireTimestamp | null;
  stringValue?: string;
  bytesValue?: Uint8Array | string;
  referenceValue?: string;
  geoPointValue?: { latitude?: number; longitude?: number } | null;
  arrayValue?: { values?: WireValue[] | null } | null;
  mapValue?: { fields?: Record<string, WireValue> | null } | null;
}

export interface WireDocument {
  name?: string;
  fields?: Record<string, WireValue> | null;
  createTime?: WireTimestamp | null;
  updateTime?: WireTimestamp | null;
}

export interface WireDocumentMask {
  fieldPaths?: string[] | null;
}

export interface WirePrecondition {
  conditionType?: string;
  exists?: boolean;
  updateTime?: WireTimestamp | null;
}

export interface WireFieldTransform {
  fieldPath?: string;
  transformType?: string;
  setToServerValue?: string;
  increment?: WireValue | null;
  maximum?: WireValue | null;
  minimum?: WireValue | null;
  appendMissingElements?: { values?: WireValue[] | null } | null;
  removeAllFromArray?: { values?: WireValue[] | null } | null;
}

export interface WireWrite {
  operation?: string;
  update?: WireDocument | null;
  delete?: string;
  verify?: string;
  transform?: { document?: string; fieldTransforms?: WireFieldTransform[] | null } | null;
  updateMask?: WireDocumentMask | null;
  updateTransforms?: WireFieldTransform[] | null;
  currentDocument?: WirePrecondition | null;
}

export interface WireFieldReference {
  fieldPath?: string;
}

export interface WireFilter {
  filterType?: string;
  compositeFilter?: { op?: string; filters?: WireFilter[] | null } | null;
  fieldFilter?: { field?: WireFieldReference | null; op?: string; value?: WireValue | null } | null;
  unaryFilter?: { op?: string; field?: WireFieldReference | null } | null;
}

export interface WireCursor {
  values?: WireValue[] | null;
  before?: boolean;
}

export interface WireStructuredQuery {
  select?: { fields?: WireFieldReference[] | null } | null;
  from?: { collectionId?: string; allDescendants?: boolean }[] | null;
  where?: WireFilter | null;
  orderBy?: { field?: WireFieldReference | null; direction?: string }[] | null;
  startAt?: WireCursor | null;
  endAt?: WireCursor | null;
  offset?: number;
  limit?: { value?: number } | null;
  findNearest?: object | null;
}

export interface WireAggregation {
  operator?: string;
  count?: { upTo?: { value?: string | number } | null } | null;
  sum?: { field?: WireFieldReference | null } | null;
  avg?: { field?: WireFieldReference | null } | null;
  alias?: string;
}

export interface WireTransactionOptions {
  mode?: string;
  readOnly?: { readTime?: WireTimestamp | null } | null;
  readWrite?: { retryTransaction?: Uint8Array | null } | null;
}

/** The consistency selector every read request may carry. */
export interface WireReadOptions {
  transaction?: Uint8Array | null;
  newTransaction?: WireTransactionOptions | null;
  readTime?: WireTimestamp | null;
}

export interface GetDocumentRequest extends WireReadOptions {
  name?: string;
  mask?: WireDocumentMask | null;
}

export interface BatchGetDocumentsRequest extends WireReadOptions {
  database?: string;
  documents?: string[] | null;
  mask?: WireDocumentMask | null;
}

export interface RunQueryRequest extends WireReadOptions {
  parent?: string;
  structuredQuery?: WireStructuredQuery | null;
}

export interface RunAggregationQueryRequest extends WireReadOptions {
  parent?: string;
  structuredAggregationQuery?: { structuredQuery?: WireStructuredQuery | null; aggregations?: WireAggregation[] | null } | null;
}

export interface BeginTransactionRequest {
  database?: string;
  options?: WireTransactionOptions | null;
}

export interface CommitRequest {
  database?: string;
  writes?: WireWrite[] | null;
  transaction?: Uint8Array | null;
}

export interface RollbackRequest {
  database?: string;
  transaction?: Uint8Array | null;
}

export interface BatchWriteRequest {
  database?: string;
  writes?: WireWrite[] | null;
}

export interface ListDocumentsRequest extends WireReadOptions {
  parent?: string;
  collectionId?: string;
  pageSize?: number;
  pageToken?: string;
  orderBy?: string;
  mask?: WireDocumentMask | null;
  showMissing?: boolean;
}

export interface ListCollectionIdsRequest {
  parent?: string;
  pageSize?: number;
  pageToken?: string;
  readTime?: WireTimestamp | null;
}

export interface WriteRequest {
  database?: string;
  streamId?: string;
  writes?: WireWrite[] | null;
  streamToken?: Uint8Array | null;
}

export interface WireTarget {
  targetType?: string;
  query?: { parent?: string; structuredQuery?: WireStructuredQuery | null } | null;
  documents?: { documents?: string[] | null } | null;
  resumeType?: string;
  resumeToken?: Uint8Array | null;
  readTime?: WireTimestamp | null;
  targetId?: number;
  once?: boolean;
  expectedCount?: { value?: number } | null;
}

export interface ListenRequest {
  database?: string;
  targetChange?: string;
  addTarget?: WireTarget | null;
  removeTarget?: number;
}

export interface CreateDocumentRequest {
  parent?: string;
  collectionId?: string;
  documentId?: string;
  document?: WireDocument | null;
  mask?: WireDocumentMask | null;
}

export interface UpdateDocumentRequest {
  document?: WireDocument | null;
  updateMask?: WireDocumentMask | null;
  mask?: WireDocumentMask | null;
  currentDocument?: WirePrecondition | null;
}

export interface DeleteDocumentRequest {
  name?: string;
  currentDocument?: WirePrecondition | null;
}

/** Loader options: what the interfaces above assume. */
const LOADER_OPTIONS: protoLoader.Options = { longs: String, enums: String, defaults: false, oneofs: true };

type JsonDescriptor = Parameters<typeof protoLoader.fromJSON>[0];

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isDescriptor(x: unknown): x is JsonDescriptor {
  return isRecord(x) && isRecord(x['nested']);
}

function dig(x: unknown, keys: string[]): unknown {
  let current = x;
  for (const k of keys) current = isRecord(current) ? current[k] : undefined;
  return current;
}

/**
 * Reads the published descriptor. It lacks `Write.verify` (field 5), which the client SDK's own copy
 * of the same proto has and sends in transactions; the field is added so those writes decode.
 */
function loadDescriptor(): JsonDescriptor {
  const file = require.resolve('@google-cloud/firestore/build/protos/v1.json');
  const descriptor: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const write = dig(descriptor, ['nested', 'google', 'nested', 'firestore', 'nested', 'v1', 'nested', 'Write']);
  const fields = dig(write, ['fields']);
  const oneof = dig(write, ['oneofs', 'operation', 'oneof']);
  if (!isDescriptor(descriptor) || !isRecord(fields) || !Array.isArray(oneof)) throw new Error('unexpected Firestore descriptor layout');
  fields['verify'] = { type: 'string', id: 5 };
  oneof.push('verify');
  return descriptor;
}

let cached: ServiceDefinition | undefined;

/** The `google.firestore.v1.Firestore` service definition (loaded once). */
export function firestoreService(): ServiceDefinition {
  if (cached) return cached;
  const definition = protoLoader.fromJSON(loadDescriptor(), LOADER_OPTIONS);
  const service = definition['google.firestore.v1.Firestore'];
  if (!service || 'format' in service) throw new Error('google.firestore.v1.Firestore missing from descriptor');
  cached = service;
  return service;
}

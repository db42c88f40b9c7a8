/**
 * Where every push, SMS and email is recorded (`deliveries/{id}`, DESIGN.md §3): queued when it starts,
 * then sent or failed with the attempts made and the last error code. The contract (`DeliveryLog`), the pure
 * rules (deterministic ids for idempotency keys, the shape of each record) and an in-memory implementation
 * for tests. The Firestore implementation is in delivery-log-firestore.ts.
 *
 * Every record is created with `expireAt` (`DELIVERY_RETENTION_DAYS` after it was queued, default 90): the
 * TTL policy on `deliveries.expireAt` (firestore.indexes.json) deletes it some time after that.
 */
import { createHash } from 'node:crypto';
import { Timestamp } from 'firebase-admin/firestore';
import { deliverySchema, type Delivery, type DeliveryChannel, type DeliveryStatus } from '../../model/schemas';
import { DEFAULT_RETENTION } from '../config';
import { parseInput } from '../validation';

const DAY_MS = 86_400_000;

export interface DeliveryStart {
  channel: DeliveryChannel;
  /** Template id, e.g. `risk.alert`. */
  template: string;
  /** `users/{uid}` or `users/{uid}/devices/{id}`: a reference, never an address. */
  recipientRef: string;
  /**
   * Same key → same delivery document. A trigger that runs twice (at-least-once) passes e.g.
   * `${eventId}:${recipientRef}` and the second run finds the first one's record instead of sending again.
   */
  idempotencyKey?: string | undefined;
  orgId?: string | undefined;
  sourcePath?: string | undefined;
}

export interface DeliveryTicket {
  id: string;
  /** `sent` means an earlier run already delivered it: do not send again. */
  status: DeliveryStatus;
  /** Attempts made by earlier runs. */
  attempts: number;
}

export type DeliveryFinish =
  | { status: 'sent'; attempts: number; providerId?: string | undefined }
  | { status: 'failed'; attempts: number; lastError: string };

export interface DeliveryLog {
  /** Records the delivery as queued, or returns the existing record for the same idempotency key. */
  begin(start: DeliveryStart): Promise<DeliveryTicket>;
  finish(id: string, result: DeliveryFinish): Promise<void>;
}

/** Deterministic document id for an idempotency key (hashed: keys may hold `/` or be long). */
export function deliveryIdFor(channel: DeliveryChannel, idempotencyKey: string): string {
  return `${channel}-${createHash('sha256').update(`${channel}\n${idempotencyKey}`).digest('hex').slice(0, 32)}`;
}

/** Pure: when a record queued at `now` (epoch ms) expires, kept `retentionDays` days. */
export function deliveryExpireAt(now: number, retentionDays: number): Timestamp {
  return Timestamp.fromMillis(now + retentionDays * DAY_MS);
}

/** Pure: the fields of a new record, its `expireAt` (TTL) included, `createdAt`/`updatedAt` excluded. */
export function queuedFields(start: DeliveryStart, expireAt: Timestamp): Omit<Delivery, 'createdAt' | 'updatedAt'> {
  return {
    channel: start.channel,
    template: start.template,
    recipientRef: start.recipientRef,
    status: 'queued',
    attempts: 0,
    lastError: null,
    ...(start.orgId !== undefined ? { orgId: start.orgId } : {}),
    ...(start.sourcePath !== undefined ? { sourcePath: start.sourcePath } : {}),
    expireAt,
  };
}

/** Pure: the fields a finish changes, timestamps excluded. */
export function finishFields(result: DeliveryFinish): Pick<Delivery, 'status' | 'attempts' | 'lastError'> & { providerId?: string } {
  return result.status === 'sent'
    ? { status: 'sent', attempts: result.attempts, lastError: null, ...(result.providerId !== undefined ? { providerId: result.providerId.slice(0, 256) } : {}) }
    : { status: 'failed', attempts: result.attempts, lastError: result.lastError.slice(0, 500) };
}

/** Records in a Map, validated with the same schema as the Firestore documents. For tests and tools. */
export class InMemoryDeliveryLog implements DeliveryLog {
  readonly records = new Map<string, Delivery>();
  private sequence = 0;

  constructor(
    private readonly now: () => Timestamp = () => Timestamp.now(),
    private readonly retentionDays: number = DEFAULT_RETENTION.deliveryDays,
  ) {}

  async begin(start: DeliveryStart): Promise<DeliveryTicket> {
    const id = start.idempotencyKey !== undefined ? deliveryIdFor(start.channel, start.idempotencyKey) : `mem-${String(++this.sequence).padStart(6, '0')}`;
    const existing = this.records.get(id);
    if (existing) return { id, status: existing.status, attempts: existing.attempts };
    const at = this.now();
    const fields = queuedFields(start, deliveryExpireAt(at.toMillis(), this.retentionDays));
    this.records.set(id, parseInput(deliverySchema, { ...fields, createdAt: at, updatedAt: at }, 'delivery'));
    return { id, status: 'queued', attempts: 0 };
  }

  async finish(id: string, result: DeliveryFinish): Promise<void> {
    const existing = this.records.get(id);
    if (!existing) throw new Error(`unknown delivery ${id}`);
    this.records.set(id, parseInput(deliverySchema, { ...existing, ...finishFields(result), updatedAt: this.now() }, 'delivery'));
  }

  /** Records in insertion order. */
  list(): Array<Delivery & { id: string }> {
    return [...this.records.entries()].map(([id, d]) => ({ id, ...d }));
  }
}

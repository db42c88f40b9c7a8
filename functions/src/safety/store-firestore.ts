/**
 * `SafetyStore` on Firestore. Every document read is parsed with the model's schemas (through the typed
 * converters, or `parseStored` where a query must skip one corrupt document instead of failing the whole
 * sweep); full writes are checked by the converters; compare-and-set changes run in transactions.
 * Queries this module needs indexes for (firestore.indexes.json):
 * - chats: status ASC, lastMessageAt ASC (closeIdleChats);
 * - messages (collection group): screening.reasons ARRAY_CONTAINS, screening.at ASC (re-screening sweep);
 * - riskEvents: nextEscalationAt (single field, automatic); orgId + status equality (merged automatically).
 */
import { FieldValue, Timestamp, type DocumentData, type Firestore, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { typedCollection, typedDoc } from '../model/converters';
import { COLLECTIONS, paths, segment } from '../model/paths';
import {
  appConfigSchema,
  auditLogSchema,
  chatSchema,
  counselorSchema,
  messageSchema,
  orgSchema,
  riskEventSchema,
  riskRank,
  userProfileSchema,
  type Chat,
  type RiskEvent,
} from '../model/schemas';
import { CorruptDocumentError } from '../platform/errors';
import { logEvent } from '../platform/log';
import { parseStored } from '../platform/validation';
import { grantLease, modelUsagePath, modelUsageSchema } from './budget';
import { isHandled } from './escalation';
import type { SafetyStore, StoredMessage } from './store';
import { PENDING_REASON } from './verdict';
import { riskEventNotFound, sameWorkState, workFields, workStateOf } from './work-queue';

/** gRPC ALREADY_EXISTS. */
const ALREADY_EXISTS = 6;
/** Usage documents are kept this long (TTL on `expireAt`). */
const USAGE_KEEP_MS = 3 * 24 * 60 * 60_000;

function isAlreadyExists(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === ALREADY_EXISTS;
}

const ts = (ms: number) => Timestamp.fromMillis(ms);

/** Parses query results one by one; a corrupt document is logged and skipped. */
function parseEach<T>(docs: readonly QueryDocumentSnapshot<DocumentData>[], parse: (doc: QueryDocumentSnapshot<DocumentData>) => T): T[] {
  const out: T[] = [];
  for (const doc of docs) {
    try {
      out.push(parse(doc));
    } catch (err) {
      if (!(err instanceof CorruptDocumentError)) throw err;
      logEvent('error', 'safety.corrupt-document', { collection: doc.ref.parent.id, docId: doc.id });
    }
  }
  return out;
}

function storedMessage(doc: QueryDocumentSnapshot<DocumentData>): StoredMessage {
  const chat = doc.ref.parent.parent;
  if (!chat || chat.parent.id !== COLLECTIONS.chats) throw new CorruptDocumentError(doc.ref.path, ['not a chat message']);
  return { chatId: chat.id, msgId: doc.id, message: parseStored(messageSchema, doc.data(), doc.ref.path) };
}

export function firestoreSafetyStore(db: Firestore): SafetyStore {
  const riskRef = (id: string) => typedDoc(db, paths.riskEvent(id), riskEventSchema);
  const messages = (chatId: string) => typedCollection(db, paths.messages(chatId), messageSchema);

  return {
    async appConfig() {
      const snap = await typedDoc(db, paths.appConfig(), appConfigSchema).get();
      return snap.data() ?? appConfigSchema.parse({});
    },

    async org(orgId) {
      return (await typedDoc(db, paths.org(orgId), orgSchema).get()).data() ?? null;
    },

    async chat(chatId) {
      return (await typedDoc(db, paths.chat(chatId), chatSchema).get()).data() ?? null;
    },

    async profile(uid) {
      return (await typedDoc(db, paths.user(uid), userProfileSchema).get()).data() ?? null;
    },

    async activeCounselors(orgId) {
      const snap = await db.collection(paths.counselors()).where('orgId', '==', orgId).where('active', '==', true).select().get();
      return snap.docs.map((d) => d.id);
    },

    async admins(orgId) {
      const snap = await db.collection(paths.users()).where('orgId', '==', orgId).where('role', '==', 'admin').select().get();
      return snap.docs.map((d) => d.id);
    },

    async isActiveCounselor(orgId, uid) {
      const counselor = (await typedDoc(db, paths.counselor(uid), counselorSchema).get()).data();
      return counselor !== undefined && counselor.orgId === orgId && counselor.active;
    },

    async writeScreening(chatId, msgId, s, expireAt) {
      await db.doc(paths.message(chatId, msgId)).update({
        screening: { level: s.level, reasons: s.reasons, by: s.by, at: ts(s.at) },
        ...(expireAt === undefined ? {} : { expireAt: ts(expireAt) }),
      });
    },

    async writeEntryScreening(uid, entryId, s) {
      await db.doc(paths.entry(uid, entryId)).update({ screening: { level: s.level, reasons: s.reasons, by: s.by, at: ts(s.at) } });
    },

    async createBotMessage(chatId, id, m) {
      try {
        await messages(chatId).doc(segment(id)).create({ authorUid: 'bot', sender: 'bot', text: m.text, createdAt: ts(m.at), agent: m.agent, expireAt: ts(m.expireAt) });
        return 'created';
      } catch (err) {
        if (isAlreadyExists(err)) return 'exists';
        throw err;
      }
    },

    async touchChat(chatId, at) {
      await db.doc(paths.chat(chatId)).update({ lastMessageAt: ts(at) });
    },

    async pendingRescreens(limit) {
      const snap = await db
        .collectionGroup(COLLECTIONS.messages)
        .where('screening.reasons', 'array-contains', PENDING_REASON)
        .orderBy('screening.at')
        .limit(limit)
        .get();
      return parseEach(snap.docs, storedMessage);
    },

    async recentMessages(chatId, limit) {
      const snap = await db.collection(paths.messages(chatId)).orderBy('createdAt', 'desc').limit(limit).get();
      return parseEach(snap.docs, storedMessage);
    },

    async messagesAround(chatId, msgId, before, after) {
      const source = (await messages(chatId).doc(segment(msgId)).get()).data();
      if (!source) return [];
      const col = db.collection(paths.messages(chatId));
      const [earlier, later] = await Promise.all([
        before > 0 ? col.where('createdAt', '<', source.createdAt).orderBy('createdAt', 'desc').limit(before).get() : undefined,
        after > 0 ? col.where('createdAt', '>', source.createdAt).orderBy('createdAt').limit(after).get() : undefined,
      ]);
      return [
        ...parseEach(earlier?.docs ?? [], storedMessage).reverse(),
        { chatId, msgId, message: source },
        ...parseEach(later?.docs ?? [], storedMessage),
      ];
    },

    async idleChats(cutoff, limit) {
      const snap = await db
        .collection(paths.chats())
        .where('status', '==', 'open')
        .where('lastMessageAt', '<=', ts(cutoff))
        .orderBy('lastMessageAt')
        .limit(limit)
        .get();
      return parseEach(snap.docs, (d): { chatId: string; chat: Chat } => ({ chatId: d.id, chat: parseStored(chatSchema, d.data(), d.ref.path) }));
    },

    async closeChat(chatId, close) {
      const ref = typedDoc(db, paths.chat(chatId), chatSchema);
      return db.runTransaction(async (tx) => {
        const chat = (await tx.get(ref)).data();
        if (!chat || chat.status !== 'open') return 'gone' as const;
        if (chat.lastMessageAt.toMillis() > close.idleSince) return 'active' as const;
        tx.update(ref, { status: 'closed', closedAt: ts(close.closedAt), summary: close.summary });
        return 'closed' as const;
      });
    },

    async createRiskEvent(id, e) {
      try {
        await riskRef(id).create({
          orgId: e.orgId,
          studentUid: e.studentUid,
          alias: e.alias,
          source: e.source,
          sourcePath: e.sourcePath,
          level: e.level,
          reasons: e.reasons,
          excerpt: e.excerpt,
          status: 'open',
          assignedTo: null,
          ackBy: null,
          ackAt: null,
          escalationStep: 0,
          nextEscalationAt: ts(e.nextEscalationAt),
          outcome: null,
          createdAt: ts(e.createdAt),
          updatedAt: ts(e.createdAt),
          resolvedAt: null,
        });
        return 'created';
      } catch (err) {
        if (isAlreadyExists(err)) return 'exists';
        throw err;
      }
    },

    async riskEvent(id) {
      return (await riskRef(id).get()).data() ?? null;
    },

    async raiseRiskEvent(id, level, reasons, nextEscalationAt) {
      const ref = riskRef(id);
      return db.runTransaction(async (tx) => {
        const event = (await tx.get(ref)).data();
        if (!event) return 'missing' as const;
        if (riskRank(level) <= riskRank(event.level)) return { raised: false, from: event.level };
        const current = event.nextEscalationAt?.toMillis() ?? null;
        tx.update(ref, {
          level,
          reasons: [...new Set([...event.reasons, ...reasons])].slice(0, 20),
          nextEscalationAt: current === null ? null : ts(Math.min(current, nextEscalationAt)),
          updatedAt: FieldValue.serverTimestamp(),
        });
        return { raised: true, from: event.level };
      });
    },

    async dueRiskEvents(now, limit) {
      const snap = await db.collection(paths.riskEvents()).where('nextEscalationAt', '<=', ts(now)).orderBy('nextEscalationAt').limit(limit).get();
      return parseEach(snap.docs, (d): { id: string; event: RiskEvent } => ({ id: d.id, event: parseStored(riskEventSchema, d.data(), d.ref.path) }));
    },

    async clearEscalation(id) {
      await riskRef(id).update({ nextEscalationAt: null, updatedAt: FieldValue.serverTimestamp() });
    },

    async advanceEscalation(id, toStep, nextEscalationAt, now) {
      const ref = riskRef(id);
      return db.runTransaction(async (tx) => {
        const event = (await tx.get(ref)).data();
        if (!event || event.escalationStep !== toStep - 1 || isHandled(event.status) || event.nextEscalationAt === null) return false;
        tx.update(ref, { escalationStep: toStep, status: 'escalated', nextEscalationAt: ts(nextEscalationAt), updatedAt: ts(now) });
        return true;
      });
    },

    async updateWork(id, orgId, mutate, audit) {
      const ref = riskRef(id);
      const auditRef = typedCollection(db, paths.auditLogs(), auditLogSchema).doc();
      return db.runTransaction(async (tx) => {
        const event = (await tx.get(ref)).data();
        if (!event || event.orgId !== orgId) throw riskEventNotFound();
        const state = workStateOf(event);
        const next = mutate(state);
        if (sameWorkState(state, next)) return { event, state, changed: false };
        const fields = workFields(next);
        tx.update(ref, { ...fields, updatedAt: FieldValue.serverTimestamp() });
        tx.create(auditRef, { ...audit(event, next), at: FieldValue.serverTimestamp() });
        return { event: { ...event, ...fields, updatedAt: Timestamp.now() }, state: next, changed: true };
      });
    },

    async riskQueue(orgId, statuses, limit) {
      const snap = await db.collection(paths.riskEvents()).where('orgId', '==', orgId).where('status', 'in', [...statuses]).limit(limit).get();
      return parseEach(snap.docs, (d): { id: string; event: RiskEvent } => ({ id: d.id, event: parseStored(riskEventSchema, d.data(), d.ref.path) }));
    },

    async writeAudit(entry) {
      await typedCollection(db, paths.auditLogs(), auditLogSchema).doc().create({ ...entry, at: FieldValue.serverTimestamp() });
    },

    async leaseModelCalls(orgId, day, want, limit) {
      const ref = db.doc(modelUsagePath(orgId, day));
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        const used = snap.exists ? parseStored(modelUsageSchema, snap.data(), ref.path).calls : 0;
        const lease = grantLease(used, limit, want);
        if (lease.granted === 0 && snap.exists) return 0;
        const now = Date.now();
        tx.set(ref, modelUsageSchema.parse({ orgId, day, calls: lease.used, limit, updatedAt: ts(now), expireAt: ts(now + USAGE_KEEP_MS) }));
        return lease.granted;
      });
    },
  };
}

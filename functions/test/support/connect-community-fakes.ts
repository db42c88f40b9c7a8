/**
 * In-memory fakes for the peer circles and the forum: stores with the same transactional semantics as the
 * Firestore ones (each method reads and writes without yielding in between, so it is atomic under concurrent
 * calls), a safety link that records riskEvents under their deterministic ids, a model routed by prompt
 * (risk screening vs abuse), a recording notifier, and seed helpers.
 */
import { Timestamp } from 'firebase-admin/firestore';
import type { z } from 'zod';
import { ABUSE_SYSTEM } from '../../src/connect/forum/abuse-model';
import type { CirclesDeps } from '../../src/connect/circles/handlers';
import type { CirclesStore } from '../../src/connect/circles/repository';
import type { ForumDeps } from '../../src/connect/forum/handlers';
import { commentCountDelta, likeCountDelta } from '../../src/connect/forum/moderation';
import {
  entryOf,
  itemPath,
  moderationAfter,
  screenedModeration,
  stateOf,
  type AuditEntry,
  type ForumItem,
  type ForumStore,
  type ItemRef,
} from '../../src/connect/forum/repository';
import type { CareContext, RaisedRisk, RiskSignalIn, SafetyLink } from '../../src/connect/forum/safety-link';
import { addFeedback } from '../../src/connect/circles/logic';
import { paths } from '../../src/model/paths';
import {
  commentSchema,
  forumPostSchema,
  peerSessionSchema,
  riskRank,
  type Comment,
  type ContentLanguage,
  type Feedback,
  type ForumPost,
  type ForumReport,
  type Participant,
  type PeerReport,
  type PeerSession,
} from '../../src/model/schemas';
import type { NotifyRequest, NotifyResult } from '../../src/notify';
import { errors } from '../../src/platform/errors';
import { ProviderError, type JsonModelRequest, type LanguageModel, type ModelResult } from '../../src/platform/providers/types';
import { riskEventIdFor } from '../../src/safety/ids';
import { screen } from '../../src/safety/screener';

export const T0 = Date.parse('2025-05-05T06:30:00Z');
export const ts = (ms: number) => Timestamp.fromMillis(ms);

// ---------------------------------------------------------------------------------------------------------
// Model, safety link, notifier
// ---------------------------------------------------------------------------------------------------------

export type Answer = ModelResult<unknown> | 'throw';

/** A model whose answer depends on which prompt asks: the abuse prompt or the risk-screening one. */
export class RoutedModel implements LanguageModel {
  readonly implementation = 'real' as const;
  readonly model = 'routed';
  risk: Answer = { status: 'ok', value: { level: 'none', reasons: [] }, attempts: 1 };
  abuse: Answer = { status: 'ok', value: { abusive: false, categories: [] }, attempts: 1 };
  readonly asked: Array<'risk' | 'abuse'> = [];
  readonly prompts: string[] = [];

  constructor(readonly available = true) {}

  generateText(): Promise<ModelResult<string>> {
    return Promise.resolve({ status: 'error', error: new ProviderError('gemini', 'rejected', 'not scripted'), attempts: 1 });
  }

  generateJson<S extends z.ZodType>(request: JsonModelRequest<S>): Promise<ModelResult<z.output<S>>> {
    const which = request.system === ABUSE_SYSTEM ? 'abuse' : 'risk';
    this.asked.push(which);
    this.prompts.push(request.prompt);
    const answer = which === 'abuse' ? this.abuse : this.risk;
    if (answer === 'throw') return Promise.reject(new Error('model exploded'));
    if (answer.status !== 'ok') return Promise.resolve(answer);
    const parsed = request.schema.safeParse(answer.value);
    return Promise.resolve(
      parsed.success ? { status: 'ok', value: parsed.data, attempts: 1 } : { status: 'error', error: new ProviderError('gemini', 'malformed', 'schema'), attempts: 1 },
    );
  }
}

export class FakeSafetyLink implements SafetyLink {
  screen = screen;
  allowed = true;
  /** The student's org (undefined: no org, no riskEvent). */
  orgOf: (uid: string) => string | undefined = () => 'org-a';
  language: ContentLanguage = 'en';
  readonly events = new Map<string, RaisedRisk & { signal: RiskSignalIn }>();
  readonly raiseCalls: RiskSignalIn[] = [];

  constructor(readonly model: RoutedModel = new RoutedModel()) {}

  modelAllowed(): Promise<boolean> {
    return Promise.resolve(this.allowed && this.model.available);
  }

  raiseRisk(signal: RiskSignalIn): Promise<RaisedRisk | undefined> {
    this.raiseCalls.push(signal);
    const orgId = this.orgOf(signal.studentUid);
    if (orgId === undefined) return Promise.resolve(undefined);
    const id = riskEventIdFor(signal.sourcePath);
    const existing = this.events.get(id);
    if (existing) {
      if (riskRank(signal.level) > riskRank(existing.level)) existing.level = signal.level;
      return Promise.resolve({ id, orgId, level: existing.level, created: false });
    }
    this.events.set(id, { id, orgId, level: signal.level, created: true, signal });
    return Promise.resolve({ id, orgId, level: signal.level, created: true });
  }

  careContext(uid: string): Promise<CareContext> {
    return Promise.resolve({
      language: this.language,
      helplines: [
        { name: 'Emergency', phone: '112', emergency: true },
        { name: 'Tele-MANAS', phone: '14416' },
      ],
      orgKnown: this.orgOf(uid) !== undefined,
    });
  }
}

/** Records notifications; the same idempotency key is one notification (as the real notifier). */
export class RecordingNotifier {
  readonly requests: NotifyRequest[] = [];
  failFor = new Set<string>();

  get distinct(): NotifyRequest[] {
    const seen = new Map<string, NotifyRequest>();
    for (const r of this.requests) if (!seen.has(r.idempotencyKey)) seen.set(r.idempotencyKey, r);
    return [...seen.values()];
  }

  readonly notify = (request: NotifyRequest): Promise<NotifyResult> => {
    if (this.failFor.has(request.uid)) return Promise.reject(new Error('notify failed'));
    this.requests.push(request);
    const skipped = { status: 'skipped' as const, why: 'no-contact' as const };
    return Promise.resolve({ notificationId: `n-${request.idempotencyKey}`, recipient: 'found', inapp: 'created', push: skipped, sms: skipped, email: skipped });
  };
}

// ---------------------------------------------------------------------------------------------------------
// Forum store
// ---------------------------------------------------------------------------------------------------------

export class InMemoryForumStore implements ForumStore {
  readonly posts = new Map<string, ForumPost>();
  readonly comments = new Map<string, Comment>();
  readonly likes = new Set<string>();
  readonly likeStates = new Map<string, boolean>();
  readonly reports = new Map<string, ForumReport>();
  readonly audits: AuditEntry[] = [];

  private get(ref: ItemRef): ForumItem | undefined {
    return ref.kind === 'post' ? this.posts.get(ref.postId) : this.comments.get(itemPath(ref));
  }

  private put(ref: ItemRef, item: ForumItem): void {
    if (ref.kind === 'post') this.posts.set(ref.postId, forumPostSchema.parse(item));
    else this.comments.set(itemPath(ref), commentSchema.parse(item));
  }

  /** Status write with the comment counter following, as the Firestore store does. */
  private write(ref: ItemRef, item: ForumItem, fields: Partial<ForumItem>): void {
    const next = { ...item, ...fields };
    if (ref.kind === 'comment' && !('title' in next)) {
      const post = this.posts.get(ref.postId);
      const { delta, countedVisible } = commentCountDelta(next.status, next.countedVisible === true);
      if (post && delta !== 0) {
        this.posts.set(ref.postId, { ...post, commentCount: post.commentCount + delta });
        next.countedVisible = countedVisible;
      }
    }
    this.put(ref, next);
  }

  item(ref: ItemRef): Promise<ForumItem | null> {
    return Promise.resolve(this.get(ref) ?? null);
  }

  applyScreening: ForumStore['applyScreening'] = (ref, write) => {
    const item = this.get(ref);
    if (!item) return Promise.resolve('missing');
    if (item.status !== 'pending' || item.moderation !== undefined) return Promise.resolve('already');
    this.write(ref, item, { status: write.decision.status, moderation: screenedModeration(write) });
    return Promise.resolve('applied');
  };

  changeItem: ForumStore['changeItem'] = (ref, plan, now, audit) => {
    try {
      const item = this.get(ref);
      if (!item) throw errors.notFound('forum/not-found', 'That post or comment does not exist.');
      const before = stateOf(item);
      const change = plan(before);
      this.write(ref, item, { status: change.status ?? item.status, moderation: moderationAfter(item.moderation, change, now) });
      if (audit) this.audits.push(audit(before, change));
      return Promise.resolve({ before, change });
    } catch (err) {
      return Promise.reject(err);
    }
  };

  fileReport: ForumStore['fileReport'] = (reportId, report, ref, plan, now) => {
    try {
      if (this.reports.has(reportId)) return Promise.resolve('exists');
      const item = this.get(ref);
      if (!item) throw errors.notFound('forum/not-found', 'That post or comment does not exist.');
      const change = plan(stateOf(item));
      this.write(ref, item, { status: change.status ?? item.status, moderation: moderationAfter(item.moderation, change, now) });
      this.reports.set(reportId, { ...report, createdAt: ts(report.createdAt) });
      return Promise.resolve('created');
    } catch (err) {
      return Promise.reject(err);
    }
  };

  reconcileComment: ForumStore['reconcileComment'] = (postId, commentId) => {
    const ref: ItemRef = { kind: 'comment', postId, commentId };
    const comment = this.comments.get(itemPath(ref));
    const post = this.posts.get(postId);
    if (!comment || !post) return Promise.resolve('missing');
    const { delta, countedVisible } = commentCountDelta(comment.status, comment.countedVisible === true);
    if (delta === 0) return Promise.resolve(0);
    this.posts.set(postId, { ...post, commentCount: post.commentCount + delta });
    this.comments.set(itemPath(ref), { ...comment, countedVisible });
    return Promise.resolve(delta);
  };

  reconcileLike: ForumStore['reconcileLike'] = (postId, uid) => {
    const post = this.posts.get(postId);
    if (!post) return Promise.resolve('missing');
    const key = paths.like(postId, uid);
    const { delta, counted } = likeCountDelta(this.likes.has(key), this.likeStates.get(key) ?? false);
    if (delta === 0) return Promise.resolve(0);
    this.posts.set(postId, { ...post, likeCount: Math.max(0, post.likeCount + delta) });
    this.likeStates.set(key, counted);
    return Promise.resolve(delta);
  };

  queue: ForumStore['queue'] = (limit) => {
    const entries = [
      ...[...this.posts].filter(([, p]) => p.moderation?.review === true).map(([postId, p]) => entryOf({ kind: 'post', postId }, p)),
      ...[...this.comments]
        .filter(([, c]) => c.moderation?.review === true)
        .map(([path, c]) => {
          const [, postId = '', , commentId = ''] = path.split('/');
          return entryOf({ kind: 'comment', postId, commentId }, c);
        }),
    ];
    return Promise.resolve(entries.sort((a, b) => a.createdAt - b.createdAt).slice(0, limit));
  };

  seedPost(postId: string, overrides: Partial<ForumPost> = {}): ForumPost {
    const post: ForumPost = forumPostSchema.parse({
      authorUid: 's1',
      alias: 'Calm Otter 42',
      title: 'Exam week',
      body: 'How do you all cope with exam stress?',
      tags: [],
      status: 'pending',
      likeCount: 0,
      commentCount: 0,
      createdAt: ts(T0),
      ...overrides,
    });
    this.posts.set(postId, post);
    return post;
  }

  seedComment(postId: string, commentId: string, overrides: Partial<Comment> = {}): Comment {
    const comment: Comment = commentSchema.parse({ authorUid: 's2', alias: 'Brave Lark 7', body: 'Short breaks help me.', status: 'pending', createdAt: ts(T0), ...overrides });
    this.comments.set(paths.comment(postId, commentId), comment);
    return comment;
  }

  comment(postId: string, commentId: string): Comment | undefined {
    return this.comments.get(paths.comment(postId, commentId));
  }
}

export interface FakeForum {
  deps: ForumDeps;
  store: InMemoryForumStore;
  safety: FakeSafetyLink;
  notifier: RecordingNotifier;
  model: RoutedModel;
}

export function fakeForumDeps(options: { model?: RoutedModel; now?: number } = {}): FakeForum {
  const model = options.model ?? new RoutedModel();
  const store = new InMemoryForumStore();
  const safety = new FakeSafetyLink(model);
  const notifier = new RecordingNotifier();
  const now = options.now ?? T0 + 1_000;
  return { deps: { store, safety, notify: notifier.notify, now: () => now }, store, safety, notifier, model };
}

// ---------------------------------------------------------------------------------------------------------
// Circles store
// ---------------------------------------------------------------------------------------------------------

export class InMemoryCirclesStore implements CirclesStore {
  readonly sessions = new Map<string, PeerSession>();
  readonly participants = new Map<string, Participant>();
  readonly feedback = new Map<string, Feedback>();
  readonly reports = new Map<string, PeerReport>();
  readonly aliases = new Map<string, string>();
  /** Join/leave calls that reached the transaction. */
  transactions = 0;

  session(sessionId: string): Promise<PeerSession | null> {
    return Promise.resolve(this.sessions.get(sessionId) ?? null);
  }

  alias(uid: string): Promise<string | null> {
    return Promise.resolve(this.aliases.get(uid) ?? null);
  }

  private pair(sessionId: string, uid: string): { session: PeerSession; participant: Participant | null } {
    const session = this.sessions.get(sessionId);
    if (!session) throw errors.notFound('circles/not-found', 'That circle does not exist.');
    return { session, participant: this.participants.get(paths.participant(sessionId, uid)) ?? null };
  }

  join: CirclesStore['join'] = async (sessionId, uid, plan, alias, now) => {
    await Promise.resolve();
    this.transactions += 1;
    const { session, participant } = this.pair(sessionId, uid);
    const decided = plan(session, participant);
    if (decided.kind === 'already-joined') return { plan: decided, participantCount: session.participantCount };
    const participantCount = session.participantCount + 1;
    this.participants.set(paths.participant(sessionId, uid), { alias: participant?.alias ?? alias, joinedAt: ts(now), leftAt: null });
    this.sessions.set(sessionId, peerSessionSchema.parse({ ...session, participantCount }));
    return { plan: decided, participantCount };
  };

  leave: CirclesStore['leave'] = async (sessionId, uid, plan, now) => {
    await Promise.resolve();
    this.transactions += 1;
    const { session, participant } = this.pair(sessionId, uid);
    const decided = plan(session, participant);
    if (decided.kind === 'not-joined' || !participant) return { plan: decided, participantCount: session.participantCount };
    const participantCount = Math.max(0, session.participantCount - 1);
    this.participants.set(paths.participant(sessionId, uid), { ...participant, leftAt: ts(now) });
    this.sessions.set(sessionId, peerSessionSchema.parse({ ...session, participantCount }));
    return { plan: decided, participantCount };
  };

  sessionsStarting: CirclesStore['sessionsStarting'] = (after, until, limit) =>
    Promise.resolve(
      [...this.sessions]
        .filter(([, s]) => s.status === 'scheduled' && s.scheduledAt.toMillis() > after && s.scheduledAt.toMillis() <= until)
        .sort(([, a], [, b]) => a.scheduledAt.toMillis() - b.scheduledAt.toMillis())
        .slice(0, limit)
        .map(([id, session]) => ({ id, session })),
    );

  currentParticipants: CirclesStore['currentParticipants'] = (sessionId) => {
    const prefix = `${paths.participants(sessionId)}/`;
    return Promise.resolve(
      [...this.participants]
        .filter(([path, p]) => path.startsWith(prefix) && p.leftAt === null)
        .map(([path, participant]) => ({ uid: path.slice(prefix.length), participant })),
    );
  };

  markReminded: CirclesStore['markReminded'] = (sessionId, uid, scheduledAt) => {
    const path = paths.participant(sessionId, uid);
    const participant = this.participants.get(path);
    if (participant) this.participants.set(path, { ...participant, remindedFor: ts(scheduledAt) });
    return Promise.resolve();
  };

  countFeedback: CirclesStore['countFeedback'] = (sessionId, uid, now) => {
    const session = this.sessions.get(sessionId);
    const path = paths.feedback(sessionId, uid);
    const feedback = this.feedback.get(path);
    if (!session || !feedback) return Promise.resolve('missing');
    if (feedback.countedAt !== undefined) return Promise.resolve('already');
    this.sessions.set(sessionId, peerSessionSchema.parse({ ...session, ...addFeedback(session, feedback.rating) }));
    this.feedback.set(path, { ...feedback, countedAt: ts(now) });
    return Promise.resolve('counted');
  };

  report: CirclesStore['report'] = (sessionId, reportId) => Promise.resolve(this.reports.get(paths.report(sessionId, reportId)) ?? null);

  participant: CirclesStore['participant'] = (sessionId, uid) => Promise.resolve(this.participants.get(paths.participant(sessionId, uid)) ?? null);

  writeReportScreening: CirclesStore['writeReportScreening'] = (sessionId, reportId, screening) => {
    const path = paths.report(sessionId, reportId);
    const report = this.reports.get(path);
    if (report) this.reports.set(path, { ...report, screening: { level: screening.level, reasons: screening.reasons, by: screening.by, at: ts(screening.at) } });
    return Promise.resolve();
  };

  seedSession(sessionId: string, overrides: Partial<PeerSession> = {}): PeerSession {
    const session = peerSessionSchema.parse({
      title: 'Exam stress circle',
      category: 'exam-stress',
      language: 'en',
      orgId: 'org-a',
      scheduledAt: ts(T0 + 2 * 3_600_000),
      durationMin: 45,
      capacity: 3,
      hostUids: ['vol1'],
      status: 'scheduled',
      participantCount: 0,
      createdBy: 'vol1',
      createdAt: ts(T0 - 86_400_000),
      ...overrides,
    });
    this.sessions.set(sessionId, session);
    return session;
  }
}

export interface FakeCircles {
  deps: CirclesDeps;
  store: InMemoryCirclesStore;
  safety: FakeSafetyLink;
  notifier: RecordingNotifier;
  clock: { now: number };
}

export function fakeCirclesDeps(options: { model?: RoutedModel } = {}): FakeCircles {
  const store = new InMemoryCirclesStore();
  const safety = new FakeSafetyLink(options.model ?? new RoutedModel(false));
  const notifier = new RecordingNotifier();
  const clock = { now: T0 };
  return { deps: { store, safety, notify: notifier.notify, now: () => clock.now }, store, safety, notifier, clock };
}

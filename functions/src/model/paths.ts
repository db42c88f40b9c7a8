/**
 * The one source of truth for collection names and document paths (DESIGN.md §3). Builders check every
 * id they are given is a single path segment, so an id taken from a request can never reach another
 * collection (`../`, `a/b`). Pure: strings in, strings out.
 */
import { errors } from '../platform/errors';
import { ID_SEGMENT_RE } from './schemas';

/** Collection ids, top-level and sub-collections (also the ids collection-group queries use). */
export const COLLECTIONS = {
  users: 'users',
  private: 'private',
  devices: 'devices',
  entries: 'entries',
  tasks: 'tasks',
  assessments: 'assessments',
  notifications: 'notifications',
  favorites: 'favorites',
  wellbeing: 'wellbeing',
  chats: 'chats',
  messages: 'messages',
  riskEvents: 'riskEvents',
  counselors: 'counselors',
  slots: 'slots',
  bookings: 'bookings',
  forumPosts: 'forumPosts',
  comments: 'comments',
  likes: 'likes',
  likeState: 'likeState',
  forumReports: 'forumReports',
  peerSessions: 'peerSessions',
  participants: 'participants',
  feedback: 'feedback',
  reports: 'reports',
  resources: 'resources',
  orgs: 'orgs',
  config: 'config',
  deliveries: 'deliveries',
  auditLogs: 'auditLogs',
  analytics: 'analytics',
  daily: 'daily',
} as const;
export type CollectionId = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/** Fixed document ids inside `private` sub-collections and `config`. */
export const DOC_IDS = {
  contact: 'contact',
  safetyPlan: 'safetyPlan',
  join: 'join',
  app: 'app',
} as const;

/** The id as a path segment; throws `path/invalid-id` (invalid-argument) for anything else. */
export function segment(id: string, what = 'id'): string {
  if (!ID_SEGMENT_RE.test(id)) {
    throw errors.invalidArgument('path/invalid-id', `Invalid ${what}: must be 1–128 characters without "/".`);
  }
  return id;
}

const DAY_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function day(value: string): string {
  if (!DAY_RE.test(value)) throw errors.invalidArgument('path/invalid-day', 'Invalid day: must be yyyy-mm-dd.');
  return value;
}

const C = COLLECTIONS;

/** Path builders: `paths.user(uid)` → `users/{uid}`; plural names give the collection path. */
export const paths = {
  users: () => C.users,
  user: (uid: string) => `${C.users}/${segment(uid, 'uid')}`,
  contact: (uid: string) => `${paths.user(uid)}/${C.private}/${DOC_IDS.contact}`,
  safetyPlan: (uid: string) => `${paths.user(uid)}/${C.private}/${DOC_IDS.safetyPlan}`,
  devices: (uid: string) => `${paths.user(uid)}/${C.devices}`,
  device: (uid: string, deviceId: string) => `${paths.devices(uid)}/${segment(deviceId, 'device id')}`,
  entries: (uid: string) => `${paths.user(uid)}/${C.entries}`,
  entry: (uid: string, entryId: string) => `${paths.entries(uid)}/${segment(entryId, 'entry id')}`,
  tasks: (uid: string) => `${paths.user(uid)}/${C.tasks}`,
  task: (uid: string, taskId: string) => `${paths.tasks(uid)}/${segment(taskId, 'task id')}`,
  assessments: (uid: string) => `${paths.user(uid)}/${C.assessments}`,
  assessment: (uid: string, id: string) => `${paths.assessments(uid)}/${segment(id, 'assessment id')}`,
  notifications: (uid: string) => `${paths.user(uid)}/${C.notifications}`,
  notification: (uid: string, id: string) => `${paths.notifications(uid)}/${segment(id, 'notification id')}`,
  favorites: (uid: string) => `${paths.user(uid)}/${C.favorites}`,
  favorite: (uid: string, resourceId: string) => `${paths.favorites(uid)}/${segment(resourceId, 'resource id')}`,
  wellbeingDays: (uid: string) => `${paths.user(uid)}/${C.wellbeing}`,
  wellbeing: (uid: string, yyyyMmDd: string) => `${paths.wellbeingDays(uid)}/${day(yyyyMmDd)}`,

  chats: () => C.chats,
  chat: (chatId: string) => `${C.chats}/${segment(chatId, 'chat id')}`,
  messages: (chatId: string) => `${paths.chat(chatId)}/${C.messages}`,
  message: (chatId: string, msgId: string) => `${paths.messages(chatId)}/${segment(msgId, 'message id')}`,

  riskEvents: () => C.riskEvents,
  riskEvent: (id: string) => `${C.riskEvents}/${segment(id, 'risk event id')}`,

  counselors: () => C.counselors,
  counselor: (uid: string) => `${C.counselors}/${segment(uid, 'uid')}`,
  slots: (counselorUid: string) => `${paths.counselor(counselorUid)}/${C.slots}`,
  slot: (counselorUid: string, slotId: string) => `${paths.slots(counselorUid)}/${segment(slotId, 'slot id')}`,
  bookings: () => C.bookings,
  booking: (id: string) => `${C.bookings}/${segment(id, 'booking id')}`,

  forumPosts: () => C.forumPosts,
  forumPost: (postId: string) => `${C.forumPosts}/${segment(postId, 'post id')}`,
  comments: (postId: string) => `${paths.forumPost(postId)}/${C.comments}`,
  comment: (postId: string, id: string) => `${paths.comments(postId)}/${segment(id, 'comment id')}`,
  likes: (postId: string) => `${paths.forumPost(postId)}/${C.likes}`,
  like: (postId: string, uid: string) => `${paths.likes(postId)}/${segment(uid, 'uid')}`,
  likeState: (postId: string, uid: string) => `${paths.forumPost(postId)}/${C.likeState}/${segment(uid, 'uid')}`,
  forumReports: () => C.forumReports,
  forumReport: (id: string) => `${C.forumReports}/${segment(id, 'report id')}`,

  peerSessions: () => C.peerSessions,
  peerSession: (id: string) => `${C.peerSessions}/${segment(id, 'peer session id')}`,
  participants: (sessionId: string) => `${paths.peerSession(sessionId)}/${C.participants}`,
  participant: (sessionId: string, uid: string) => `${paths.participants(sessionId)}/${segment(uid, 'uid')}`,
  peerJoin: (sessionId: string) => `${paths.peerSession(sessionId)}/${C.private}/${DOC_IDS.join}`,
  feedbacks: (sessionId: string) => `${paths.peerSession(sessionId)}/${C.feedback}`,
  feedback: (sessionId: string, uid: string) => `${paths.feedbacks(sessionId)}/${segment(uid, 'uid')}`,
  reports: (sessionId: string) => `${paths.peerSession(sessionId)}/${C.reports}`,
  report: (sessionId: string, id: string) => `${paths.reports(sessionId)}/${segment(id, 'report id')}`,

  resources: () => C.resources,
  resource: (id: string) => `${C.resources}/${segment(id, 'resource id')}`,
  orgs: () => C.orgs,
  org: (orgId: string) => `${C.orgs}/${segment(orgId, 'org id')}`,
  appConfig: () => `${C.config}/${DOC_IDS.app}`,
  deliveries: () => C.deliveries,
  delivery: (id: string) => `${C.deliveries}/${segment(id, 'delivery id')}`,
  auditLogs: () => C.auditLogs,
  auditLog: (id: string) => `${C.auditLogs}/${segment(id, 'audit log id')}`,
  analyticsDays: (orgId: string) => `${C.analytics}/${segment(orgId, 'org id')}/${C.daily}`,
  analyticsDay: (orgId: string, yyyyMmDd: string) => `${paths.analyticsDays(orgId)}/${day(yyyyMmDd)}`,
} as const;

/**
 * What the forum and the peer circles need from the safety pipeline, behind one small interface: the
 * deterministic risk screener, the language model (and whether it may be asked now: feature flag, per-author
 * rate limit, the org's daily budget), riskEvent creation with a deterministic id per source, and the
 * author's language and helplines for a caring message. The live implementation is in ./live.ts.
 */
import type { ContentLanguage, Helpline, RiskEventLevel } from '../../model/schemas';
import type { LanguageModel } from '../../platform/providers/types';
import type { DeterministicScreener } from '../../safety/verdict';

/** Which rate limit of config/app an author's text counts against. */
export type RateLimitKind = 'forumPosts' | 'forumComments' | null;

export interface RiskSignalIn {
  source: 'forum' | 'peer';
  /** The document (or part of one) that raised it; the riskEvent id is derived from it. */
  sourcePath: string;
  studentUid: string;
  level: RiskEventLevel;
  reasons: readonly string[];
  /** Stored encrypted as the excerpt. */
  text: string;
}

export interface RaisedRisk {
  id: string;
  orgId: string;
  level: RiskEventLevel;
  created: boolean;
}

export interface CareContext {
  language: ContentLanguage;
  helplines: readonly Helpline[];
  /** The author belongs to an org, whose counselors are alerted. */
  orgKnown: boolean;
}

export interface SafetyLink {
  screen: DeterministicScreener;
  model: LanguageModel;
  /** True when the model may be asked `calls` times for this author now. */
  modelAllowed(uid: string, rate: RateLimitKind, calls: number): Promise<boolean>;
  /** Creates (or raises) the riskEvent of the source; undefined when the student has no org to alert. */
  raiseRisk(signal: RiskSignalIn): Promise<RaisedRisk | undefined>;
  /** The author's language (from the text and profile) and the helplines of their country. */
  careContext(uid: string, text: string): Promise<CareContext>;
}

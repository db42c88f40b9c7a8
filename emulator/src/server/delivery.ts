// Delivering Firestore events to firebase-tools' Functions emulator. Triggers come from
// registrations (`eventarcTrigger`, as Google's emulator receives them) or, since firebase-tools only
// registers with a Firestore emulator it started itself, from asking the Functions emulator: its
// `GET /backends` lists every trigger definition, and a POST to an unknown trigger key answers with
// the valid keys (`{region}-{id}-{generation}`). Events for one document are delivered one at a
// time, in commit order; failed deliveries are retried with backoff and logged. Logs name the
// trigger and its document pattern, never a concrete document path.

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DocChange } from './document';
import { parseDatabaseRoot } from './paths';
import type { TriggerRegistration, TriggerSink } from './rest';
import type { CommitEvent } from './store';
import { type TriggerDef, EVENT_PREFIX, cloudEvent, fires } from './triggers';

const Backends = z.object({
  backends: z.array(
    z.looseObject({
      functionTriggers: z
        .array(
          z.looseObject({
            id: z.string(),
            eventTrigger: z
              .looseObject({
                eventType: z.string(),
                eventFilters: z.record(z.string(), z.unknown()).optional(),
                eventFilterPathPatterns: z.record(z.string(), z.unknown()).optional(),
              })
              .optional(),
          }),
        )
        .optional(),
    }),
  ),
});

const PROBE_KEY = '__firestore_emulator_discovery__';

export interface DispatcherOptions {
  /** `host:port` of the Functions emulator. */
  functionsHost: string;
  /**
   * The Functions emulator's project. Discovered triggers fire only for its documents, as Google's
   * emulator (which gets registrations under that project) does; unset, every project's do.
   */
  project?: string;
  log: (line: string) => void;
  /** Delivery attempts per event and the first backoff (doubling). */
  attempts?: number;
  backoffMs?: number;
  /** How long discovered triggers are used before the Functions emulator is asked again. */
  discoveryTtlMs?: number;
}

interface Discovered {
  at: number;
  /** Trigger definition ids (`{region}-{name}`) with their current key. */
  defs: (TriggerDef & { id: string })[];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describe(def: TriggerDef): string {
  return `${def.key} (${def.eventType.slice(EVENT_PREFIX.length)} ${def.document})`;
}

/** Parses the Functions emulator's "valid functions are: a, b" answer. */
export function parseTriggerKeys(text: string): string[] {
  const m = /valid functions are:(.*)$/s.exec(text);
  return m?.[1]
    ? m[1]
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k !== '')
    : [];
}

/** Firestore trigger definitions from `GET /backends`, keyed with the newest generation in `keys`. */
export function firestoreTriggers(backends: unknown, keys: readonly string[]): (TriggerDef & { id: string })[] {
  const parsed = Backends.safeParse(backends);
  if (!parsed.success) return [];
  const out: (TriggerDef & { id: string })[] = [];
  for (const backend of parsed.data.backends) {
    for (const t of backend.functionTriggers ?? []) {
      const trigger = t.eventTrigger;
      if (!trigger || !trigger.eventType.startsWith(EVENT_PREFIX)) continue;
      const exact = trigger.eventFilters?.['document'];
      const pattern = trigger.eventFilterPathPatterns?.['document'];
      const document = typeof pattern === 'string' ? pattern : typeof exact === 'string' ? exact : undefined;
      if (document === undefined) continue;
      const database = trigger.eventFilters?.['database'];
      let best: { key: string; generation: number } | undefined;
      for (const key of keys) {
        if (!key.startsWith(`${t.id}-`)) continue;
        const generation = Number(key.slice(t.id.length + 1));
        if (Number.isInteger(generation) && (!best || generation > best.generation)) best = { key, generation };
      }
      if (!best) continue;
      out.push({
        id: t.id,
        key: best.key,
        eventType: trigger.eventType,
        database: typeof database === 'string' ? database : '(default)',
        document,
        matchType: typeof pattern === 'string' ? 'PATH_PATTERN' : 'EXACT',
      });
    }
  }
  return out;
}

export class TriggerDispatcher implements TriggerSink {
  private readonly registered = new Map<string, Map<string, TriggerDef>>();
  private discovered: Discovered | undefined;
  private discovering: Promise<Discovered | undefined> | undefined;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly ttlMs: number;
  private stopped = false;

  constructor(private readonly options: DispatcherOptions) {
    this.attempts = options.attempts ?? 6;
    this.backoffMs = options.backoffMs ?? 200;
    this.ttlMs = options.discoveryTtlMs ?? 2000;
  }

  register(project: string, key: string, registration: TriggerRegistration): void {
    let map = this.registered.get(project);
    if (!map) this.registered.set(project, (map = new Map()));
    const def: TriggerDef = {
      key,
      eventType: registration.eventType,
      database: registration.database ?? '(default)',
      document: registration.document.value,
      matchType: registration.document.matchType ?? 'PATH_PATTERN',
    };
    map.set(key, def);
    this.options.log(`trigger registered: ${describe(def)}`);
  }

  unregister(project: string, key: string): void {
    this.registered.get(project)?.delete(key);
  }

  /** Subscribe this to the backend's commits. */
  readonly onCommit = (event: CommitEvent): void => {
    if (event.silent || this.stopped) return;
    const { project, database } = parseDatabaseRoot(event.root);
    if (this.options.project !== undefined && project !== this.options.project && !this.registered.get(project)?.size) return;
    for (const change of event.changes) {
      const docKey = `${event.root}/${change.path}`;
      const previous = this.chains.get(docKey) ?? Promise.resolve();
      const next = previous.then(() => this.deliverChange(project, database, change, event));
      this.chains.set(docKey, next);
      void next.then(() => {
        if (this.chains.get(docKey) === next) this.chains.delete(docKey);
      });
    }
  };

  /** Resolves when every event queued so far has been delivered or given up. */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  stop(): void {
    this.stopped = true;
  }

  private async deliverChange(project: string, database: string, change: DocChange, event: CommitEvent): Promise<void> {
    const defs = await this.triggersFor(project);
    for (const def of defs) {
      if (this.stopped) return;
      if (!fires(def, database, change)) continue;
      const body = cloudEvent(def, change, { id: randomUUID(), project, database, commitTime: event.commitTime, ...(event.origin ? { origin: event.origin } : {}) });
      await this.post(project, def, body);
    }
  }

  private async triggersFor(project: string): Promise<TriggerDef[]> {
    const registered = this.registered.get(project);
    if (registered && registered.size > 0) return [...registered.values()];
    // An empty answer is not kept: the Functions emulator may still be loading the codebase.
    const cached = this.discovered && this.discovered.defs.length > 0 && Date.now() - this.discovered.at < this.ttlMs;
    const fresh = cached ? this.discovered : await this.discover(project, false);
    return fresh?.defs ?? [];
  }

  /** Asks the Functions emulator for its triggers; keeps the previous answer if it cannot be reached. */
  private discover(project: string, quiet: boolean): Promise<Discovered | undefined> {
    this.discovering ??= (async () => {
      try {
        const base = `http://${this.options.functionsHost}`;
        const backends = await fetch(`${base}/backends`);
        if (!backends.ok) throw new Error(`GET /backends answered ${backends.status}`);
        const probe = await fetch(`${base}/functions/projects/${encodeURIComponent(project)}/triggers/${PROBE_KEY}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        const keys = parseTriggerKeys(await probe.text());
        this.discovered = { at: Date.now(), defs: firestoreTriggers(await backends.json(), keys) };
        return this.discovered;
      } catch (err) {
        if (!quiet) this.options.log(`cannot list triggers from the Functions emulator at ${this.options.functionsHost}: ${err instanceof Error ? err.message : String(err)}`);
        return this.discovered;
      } finally {
        this.discovering = undefined;
      }
    })();
    return this.discovering;
  }

  private async post(project: string, initial: TriggerDef, body: object): Promise<void> {
    let def = initial;
    const payload = JSON.stringify(body);
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (this.stopped) return;
      let reason: string;
      try {
        const res = await fetch(`http://${this.options.functionsHost}/functions/projects/${encodeURIComponent(project)}/triggers/${encodeURIComponent(def.key)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/cloudevents+json' },
          body: payload,
        });
        await res.arrayBuffer();
        if (res.ok) return;
        if (res.status === 500) {
          this.options.log(`function ${describe(def)} failed (HTTP 500); not retried`);
          return;
        }
        reason = `HTTP ${res.status}`;
        if (res.status === 404) def = await this.rekey(project, def);
      } catch (err) {
        reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      }
      if (attempt === this.attempts) {
        this.options.log(`delivery to ${describe(def)} failed after ${attempt} attempts (${reason}); event dropped`);
        return;
      }
      const wait = this.backoffMs * 2 ** (attempt - 1);
      this.options.log(`delivery to ${describe(def)} failed (${reason}); retrying in ${wait} ms`);
      await sleep(wait);
    }
  }

  /** After a 404 the Functions emulator has reloaded (new generation): find the trigger's new key. */
  private async rekey(project: string, def: TriggerDef): Promise<TriggerDef> {
    const id = def.key.replace(/-\d+$/, '');
    const discovered = await this.discover(project, true);
    return discovered?.defs.find((d) => d.id === id && d.eventType === def.eventType) ?? def;
  }
}

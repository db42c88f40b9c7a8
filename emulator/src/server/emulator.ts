// The whole emulator as the CLI runs it: backend with the rules engine, the rules file loaded and
// reloaded when it changes, data imported at start and exported at stop, trigger delivery to the
// Functions emulator, and the server on one port.

import { type FSWatcher, existsSync, readFileSync, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Backend } from './backend';
import { TriggerDispatcher } from './delivery';
import { exportData, importData } from './persistence';
import { compileRules } from './rules-adapter';
import { type RunningServer, startServer } from './server';

export interface EmulatorOptions {
  host?: string;
  port?: number;
  /** Rules file applied to every project that loads none of its own; watched for changes. */
  rulesFile?: string;
  /** When true a missing rules file is an error; otherwise every request is allowed until it appears. */
  rulesRequired?: boolean;
  importDir?: string;
  exportOnExit?: string;
  /** `host:port` of the Functions emulator; without it no triggers are delivered. */
  functionsHost?: string;
  /** The Functions emulator's project: only its documents fire discovered triggers. */
  project?: string;
  log?: (line: string) => void;
}

export interface RunningEmulator {
  readonly server: RunningServer;
  readonly dispatcher: TriggerDispatcher | undefined;
  /** Closes the server (calls in flight finish first), exports when configured, stops the rest. */
  stop(): Promise<void>;
}

const RELOAD_DEBOUNCE_MS = 100;

function watchRules(backend: Backend, file: string, log: (line: string) => void, initial: string | undefined): FSWatcher | undefined {
  let current = initial;
  let timer: NodeJS.Timeout | undefined;
  const reload = (): void => {
    if (!existsSync(file)) return;
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    if (source === current) return;
    try {
      backend.setDefaultRules(source, basename(file));
      current = source;
      log(`rules reloaded from ${file}`);
    } catch (err) {
      log(`rules in ${file} not loaded, previous rules kept: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  try {
    const watcher = watch(dirname(file), (_event, name) => {
      if (name !== basename(file)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(reload, RELOAD_DEBOUNCE_MS);
    });
    watcher.on('close', () => timer && clearTimeout(timer));
    return watcher;
  } catch (err) {
    log(`cannot watch ${file} for changes: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const log = options.log ?? (() => undefined);
  const backend = new Backend({ compileRules });
  let rulesSource: string | undefined;
  let watcher: FSWatcher | undefined;
  if (options.rulesFile) {
    const file = resolve(options.rulesFile);
    if (existsSync(file)) {
      rulesSource = readFileSync(file, 'utf8');
      backend.setDefaultRules(rulesSource, basename(file));
    } else if (options.rulesRequired) {
      throw new Error(`Rules file ${file} does not exist.`);
    } else {
      log(`no rules file at ${file}: every request is allowed until it exists`);
    }
    watcher = watchRules(backend, file, log, rulesSource);
  }
  if (options.importDir) {
    const count = await importData(backend, resolve(options.importDir));
    log(`imported ${count} documents from ${options.importDir}`);
  }
  const dispatcher = options.functionsHost
    ? new TriggerDispatcher({ functionsHost: options.functionsHost, ...(options.project ? { project: options.project } : {}), log: (line) => log(`triggers: ${line}`) })
    : undefined;
  if (dispatcher) backend.onCommit(dispatcher.onCommit);
  const server = await startServer({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080, backend, ...(dispatcher ? { triggers: dispatcher } : {}) });
  let stopping: Promise<void> | undefined;
  return {
    server,
    dispatcher,
    stop() {
      stopping ??= (async () => {
        watcher?.close();
        // The export comes after the server has closed, so it holds every write a client was told of.
        await server.close();
        dispatcher?.stop();
        if (options.exportOnExit) {
          const count = await exportData(backend, resolve(options.exportOnExit));
          log(`exported ${count} documents to ${options.exportOnExit}`);
        }
      })();
      return stopping;
    },
  };
}

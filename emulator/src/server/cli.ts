// `npm run emulator:firestore -- [--host H] [--port N] [--rules FILE] [--project ID] [--import DIR]
// [--export-on-exit DIR] [--functions HOST:PORT]`: runs the offline Firestore emulator until SIGINT or
// SIGTERM and prints a line containing "ready" once it accepts connections.

import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type RunningEmulator, startEmulator } from './emulator';

const USAGE = `usage: emulator:firestore [--host 127.0.0.1] [--port 8080] [--rules ./firestore.rules] [--project ID]
                          [--import DIR] [--export-on-exit DIR] [--functions HOST:PORT]`;

const Args = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  rules: z.string().min(1).optional(),
  project: z.string().min(1).optional(),
  import: z.string().min(1).optional(),
  'export-on-exit': z.string().min(1).optional(),
  functions: z
    .string()
    .regex(/^[^:]+:\d+$|^\[[^\]]+\]:\d+$/, 'expected HOST:PORT')
    .optional(),
  help: z.boolean().optional(),
});

/** A repeated signal sooner than this after the first is the same request to stop. */
const REPEAT_SIGNAL_MS = 1000;

function log(line: string): void {
  console.log(`[firestore] ${line}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      rules: { type: 'string' },
      project: { type: 'string' },
      import: { type: 'string' },
      'export-on-exit': { type: 'string' },
      functions: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`${issue ? `--${issue.path.join('.')}: ${issue.message}` : 'invalid arguments'}\n${USAGE}`);
    process.exit(2);
  }
  const args = parsed.data;
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const functionsHost = args.functions ?? process.env['FUNCTIONS_EMULATOR_HOST'];
  const project = args.project ?? process.env['GCLOUD_PROJECT'];

  // Signal handlers go in before anything starts: a signal arriving before them would kill the
  // process outright (no export), and one can arrive as soon as "ready" is read.
  const started: { emulator?: RunningEmulator } = {};
  let stopping = false;
  let firstSignalAt = 0;
  const finish = (running: RunningEmulator): void => {
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`[firestore] stop failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  const stop = (signal: string): void => {
    if (stopping) {
      // Ctrl-C under `npm run` can deliver one signal twice (from the terminal and from npm): only a
      // signal a second or more after the first means "stop waiting" (a long export, say).
      if (Date.now() - firstSignalAt < REPEAT_SIGNAL_MS) return;
      log(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    firstSignalAt = Date.now();
    log(`${signal}: stopping`);
    if (started.emulator) finish(started.emulator);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const emulator = await startEmulator({
    host: args.host,
    port: args.port,
    rulesFile: args.rules ?? 'firestore.rules',
    rulesRequired: args.rules !== undefined,
    ...(args.import ? { importDir: args.import } : {}),
    ...(args['export-on-exit'] ? { exportOnExit: args['export-on-exit'] } : {}),
    ...(functionsHost ? { functionsHost } : {}),
    ...(project ? { project } : {}),
    log,
  });
  started.emulator = emulator;
  if (stopping) {
    finish(emulator);
    return;
  }
  log(
    `ready on ${emulator.server.address}${project ? ` (project ${project})` : ''}; ` +
      (functionsHost ? `triggers go to the Functions emulator at ${functionsHost}` : 'no Functions emulator given: triggers are off'),
  );
}

main().catch((err: unknown) => {
  console.error(`[firestore] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

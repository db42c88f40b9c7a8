// `npm run emulator:firestore -- [--host H] [--port N] [--rules FILE] [--project ID] [--import DIR]
// [--export-on-exit DIR] [--functions HOST:PORT]`: runs the offline Firestore emulator until SIGINT or
// SIGTERM and prints a line containing "ready" once it accepts connections.

import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startEmulator } from './emulator';

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
  log(
    `ready on ${emulator.server.address}${project ? ` (project ${project})` : ''}; ` +
      (functionsHost ? `triggers go to the Functions emulator at ${functionsHost}` : 'no Functions emulator given: triggers are off'),
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    emulator.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`[firestore] stop failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`[firestore] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

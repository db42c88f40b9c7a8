// `npm run schedule -- <name>`: fires one scheduled function now against the running local stack (`npm start`)
// and prints the outcome; exits 0 when it succeeded. `npm run schedule` alone lists the scheduled functions.
import { HOST, PORTS, PROJECT } from './lib/stack.mjs';
import { describeSchedule } from './lib/cron.mjs';
import { findScheduled, fireScheduled, formatFiring, listScheduled } from './lib/scheduler.mjs';

const functionsHost = process.env.FUNCTIONS_EMULATOR_HOST || `${HOST}:${PORTS.functions}`;

async function main() {
  const name = process.argv[2];
  let functions;
  try {
    functions = await listScheduled({ functionsHost });
  } catch (err) {
    console.error(`schedule: the Functions emulator at ${functionsHost} did not answer (${err instanceof Error ? err.message : err}). Is \`npm start\` running?`);
    return 2;
  }
  const listing = () => functions.map((f) => `  ${f.name.padEnd(18)} ${describeSchedule(f.schedule, f.timeZone)}`).join('\n');
  if (!name) {
    console.log(`Scheduled functions (fire one with npm run schedule -- <name>):\n${listing()}`);
    return 0;
  }
  const fn = findScheduled(functions, name);
  if (!fn) {
    console.error(`schedule: no scheduled function "${name}". Known:\n${listing()}`);
    return 2;
  }
  console.log(`schedule: firing ${fn.name} (${describeSchedule(fn.schedule, fn.timeZone)})…`);
  const result = await fireScheduled(fn, { functionsHost, project: PROJECT });
  console.log(`schedule: ${formatFiring(result)}`);
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`schedule: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  },
);

/** Mocha root hooks: log lines written during a test are kept in memory, not printed (set LOG=1 to print). */
import { captureLogs } from '../../src/platform/log';

let capture: ReturnType<typeof captureLogs> | undefined;

export const mochaHooks = process.env.LOG
  ? {}
  : {
      beforeEach() {
        capture = captureLogs();
      },
      afterEach() {
        capture?.restore();
        capture = undefined;
      },
    };

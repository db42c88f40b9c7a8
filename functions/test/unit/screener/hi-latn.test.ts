/**
 * Hinglish screener cases beyond the labelled set: every level, hard negatives (negation, idioms and
 * hyperbole, recovery, study, fiction, everyday context), obfuscation and third-party reports.
 */
import { HI_LATN_CASES } from './tables/hi-latn';
import { runTable } from './table';

describe('screener (Hinglish)', () => {
  runTable('hi-Latn table', HI_LATN_CASES);
});

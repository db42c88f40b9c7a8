/**
 * Hindi screener cases beyond the labelled set: every level, hard negatives (negation, idioms and
 * hyperbole, recovery, study, fiction, everyday context), obfuscation and third-party reports.
 */
import { HI_CASES } from './tables/hi';
import { runTable } from './table';

describe('screener (Hindi)', () => {
  runTable('hi table', HI_CASES);
});

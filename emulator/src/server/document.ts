// A stored document: its path relative to the database, its fields, and its create/update times
// (microseconds since the epoch, the precision Firestore gives server times).

import type { Fields } from './values';

export interface Doc {
  readonly path: string;
  readonly fields: Fields;
  readonly createTime: number;
  readonly updateTime: number;
}

/** One document's transition in a commit; `before`/`after` are null when it did not exist. */
export interface DocChange {
  readonly path: string;
  readonly before: Doc | null;
  readonly after: Doc | null;
}

// Keeping data across restarts: every database's documents written as one JSON file
// (`firestore.json` in the export directory; values in Firestore's REST JSON form, times in RFC 3339)
// and read back on start. Writes go to a temporary file renamed into place, so an interrupted
// export never leaves a half-written file.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Backend } from './backend';
import type { Doc, DocChange } from './document';
import { isDocumentPath } from './paths';
import { type Json, fieldsFromJson, fieldsToJson, microsToTimestamp, timestampFromIso, timestampToIso, timestampToMicros } from './values';

export const EXPORT_FILE = 'firestore.json';
const FORMAT = 'manmitra-firestore-export';

const ExportFile = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  databases: z.array(
    z.object({
      project: z.string().min(1),
      database: z.string().min(1),
      documents: z.array(
        z.object({
          path: z.string().refine(isDocumentPath, 'not a document path'),
          createTime: z.string(),
          updateTime: z.string(),
          fields: z.record(z.string(), z.json()),
        }),
      ),
    }),
  ),
});

function iso(micros: number): string {
  return timestampToIso(microsToTimestamp(micros));
}

/** Writes every non-empty database to `dir/firestore.json`. Returns the number of documents. */
export async function exportData(backend: Backend, dir: string): Promise<number> {
  let count = 0;
  const databases = backend
    .allDatabases()
    .filter((db) => db.size > 0)
    .map((db) => ({
      project: db.project,
      database: db.database,
      documents: [...db.all()].map((doc) => {
        count++;
        return { path: doc.path, createTime: iso(doc.createTime), updateTime: iso(doc.updateTime), fields: fieldsToJson(doc.fields) };
      }),
    }));
  await mkdir(dir, { recursive: true });
  const file = join(dir, EXPORT_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ format: FORMAT, version: 1, exportedAt: new Date().toISOString(), databases }), 'utf8');
  await rename(temp, file);
  return count;
}

/** Loads `dir/firestore.json` into the backend (no triggers fire). Returns the number of documents. */
export async function importData(backend: Backend, dir: string): Promise<number> {
  const file = join(dir, EXPORT_FILE);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = ExportFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file} is not an emulator export${issue ? ` (${issue.path.join('.')}: ${issue.message})` : ''}`);
  }
  let count = 0;
  for (const entry of parsed.data.databases) {
    const db = backend.database(`projects/${entry.project}/databases/${entry.database}`);
    let latest = 0;
    const changes: DocChange[] = entry.documents.map((d) => {
      const fields: Json = d.fields;
      const doc: Doc = {
        path: d.path,
        fields: fieldsFromJson(fields),
        createTime: timestampToMicros(timestampFromIso(d.createTime)),
        updateTime: timestampToMicros(timestampFromIso(d.updateTime)),
      };
      latest = Math.max(latest, doc.updateTime);
      return { path: d.path, before: db.get(d.path), after: doc };
    });
    backend.clock.advanceTo(latest);
    db.apply(backend.clock.tick(), changes, undefined, true);
    count += changes.length;
  }
  return count;
}

/**
 * Where export files live (`exports/{uid}/{exportId}.json`). `bucketStorage` is Cloud Storage through
 * firebase-admin (loaded on first use); `localStorage` writes the same object names under a local directory
 * for the emulators, which have no Storage emulator here. `storageForEnvironment` picks one.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { segment } from '../model/paths';

export interface StoredFile {
  /** Object name, e.g. `exports/{uid}/{exportId}.json`. */
  name: string;
  /** When it was written (epoch ms). */
  createdAt: number;
}

export interface ExportStorage {
  save(name: string, contents: string, contentType: string): Promise<void>;
  read(name: string): Promise<string | undefined>;
  /** Files whose name starts with `prefix`, at most `limit`. */
  list(prefix: string, limit?: number): Promise<StoredFile[]>;
  /** Removes a file; a missing file is not an error. */
  remove(name: string): Promise<void>;
  /** Removes every file under `prefix`; returns how many. */
  removePrefix(prefix: string): Promise<number>;
}

/** `exports/{uid}/` */
export function exportPrefix(uid: string): string {
  return `exports/${segment(uid, 'uid')}/`;
}

/** `exports/{uid}/{exportId}.json` */
export function exportObjectName(uid: string, exportId: string): string {
  return `${exportPrefix(uid)}${segment(exportId, 'export id')}.json`;
}

/** Object names are `a/b/c`; they never climb out of the root. */
function safeName(name: string): string {
  if (name.split('/').some((part) => part === '..' || part === '.')) throw new Error('invalid object name');
  return name;
}

/** Files under a local directory, named as in the bucket. */
export function localStorage(root: string): ExportStorage {
  const fileOf = (name: string) => join(root, ...safeName(name).split('/'));

  async function walk(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const files: string[] = [];
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) files.push(...(await walk(full)));
      else files.push(full);
    }
    return files;
  }

  const api: ExportStorage = {
    async save(name, contents) {
      const file = fileOf(name);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, contents, 'utf8');
    },
    async read(name) {
      return readFile(fileOf(name), 'utf8').catch(() => undefined);
    },
    async list(prefix, limit = Number.MAX_SAFE_INTEGER) {
      const out: StoredFile[] = [];
      for (const file of (await walk(root)).sort()) {
        const name = relative(root, file).split(sep).join('/');
        if (!name.startsWith(prefix)) continue;
        out.push({ name, createdAt: (await stat(file)).mtimeMs });
        if (out.length >= limit) break;
      }
      return out;
    },
    async remove(name) {
      await rm(fileOf(name), { force: true });
    },
    async removePrefix(prefix) {
      const files = await api.list(prefix);
      for (const f of files) await api.remove(f.name);
      return files.length;
    },
  };
  return api;
}

/** The default bucket of the project (firebase-admin/storage is loaded on first use). */
export function bucketStorage(): ExportStorage {
  const bucket = async () => {
    const [{ getStorage }, { adminApp }] = await Promise.all([import('firebase-admin/storage'), import('../platform/firebase')]);
    return getStorage(adminApp()).bucket();
  };
  return {
    async save(name, contents, contentType) {
      await (await bucket()).file(name).save(contents, { contentType, resumable: false });
    },
    async read(name) {
      const file = (await bucket()).file(name);
      const [exists] = await file.exists();
      if (!exists) return undefined;
      const [buf] = await file.download();
      return buf.toString('utf8');
    },
    async list(prefix, limit) {
      const [files] = await (await bucket()).getFiles({ prefix, ...(limit !== undefined ? { maxResults: limit } : {}), autoPaginate: limit === undefined });
      return files.map((f) => ({ name: f.name, createdAt: Date.parse(String(f.metadata.timeCreated ?? '')) || 0 }));
    },
    async remove(name) {
      await (await bucket()).file(name).delete({ ignoreNotFound: true });
    },
    async removePrefix(prefix) {
      const b = await bucket();
      const [files] = await b.getFiles({ prefix });
      await Promise.all(files.map((f) => f.delete({ ignoreNotFound: true })));
      return files.length;
    },
  };
}

/** The local directory the emulators use: `MANMITRA_STORAGE_DIR`, else a per-project folder in the temp dir. */
export function localStorageRoot(projectId: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.MANMITRA_STORAGE_DIR ?? join(tmpdir(), 'manmitra-storage', projectId);
}

export function storageForEnvironment(emulator: boolean, projectId: string): ExportStorage {
  return emulator ? localStorage(localStorageRoot(projectId)) : bucketStorage();
}

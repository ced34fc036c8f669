import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type ImrError, imrError } from '../domain/errors.js';
import { fail } from './db-errors.js';

/** Where a document's bytes went: spread it into `documents.create`. */
export interface StoredFile {
  readonly sha256: string;
  readonly sizeBytes: number;
  /** Relative to the document store directory: `ab/ab12…` (two-character shard, then the hash). */
  readonly storagePath: string;
}

const STORAGE_PATH = /^([0-9a-f]{2})\/([0-9a-f]{64})$/;
const TEMP_PREFIX = '.tmp-';

/**
 * The document store: files named by the SHA-256 of their bytes, so the same file stored twice is
 * one file. A write goes to a temporary file beside the target and is renamed into place: a reader
 * sees the whole file or none, and a failed write removes its temporary file. Files and directories
 * are private to the server's user (PHI).
 *
 * Durability is grouped: `put` leaves the new file's bytes and name to the operating system, and
 * `flush` then forces every file put so far to disk — the files and the directories naming them —
 * all at once. The store's transactions flush before they commit, so a committed row never refers
 * to bytes a crash could lose; one flush for a batch of documents costs about what one forced write
 * costs, where a forced write per document cost several milliseconds each.
 */
export class DocumentFiles {
  readonly root: string;
  /** Files put but not yet flushed (absolute paths). */
  readonly #unflushed = new Set<string>();
  /** Directories that gained an entry since the last flush: the shards, and the parents of new directories. */
  readonly #changedDirectories = new Set<string>();
  /** Flushes under way: a flush waits for these too, as they may hold a file its caller refers to. */
  readonly #flushing = new Set<Promise<void>>();

  constructor(root: string) {
    this.root = root;
  }

  static hash(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** The absolute path of a stored file; refuses anything that is not a storage path. */
  pathOf(storagePath: string): string {
    const m = STORAGE_PATH.exec(storagePath);
    if (!m?.[1] || !m[2] || m[2].slice(0, 2) !== m[1]) {
      return fail(imrError('IMR_VALIDATION', 'Not a document storage path.'));
    }
    return join(this.root, m[1], m[2]);
  }

  /**
   * Stores bytes (once per content) and says where; durable after the next `flush`. Throws
   * IMR_DOCUMENT_STORE_FAILED.
   */
  async put(bytes: Uint8Array): Promise<StoredFile> {
    const sha256 = DocumentFiles.hash(bytes);
    const storagePath = `${sha256.slice(0, 2)}/${sha256}`;
    const target = this.pathOf(storagePath);
    const dir = join(this.root, sha256.slice(0, 2));
    const stored: StoredFile = { sha256, sizeBytes: bytes.byteLength, storagePath };
    let temp: string | undefined;
    try {
      // Already there, perhaps written by a process that died before flushing it: flushed again all the same.
      if (!(await isFileOfSize(target, bytes.byteLength))) {
        const created = await mkdir(dir, { recursive: true, mode: 0o700 });
        if (created !== undefined) {
          for (let d = dir; d !== dirname(d); d = dirname(d)) {
            this.#changedDirectories.add(dirname(d));
            if (d === created) break;
          }
        }
        temp = join(dir, `${TEMP_PREFIX}${randomUUID()}`);
        await writeFile(temp, bytes, { flag: 'wx', mode: 0o600 });
        await rename(temp, target);
        temp = undefined;
      }
      this.#unflushed.add(target);
      this.#changedDirectories.add(dir);
      return stored;
    } catch (thrown) {
      if (temp !== undefined) await unlink(temp).catch(() => undefined);
      return fail(storeFailure(thrown));
    }
  }

  /** Files put and not yet flushed (none once `flush` has resolved, unless put meanwhile). */
  get unflushed(): number {
    return this.#unflushed.size;
  }

  /**
   * Forces every file put so far to disk: the files' bytes, then the directories that name them,
   * many at a time, and waits for flushes already under way (they may hold a file the caller's rows
   * name). Throws IMR_DOCUMENT_STORE_FAILED; what failed stays due for the next flush, unless it is
   * gone (nothing left to force to disk, and nothing a retry could mend).
   */
  async flush(): Promise<void> {
    if (this.#unflushed.size > 0 || this.#changedDirectories.size > 0) {
      const files = [...this.#unflushed];
      const directories = [...this.#changedDirectories];
      this.#unflushed.clear();
      this.#changedDirectories.clear();
      const flushing = this.#forceAllToDisk(files, directories);
      this.#flushing.add(flushing);
      // Settled either way, it is no longer under way; its own awaiters see its failure.
      void flushing.then(
        () => this.#flushing.delete(flushing),
        () => this.#flushing.delete(flushing),
      );
    }
    await Promise.all([...this.#flushing]);
  }

  /** The files' bytes, then the directory entries naming them (a name must not outlast a crash its bytes did not). */
  async #forceAllToDisk(files: readonly string[], directories: readonly string[]): Promise<void> {
    const failures: unknown[] = [];
    const attempt = async (
      paths: readonly string[],
      force: (path: string) => Promise<void>,
      due: Set<string>,
    ): Promise<void> => {
      const settled = await Promise.allSettled(paths.map(force));
      settled.forEach((r, i) => {
        const path = paths[i];
        if (r.status === 'fulfilled' || path === undefined) return;
        failures.push(r.reason);
        if (fsCodeOf(r.reason) !== 'ENOENT') due.add(path);
      });
    };
    await attempt(files, forceToDisk, this.#unflushed);
    await attempt(directories, forceDirectoryToDisk, this.#changedDirectories);
    if (failures.length > 0) fail(storeFailure(failures[0]));
  }

  async read(storagePath: string): Promise<Buffer> {
    return readFile(this.pathOf(storagePath));
  }

  /** Temporary files left by a process that died mid-write (for a sweeper; none after a normal failure). */
  async strayTempFiles(): Promise<string[]> {
    const shards = await readdir(this.root).catch(() => [] as string[]);
    const found: string[] = [];
    for (const shard of shards) {
      const entries = await readdir(join(this.root, shard)).catch(() => [] as string[]);
      for (const e of entries) if (e.startsWith(TEMP_PREFIX)) found.push(join(shard, e));
    }
    return found;
  }
}

async function isFileOfSize(path: string, size: number): Promise<boolean> {
  try {
    const s = await stat(path);
    return s.isFile() && s.size === size;
  } catch {
    return false;
  }
}

/**
 * fsync of a file, opened for writing where it may be (Windows flushes nothing through a read-only
 * handle), else read-only (enough on POSIX systems; a read-only copy put again).
 */
async function forceToDisk(path: string): Promise<void> {
  const handle = await open(path, 'r+').catch((thrown: unknown) => {
    const code = fsCodeOf(thrown);
    if (code === 'EACCES' || code === 'EPERM') return open(path, 'r');
    throw thrown;
  });
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Where a directory cannot be opened or synced (Windows; some network file systems). */
const NO_DIRECTORY_SYNC = new Set(['EISDIR', 'EINVAL', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP']);

/** fsync of a directory, so that the names renamed into it last; skipped where the system has none. */
async function forceDirectoryToDisk(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (thrown) {
    if (NO_DIRECTORY_SYNC.has(fsCodeOf(thrown) ?? '')) return;
    throw thrown;
  }
}

function fsCodeOf(thrown: unknown): string | undefined {
  const code = (thrown as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function storeFailure(thrown: unknown): ImrError {
  const code = fsCodeOf(thrown);
  return imrError('IMR_DOCUMENT_STORE_FAILED', undefined, code === undefined ? undefined : { fsCode: code });
}

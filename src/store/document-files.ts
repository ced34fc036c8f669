import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { imrError } from '../domain/errors.js';
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
 * one file. A write goes to a temporary file beside the target, is flushed, then renamed into place:
 * a reader sees the whole file or none, and a failed write removes its temporary file. Files and
 * directories are private to the server's user (PHI).
 */
export class DocumentFiles {
  readonly root: string;

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

  /** Stores bytes (once per content) and says where. Throws IMR_DOCUMENT_STORE_FAILED. */
  async put(bytes: Uint8Array): Promise<StoredFile> {
    const sha256 = DocumentFiles.hash(bytes);
    const storagePath = `${sha256.slice(0, 2)}/${sha256}`;
    const target = this.pathOf(storagePath);
    const dir = join(this.root, sha256.slice(0, 2));
    const stored: StoredFile = { sha256, sizeBytes: bytes.byteLength, storagePath };
    let temp: string | undefined;
    try {
      if (await isFileOfSize(target, bytes.byteLength)) return stored;
      await mkdir(dir, { recursive: true, mode: 0o700 });
      temp = join(dir, `${TEMP_PREFIX}${randomUUID()}`);
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
      temp = undefined;
      return stored;
    } catch (thrown) {
      if (temp !== undefined) await unlink(temp).catch(() => undefined);
      const code = (thrown as { code?: unknown }).code;
      return fail(
        imrError('IMR_DOCUMENT_STORE_FAILED', undefined, typeof code === 'string' ? { fsCode: code } : undefined),
      );
    }
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

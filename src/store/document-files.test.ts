import { mkdir, mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImrFailure } from '../domain/errors.js';
import { DocumentFiles } from './document-files.js';

let root: string;
let files: DocumentFiles;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'imr-docs-'));
  files = new DocumentFiles(join(root, 'documents'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function codeOfFailure(thrown: unknown): string | undefined {
  return thrown instanceof ImrFailure ? thrown.error.code : undefined;
}

describe('DocumentFiles', () => {
  it('names a file by the SHA-256 of its bytes and returns them unchanged', async () => {
    const bytes = new TextEncoder().encode('hello');
    const stored = await files.put(bytes);
    expect(stored).toEqual({
      sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
      sizeBytes: 5,
      storagePath: '2c/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    });
    expect(new Uint8Array(await files.read(stored.storagePath))).toEqual(bytes);
  });

  it('stores the same content once however often it is put', async () => {
    const a = await files.put(new TextEncoder().encode('same'));
    const b = await files.put(new TextEncoder().encode('same'));
    const c = await files.put(new TextEncoder().encode('other'));
    expect(b).toEqual(a);
    expect(c.sha256).not.toBe(a.sha256);
    expect((await allFiles(files.root)).sort()).toEqual(
      [files.pathOf(a.storagePath), files.pathOf(c.storagePath)].sort(),
    );
  });

  it('stores an empty file', async () => {
    const s = await files.put(new Uint8Array());
    expect(s.sizeBytes).toBe(0);
    expect((await readFile(files.pathOf(s.storagePath))).length).toBe(0);
  });

  it('keeps files and directories private to the owner', async () => {
    const s = await files.put(new TextEncoder().encode('phi'));
    expect((await stat(files.pathOf(s.storagePath))).mode & 0o777).toBe(0o600);
    expect((await stat(join(files.root, s.sha256.slice(0, 2)))).mode & 0o777).toBe(0o700);
  });

  it('replaces a damaged copy (wrong size) instead of trusting it', async () => {
    const bytes = new TextEncoder().encode('complete content');
    const s = await files.put(bytes);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(files.pathOf(s.storagePath), 'trunc');
    await files.put(bytes);
    expect(await readFile(files.pathOf(s.storagePath), 'utf8')).toBe('complete content');
  });

  it('fails with IMR_DOCUMENT_STORE_FAILED and leaves no temporary file when the final rename fails', async () => {
    const bytes = new TextEncoder().encode('blocked');
    const sha = DocumentFiles.hash(bytes);
    // A directory where the file should go: the temporary file is written, the rename then fails.
    await mkdir(join(files.root, sha.slice(0, 2), sha, 'occupied'), { recursive: true });
    const thrown = await files.put(bytes).catch((e: unknown) => e);
    expect(codeOfFailure(thrown)).toBe('IMR_DOCUMENT_STORE_FAILED');
    expect(await files.strayTempFiles()).toEqual([]);
    expect(await allFiles(files.root)).toEqual([]);
  });

  it('fails with IMR_DOCUMENT_STORE_FAILED when the directory cannot be made', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(files.root, 'not a directory');
    const thrown = await files.put(new TextEncoder().encode('x')).catch((e: unknown) => e);
    expect(codeOfFailure(thrown)).toBe('IMR_DOCUMENT_STORE_FAILED');
  });

  it('leaves each file put due for the next flush, which forces them all to disk at once', async () => {
    const probe = await open(join(root, 'probe'), 'w');
    const sync = vi.spyOn(Object.getPrototypeOf(probe) as { sync(): Promise<void> }, 'sync');
    await probe.close();
    try {
      expect(files.unflushed).toBe(0);
      await files.put(new TextEncoder().encode('first'));
      await files.put(new TextEncoder().encode('second'));
      await files.put(new TextEncoder().encode('first'));
      expect(files.unflushed).toBe(2);
      expect(sync).not.toHaveBeenCalled();
      await files.flush();
      // Two files, their two shard directories, the document root made for them and its parent.
      expect(sync).toHaveBeenCalledTimes(6);
    } finally {
      sync.mockRestore();
    }
    expect(files.unflushed).toBe(0);
    // Content already there is forced to disk again: a process may have died before flushing it.
    await files.put(new TextEncoder().encode('second'));
    expect(files.unflushed).toBe(1);
    await Promise.all([files.flush(), files.flush()]);
    expect(files.unflushed).toBe(0);
    await files.flush();
  });

  it('fails a flush with IMR_DOCUMENT_STORE_FAILED and keeps what failed due for the next one', async () => {
    const s = await files.put(new TextEncoder().encode('kept due'));
    const target = files.pathOf(s.storagePath);
    // A directory in the file's place cannot be opened for writing: the forced write fails.
    await rm(target);
    await mkdir(target);
    const thrown = await files.flush().catch((e: unknown) => e);
    expect(codeOfFailure(thrown)).toBe('IMR_DOCUMENT_STORE_FAILED');
    expect(files.unflushed).toBe(1);
    await rm(target, { recursive: true });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(target, 'kept due');
    await files.flush();
    expect(files.unflushed).toBe(0);
  });

  it('does not retry a file that is gone since it was put', async () => {
    const s = await files.put(new TextEncoder().encode('removed'));
    await rm(files.pathOf(s.storagePath));
    const thrown = await files.flush().catch((e: unknown) => e);
    expect(codeOfFailure(thrown)).toBe('IMR_DOCUMENT_STORE_FAILED');
    expect(files.unflushed).toBe(0);
    await files.flush();
  });

  it('refuses storage paths that are not its own (no path traversal)', () => {
    for (const bad of ['../etc/passwd', `ab/${'0'.repeat(64)}`, `2c/${'0'.repeat(63)}`, '/abs/path', '']) {
      expect(() => files.pathOf(bad), bad).toThrow(ImrFailure);
    }
  });

  it('finds temporary files a crashed writer left behind', async () => {
    await files.put(new TextEncoder().encode('x'));
    const shard = (await readdir(files.root))[0] ?? '';
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(files.root, shard, '.tmp-crashed'), 'partial');
    expect(await files.strayTempFiles()).toEqual([join(shard, '.tmp-crashed')]);
  });
});

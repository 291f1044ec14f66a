import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobStore } from './blob-store.js';

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f-]{36}(\.[a-z0-9]{1,8})?$/;

/**
 * Keeps blobs as files under `root` (by default `<DATA_DIR>/blobs`), fanned out by the first two
 * characters of the key. A write goes to a temp file first and is renamed into place, so a crash
 * never leaves a half-written blob under a real key.
 */
export class DiskBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async put(data: Buffer, hint?: { extension?: string }): Promise<string> {
    const id = randomUUID();
    const extension = hint?.extension && /^[a-z0-9]{1,8}$/.test(hint.extension) ? `.${hint.extension}` : '';
    const key = `${id.slice(0, 2)}/${id}${extension}`;
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.partial`;
    await writeFile(temp, data);
    await rename(temp, target);
    return key;
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async stream(key: string): Promise<Readable | null> {
    const file = this.pathOf(key);
    try {
      await stat(file);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    return createReadStream(file);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`invalid blob key: ${JSON.stringify(key)}`);
    return path.join(this.root, key);
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

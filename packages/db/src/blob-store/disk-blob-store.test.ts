import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskBlobStore } from './disk-blob-store.js';

const root = await mkdtemp(path.join(tmpdir(), 'blobs-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('DiskBlobStore', () => {
  const store = new DiskBlobStore(root);

  it('returns the same bytes it was given, under a fresh key each time', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254]);
    const first = await store.put(bytes, { extension: 'bin' });
    const second = await store.put(bytes);
    expect(first).not.toEqual(second);
    expect(first).toMatch(/\.bin$/);
    expect(await store.get(first)).toEqual(bytes);
    expect(await text((await store.stream(second))!)).toEqual(bytes.toString());
  });

  it('answers null for a missing blob and forgets a deleted one', async () => {
    const key = await store.put(Buffer.from('x'));
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(await store.stream(key)).toBeNull();
  });

  it('refuses keys that could escape its folder', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/invalid blob key/);
  });
});

import type { Readable } from 'node:stream';

/** Where attachment bytes live. The database keeps only the key and the metadata. */
export interface BlobStore {
  /** Stores `data` under a new unique key and returns it. */
  put(data: Buffer, hint?: { extension?: string }): Promise<string>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  stream(key: string): Promise<Readable | null>;
  delete(key: string): Promise<void>;
}

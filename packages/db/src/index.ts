export { createDb, inTransaction, type Db, type CreateDbOptions } from './client.js';
export type { BlobStore } from './blob-store/blob-store.js';
export { DiskBlobStore } from './blob-store/disk-blob-store.js';
export * from './generated/prisma/client.js';

import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';

export type { PrismaClient };

/** The client or an interactive transaction: services take this, so a caller can pass its tx. */
export type Db = PrismaClient | Prisma.TransactionClient;

export interface CreateDbOptions {
  connectionString: string;
  /** Pool size of the pg driver (default 10). */
  maxConnections?: number;
}

export function createDb({ connectionString, maxConnections = 10 }: CreateDbOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: maxConnections });
  return new PrismaClient({ adapter });
}

/**
 * Runs `work` in one transaction. Callers that already hold a transaction client pass it and
 * `work` joins it, so a service can be called from a route or from inside a larger transaction.
 */
export async function inTransaction<T>(
  db: Db,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: { timeoutMs?: number },
): Promise<T> {
  if (!('$transaction' in db)) return work(db);
  return db.$transaction(work, { timeout: options?.timeoutMs ?? 15_000, maxWait: 10_000 });
}

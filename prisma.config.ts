// For the stock Prisma CLI where it can download its engine (`pnpm exec prisma migrate status`).
// CallBridge itself migrates with `pnpm db:migrate`, which works offline and writes the same
// `_prisma_migrations` table.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});

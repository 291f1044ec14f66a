import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `prisma generate` without network: the CLI only checks that a schema-engine file exists before
 * generating, and generation itself needs no engine (MACHINE-NOTES.md), so point it at /bin/false.
 * Runs on `pnpm install` (postinstall) so a fresh clone has its client.
 */
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schema = path.resolve(packageDir, '../../prisma/schema.prisma');
const result = spawnSync('pnpm', ['exec', 'prisma', 'generate', '--schema', schema], {
  cwd: packageDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
process.exit(result.status ?? 1);

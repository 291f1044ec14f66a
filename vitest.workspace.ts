import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The test projects of the workspace (Vitest 4 reads them through `test.projects` in
 * vitest.config.ts). Unit tests sit beside the code; cross-package and end-to-end tests live in each
 * app's or adapter's `test/` folder. `extends: true` gives each project the root settings, among
 * them the global setup that starts the run's PostgreSQL and Redis.
 */
const project = (name: string, root: string): TestProjectInlineConfiguration => ({
  extends: true,
  test: { name, include: [`${root}/*/src/**/*.test.ts`, `${root}/*/test/**/*.test.ts`] },
});

export default [project('packages', 'packages'), project('apps', 'apps'), project('adapters', 'adapters')];

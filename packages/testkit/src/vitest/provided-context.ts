declare module 'vitest' {
  export interface ProvidedContext {
    /** Server-level URL of the PostgreSQL the test run started (database `postgres`). */
    postgresServerUrl: string;
    /** The migrated template database every test file clones. */
    postgresTemplate: string;
    redisUrl: string;
  }
}

export {};

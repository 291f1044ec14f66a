/** A database or queue server the testkit started (or found already running). */
export interface ServerHandle {
  /** How it runs: a container, a process of ours, or one left running by an earlier start. */
  kind: 'container' | 'local';
  url: string;
  port: number;
  /** True when the server was already running (e.g. under `pnpm start`) and this handle found it. */
  reused?: boolean;
  stop(): Promise<void>;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Runs a TypeScript entry point in its own Node process (through tsx), sharing our stdio. */
export function startTsProcess(entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const tsxLoader = require.resolve('tsx');
  return spawn(process.execPath, ['--import', tsxLoader, entry], {
    env,
    stdio: 'inherit',
    // Own process group: Ctrl-C reaches the launcher only, which then stops the children in order.
    detached: true,
  });
}

/** Sends SIGTERM and waits for the exit; SIGKILL after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

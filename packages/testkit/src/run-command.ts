import { spawn, type SpawnOptions } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  output: string;
}

/** Runs a command to completion and collects stdout+stderr; never throws for a non-zero exit. */
export function runCommand(file: string, args: string[], options: SpawnOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** Like runCommand, but a non-zero exit becomes an error carrying the command's output. */
export async function runCommandOrThrow(file: string, args: string[], options: SpawnOptions = {}): Promise<string> {
  const { code, output } = await runCommand(file, args, options);
  if (code !== 0) throw new Error(`${file} ${args.join(' ')} exited with ${code}:\n${output.trim()}`);
  return output;
}

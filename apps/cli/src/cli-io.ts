/** Where the CLI writes: stdout for results, stderr for progress and errors (tests capture both). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress bars only then). */
  interactive: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
};

/** A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal. */
export function progressBar(io: CliIo, label: string): (done: number, total: number) => void {
  return (done, total) => {
    if (!io.interactive || total === 0) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.err(
      `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`,
    );
  };
}

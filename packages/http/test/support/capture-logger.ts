import { pino, type Logger } from 'pino';

/** A debug-level pino logger writing into memory, so a test can read every line it produced. */
export function captureLogger(): { logger: Logger; output: () => string; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (chunk: string) => void chunks.push(chunk) });
  const output = () => chunks.join('');
  const lines = () =>
    output()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, output, lines };
}

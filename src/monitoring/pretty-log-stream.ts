import { Writable } from 'node:stream';

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};
const HIDDEN = new Set(['level', 'time', 'msg', 'context', 'service', 'mode', 'pid', 'hostname']);

/** One pino JSON line as a person reads it in a terminal: `19:12:57.698 INFO  [Context] message key=value`. */
export function formatLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = new Date(typeof entry.time === 'number' ? entry.time : Date.now())
    .toISOString()
    .slice(11, 23);
  const level = LEVELS[entry.level as number] ?? String(entry.level);
  const context = typeof entry.context === 'string' ? `[${entry.context}] ` : '';
  const extras = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return `${time} ${level} ${context}${typeof entry.msg === 'string' ? entry.msg : JSON.stringify(entry.msg ?? '')}${extras ? `  ${extras}` : ''}`;
}

/** A pino destination that prints readable lines (LOG_FORMAT=pretty, the default in a terminal). */
export function prettyLogStream(out: NodeJS.WritableStream = process.stdout): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString('utf8');
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        out.write(`${formatLogLine(pending.slice(0, newline))}\n`);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
      done();
    },
  });
}

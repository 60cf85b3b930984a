import { Logger } from '@nestjs/common';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

/** Buffered lines beyond this are dropped (and counted) rather than let a slow disk grow memory without bound. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/**
 * Record mode (`--record FILE`): every raw frame with its receive time, one JSON line each
 * (`{"t":<ms>,"frame":"<raw text>"}`), appended write-behind: the feed only pushes onto an array; a timer
 * writes batches, and a disk that cannot keep up costs dropped lines (counted), never a blocked feed.
 */
export class FrameRecorder {
  private readonly logger = new Logger(FrameRecorder.name);
  private readonly stream: WriteStream;
  private buffer: string[] = [];
  private bufferedBytes = 0;
  private writing = false;
  private readonly timer: NodeJS.Timeout;
  recorded = 0;
  dropped = 0;

  constructor(
    readonly file: string,
    flushEveryMs = 100,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.stream = createWriteStream(file, { flags: 'a' });
    this.stream.on('error', (error) =>
      this.logger.error(`recording to ${file} failed: ${error.message}`),
    );
    this.timer = setInterval(() => this.flush(), flushEveryMs);
    this.timer.unref();
  }

  record(text: string, receivedAtMs: number): void {
    if (this.bufferedBytes > MAX_BUFFERED_BYTES) {
      this.dropped++;
      return;
    }
    const line = `{"t":${receivedAtMs},"frame":${JSON.stringify(text)}}\n`;
    this.buffer.push(line);
    this.bufferedBytes += line.length;
    this.recorded++;
  }

  /** Hands the buffered lines to the stream, unless it is still busy with the previous batch. */
  flush(): void {
    if (this.writing || this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.bufferedBytes = 0;
    this.writing = true;
    const drained = this.stream.write(chunk, () => {
      this.writing = false;
    });
    if (!drained) {
      this.writing = true;
      this.stream.once('drain', () => {
        this.writing = false;
      });
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    const rest = this.buffer.join('');
    this.buffer = [];
    await new Promise<void>((resolve) => {
      if (rest) this.stream.write(rest);
      this.stream.end(() => resolve());
    });
    if (this.dropped > 0)
      this.logger.warn(
        `recording to ${this.file}: ${this.dropped} frames dropped (the disk was too slow)`,
      );
  }
}

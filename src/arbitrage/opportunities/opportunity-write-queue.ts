import type { OpportunityRecord } from './opportunity-record';

/** Where batches go: the database in the app, an array in tests. */
export interface OpportunityRecordWriter {
  write(records: readonly OpportunityRecord[]): Promise<void>;
}

/**
 * Write-behind persistence of opened and closed opportunities: the hot path only enqueues (latest state of
 * each id wins), a timer flushes in batches. A failed batch is put back unless a newer state of the same
 * opportunity arrived meanwhile, and tried again on the next flush.
 */
export class OpportunityWriteQueue {
  private pending = new Map<string, OpportunityRecord>();
  private flushing: Promise<number> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Records written since start, and batches that failed: for metrics and tests. */
  written = 0;
  failures = 0;

  constructor(
    private readonly writer: OpportunityRecordWriter,
    private readonly onError: (error: unknown, batchSize: number) => void,
    private readonly maxBatch = 500,
  ) {}

  enqueue(record: OpportunityRecord): void {
    this.pending.set(record.id, record);
  }

  get size(): number {
    return this.pending.size;
  }

  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left (once; a failure is reported, not thrown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Writes everything pending in batches; resolves with how many records were written. */
  flush(): Promise<number> {
    this.flushing ??= this.drain().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async drain(): Promise<number> {
    let written = 0;
    while (this.pending.size > 0) {
      const batch = [...this.pending.values()].slice(0, this.maxBatch);
      for (const record of batch) this.pending.delete(record.id);
      try {
        await this.writer.write(batch);
      } catch (error) {
        this.failures++;
        for (const record of batch)
          if (!this.pending.has(record.id)) this.pending.set(record.id, record);
        this.onError(error, batch.length);
        return written;
      }
      written += batch.length;
      this.written += batch.length;
    }
    return written;
  }
}

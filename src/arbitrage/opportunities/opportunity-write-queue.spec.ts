import type { OpportunityRecord } from './opportunity-record';
import { OpportunityWriteQueue, type OpportunityRecordWriter } from './opportunity-write-queue';

const record = (id: string, status: 'OPEN' | 'CLOSED') => ({ id, status }) as OpportunityRecord;

class ArrayWriter implements OpportunityRecordWriter {
  batches: { id: string; status: string }[][] = [];
  failNext = 0;
  async write(records: readonly OpportunityRecord[]): Promise<void> {
    await Promise.resolve();
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('database down');
    }
    this.batches.push(records.map((r) => ({ id: r.id, status: r.status })));
  }
}

describe('OpportunityWriteQueue (write-behind)', () => {
  it('writes the latest state of each opportunity once per flush, in batches', async () => {
    const writer = new ArrayWriter();
    const queue = new OpportunityWriteQueue(writer, () => undefined, 2);
    queue.enqueue(record('a', 'OPEN'));
    queue.enqueue(record('b', 'OPEN'));
    queue.enqueue(record('a', 'CLOSED'));
    queue.enqueue(record('c', 'OPEN'));
    expect(await queue.flush()).toBe(3);
    expect(writer.batches).toEqual([
      [
        { id: 'a', status: 'CLOSED' },
        { id: 'b', status: 'OPEN' },
      ],
      [{ id: 'c', status: 'OPEN' }],
    ]);
    expect(queue.size).toBe(0);
  });

  it('keeps a failed batch for the next flush, unless a newer state of the same opportunity came meanwhile', async () => {
    const writer = new ArrayWriter();
    const errors: string[] = [];
    const queue = new OpportunityWriteQueue(writer, (error, size) =>
      errors.push(`${String(error)} (${size})`),
    );
    writer.failNext = 1;
    queue.enqueue(record('a', 'OPEN'));
    queue.enqueue(record('b', 'OPEN'));
    const failed = queue.flush();
    queue.enqueue(record('a', 'CLOSED'));
    expect(await failed).toBe(0);
    expect(errors).toEqual(['Error: database down (2)']);
    expect(await queue.flush()).toBe(2);
    expect(writer.batches).toEqual([
      [
        { id: 'a', status: 'CLOSED' },
        { id: 'b', status: 'OPEN' },
      ],
    ]);
    expect(queue.failures).toBe(1);
  });

  it('one flush at a time: a second call while writing joins the first', async () => {
    const writer = new ArrayWriter();
    const queue = new OpportunityWriteQueue(writer, () => undefined);
    queue.enqueue(record('a', 'OPEN'));
    const [first, second] = [queue.flush(), queue.flush()];
    expect(first).toBe(second);
    await first;
    expect(writer.batches).toHaveLength(1);
  });

  it('stop() writes what is left', async () => {
    const writer = new ArrayWriter();
    const queue = new OpportunityWriteQueue(writer, () => undefined);
    queue.start(60_000);
    queue.enqueue(record('a', 'CLOSED'));
    await queue.stop();
    expect(writer.batches).toEqual([[{ id: 'a', status: 'CLOSED' }]]);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FrameRecorder } from './frame-recorder';

describe('FrameRecorder', () => {
  it('appends each raw frame with its receive time as one JSON line, written behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recorder-'));
    const file = join(dir, 'nested', 'frames.jsonl');
    const recorder = new FrameRecorder(file, 10);
    const frame =
      '{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"A\\"B","price_dollars":"0.4200"}}';
    recorder.record(frame, 1790000000123);
    recorder.record('not json\n', 1790000000124);
    await recorder.close();
    const lines = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { t: number; frame: string });
    expect(lines).toEqual([
      { t: 1790000000123, frame },
      { t: 1790000000124, frame: 'not json\n' },
    ]);
    expect(recorder.recorded).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});

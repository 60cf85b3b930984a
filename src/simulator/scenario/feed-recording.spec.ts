import { generateFeedRecording } from './feed-recording';

describe('generateFeedRecording', () => {
  const options = { seed: 5, events: 40, minMembers: 4, maxMembers: 8, frames: 5_000 };

  it('is byte-for-byte deterministic for the same options', () => {
    const a = generateFeedRecording(options);
    const b = generateFeedRecording(options);
    expect(b.frames).toEqual(a.frames);
    expect(b.markets).toEqual(a.markets);
    expect(generateFeedRecording({ ...options, seed: 6 }).frames).not.toEqual(a.frames);
  });

  it('starts with one snapshot per market, then deltas; seq runs 1, 2, 3... per sid of ~100 markets', () => {
    const recording = generateFeedRecording(options);
    const markets = recording.markets.length;
    expect(recording.events).toHaveLength(40);
    expect(recording.series.length).toBeGreaterThan(0);
    expect(recording.frames).toHaveLength(markets + 5_000);
    const parsed = recording.frames.map(
      (f) =>
        JSON.parse(f) as { type: string; sid: number; seq: number; msg: Record<string, unknown> },
    );
    expect(parsed.slice(0, markets).every((f) => f.type === 'orderbook_snapshot')).toBe(true);
    expect(parsed.slice(markets).every((f) => f.type === 'orderbook_delta')).toBe(true);
    expect(new Set(parsed.slice(0, markets).map((f) => f.msg.market_ticker)).size).toBe(markets);
    const lastSeq = new Map<number, number>();
    for (const frame of parsed) {
      expect(frame.seq).toBe((lastSeq.get(frame.sid) ?? 0) + 1);
      lastSeq.set(frame.sid, frame.seq);
    }
    expect(lastSeq.size).toBe(Math.ceil(markets / 100));
    const delta = parsed[markets].msg;
    expect(delta).toEqual({
      market_ticker: expect.any(String),
      market_id: expect.any(String),
      price_dollars: expect.stringMatching(/^0\.\d{4}$/),
      delta_fp: expect.stringMatching(/^-?\d+\.\d{2}$/),
      side: expect.stringMatching(/^(yes|no)$/),
      ts_ms: expect.any(Number),
    });
  });
});

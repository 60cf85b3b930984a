import { FeedHealth } from './feed-health';

describe('FeedHealth', () => {
  it('counts frames per second over the last five whole seconds', () => {
    const health = new FeedHealth();
    for (let second = 0; second < 6; second++)
      for (let i = 0; i < 100 * (second + 1); i++) health.frame(1_000_000 + second * 1000 + i);
    // seconds 1..5 before "now" (second 6) had 200, 300, 400, 500, 600 frames
    expect(health.framesPerSecond(1_006_000)).toBe(400);
    expect(health.framesPerSecond(1_020_000)).toBe(0);
  });

  it('reports message age percentiles of recent frames', () => {
    const health = new FeedHealth();
    expect(health.agePercentile(0.5)).toBeNull();
    for (let age = 1; age <= 100; age++) health.age(age);
    expect([health.agePercentile(0.5), health.agePercentile(0.99)]).toEqual([50, 99]);
  });
});

import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'Health of the live Kalshi feed. Totals are Float only because they can pass 2^31; they are whole numbers',
})
export class FeedStatus {
  @Field({ description: 'where the exchange is: demo, production, custom or built-in-simulator' })
  source: string;

  @Field()
  connected: boolean;

  @Field(() => Int, { description: 'confirmed WebSocket subscriptions (sids)' })
  subscriptions: number;

  @Field(() => Int)
  trackedMarkets: number;

  @Field(() => Int)
  staleBooks: number;

  @Field(() => Float)
  framesReceived: number;

  @Field(() => Int, { description: 'frames per second over the last 5 s' })
  framesPerSecond: number;

  @Field(() => Float, {
    nullable: true,
    description: 'exchange time (ts_ms) to receipt, median of recent deltas, ms',
  })
  messageAgeP50Ms: number | null;

  @Field(() => Float, { nullable: true, description: 'the same, 99th percentile' })
  messageAgeP99Ms: number | null;

  @Field(() => Float)
  snapshots: number;

  @Field(() => Float)
  deltas: number;

  @Field(() => Float, { description: 'seq gaps seen' })
  gaps: number;

  @Field(() => Float, { description: 'books or sids asked for fresh snapshots' })
  resyncs: number;

  @Field(() => Float)
  resubscribes: number;

  @Field(() => Float)
  reconnects: number;

  @Field(() => Float)
  malformedFrames: number;

  @Field(() => Float)
  unknownTypes: number;

  @Field(() => Float)
  unknownMarketDeltas: number;

  @Field(() => Float)
  belowZeroDeltas: number;

  @Field(() => Float)
  offGridDeltas: number;

  @Field(() => Float)
  subscriptionErrors: number;

  @Field(() => String, { nullable: true, description: 'ISO-8601 time of the last frame' })
  lastFrameAt: string | null;

  @Field(() => String, { nullable: true, description: 'ISO-8601 time of the last catalog load' })
  catalogLoadedAt: string | null;
}

import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FeedStatus } from '../../market-data/models/feed-status.model';

export enum RunModeValue {
  simulation = 'simulation',
  production = 'production',
  development = 'development',
}
registerEnumType(RunModeValue, {
  name: 'RunMode',
  description: 'How the service trades: paper (simulation, development) or real (production)',
});

export enum DatabaseKindValue {
  EMBEDDED = 'EMBEDDED',
  EXTERNAL = 'EXTERNAL',
}
registerEnumType(DatabaseKindValue, {
  name: 'DatabaseKind',
  description: 'EMBEDDED: PostgreSQL started by the app in DATA_DIR; EXTERNAL: DATABASE_URL',
});

@ObjectType({ description: 'The database the service stores into' })
export class DatabaseStatus {
  @Field(() => DatabaseKindValue)
  kind: DatabaseKindValue;

  @Field({ description: 'true when a query answered just now' })
  healthy: boolean;

  @Field(() => Int, { nullable: true, description: 'round trip of the health query, in ms' })
  latencyMs: number | null;

  @Field(() => String, { nullable: true, description: 'why the database is unhealthy' })
  error: string | null;
}

@ObjectType({ description: 'What is running and whether it is well' })
export class SystemStatus {
  @Field(() => RunModeValue)
  mode: RunModeValue;

  @Field()
  version: string;

  @Field({ description: 'ISO-8601 time the service started' })
  startedAt: string;

  @Field(() => Int)
  uptimeSeconds: number;

  @Field(() => DatabaseStatus)
  database: DatabaseStatus;

  @Field(() => FeedStatus, { description: 'the live Kalshi feed' })
  feed: FeedStatus;

  @Field({ description: 'ISO-8601 time this status was taken' })
  observedAt: string;
}

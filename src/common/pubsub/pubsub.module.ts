import { EventEmitter } from 'node:events';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { EventBus, PUB_SUB } from './event-bus';

function createEngine(config: AppConfig, logger: Logger): PubSubEngine {
  if (!config.redisUrl) {
    // Every subscriber is one listener on the topic: thousands are normal here, not a leak.
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    return new PubSub({ eventEmitter: emitter });
  }
  const connect = () => {
    const client = new Redis(config.redisUrl!, { maxRetriesPerRequest: 3, lazyConnect: false });
    // ioredis emits 'error' on every failed reconnect: without a listener it would crash the process.
    client.on('error', (error) => logger.warn(`Redis: ${error.message}`));
    return client;
  };
  return new RedisPubSub({ publisher: connect(), subscriber: connect() });
}

@Global()
@Module({
  providers: [
    {
      provide: PUB_SUB,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createEngine(config, new Logger('PubSub')),
    },
    {
      provide: EventBus,
      inject: [PUB_SUB, APP_CONFIG],
      useFactory: (engine: PubSubEngine, config: AppConfig) => {
        const logger = new Logger('EventBus');
        const prefix = config.redisUrl ? `${config.redisChannelPrefix}:` : '';
        return new EventBus(
          engine,
          (topic, error) => logger.warn(`publish ${topic} failed: ${String(error)}`),
          prefix,
        );
      },
    },
  ],
  exports: [PUB_SUB, EventBus],
})
export class PubSubModule implements OnApplicationShutdown {
  constructor(@Inject(PUB_SUB) private readonly engine: PubSubEngine) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.engine instanceof RedisPubSub) await this.engine.close().catch(() => undefined);
  }
}

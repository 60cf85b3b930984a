import type { PubSubEngine } from 'graphql-subscriptions';
import type { EventTopic, EventTopics } from './event-topics';

export const PUB_SUB = Symbol('PUB_SUB');

/** Typed publish/subscribe over the GraphQL PubSub engine (in-process, or Redis across instances). */
export class EventBus {
  constructor(
    private readonly engine: PubSubEngine,
    private readonly onPublishError: (topic: EventTopic, error: unknown) => void,
    // Redis channels are shared by every instance behind one gateway (and nothing else): hence a prefix.
    private readonly channelPrefix = '',
  ) {}

  /** Fire and forget: a slow or failed fan-out must never stall the caller (the hot path). */
  publish<T extends EventTopic>(topic: T, payload: EventTopics[T]): void {
    this.engine
      .publish(this.channelPrefix + topic, payload)
      .catch((error: unknown) => this.onPublishError(topic, error));
  }

  asyncIterator<T extends EventTopic>(topic: T): AsyncIterableIterator<EventTopics[T]> {
    return this.engine.asyncIterableIterator<EventTopics[T]>(this.channelPrefix + topic);
  }
}

import type { OpportunityEventModel } from '../../arbitrage/graphql/opportunity.model';
import type { OrderBookModel } from '../../market-data/models/order-book.model';
import type { SystemStatus } from '../../system/models/system-status.model';

/**
 * Every subscription topic and the payload it carries: the one place that ties them together.
 * Payloads cross Redis as JSON, so they hold strings and numbers, never Dates or BigInts.
 */
export interface EventTopics {
  systemStatusChanged: { systemStatusChanged: SystemStatus };
  /** A watched book, at most ORDER_BOOK_UPDATES_PER_SECOND times a second per market. */
  orderBookUpdated: { orderBookUpdated: OrderBookModel };
  /** An arbitrage opportunity opened, changed or closed. */
  opportunityUpdated: { opportunityUpdated: OpportunityEventModel };
}

export type EventTopic = keyof EventTopics;

import type { SystemStatus } from '../../system/models/system-status.model';

/**
 * Every subscription topic and the payload it carries: the one place that ties them together.
 * Payloads cross Redis as JSON, so they hold strings and numbers, never Dates or BigInts.
 */
export interface EventTopics {
  systemStatusChanged: { systemStatusChanged: SystemStatus };
}

export type EventTopic = keyof EventTopics;

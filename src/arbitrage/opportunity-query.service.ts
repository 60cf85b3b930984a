import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { ArbitrageService } from './arbitrage.service';
import {
  OpportunityStatusFilterValue,
  type OpportunityFilterInput,
  type OpportunityUpdatedFilterInput,
  type PaginationInput,
} from './graphql/opportunity-filter.input';
import type { OpportunityModel, OpportunityPageModel } from './graphql/opportunity.model';
import { opportunityModel } from './graphql/opportunity-model.mapper';
import { opportunityRecord } from './opportunities/opportunity-record';
import type { TrackedOpportunity } from './opportunities/opportunity-tracker';
import type { OpportunityKind } from './opportunities/opportunity.types';

const MAX_LIMIT = 500;

/** Open opportunities from memory, closed ones from the database, as one list. */
@Injectable()
export class OpportunityQueryService {
  constructor(private readonly arbitrage: ArbitrageService) {}

  async list(
    filter: OpportunityFilterInput | null | undefined,
    pagination: PaginationInput | null | undefined,
  ): Promise<OpportunityPageModel> {
    const { limit, offset } = page(pagination);
    const status = filter?.status ?? OpportunityStatusFilterValue.ANY;
    const kinds = (filter?.kinds ?? undefined) as OpportunityKind[] | undefined;
    const query = {
      kinds,
      eventTicker: filter?.eventTicker ?? undefined,
      ticker: filter?.ticker ?? undefined,
    };
    const open =
      status === OpportunityStatusFilterValue.CLOSED
        ? []
        : this.arbitrage.tracker.open().filter((o) => matches(o, query));
    if (status === OpportunityStatusFilterValue.OPEN) {
      return { items: open.slice(offset, offset + limit).map(model), total: open.length };
    }
    const fromOpen = open.slice(offset, offset + limit).map(model);
    const closedOffset = Math.max(0, offset - open.length);
    const closedLimit = limit - fromOpen.length;
    const repository = this.arbitrage.repository;
    if (closedLimit === 0) {
      return {
        items: fromOpen,
        total: open.length + (await repository.countClosed({ ...query, offset: 0, limit: 1 })),
      };
    }
    const closed = await repository.findClosed({
      ...query,
      offset: closedOffset,
      limit: closedLimit,
    });
    return {
      items: [...fromOpen, ...closed.items.map((record) => opportunityModel(record))],
      total: open.length + closed.total,
    };
  }

  async byId(id: string): Promise<OpportunityModel | null> {
    const open = this.arbitrage.tracker.get(id);
    if (open) return model(open);
    const stored = await this.arbitrage.repository.findById(id);
    return stored ? opportunityModel(stored) : null;
  }
}

function model(opportunity: TrackedOpportunity): OpportunityModel {
  return opportunityModel(opportunityRecord(opportunity));
}

function matches(
  opportunity: TrackedOpportunity,
  query: { kinds?: readonly string[]; eventTicker?: string; ticker?: string },
): boolean {
  if (query.kinds && query.kinds.length > 0 && !query.kinds.includes(opportunity.kind))
    return false;
  if (query.eventTicker && opportunity.eventTicker !== query.eventTicker) return false;
  if (query.ticker && !opportunity.tickers.includes(query.ticker)) return false;
  return true;
}

/** Subscription filter: the published model against the subscriber's filter. */
export function eventMatches(
  opportunity: OpportunityModel,
  filter: OpportunityUpdatedFilterInput | null | undefined,
): boolean {
  if (!filter) return true;
  if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(opportunity.kind))
    return false;
  if (filter.eventTicker && opportunity.eventTicker !== filter.eventTicker) return false;
  if (filter.ticker && !opportunity.legs.some((leg) => leg.ticker === filter.ticker)) return false;
  return true;
}

function page(pagination: PaginationInput | null | undefined): { limit: number; offset: number } {
  const limit = pagination?.limit ?? 50;
  const offset = pagination?.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `pagination.limit must be between 1 and ${MAX_LIMIT} (got ${limit})`,
    );
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `pagination.offset must be 0 or more (got ${offset})`,
    );
  }
  return { limit, offset };
}

import type { DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import { OpportunityEntity } from '../entities/opportunity.entity';
import type { OpportunityKind } from './opportunity.types';
import type { OpportunityRecord } from './opportunity-record';
import type { OpportunityRecordWriter } from './opportunity-write-queue';

export interface StoredOpportunityQuery {
  readonly kinds?: readonly OpportunityKind[];
  readonly eventTicker?: string;
  readonly ticker?: string;
  readonly offset: number;
  readonly limit: number;
}

/** The `opportunities` table: batched upserts from the write queue, and reads of closed opportunities. */
export class OpportunityRepository implements OpportunityRecordWriter {
  private readonly repository: Repository<OpportunityEntity>;

  constructor(dataSource: DataSource) {
    this.repository = dataSource.getRepository(OpportunityEntity);
  }

  async write(records: readonly OpportunityRecord[]): Promise<void> {
    await this.repository.upsert(records as OpportunityRecord[], ['id']);
  }

  async findById(id: string): Promise<OpportunityRecord | null> {
    return this.repository.findOneBy({ id });
  }

  /** Closed opportunities, latest closed first. */
  async findClosed(
    query: StoredOpportunityQuery,
  ): Promise<{ items: OpportunityRecord[]; total: number }> {
    const builder = this.filtered(query).orderBy('o.closed_at', 'DESC').addOrderBy('o.id', 'ASC');
    const [items, total] = await builder.skip(query.offset).take(query.limit).getManyAndCount();
    return { items, total };
  }

  async countClosed(query: StoredOpportunityQuery): Promise<number> {
    return this.filtered(query).getCount();
  }

  /** Rows a previous run left open (it stopped without closing them): closed now, as of their last update. */
  async closeLeftovers(): Promise<number> {
    const result = await this.repository
      .createQueryBuilder()
      .update(OpportunityEntity)
      .set({
        status: 'CLOSED',
        closeReason: 'SHUTDOWN',
        closedAt: () => 'updated_at',
        lifetimeMs: () => '(EXTRACT(EPOCH FROM (updated_at - first_seen_at)) * 1000)::bigint',
      })
      .where('status = :status', { status: 'OPEN' })
      .execute();
    return result.affected ?? 0;
  }

  private filtered(query: StoredOpportunityQuery): SelectQueryBuilder<OpportunityEntity> {
    const builder = this.repository
      .createQueryBuilder('o')
      .where('o.status = :status', { status: 'CLOSED' });
    if (query.kinds && query.kinds.length > 0)
      builder.andWhere('o.kind IN (:...kinds)', { kinds: query.kinds });
    if (query.eventTicker)
      builder.andWhere('o.event_ticker = :eventTicker', { eventTicker: query.eventTicker });
    if (query.ticker) builder.andWhere(':ticker = ANY(o.tickers)', { ticker: query.ticker });
    return builder;
  }
}

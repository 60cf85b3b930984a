import { Column, Entity, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { PlannedLeg } from '../opportunities/opportunity.types';

/** bigint columns hold exact scaled integers ($0.000001, 0.01 contract, ms); they stay far below 2^53. */
const exactInteger: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** One occurrence of an opportunity: written when it opens, rewritten when it closes. Money in $0.000001. */
@Entity('opportunities')
@Index('IDX_opportunities_status_closed_at', ['status', 'closedAt'])
@Index('IDX_opportunities_event_ticker', ['eventTicker'])
export class OpportunityEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  /** kind | group | legs: the same for every occurrence of one opportunity. */
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text', name: 'event_ticker' })
  eventTicker: string;

  @Column({ type: 'text', name: 'group_id' })
  groupId: string;

  /** The legs with their fills, every number an exact scaled integer. */
  @Column({ type: 'jsonb' })
  legs: PlannedLeg[];

  @Column({ type: 'text', array: true })
  tickers: string[];

  @Column({ type: 'bigint', name: 'count_e2', transformer: exactInteger })
  countE2: number;

  @Column({ type: 'bigint', name: 'cost_e6', transformer: exactInteger })
  costE6: number;

  @Column({ type: 'bigint', name: 'fees_e6', transformer: exactInteger })
  feesE6: number;

  @Column({ type: 'bigint', name: 'guaranteed_payout_e6', transformer: exactInteger })
  guaranteedPayoutE6: number;

  @Column({ type: 'bigint', name: 'best_payout_e6', transformer: exactInteger })
  bestPayoutE6: number;

  @Column({ type: 'bigint', name: 'net_profit_e6', transformer: exactInteger })
  netProfitE6: number;

  @Column({ type: 'bigint', name: 'best_case_profit_e6', transformer: exactInteger })
  bestCaseProfitE6: number;

  @Column({ type: 'bigint', name: 'best_net_profit_e6', transformer: exactInteger })
  bestNetProfitE6: number;

  @Column({ type: 'integer', name: 'return_bps' })
  returnBps: number;

  @Column({ type: 'bigint', name: 'net_per_contract_e6', transformer: exactInteger })
  netPerContractE6: number;

  @Column({ type: 'integer' })
  updates: number;

  @Column({ type: 'timestamptz', name: 'first_seen_at' })
  firstSeenAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'bigint', name: 'lifetime_ms', nullable: true, transformer: exactInteger })
  lifetimeMs: number | null;

  @Column({ type: 'text', name: 'close_reason', nullable: true })
  closeReason: string | null;
}

import { DomainError, type DomainErrorCode } from '../common/errors/domain-error';

export type MarketDataErrorCode = DomainErrorCode;

/** An expected failure of a market-data query (unknown ticker, bad argument). */
export class MarketDataError extends DomainError {
  override readonly name = 'MarketDataError';
}

import { IntrinsicException } from '@nestjs/common';

export type MarketDataErrorCode = 'MARKET_NOT_FOUND' | 'EVENT_NOT_FOUND' | 'INVALID_ARGUMENT';

/**
 * An expected failure of a market-data query, with a stable code clients can switch on. GraphQL takes its
 * `extensions` as the error's; as an IntrinsicException it is not logged as a server fault.
 */
export class MarketDataError extends IntrinsicException {
  override readonly name = 'MarketDataError';
  readonly extensions: Record<string, unknown>;

  constructor(
    readonly code: MarketDataErrorCode,
    message: string,
  ) {
    super(message);
    this.extensions = graphqlExtensions(code);
  }
}

/** The one mapping from market-data codes to GraphQL error codes. */
export function graphqlExtensions(code: MarketDataErrorCode): Record<string, unknown> {
  switch (code) {
    case 'MARKET_NOT_FOUND':
    case 'EVENT_NOT_FOUND':
      return { code };
    case 'INVALID_ARGUMENT':
      return { code: 'BAD_USER_INPUT', reason: code };
  }
}

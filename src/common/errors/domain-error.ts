import { IntrinsicException } from '@nestjs/common';

/** Every expected failure a client may see, by stable code. Add a code here and to the switch below. */
export type DomainErrorCode = 'MARKET_NOT_FOUND' | 'EVENT_NOT_FOUND' | 'INVALID_ARGUMENT';

/**
 * An expected failure with a stable code: GraphQL takes its `extensions` as the error's, and as an
 * IntrinsicException Nest does not log it as a server fault.
 */
export class DomainError extends IntrinsicException {
  override readonly name: string = 'DomainError';
  readonly extensions: Record<string, unknown>;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.extensions = graphqlExtensions(code);
  }
}

/** The one mapping from domain codes to GraphQL error codes. */
export function graphqlExtensions(code: DomainErrorCode): Record<string, unknown> {
  switch (code) {
    case 'MARKET_NOT_FOUND':
    case 'EVENT_NOT_FOUND':
      return { code };
    case 'INVALID_ARGUMENT':
      return { code: 'BAD_USER_INPUT', reason: code };
  }
}

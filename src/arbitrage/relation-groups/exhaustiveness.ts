import type { MarketInfo } from '../../market-data/catalog/catalog.types';

/**
 * Whether the strikes of a mutually exclusive event prove that they cover every outcome: one low tail
 * `less_or_equal`, `between` brackets each starting where the previous one ends, and one high tail
 * `greater_or_equal` starting where the last bracket ends. Brackets that share endpoints cannot hold both ends
 * and stay mutually exclusive, and Kalshi does not say which end is open (PROTOCOL.md §5): only tails that hold
 * their own strike cover the outer boundaries under either reading. Two tails alone need one of them to hold the
 * shared strike. Gaps, `less X` / `greater X` tails around brackets, or any other strike type: not provable, so
 * not exhaustive (ARB_EXHAUSTIVE_EVENTS can still declare it).
 */
export function strikesCoverEveryOutcome(markets: readonly MarketInfo[]): boolean {
  let lowTail: MarketInfo | undefined;
  let highTail: MarketInfo | undefined;
  const brackets: MarketInfo[] = [];
  for (const market of markets) {
    switch (market.strikeType) {
      case 'less':
      case 'less_or_equal':
        if (lowTail || !isFiniteStrike(market.capStrike)) return false;
        lowTail = market;
        break;
      case 'greater':
      case 'greater_or_equal':
        if (highTail || !isFiniteStrike(market.floorStrike)) return false;
        highTail = market;
        break;
      case 'between':
        if (!isFiniteStrike(market.floorStrike) || !isFiniteStrike(market.capStrike)) return false;
        if (market.floorStrike > market.capStrike) return false;
        brackets.push(market);
        break;
      default:
        return false;
    }
  }
  if (!lowTail || !highTail) return false;
  const lowHoldsStrike = lowTail.strikeType === 'less_or_equal';
  const highHoldsStrike = highTail.strikeType === 'greater_or_equal';
  // Two tails alone: their one shared strike must belong to one of them.
  if (brackets.length === 0)
    return lowTail.capStrike === highTail.floorStrike && (lowHoldsStrike || highHoldsStrike);
  if (!lowHoldsStrike || !highHoldsStrike) return false;
  brackets.sort((a, b) => a.floorStrike! - b.floorStrike!);
  let boundary = lowTail.capStrike!;
  for (const bracket of brackets) {
    if (bracket.floorStrike !== boundary) return false;
    boundary = bracket.capStrike!;
  }
  return highTail.floorStrike === boundary;
}

function isFiniteStrike(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A member that settled NO can no longer be the one that resolves YES: the others still cover every outcome. */
export function ruledOut(market: MarketInfo): boolean {
  return (
    market.result === 'no' &&
    (market.status === 'determined' || market.status === 'amended' || market.status === 'finalized')
  );
}

import type { MarketInfo } from '../../market-data/catalog/catalog.types';

/**
 * Whether the strikes of a mutually exclusive event cover every outcome: one low tail (less/less_or_equal),
 * `between` brackets each starting where the previous one ends, and one high tail (greater/greater_or_equal)
 * starting where the last bracket ends. Per the field docs a bracket holds both its floor and cap ("minimum /
 * maximum expiration value that leads to YES"); a tail holds its strike only when it is "_or_equal", so
 * `less X` next to `greater X` leaves X uncovered. Any other strike type: not inferable, so not exhaustive.
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
  brackets.sort((a, b) => a.floorStrike! - b.floorStrike!);
  let boundary = lowTail.capStrike!;
  let boundaryCovered = lowTail.strikeType === 'less_or_equal';
  for (const bracket of brackets) {
    if (bracket.floorStrike !== boundary) return false;
    boundary = bracket.capStrike!;
    boundaryCovered = true;
  }
  if (highTail.floorStrike !== boundary) return false;
  return boundaryCovered || highTail.strikeType === 'greater_or_equal';
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

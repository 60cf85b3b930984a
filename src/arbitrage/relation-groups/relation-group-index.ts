import type { MarketCatalogView } from '../../market-data/market-data.ports';
import { buildRelationGroups } from './relation-group-builder';
import { NO_OVERRIDES, type ExhaustiveOverrides, type RelationGroup } from './relation-group';

const NONE: readonly RelationGroup[] = [];

/** ticker -> the relation groups that hold it, rebuilt per event when the catalog changes. */
export class RelationGroupIndex {
  private readonly byEvent = new Map<string, readonly RelationGroup[]>();
  private readonly byTicker = new Map<string, RelationGroup[]>();

  constructor(
    private readonly catalog: MarketCatalogView,
    private readonly overrides: ExhaustiveOverrides = NO_OVERRIDES,
  ) {}

  /** Every group of every event in the catalog. */
  rebuildAll(): RelationGroup[] {
    const built: RelationGroup[] = [];
    for (const event of this.catalog.events())
      built.push(...this.rebuildEvent(event.eventTicker).current);
    return built;
  }

  /** Rebuilds one event's groups; returns the groups before and after. */
  rebuildEvent(eventTicker: string): {
    previous: readonly RelationGroup[];
    current: readonly RelationGroup[];
  } {
    const previous = this.byEvent.get(eventTicker) ?? NONE;
    for (const group of previous)
      for (const market of group.members) this.unlink(market.ticker, group);
    const event = this.catalog.event(eventTicker);
    const current = event
      ? buildRelationGroups(event, this.catalog.marketsOfEvent(eventTicker), this.overrides)
      : [];
    if (current.length > 0) this.byEvent.set(eventTicker, current);
    else this.byEvent.delete(eventTicker);
    for (const group of current)
      for (const market of group.members) this.link(market.ticker, group);
    return { previous, current };
  }

  groupsOf(ticker: string): readonly RelationGroup[] {
    return this.byTicker.get(ticker) ?? NONE;
  }

  groupsOfEvent(eventTicker: string): readonly RelationGroup[] {
    return this.byEvent.get(eventTicker) ?? NONE;
  }

  *groups(): IterableIterator<RelationGroup> {
    for (const groups of this.byEvent.values()) yield* groups;
  }

  private link(ticker: string, group: RelationGroup): void {
    const list = this.byTicker.get(ticker);
    if (list) list.push(group);
    else this.byTicker.set(ticker, [group]);
  }

  private unlink(ticker: string, group: RelationGroup): void {
    const list = this.byTicker.get(ticker);
    if (!list) return;
    const index = list.indexOf(group);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.byTicker.delete(ticker);
  }
}

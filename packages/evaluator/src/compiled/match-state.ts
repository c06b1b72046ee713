/**
 * Per-engine match caches: IP → owning entities (§1.2), and entity × selector answers memoised
 * in one byte per entity, so each selector runs at most once per entity for the world's life.
 */
import { entitiesOwning } from '../match/owners.js';
import type { MatchContext } from '../match/rule-match.js';
import type { Ip } from '../net/ip.js';
import type { EntityModel, WorldModel } from '../world/model.js';
import type { Matcher } from '../world/selector.js';

const UNKNOWN = 0;
const NO = 1;
const YES = 2;

/**
 * IP-owner and selector-answer caches shared by every compiled rule of an engine.
 *
 * @example
 * ```ts
 * const state = new MatchState(model);
 * state.anyOwnerMatches(matcher, packet.src);
 * ```
 */
export class MatchState implements MatchContext {
  // TypeScript-private (plain properties) rather than `#` fields: read for every flow, and
  // baseline (not yet optimised) code loads `#` fields several times slower.
  readonly world: WorldModel;
  private readonly ownerCache = new Map<string, readonly EntityModel[]>();
  private readonly setIndex = new Map<EntityModel, number>();
  private readonly memo = new Map<Matcher, Uint8Array>();
  private readonly entityCount: number;
  // The last two addresses asked about (a flow's source and destination), by object identity.
  private ipA: Ip | undefined;
  private ownersA: readonly EntityModel[] = [];
  private ipB: Ip | undefined;
  private ownersB: readonly EntityModel[] = [];

  constructor(world: WorldModel) {
    this.world = world;
    let next = world.endpoints.length;
    for (const s of world.networkSets) this.setIndex.set(s, next++);
    this.entityCount = next;
  }

  /**
   * §1.2: entities owning `ip` (cached per address).
   *
   * @example
   * ```ts
   * state.owners(packet.dst).map((e) => e.name);
   * ```
   */
  owners(ip: Ip): readonly EntityModel[] {
    if (ip === this.ipA) return this.ownersA;
    if (ip === this.ipB) return this.ownersB;
    let hit = this.ownerCache.get(ip.key);
    if (!hit) {
      hit = entitiesOwning(this.world, ip);
      this.ownerCache.set(ip.key, hit);
    }
    this.ipB = this.ipA;
    this.ownersB = this.ownersA;
    this.ipA = ip;
    this.ownersA = hit;
    return hit;
  }

  /**
   * Whether `sel` matches any entity owning `ip` (§6.7), answering from the memo when it can.
   *
   * @example
   * ```ts
   * state.anyOwnerMatches(rule.source.selector, packet.src);
   * ```
   */
  anyOwnerMatches(sel: Matcher, ip: Ip): boolean {
    const owners = this.owners(ip);
    if (owners.length === 0) return false;
    let memo = this.memo.get(sel);
    if (!memo) {
      memo = new Uint8Array(this.entityCount);
      this.memo.set(sel, memo);
    }
    for (let i = 0; i < owners.length; i++) {
      const e = owners[i] as EntityModel;
      const idx =
        e.kind === 'WorkloadEndpoint' || e.kind === 'HostEndpoint' ? e.id : (this.setIndex.get(e) as number);
      let v = memo[idx];
      if (v === UNKNOWN) {
        v = sel(e.labels) ? YES : NO;
        memo[idx] = v;
      }
      if (v === YES) return true;
    }
    return false;
  }
}

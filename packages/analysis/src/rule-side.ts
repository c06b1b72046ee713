/**
 * A cheap over-approximation of "can this rule side match an address of this class?", used only
 * to skip classes while looking for a witness: it answers `false` only when the side's nets,
 * selector or notSelector exclude every address of the class (classes are uniform in all three),
 * so skipping never hides a flow that could match.
 */
import type { EntityMatchModel, EntityModel, WorldModel } from './evaluator-seam.js';
import type { Family } from './sets/ip.js';

interface CidrLike {
  readonly version: 4 | 6;
  readonly base: number | bigint;
  readonly prefix: number;
}

function contains(c: CidrLike, family: Family, ip: bigint): boolean {
  if (c.version !== family) return false;
  const host = BigInt((family === 4 ? 32 : 128) - c.prefix);
  return ip >> host === BigInt(c.base) >> host;
}

/**
 * Entities owning an address (exact owners and network-set ranges), as the evaluator's §1.2.
 *
 * @example
 * ```ts
 * declare const model: WorldModel;
 * ownersOf(model, 4, 167772161n).map((e) => e.name);
 * ```
 */
export function ownersOf(model: WorldModel, family: Family, ip: bigint): EntityModel[] {
  const out = [...(model.ipOwners.get(`${family}:${ip.toString()}`) ?? [])];
  for (const r of model.netSetRanges)
    if (contains(r.cidr, family, ip) && !out.includes(r.owner)) out.push(r.owner);
  return out;
}

/**
 * Whether a rule side may match the address (see the module note: `false` is a proof).
 *
 * @example
 * ```ts
 * declare const model: WorldModel; declare const side: EntityMatchModel;
 * sideMayMatch(model, side, 4, 167772161n);
 * ```
 */
export function sideMayMatch(model: WorldModel, side: EntityMatchModel, family: Family, ip: bigint): boolean {
  if (side.nets && !side.nets.some((c) => contains(c, family, ip))) return false;
  if (side.notNets?.some((c) => contains(c, family, ip))) return false;
  if (side.selector || side.notSelector) {
    const owners = ownersOf(model, family, ip);
    const sel = side.selector;
    if (sel && !owners.some((e) => sel(e.labels))) return false;
    const not = side.notSelector;
    if (not && owners.some((e) => not(e.labels))) return false;
  }
  return true;
}

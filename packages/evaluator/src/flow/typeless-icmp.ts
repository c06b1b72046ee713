/**
 * ICMP flows that leave out `icmp` in a world whose rules name ICMP types. Such a flow is a
 * packet of no type (README, "Flow"): it matches no `icmp` type criterion and every `notICMP`
 * one, so its verdict is the one a type no rule names gets. Every real packet has a type, and
 * someone asking about "ICMP" usually means a ping, so the answer says which of the types the
 * rules name would be decided otherwise: a `Deny ICMP type 8` rule before an allow-all makes the
 * typeless flow `Allow` and every ping `Deny`.
 */
import type { Issue } from '@calico-dsl/core';
import type { Verdict } from '../result/types.js';
import type { WorldModel } from '../world/model.js';
import { worldRules } from '../world/rules.js';

/**
 * An ICMP type, with a code when a rule names one (other than 0: a type without a code is code 0).
 *
 * @example
 * ```ts
 * const unreachable: IcmpValue = { type: 3, code: 1 }; // ICMP host unreachable
 * ```
 */
export interface IcmpValue {
  readonly type: number;
  readonly code?: number;
}

const ICMP = 1;
const ICMPV6 = 58;

/**
 * The ICMP types and type/code pairs the world's rules match on (`icmp`, `notICMP`), per
 * protocol (1 ICMP, 58 ICMPv6; a rule without a protocol counts for both), in the order the
 * rules name them: a type, then its pair when the rule gives a code. A protocol no rule names a
 * type of is absent. The analysis package's ICMP atoms start from this list.
 *
 * @example
 * ```ts
 * // world: one GlobalNetworkPolicy with `Deny ICMP icmp: { type: 3, code: 1 }`
 * namedIcmpTypes(world.model).get(1); // [{ type: 3 }, { type: 3, code: 1 }]
 * namedIcmpTypes(World.from([]).model).size; // 0
 * ```
 */
export function namedIcmpTypes(world: WorldModel): Map<number, IcmpValue[]> {
  const named = new Map<number, Map<string, IcmpValue>>();
  const add = (protocol: number, field: { readonly type?: number; readonly code?: number } | undefined) => {
    if (field?.type === undefined) return;
    const values = named.get(protocol) ?? new Map<string, IcmpValue>();
    const { type, code } = field;
    if (!values.has(`${type}`)) values.set(`${type}`, { type });
    if (code !== undefined && !values.has(`${type}/${code}`)) values.set(`${type}/${code}`, { type, code });
    named.set(protocol, values);
  };
  // (Validation wants ICMP or ICMPv6 beside an ICMP match; a world built unchecked may not say.)
  for (const r of worldRules(world))
    for (const protocol of r.protocol === undefined ? [ICMP, ICMPV6] : [r.protocol]) {
      if (protocol !== ICMP && protocol !== ICMPV6) continue;
      add(protocol, r.icmp);
      add(protocol, r.notICMP);
    }
  return new Map([...named].map(([protocol, values]) => [protocol, [...values.values()]]));
}

/**
 * The types a flow without `icmp` is told apart from ({@link namedIcmpTypes}), sorted by type
 * and code: a pair with code 0 is its type alone, since a flow's type without a code is code 0
 * (`checkedPacket`).
 *
 * @example
 * ```ts
 * // world: `Deny ICMP icmp: { type: 3, code: 1 }` and `Deny ICMP icmp: { type: 8, code: 0 }`
 * icmpTypesToTry(world.model).get(1); // [{ type: 3 }, { type: 3, code: 1 }, { type: 8 }]
 * ```
 */
export function icmpTypesToTry(world: WorldModel): ReadonlyMap<number, readonly IcmpValue[]> {
  const byTypeAndCode = (a: IcmpValue, b: IcmpValue) => a.type - b.type || (a.code ?? -1) - (b.code ?? -1);
  return new Map(
    [...namedIcmpTypes(world)].map(([protocol, values]) => [
      protocol,
      values.filter((v) => v.code !== 0).sort(byTypeAndCode),
    ]),
  );
}

/** `type 8`, `type 3 code 1`. */
const icmpText = (v: IcmpValue) => `type ${v.type}${v.code === undefined ? '' : ` code ${v.code}`}`;

/**
 * The issue of a typeless ICMP flow whose verdict some types the rules name do not share.
 *
 * @example
 * ```ts
 * typelessIcmpIssue(1, 'Allow', [{ icmp: { type: 8 }, verdict: 'Deny' }]).message;
 * // 'The flow gives no ICMP type: Allow is the verdict of a packet whose type no rule names; types the rules name get another: Deny for type 8. Give icmp to ask about one type (a ping is type 8).'
 * ```
 */
export function typelessIcmpIssue(
  protocol: number,
  verdict: Verdict,
  apart: readonly { readonly icmp: IcmpValue; readonly verdict: Verdict }[],
): Issue {
  const verdicts = [...new Set(apart.map((a) => a.verdict))];
  const by = verdicts
    .map(
      (v) =>
        `${v} for ${apart
          .filter((a) => a.verdict === v)
          .map((a) => icmpText(a.icmp))
          .join(', ')}`,
    )
    .join('; ');
  const ping = protocol === ICMPV6 ? 128 : 8;
  return {
    code: 'unspecified_field',
    path: ['icmp'],
    message: `The flow gives no ICMP type: ${verdict} is the verdict of a packet whose type no rule names; types the rules name get another: ${by}. Give icmp to ask about one type (a ping is type ${ping}).`,
  };
}

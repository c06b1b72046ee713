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
 * The ICMP types (and type/code pairs) the world's rules match on (`icmp`, `notICMP`), per
 * protocol (1 ICMP, 58 ICMPv6; a rule without a protocol counts for both); a protocol no rule
 * names a type of is absent.
 *
 * @example
 * ```ts
 * // world: one GlobalNetworkPolicy with `Deny ICMP icmp: { type: 3, code: 1 }`
 * icmpTypesToTry(world.model).get(1); // [{ type: 3 }, { type: 3, code: 1 }]
 * icmpTypesToTry(World.from([]).model).size; // 0
 * ```
 */
export function icmpTypesToTry(world: WorldModel): ReadonlyMap<number, readonly IcmpValue[]> {
  const keys = new Map<number, Set<string>>();
  const add = (protocol: number, field: { readonly type?: number; readonly code?: number } | undefined) => {
    if (field?.type === undefined) return;
    const set = keys.get(protocol) ?? new Set<string>();
    set.add(`${field.type}`);
    // A flow's type without a code is code 0 (`checkedPacket`), so code 0 is the type alone.
    if (field.code !== undefined && field.code !== 0) set.add(`${field.type}/${field.code}`);
    keys.set(protocol, set);
  };
  for (const r of worldRules(world))
    for (const protocol of r.protocol === undefined ? [ICMP, ICMPV6] : [r.protocol]) {
      add(protocol, r.icmp);
      add(protocol, r.notICMP);
    }
  const out = new Map<number, IcmpValue[]>();
  for (const [protocol, set] of keys)
    out.set(
      protocol,
      [...set]
        .map((k) => k.split('/').map(Number))
        .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? -1) - (b[1] ?? -1))
        .map(([type = 0, code]) => (code === undefined ? { type } : { type, code })),
    );
  return out;
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

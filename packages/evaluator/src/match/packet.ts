import type { Ip } from '../net/ip.js';

/**
 * A packet as a policy stage sees it (after any DNAT/SNAT that happened before the stage).
 *
 * @example
 * ```ts
 * const p: Packet = { protocol: 6, src, srcPort: 40000, dst, dstPort: 80, icmp: undefined };
 * ```
 */
export interface Packet {
  readonly protocol: number;
  readonly src: Ip;
  readonly srcPort: number | undefined;
  readonly dst: Ip;
  readonly dstPort: number | undefined;
  readonly icmp: { readonly type: number; readonly code?: number } | undefined;
}

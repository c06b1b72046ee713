import type { Ip } from '../net/ip.js';

/**
 * A packet as a policy stage sees it (after any DNAT/SNAT that happened before the stage).
 *
 * @example
 * ```ts
 * // TCP 10.0.0.1:40000 → 10.0.0.2:80 (addresses as numbers with a canonical key, as the engines read them)
 * const p: Packet = {
 *   protocol: 6,
 *   src: { version: 4, text: '10.0.0.1', value: 0x0a000001, key: '4:167772161' },
 *   srcPort: 40000,
 *   dst: { version: 4, text: '10.0.0.2', value: 0x0a000002, key: '4:167772162' },
 *   dstPort: 80,
 *   icmp: undefined,
 * };
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

/** IP protocol names and numbers (calico-semantics.md §6.3). */

const BY_NAME: Readonly<Record<string, number>> = {
  TCP: 6,
  UDP: 17,
  ICMP: 1,
  ICMPv6: 58,
  SCTP: 132,
  UDPLite: 136,
};

const NAMES: ReadonlyMap<number, string> = new Map(Object.entries(BY_NAME).map(([k, v]) => [v, k]));

/**
 * The IP protocol number of a Calico protocol value (case-sensitive names, or 1–255).
 *
 * @example
 * ```ts
 * protocolNumber('TCP'); // 6
 * protocolNumber(112); // 112
 * ```
 */
export function protocolNumber(value: string | number): number | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 1 && value <= 255 ? value : undefined;
  if (/^\d+$/.test(value)) return protocolNumber(Number(value));
  return Object.hasOwn(BY_NAME, value) ? BY_NAME[value] : undefined;
}

/**
 * Like {@link protocolNumber} but accepts any letter case, for flows typed by people.
 *
 * @example
 * ```ts
 * flowProtocolNumber('tcp'); // 6
 * ```
 */
export function flowProtocolNumber(value: string | number): number | undefined {
  if (typeof value === 'number' || /^\d+$/.test(value)) return protocolNumber(value);
  const key = Object.keys(BY_NAME).find((k) => k.toLowerCase() === value.toLowerCase());
  return key === undefined ? undefined : BY_NAME[key];
}

/**
 * A readable protocol name (`TCP`) or the number as text.
 *
 * @example
 * ```ts
 * protocolName(17); // 'UDP'
 * ```
 */
export function protocolName(value: number): string {
  return NAMES.get(value) ?? String(value);
}

/**
 * Whether packets of this protocol carry ports (TCP, UDP, SCTP — §6.3 `SupportsPorts`).
 *
 * @example
 * ```ts
 * hasPorts(6); // true
 * ```
 */
export function hasPorts(protocol: number): boolean {
  return protocol === 6 || protocol === 17 || protocol === 132;
}

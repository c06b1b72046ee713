/**
 * IP protocol names and numbers (calico-semantics.md §6.3), on top of `@calico-dsl/core`'s
 * table and parser: only the flow-facing leniency (any letter case) and the hot-path helpers
 * live here.
 */
import {
  protocolNumber as coreProtocolNumber,
  PROTOCOL_NAMES,
  PROTOCOL_NUMBERS,
  parseProtocol,
} from '@calico-dsl/core';

const NAMES: ReadonlyMap<number, string> = new Map(PROTOCOL_NAMES.map((n) => [PROTOCOL_NUMBERS[n], n]));
const EXACT: ReadonlyMap<string, number> = new Map(PROTOCOL_NAMES.map((n) => [n, PROTOCOL_NUMBERS[n]]));
const BY_LOWER: ReadonlyMap<string, number> = new Map(
  PROTOCOL_NAMES.map((n) => [n.toLowerCase(), PROTOCOL_NUMBERS[n]]),
);

/**
 * The IP protocol number of a Calico protocol value (case-sensitive names, or 1–255, numeric
 * strings included), as core's `parseProtocol` reads it; `undefined` when Calico rejects it.
 *
 * @example
 * ```ts
 * protocolNumber('TCP'); // 6
 * protocolNumber(112); // 112
 * protocolNumber('tcp'); // undefined
 * ```
 */
export function protocolNumber(value: string | number): number | undefined {
  const parsed = parseProtocol(value);
  return parsed.ok ? coreProtocolNumber(parsed.value) : undefined;
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
  if (typeof value === 'string') {
    // Per-flow path: the exact name is the common case.
    const exact = EXACT.get(value);
    if (exact !== undefined) return exact;
    if (!/^\d+$/.test(value)) return BY_LOWER.get(value.toLowerCase());
  }
  return protocolNumber(value);
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
 * Whether packets of this protocol carry ports (TCP, UDP, SCTP — §6.3 `SupportsPorts`). Same
 * answer as core's `protocolSupportsPorts`, for numbers only: it runs for every rule match.
 *
 * @example
 * ```ts
 * hasPorts(6); // true
 * ```
 */
export function hasPorts(protocol: number): boolean {
  return protocol === 6 || protocol === 17 || protocol === 132;
}

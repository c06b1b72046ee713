import type { Protocol, ProtocolName } from '../resources/rule.js';
import { fail, ok, type Result } from '../result.js';

/**
 * The protocol names Calico accepts, exactly as spelled (case-sensitive).
 *
 * @example
 * ```ts
 * PROTOCOL_NAMES.includes('ICMPv6'); // true
 * ```
 */
export const PROTOCOL_NAMES = [
  'TCP',
  'UDP',
  'ICMP',
  'ICMPv6',
  'SCTP',
  'UDPLite',
] as const satisfies readonly ProtocolName[];

/**
 * IP protocol numbers of the named protocols.
 *
 * @example
 * ```ts
 * PROTOCOL_NUMBERS.SCTP; // 132
 * ```
 */
export const PROTOCOL_NUMBERS = {
  TCP: 6,
  UDP: 17,
  ICMP: 1,
  ICMPv6: 58,
  SCTP: 132,
  UDPLite: 136,
} as const satisfies Record<ProtocolName, number>;

/**
 * Whether `value` is one of Calico's protocol names (case-sensitive).
 *
 * @example
 * ```ts
 * isProtocolName('TCP'); // true
 * isProtocolName('tcp'); // false
 * ```
 */
export function isProtocolName(value: unknown): value is ProtocolName {
  return typeof value === 'string' && (PROTOCOL_NAMES as readonly string[]).includes(value);
}

/**
 * Decodes a rule `protocol` / `notProtocol` value as Calico does (`numorstring.Protocol`): an
 * integer 1–255, a numeric string (which becomes the number, e.g. `"6"` → `6`), or one of the
 * case-sensitive names `TCP`, `UDP`, `ICMP`, `ICMPv6`, `SCTP`, `UDPLite`. The result is the form
 * Calico prints back.
 *
 * @example
 * ```ts
 * parseProtocol('TCP'); // { ok: true, value: 'TCP' }
 * parseProtocol('6');   // { ok: true, value: 6 }
 * parseProtocol('tcp').ok; // false: names are case-sensitive, write 'TCP'
 * parseProtocol(0).ok;     // false: protocol number 0 is invalid
 * ```
 */
export function parseProtocol(input: unknown): Result<Protocol> {
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || input < 0 || input > 255) {
      return protocolIssue(`Invalid protocol ${input}: a protocol number must be an integer from 1 to 255`);
    }
    if (input === 0)
      return protocolIssue('Invalid protocol 0: protocol number 0 is invalid, use 1-255 or a name');
    return ok(input);
  }
  if (typeof input !== 'string') {
    return protocolIssue(
      'Invalid protocol: must be a protocol name (TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite) or a number',
    );
  }
  // Go's Uint8OrString turns any string that parses as a uint8 into the number.
  if (/^[0-9]+$/.test(input)) {
    const n = Number(input);
    if (n <= 255) {
      return n === 0
        ? protocolIssue('Invalid protocol "0": protocol number 0 is invalid, use 1-255 or a name')
        : ok(n);
    }
  }
  if (isProtocolName(input)) return ok(input);
  const fixed = PROTOCOL_NAMES.find((n) => n.toLowerCase() === input.toLowerCase());
  return protocolIssue(
    fixed !== undefined
      ? `Invalid protocol "${input}": protocol names are case-sensitive, write "${fixed}"`
      : `Invalid protocol "${input}": use one of ${PROTOCOL_NAMES.join(', ')} or a number 1-255`,
  );
}

function protocolIssue(message: string): Result<never> {
  return fail({ code: 'invalid_protocol', path: [], message });
}

/**
 * The IP protocol number of a protocol (`TCP` → 6, `UDP` → 17, `ICMP` → 1, `ICMPv6` → 58,
 * `SCTP` → 132, `UDPLite` → 136; a number is returned unchanged).
 *
 * @example
 * ```ts
 * protocolNumber('TCP'); // 6
 * protocolNumber(17);    // 17
 * ```
 */
export function protocolNumber(protocol: Protocol): number {
  return typeof protocol === 'number' ? protocol : PROTOCOL_NUMBERS[protocol];
}

/**
 * Whether a protocol carries ports (TCP, UDP, SCTP or 6/17/132). UDPLite does not count, as in
 * Calico's `SupportsPorts()`.
 *
 * @example
 * ```ts
 * protocolSupportsPorts('SCTP');    // true
 * protocolSupportsPorts('UDPLite'); // false
 * ```
 */
export function protocolSupportsPorts(protocol: Protocol): boolean {
  const n = protocolNumber(protocol);
  return n === 6 || n === 17 || n === 132;
}

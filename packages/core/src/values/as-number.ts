import { fail, issue, ok, type Result } from '../result.js';
import { describeValue } from '../shape/checks.js';

const UINT16_MAX = 0xffff;
const UINT32_MAX = 0xffffffff;
const DECIMAL = /^[0-9]+$/;

/** Go's `strconv.ParseUint(text, 10, bits)`: decimal digits only, within the bit size. */
function parseUint(text: string, max: number): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/**
 * Decodes a BGP AS number as Calico's `numorstring.ASNumber` does: a number from 0 to 4294967295
 * (a Go `uint32`), or text holding one, or the dotted form `high.low` of two 16-bit halves
 * (`"1.10"` is 65546). The value is the number Calico stores and prints.
 *
 * @example
 * ```ts
 * parseASNumber(64512); // { ok: true, value: 64512 }
 * parseASNumber('1.10'); // { ok: true, value: 65546 }
 * parseASNumber('AS64512').ok; // false
 * ```
 */
export function parseASNumber(value: number | string): Result<number> {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value <= UINT32_MAX) return ok(value);
  } else if (typeof value !== 'string') {
    return fail(
      issue('invalid_type', [], `An AS number must be a number or a string, not ${describeValue(value)}`),
    );
  } else {
    const whole = parseUint(value, UINT32_MAX);
    if (whole !== undefined) return ok(whole);
    const parts = value.split('.');
    const high = parts.length === 2 ? parseUint(parts[0]!, UINT16_MAX) : undefined;
    const low = parts.length === 2 ? parseUint(parts[1]!, UINT16_MAX) : undefined;
    if (high !== undefined && low !== undefined) return ok(high * 0x10000 + low);
  }
  return fail(
    issue(
      'invalid_value',
      [],
      `Invalid AS number ${JSON.stringify(value)}: write a number from 0 to 4294967295 (e.g. 64512) or the dotted form "1.10" (two numbers from 0 to 65535)`,
    ),
  );
}

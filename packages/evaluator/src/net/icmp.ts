/**
 * ICMP type/code bounds of a *packet* (one byte each: 0–255), shared by `evaluate` and
 * `parseFlow`. Calico *rules* are narrower (type 0–254, `api/pkg/apis/projectcalico/v3`
 * `ICMPFields` `lte=254`: 255 is reserved), which `validate` checks; a packet may still carry
 * type 255 and simply matches no typed rule.
 */

/** The largest ICMP type or code a packet can carry. */
const BYTE_MAX = 255;

const isByte = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= BYTE_MAX;

/**
 * Checks a flow's `icmp` field: the type/code, or a message saying how to fix it.
 *
 * @example
 * ```ts
 * checkIcmp({ type: 8, code: 0 }); // { ok: true, icmp: { type: 8, code: 0 } }
 * checkIcmp({ type: 300 }).ok; // false
 * ```
 */
export function checkIcmp(
  icmp: unknown,
): { ok: true; icmp: { type: number; code?: number } } | { ok: false; message: string } {
  if (typeof icmp !== 'object' || icmp === null)
    return { ok: false, message: 'icmp must be { type: number, code?: number }.' };
  const { type, code } = icmp as { type?: unknown; code?: unknown };
  if (!isByte(type))
    return {
      ok: false,
      message: `icmp.type ${JSON.stringify(type)} is not an integer 0-255 (e.g. 8 for echo request).`,
    };
  if (code !== undefined && !isByte(code))
    return { ok: false, message: `icmp.code ${JSON.stringify(code)} is not an integer 0-255 (e.g. 0).` };
  return { ok: true, icmp: code === undefined ? { type } : { type, code } };
}

/**
 * The order go-yaml v2 prints map keys in (`sorter.go` `keyList.Less`), which calicoctl and
 * kubectl output follows: runs of digits compare as numbers, and at the first difference a
 * non-letter sorts before a letter (`port9` before `port10`, `x_Y` before `xA`). Go's JSON
 * encoder sorts map keys by bytes instead.
 */

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** A run of digits from `i` as go-yaml reads it: an int64 (wrapping), and where the run ends. */
function digitRun(runes: readonly string[], i: number, start: bigint): [bigint, number] {
  let n = start;
  let k = i;
  for (; k < runes.length && DIGIT.test(runes[k] as string); k++)
    n = BigInt.asIntN(64, n * 10n + BigInt((runes[k] as string).codePointAt(0)! - 48));
  return [n, k];
}

/**
 * Compares two map keys as go-yaml v2 orders them: negative when `a` prints first.
 *
 * @example
 * ```ts
 * ['port10', 'port9', 'xA', 'x_Y'].sort(goYamlKeyOrder); // ['port9', 'port10', 'x_Y', 'xA']
 * ```
 */
export function goYamlKeyOrder(a: string, b: string): number {
  if (a === b) return 0;
  return goYamlLess(a, b) ? -1 : 1;
}

function goYamlLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i] as string;
    const y = br[i] as string;
    if (x === y) continue;
    const xl = LETTER.test(x);
    const yl = LETTER.test(y);
    if (xl && yl) return x.codePointAt(0)! < y.codePointAt(0)!;
    if (xl || yl) return yl;
    // A run that continues a number with a non-zero digit before it compares as that number.
    let start = 0n;
    if (x === '0' || y === '0')
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j] as string); j--)
        if (ar[j] !== '0') {
          start = 1n;
          break;
        }
    const [an, ai] = digitRun(ar, i, start);
    const [bn, bi] = digitRun(br, i, start);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x.codePointAt(0)! < y.codePointAt(0)!;
  }
  return ar.length < br.length;
}

/** Edit distance, capped: names more than 3 characters apart in length are never close. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The allowed name closest to a misspelt one (`Protocol` → `protocol`, `ordr` → `order`), or
 * `undefined` when none is within two edits, case aside.
 */
export function closestName(name: string, allowed: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const exact = allowed.find((a) => a.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = 3;
  for (const a of allowed) {
    const d = editDistance(lower, a.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = a;
    }
  }
  return best;
}

/**
 * The supported kind closest to a misspelt one, or `undefined` when none is close: at most a
 * third of the name's letters changed (insertions, deletions, substitutions, ignoring case),
 * and only among the kinds that go with `apiVersion` when that is a known apiVersion (so
 * `projectcalico.org/v3 NetworkPolcy` suggests NetworkPolicy, not the Kubernetes one).
 *
 * @param kindsByApiVersion every supported apiVersion with its kinds.
 * @example
 * ```ts
 * const kinds = new Map([['projectcalico.org/v3', ['GlobalNetworkPolicy', 'Tier']]]);
 * closestKind('GlobalNetworkPolcy', 'projectcalico.org/v3', kinds); // 'GlobalNetworkPolicy'
 * closestKind('Deployment', 'apps/v1', kinds); // undefined
 * ```
 */
export function closestKind(
  kind: string,
  apiVersion: string,
  kindsByApiVersion: ReadonlyMap<string, readonly string[]>,
): string | undefined {
  const candidates = kindsByApiVersion.get(apiVersion) ?? [...kindsByApiVersion.values()].flat();
  const wanted = kind.toLowerCase();
  const budget = Math.max(1, Math.floor(kind.length / 3));
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Edit distance counting a swap of two neighbours as one edit (`Teir` → `Tier`), giving up
 * (returning `cap`) once every path costs `cap` or more.
 */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? cap) + 1,
        (current[j - 1] ?? cap) + 1,
        (previous[j - 1] ?? cap) + cost,
      );
      const swapped =
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1);
      if (swapped) value = Math.min(value, (before[j - 2] ?? cap) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= cap) return cap;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length] ?? cap, cap);
}

// Helpers shared by the core benchmarks (not a bench file itself: run.ts only loads *.bench.ts).

/** Deterministic pseudo-random numbers (mulberry32) so every run measures the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `fn` (which does `ops` operations) until at least `minMs` have passed; returns ops/s. */
export function measure(ops: number, fn: () => number, minMs = 400): { rate: number; sink: number } {
  let sink = fn(); // warm-up
  let rounds = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    sink += fn();
    rounds++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return { rate: (ops * rounds) / (elapsed / 1000), sink };
}

/** A rate as `1.23 M` or `45.6 k`. */
export const fmt = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : `${(n / 1e3).toFixed(1)} k`;

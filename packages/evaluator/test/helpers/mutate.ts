/**
 * Replaces the value at a pseudo-random path inside `root` with `value` (each choice picks a key
 * or element one level down); `root` itself is not changed. For the hostile-input property tests.
 */
export function mutate(root: unknown, choices: readonly number[], value: unknown): unknown {
  if (choices.length === 0 || typeof root !== 'object' || root === null) return value;
  const [pick, ...rest] = choices as [number, ...number[]];
  if (Array.isArray(root)) {
    if (root.length === 0) return value;
    const i = pick % root.length;
    return root.map((v, k) => (k === i ? mutate(v, rest, value) : v));
  }
  const keys = Object.keys(root);
  if (keys.length === 0) return value;
  const key = keys[pick % keys.length] as string;
  return { ...root, [key]: mutate((root as Record<string, unknown>)[key], rest, value) };
}

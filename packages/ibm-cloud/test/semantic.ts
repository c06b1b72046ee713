import { parseSelector, printSelector } from '@calico-dsl/core';

const SELECTOR_KEYS = new Set(['selector', 'notSelector', 'namespaceSelector']);

/**
 * A resource in a comparable form: empty objects and lists dropped (`source: {}` means the same as
 * no `source`), selectors in Calico's canonical form, keys sorted.
 */
export function semantic(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => semantic(v, key)).filter((v) => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => [k, semantic((value as Record<string, unknown>)[k], k)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  if (SELECTOR_KEYS.has(key) && typeof value === 'string') {
    const parsed = parseSelector(value);
    return parsed.ok ? printSelector(parsed.value) : value;
  }
  return value;
}

/** Comparing policies the way Calico reads them, for tests against the tutorial's own YAML. */
import { parseSelector, printSelector } from '@calico-dsl/core';

const SELECTOR_KEYS = new Set(['selector', 'notSelector', 'namespaceSelector', 'serviceAccountSelector']);

/**
 * A resource in a form where equal meaning gives equal values: empty objects and lists dropped
 * (the tutorial's `source: {}` means the same as no `source`), selectors in Calico's canonical
 * form (`ibm.role=='worker_public'` = `ibm.role == "worker_public"`), keys sorted, ports as text.
 *
 * @example
 * ```ts
 * comparable({ spec: { selector: "a=='b'", ingress: [{ action: 'Deny', source: {} }] } });
 * // { spec: { ingress: [{ action: 'Deny' }], selector: 'a == "b"' } }
 * ```
 */
export function comparable(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => comparable(v, key)).filter((v) => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => [k, comparable((value as Record<string, unknown>)[k], k)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  if (SELECTOR_KEYS.has(key) && typeof value === 'string') {
    const parsed = parseSelector(value);
    return parsed.ok ? printSelector(parsed.value) : value;
  }
  if (key === 'ports' || key === 'notPorts') return String(value);
  return value;
}

/**
 * The tutorial's YAML with the cheat-sheet placeholders filled in, as the tutorial asks you to.
 *
 * @example
 * ```ts
 * fillPlaceholders('nets: [<loadbalancer_IP>/32]', TUTORIAL_DEFAULTS); // 'nets: [169.46.10.20/32]'
 * ```
 */
export function fillPlaceholders(
  text: string,
  params: { readonly clientIp: string; readonly loadBalancerIp: string },
): string {
  return text
    .replaceAll('<loadbalancer_IP>', params.loadBalancerIp)
    .replaceAll('<client_address>', params.clientIp);
}

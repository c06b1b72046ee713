/** `--via` must name a node and interface the world has: a typo would silently take another path. */
import type { Flow, World } from '@calico-dsl/evaluator';

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The world's node names: Node resources, host endpoints' `spec.node` and pods' `spec.nodeName`.
 *
 * @example
 * ```ts
 * declare const world: World;
 * knownNodes(world); // ['worker-1', 'worker-2']
 * ```
 */
export function knownNodes(world: World): string[] {
  const names = new Set<string>(world.model.nodes.keys());
  for (const h of world.model.hostEndpoints) names.add(h.node);
  for (const w of world.model.workloads) if (w.node !== undefined) names.add(w.node);
  return [...names].sort(byName);
}

/**
 * What is wrong with a `via`, as a message that lists the valid choices; `undefined` when the
 * node exists and the interface is one its host endpoints name (any, when none names one).
 *
 * @example
 * ```ts
 * declare const world: World;
 * viaProblem(world, { node: 'kube-wrk1' }); // 'the world has no node "kube-wrk1"; its nodes: worker-1, worker-2'
 * ```
 */
export function viaProblem(world: World, via: NonNullable<Flow['via']>): string | undefined {
  const nodes = knownNodes(world);
  if (!nodes.includes(via.node)) {
    const hep = world.model.hostEndpoints.find((h) => h.name === via.node);
    const hint = hep !== undefined ? ` ("${via.node}" is a host endpoint on node ${hep.node})` : '';
    const list = nodes.length > 0 ? nodes.join(', ') : '(none: add Node or HostEndpoint manifests)';
    return `the world has no node "${via.node}"${hint}; its nodes: ${list}`;
  }
  if (via.interface === undefined) return undefined;
  // As the evaluator's own check: the node's named host endpoints decide which one polices the
  // packet, so another name is a mistake; a node without any has no interface to get wrong.
  const named = world.model.hostEndpoints
    .filter((h) => h.node === via.node && h.interfaceName !== undefined && h.interfaceName !== '*')
    .map((h) => h.interfaceName as string);
  if (named.length === 0 || named.includes(via.interface)) return undefined;
  const list = [...new Set(named)].sort(byName).join(', ');
  return `node "${via.node}" has no host endpoint for interface "${via.interface}"; its interfaces: ${list}`;
}

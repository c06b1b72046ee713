/**
 * `v1 Endpoints` of a Service without a selector, as the EndpointSliceMirroring controller copies
 * them into EndpointSlices for kube-proxy (kubernetes `pkg/controller/endpointslicemirroring`):
 * each subset's `addresses` become ready endpoints, its `notReadyAddresses` not-ready ones, its
 * ports the slice ports. Endpoints labelled `endpointslice.kubernetes.io/skip-mirror: "true"`, or
 * annotated as a leader-election lock, are not mirrored (`shouldMirror`). The mirrored slices keep paths into the Endpoints object for issues (`at`).
 */
import type { Loose, ResourceIndex } from './read.js';

const SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
/** Endpoints used as a leader-election lock are not mirrored (`hasLeaderElection`). */
const LEADER_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';
/** The managed-by label value of the slices the mirroring controller writes. */
const MIRROR_MANAGER = 'endpointslicemirroring-controller.k8s.io';

/**
 * Whether a Service's slices hold the mirroring controller's own (label
 * `endpointslice.kubernetes.io/managed-by`): then the world already has the mirror.
 *
 * @example
 * ```ts
 * hasMirroredSlices(slicesByService(index, issues).get('prod/db') ?? []); // true for a live cluster's export
 * ```
 */
export function hasMirroredSlices(slices: readonly { readonly resource: Loose }[]): boolean {
  return slices.some(
    (s) => s.resource.metadata?.labels?.['endpointslice.kubernetes.io/managed-by'] === MIRROR_MANAGER,
  );
}

function endpointsOf(subset: Loose, s: number, i: number): Loose[] {
  const out: Loose[] = [];
  for (const [field, ready] of [
    ['addresses', true],
    ['notReadyAddresses', false],
  ] as const) {
    ((subset[field] ?? []) as Loose[]).forEach((a, n) => {
      out.push({
        addresses: [a.ip],
        conditions: { ready },
        ...(a.nodeName !== undefined ? { nodeName: a.nodeName } : {}),
        ...(a.targetRef !== undefined ? { targetRef: a.targetRef } : {}),
        at: [i, 'subsets', s, field, n, 'ip'],
      });
    });
  }
  return out;
}

/**
 * The slices the mirroring controller writes for the Endpoints named like a selectorless
 * Service (`namespace/name`), or `undefined` when there is none to mirror.
 *
 * @example
 * ```ts
 * mirroredSlices(index, 'prod/db')?.length; // one slice per subset
 * ```
 */
export function mirroredSlices(
  index: ResourceIndex,
  key: string,
): { readonly resource: Loose; readonly index: number }[] | undefined {
  for (const [r, i] of index.of('Endpoints')) {
    if (`${r.metadata.namespace ?? 'default'}/${r.metadata.name}` !== key) continue;
    if (
      r.metadata.labels?.[SKIP_MIRROR] === 'true' ||
      Object.hasOwn(r.metadata.annotations ?? {}, LEADER_ANNOTATION)
    )
      return undefined;
    return ((r.subsets ?? []) as Loose[]).map((subset, s) => ({
      index: i,
      resource: {
        kind: 'Endpoints',
        metadata: r.metadata,
        endpoints: endpointsOf(subset, s, i),
        ports: ((subset.ports ?? []) as Loose[]).map((p, j) => ({ ...p, at: [i, 'subsets', s, 'ports', j] })),
      },
    }));
  }
  return undefined;
}

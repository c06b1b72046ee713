import { RESOURCE_KEYS } from '../resources/field-order.js';
import { CALICO_KINDS, type CalicoKind, isCalicoKind } from '../resources/kinds.js';
import { K8S_NETWORKING_API_VERSION } from '../resources/kubernetes.js';
import { CALICO_API_VERSION } from '../resources/metadata.js';
import { isNetworkPolicyApiKind } from '../resources/network-policy-api.js';
import { describeValue } from '../shape/checks.js';
import { readBGPConfigurationSpec } from './bgp-configuration.js';
import { type CanonicalObject, setOwn } from './canonical.js';
import { readFelixSpec } from './felix/spec.js';
import { readStruct } from './field-readers.js';
import { readHostEndpointSpec } from './host-endpoint.js';
import { readIPPoolSpec } from './ip-pool.js';
import type { IssueCollector } from './issue-collector.js';
import { isJsonObject, type Json, type JsonObject, type Path } from './json.js';
import { readKubernetesNetworkPolicy } from './kubernetes-network-policy.js';
import { readStagedKubernetesSpec } from './kubernetes-policy.js';
import { readMetadata } from './metadata.js';
import { readNetworkPolicyApiResource } from './network-policy-api.js';
import { readNetworkSetSpec } from './network-set.js';
import { readPolicySpec } from './policy-spec.js';
import { readProfileSpec } from './profile.js';
import { readStatus } from './server-fields.js';
import { readTierSpec } from './tier.js';

/** Reads and checks the `spec` of one kind; `name` is the already-read `metadata.name`. */
type SpecReader = (ctx: IssueCollector, spec: Json | undefined, path: Path, name: string) => CanonicalObject;

const SPEC_READERS: Record<CalicoKind, SpecReader> = {
  GlobalNetworkPolicy: (ctx, spec, path) => readPolicySpec(ctx, 'GlobalNetworkPolicy', spec, path),
  NetworkPolicy: (ctx, spec, path) => readPolicySpec(ctx, 'NetworkPolicy', spec, path),
  StagedGlobalNetworkPolicy: (ctx, spec, path) =>
    readPolicySpec(ctx, 'StagedGlobalNetworkPolicy', spec, path),
  StagedNetworkPolicy: (ctx, spec, path) => readPolicySpec(ctx, 'StagedNetworkPolicy', spec, path),
  StagedKubernetesNetworkPolicy: (ctx, spec, path) => readStagedKubernetesSpec(ctx, spec, path),
  Tier: (ctx, spec, path, name) => readTierSpec(ctx, name, spec, path),
  GlobalNetworkSet: (ctx, spec, path) => readNetworkSetSpec(ctx, spec, path),
  NetworkSet: (ctx, spec, path) => readNetworkSetSpec(ctx, spec, path),
  HostEndpoint: (ctx, spec, path) => readHostEndpointSpec(ctx, spec, path),
  Profile: (ctx, spec, path) => readProfileSpec(ctx, spec, path),
  FelixConfiguration: (ctx, spec, path, name) => readFelixSpec(ctx, spec, path, name),
  IPPool: (ctx, spec, path) => readIPPoolSpec(ctx, spec, path),
  BGPConfiguration: (ctx, spec, path, name) => readBGPConfigurationSpec(ctx, spec, path, name),
};

/** Kinds whose objects may carry a `status` (their controllers' conditions): Calico writes it. */
const HAS_STATUS: ReadonlySet<CalicoKind> = new Set<CalicoKind>(['Tier', 'IPPool']);

/**
 * calicoctl refuses a namespace on a cluster-scoped kind before sending it ("namespace should not be
 * specified for a non-namespaced resource", handleNamespace in calicoctl/commands/common/resources.go).
 */
function checkScope(ctx: IssueCollector, kind: CalicoKind, namespace: unknown): void {
  if (CALICO_KINDS[kind].namespaced || typeof namespace !== 'string' || namespace === '') return;
  ctx.report(
    'forbidden_field',
    ['metadata', 'namespace'],
    `${kind} is not namespaced: remove metadata.namespace (${JSON.stringify(namespace)}); calicoctl refuses a namespace on a cluster-wide resource`,
  );
}

function checkApiVersion(ctx: IssueCollector, obj: JsonObject): void {
  const v = obj.get('apiVersion');
  if (v === CALICO_API_VERSION) return;
  if (v === 'crd.projectcalico.org/v1') {
    ctx.report(
      'invalid_api_version',
      ['apiVersion'],
      'apiVersion crd.projectcalico.org/v1 is the internal CRD storage version: use apiVersion: projectcalico.org/v3',
    );
  } else if (v === undefined || v === null) {
    ctx.report(
      'invalid_api_version',
      ['apiVersion'],
      'apiVersion is required: set apiVersion: projectcalico.org/v3',
    );
  } else {
    ctx.report(
      'invalid_api_version',
      ['apiVersion'],
      `Unsupported apiVersion ${describeValue(v)}: use apiVersion: projectcalico.org/v3`,
    );
  }
}

function readKind(ctx: IssueCollector, obj: JsonObject): CalicoKind | undefined {
  const kind = obj.get('kind');
  if (isCalicoKind(kind)) return kind;
  const known = Object.keys(CALICO_KINDS);
  if (kind === undefined || kind === null || kind === '') {
    ctx.report('unknown_kind', ['kind'], `kind is required: set it to one of ${known.join(', ')}`);
  } else {
    const fixed =
      typeof kind === 'string' ? known.find((k) => k.toLowerCase() === kind.toLowerCase()) : undefined;
    ctx.report(
      'unknown_kind',
      ['kind'],
      fixed !== undefined
        ? `Unknown kind ${JSON.stringify(kind)}: kinds are case-sensitive, write "${fixed}"`
        : `Unknown kind ${describeValue(kind)}: validate() checks ${known.join(', ')}`,
    );
  }
  return undefined;
}

/**
 * Reads and checks one resource snapshot and returns its normalized copy (when no issue was
 * found the caller freezes and returns it).
 */
export function readResource(ctx: IssueCollector, root: Json | undefined): CanonicalObject | undefined {
  if (!isJsonObject(root)) {
    ctx.report(
      'invalid_input',
      [],
      `A resource must be a mapping with apiVersion, kind, metadata and spec, not ${describeValue(root)}`,
    );
    return undefined;
  }
  const apiKind = root.get('kind');
  if (isNetworkPolicyApiKind(apiKind)) return readNetworkPolicyApiResource(ctx, root, apiKind);
  if (apiKind === 'NetworkPolicy' && root.get('apiVersion') === K8S_NETWORKING_API_VERSION)
    return readKubernetesNetworkPolicy(ctx, root);
  checkApiVersion(ctx, root);
  const kind = readKind(ctx, root);
  if (kind === undefined) return undefined;
  const allowed = HAS_STATUS.has(kind) ? RESOURCE_KEYS : RESOURCE_KEYS.filter((k) => k !== 'status');
  readStruct(ctx, root, [], allowed);

  const out: CanonicalObject = {};
  setOwn(out, 'apiVersion', CALICO_API_VERSION);
  setOwn(out, 'kind', kind);
  const metadata = readMetadata(ctx, kind, root.get('metadata'), ['metadata']);
  checkScope(ctx, kind, metadata?.namespace);
  setOwn(out, 'metadata', metadata ?? {});
  const name = typeof metadata?.name === 'string' ? metadata.name : '';
  setOwn(out, 'spec', SPEC_READERS[kind](ctx, root.get('spec'), ['spec'], name));
  if (HAS_STATUS.has(kind)) setOwn(out, 'status', readStatus(ctx, root.get('status'), ['status']));
  return out;
}

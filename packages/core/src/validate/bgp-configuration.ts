/**
 * Every BGPConfigurationSpec field and what Calico accepts in it, at the pinned Calico commit
 * 87c15906: the Go type and `validate:"…"` tag in bgpconfig.go, the CRD schema
 * (`projectcalico.org_bgpconfigurations.yaml`: enums, pattern, bounds, `maxLength`, `maxItems`),
 * and the named validators of libcalico-go `validator.go`. The fields are the same kinds of field
 * as FelixConfiguration's, so the one field checker reads them; the rules that span fields or
 * need the resource's name are in bgp-configuration-rules.ts.
 */
import {
  BGP_BIND_MODES,
  PROGRAM_CLUSTER_ROUTES,
  SERVICE_LOAD_BALANCER_AGGREGATIONS,
} from '../resources/bgp-configuration.js';
import {
  BGP_PASSWORD_KEYS,
  COMMUNITY_KEYS,
  PREFIX_ADVERTISEMENT_KEYS,
  SECRET_KEY_SELECTOR_KEYS,
  SERVICE_IP_BLOCK_KEYS,
  SPEC_KEYS,
} from '../resources/field-order.js';
import { formatPath } from '../result.js';
import { describeValue } from '../shape/checks.js';
import { parseASNumber } from '../values/as-number.js';
import { checkBGPConfigurationRules } from './bgp-configuration-rules.js';
import type { CanonicalObject } from './canonical.js';
import { readFelixField } from './felix/check-field.js';
import { LOG_SEVERITY } from './felix/crd-patterns.js';
import {
  BOOL,
  type FelixFieldRule,
  type ListRule,
  pointerEnum,
  ROUTE_PRIORITY,
  type StructRule,
} from './felix/field-rule.js';
import { readFields } from './felix/read-fields.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, Path } from './json.js';

type BGPConfigurationSpecKey = (typeof SPEC_KEYS.BGPConfiguration)[number];

/** `validate:"omitempty,net"` and the CRD's `format: cidr` (a plain string: "" is unset). */
const NETWORK: FelixFieldRule = { kind: 'string', format: 'net' };

/** `ServiceClusterIPBlock`, `ServiceExternalIPBlock`, `ServiceLoadBalancerIPBlock`: `dive` into each. */
const SERVICE_IP_BLOCKS: ListRule = {
  kind: 'list',
  item: {
    kind: 'struct',
    keys: SERVICE_IP_BLOCK_KEYS,
    fields: { cidr: NETWORK },
    want: 'a block like { cidr: 10.96.0.0/12 }',
  },
  want: 'a list of blocks like [{ cidr: 10.96.0.0/12 }]',
};

/**
 * `Community`: the CRD's `maxLength`s and `name`'s validator. `required` on both, and the value's
 * format and bit sizes, are `validateBGPConfigurationSpec`'s (bgp-configuration-rules.ts).
 */
const COMMUNITY: StructRule = {
  kind: 'struct',
  keys: COMMUNITY_KEYS,
  fields: {
    name: { kind: 'string', maxLength: 253, format: 'name' },
    value: { kind: 'string', maxLength: 40 },
  },
  want: 'a community like { name: no-export-peers, value: "65001:100" }',
};

/** `PrefixAdvertisement`: `cidr` as `net`, at most 50 communities (checked in the rules). */
const PREFIX_ADVERTISEMENT: StructRule = {
  kind: 'struct',
  keys: PREFIX_ADVERTISEMENT_KEYS,
  fields: {
    cidr: NETWORK,
    communities: { kind: 'list', item: { kind: 'string' }, maxItems: 50, want: 'a list of communities' },
  },
  want: 'an advertisement like { cidr: 192.168.10.0/28, communities: [no-export-peers] }',
};

/** `BGPPassword` (bgppeer.go) holding a Kubernetes `SecretKeySelector`, whose `key` the CRD requires. */
const BGP_PASSWORD: StructRule = {
  kind: 'struct',
  keys: BGP_PASSWORD_KEYS,
  fields: {
    secretKeyRef: {
      kind: 'struct',
      keys: SECRET_KEY_SELECTOR_KEYS,
      fields: { name: { kind: 'string' }, key: { kind: 'string' }, optional: BOOL },
      required: { key: 'bgp-password' },
      want: 'a Secret key like { name: bgp-secrets, key: bgp-password }',
    },
  },
  want: 'a password like { secretKeyRef: { name: bgp-secrets, key: bgp-password } }',
};

/**
 * The rule of each BGPConfigurationSpec field but `asNumber` (a `numorstring.ASNumber`, read by
 * `parseASNumber`), in Go declaration order.
 */
const BGP_FIELDS = {
  // A plain string: "" is unset; the CRD pattern takes any case.
  logSeverityScreen: { kind: 'string', pattern: LOG_SEVERITY },
  nodeToNodeMeshEnabled: BOOL,
  serviceLoadBalancerIPs: SERVICE_IP_BLOCKS,
  serviceExternalIPs: SERVICE_IP_BLOCKS,
  serviceClusterIPs: SERVICE_IP_BLOCKS,
  serviceLoadBalancerAggregation: pointerEnum(...SERVICE_LOAD_BALANCER_AGGREGATIONS),
  communities: { kind: 'list', item: COMMUNITY, maxItems: 500, want: 'a list of communities' },
  prefixAdvertisements: {
    kind: 'list',
    item: PREFIX_ADVERTISEMENT,
    maxItems: 500,
    want: 'a list of prefix advertisements',
  },
  // A `uint16` with `omitempty,gt=0`: 0 is unset for Go, and omitted before the CRD's minimum 1 sees it.
  listenPort: { kind: 'int', min: 0, max: 65535 },
  nodeMeshPassword: BGP_PASSWORD,
  // A `*metav1.Duration` the CRD types as a plain string.
  nodeMeshMaxRestartTime: { kind: 'duration' },
  bindMode: pointerEnum(...BGP_BIND_MODES),
  // `dive,ignoredInterface`: every item, "" too (a set: repeats are the rules' check).
  ignoredInterfaces: {
    kind: 'list',
    item: { kind: 'string', checkEmpty: true, format: 'ignoredInterface' },
    want: 'a list of interface names',
  },
  localWorkloadPeeringIPV4: { kind: 'string', format: 'goIpv4' },
  localWorkloadPeeringIPV6: { kind: 'string', format: 'goIpv6' },
  programClusterRoutes: pointerEnum(...PROGRAM_CLUSTER_ROUTES),
  ipv4NormalRoutePriority: ROUTE_PRIORITY,
  ipv6NormalRoutePriority: ROUTE_PRIORITY,
} as const satisfies Record<Exclude<BGPConfigurationSpecKey, 'asNumber'>, FelixFieldRule>;

/** `asNumber` as Go decodes it; the value kept is the number Calico stores. */
function readASNumber(ctx: IssueCollector, value: Json, at: Path): number | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') {
    ctx.report(
      'invalid_type',
      at,
      `${formatPath(at)} must be an AS number like 64512 or "1.10", not ${describeValue(value)}`,
    );
    return undefined;
  }
  const r = parseASNumber(value);
  if (r.ok) return r.value;
  for (const i of r.issues) ctx.report(i.code, at, `${formatPath(at)}: ${i.message}`);
  return undefined;
}

/**
 * Reads and checks a `BGPConfiguration.spec` as calicoctl does: strict decoding, each field's Go
 * type, tag and CRD schema (`BGP_FIELDS`), then `validateBGPConfigurationSpec`, the CRD's CEL
 * rules and the client's default-only fields (`name` is the resource's `metadata.name`). Values
 * are kept as given, but for an `asNumber` written as text, kept as the number it stands for.
 *
 * @example
 * ```ts
 * const ctx = new IssueCollector();
 * readBGPConfigurationSpec(ctx, snapshot({ serviceClusterIPs: [{ cidr: '10.96.0.1/12' }] }).value, ['spec'], 'default');
 * // ctx.issues: [{ code: 'cidr_not_masked', path: ['spec', 'serviceClusterIPs', 0, 'cidr'], message:
 * //   'spec.serviceClusterIPs[0].cidr "10.96.0.1/12" has host bits set: write the network, "10.96.0.0/12"' }]
 * ```
 */
export function readBGPConfigurationSpec(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  name: string,
): CanonicalObject {
  const read = readFields(ctx, v, path, SPEC_KEYS.BGPConfiguration, (key, value, at) =>
    key === 'asNumber' ? readASNumber(ctx, value, at) : readFelixField(ctx, BGP_FIELDS[key], value, at),
  );
  if (read === undefined) return {};
  checkBGPConfigurationRules(ctx, read.spec, path, name);
  return read.out;
}

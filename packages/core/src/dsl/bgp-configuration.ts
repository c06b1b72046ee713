import type {
  BGPBindMode,
  BGPConfiguration,
  BGPConfigurationSpec,
  LogSeverity,
  ProgramClusterRoutes,
  SecretKeySelector,
  ServiceIPBlock,
  ServiceLoadBalancerAggregation,
} from '../resources/bgp-configuration.js';
import type { Result } from '../result.js';
import type { StringMap } from './inputs.js';
import { SpecResourceImpl, type SpecState } from './resource-builders.js';

/**
 * A BGP community value: `aa:nn` (standard, 16-bit parts) or `aa:nn:mm` (large, 32-bit parts).
 * The part sizes are `validate`'s.
 *
 * @example
 * ```ts
 * const noExport: BGPCommunityValue = '65001:100';
 * const large: BGPCommunityValue = '65001:100:7';
 * ```
 */
export type BGPCommunityValue = `${number}:${number}` | `${number}:${number}:${number}`;

/**
 * An AS number: a number (0-4294967295) or the dotted form `high.low` of two 16-bit halves, which
 * Calico stores as its number (`'1.10'` is 65546).
 *
 * @example
 * ```ts
 * const asn: ASNumberInput = '1.10';
 * ```
 */
export type ASNumberInput = number | `${number}.${number}`;

/**
 * An immutable BGPConfiguration builder. Enum arguments are Calico's literal values and
 * communities have their `aa:nn` form, so a misspelt one does not compile; what needs the name
 * or other fields (fields calicoctl takes only on `default`, a mesh password with the mesh
 * disabled, communities no prefix advertisement uses) is `validate`'s, run by `toResource()` and
 * `build()`.
 *
 * @example
 * ```ts
 * bgpConfiguration('default').serviceExternalIPs('203.0.113.0/24').listenPort(1179).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: BGPConfiguration
 * // metadata:
 * //   name: default
 * // spec:
 * //   serviceExternalIPs:
 * //   - cidr: 203.0.113.0/24
 * //   listenPort: 1179
 * ```
 */
export interface BGPConfigurationBuilder {
  /** Sets `metadata.name` (`default`, or `node.<name>` for one node). */
  name(name: string): BGPConfigurationBuilder;
  /** Merges `metadata.labels`. */
  labels(labels: StringMap): BGPConfigurationBuilder;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): BGPConfigurationBuilder;
  /** Sets `spec.logSeverityScreen` (the CRD default is `Info`). */
  logSeverityScreen(level: LogSeverity): BGPConfigurationBuilder;
  /** Sets `spec.nodeToNodeMeshEnabled` (unset: `true`; `default` only). */
  nodeToNodeMeshEnabled(enabled: boolean): BGPConfigurationBuilder;
  /** Sets `spec.asNumber`, the nodes' default AS number (unset: 64512; `default` only). */
  asNumber(asn: ASNumberInput): BGPConfigurationBuilder;
  /** Sets `spec.serviceLoadBalancerIPs`, one block per CIDR (`default` only). */
  serviceLoadBalancerIPs(cidr: string, ...more: string[]): BGPConfigurationBuilder;
  /** Sets `spec.serviceExternalIPs`, one block per CIDR (`default` only). */
  serviceExternalIPs(cidr: string, ...more: string[]): BGPConfigurationBuilder;
  /** Sets `spec.serviceClusterIPs`, one block per CIDR (`default` only). */
  serviceClusterIPs(cidr: string, ...more: string[]): BGPConfigurationBuilder;
  /** Sets `spec.serviceLoadBalancerAggregation` (the CRD default is `Enabled`). */
  serviceLoadBalancerAggregation(mode: ServiceLoadBalancerAggregation): BGPConfigurationBuilder;
  /** Adds a named community to `spec.communities` (a prefix advertisement must use it). */
  community(name: string, value: BGPCommunityValue): BGPConfigurationBuilder;
  /** Adds a prefix advertisement: `cidr` advertised with community values or names. */
  prefixAdvertisement(cidr: string, community: string, ...more: string[]): BGPConfigurationBuilder;
  /** Sets `spec.listenPort` (unset: 179). */
  listenPort(port: number): BGPConfigurationBuilder;
  /** Sets `spec.nodeMeshPassword` to a Secret key (`default` only, with the mesh enabled). */
  nodeMeshPassword(secretKeyRef: SecretKeySelector): BGPConfigurationBuilder;
  /** Sets `spec.nodeMeshMaxRestartTime`, a Go duration like `"120s"` (`default` only). */
  nodeMeshMaxRestartTime(duration: string): BGPConfigurationBuilder;
  /** Sets `spec.bindMode` (unset: every address). */
  bindMode(mode: BGPBindMode): BGPConfigurationBuilder;
  /** Sets `spec.ignoredInterfaces` (`*` may end a prefix: `cali*`). */
  ignoredInterfaces(name: string, ...more: string[]): BGPConfigurationBuilder;
  /** Sets `spec.localWorkloadPeeringIPV4`. */
  localWorkloadPeeringIPV4(ip: string): BGPConfigurationBuilder;
  /** Sets `spec.localWorkloadPeeringIPV6`. */
  localWorkloadPeeringIPV6(ip: string): BGPConfigurationBuilder;
  /** Sets `spec.programClusterRoutes` (unset: `EnabledNoEncapOnly`). */
  programClusterRoutes(mode: ProgramClusterRoutes): BGPConfigurationBuilder;
  /** Sets `spec.ipv4NormalRoutePriority` (unset: 1024), as FelixConfiguration sets it. */
  ipv4NormalRoutePriority(priority: number): BGPConfigurationBuilder;
  /** Sets `spec.ipv6NormalRoutePriority` (unset: 1024), as FelixConfiguration sets it. */
  ipv6NormalRoutePriority(priority: number): BGPConfigurationBuilder;
  /** The resource; throws `CalicoValidationError` (with every issue) if `validate` rejects it. */
  toResource(): BGPConfiguration;
  /** The resource as a `Result`: `{ ok: true, value }` or `{ ok: false, issues }`; never throws. */
  build(): Result<BGPConfiguration>;
}

/** The builder's spec: BGPConfigurationSpec, with an AS number as the DSL takes it. */
type BGPConfigurationDraft = Omit<BGPConfigurationSpec, 'asNumber'> & { readonly asNumber?: ASNumberInput };

const blocks = (cidrs: readonly string[]): ServiceIPBlock[] => cidrs.map((cidr) => ({ cidr }));

/** The BGPConfiguration builder. */
class BGPConfigurationImpl
  extends SpecResourceImpl<BGPConfigurationImpl, 'BGPConfiguration', BGPConfigurationDraft>
  implements BGPConfigurationBuilder
{
  protected make(state: SpecState<'BGPConfiguration', BGPConfigurationDraft>): BGPConfigurationImpl {
    return new BGPConfigurationImpl(state);
  }
  logSeverityScreen(level: LogSeverity): BGPConfigurationImpl {
    return this.withSpec({ logSeverityScreen: level });
  }
  nodeToNodeMeshEnabled(enabled: boolean): BGPConfigurationImpl {
    return this.withSpec({ nodeToNodeMeshEnabled: enabled });
  }
  asNumber(asn: ASNumberInput): BGPConfigurationImpl {
    return this.withSpec({ asNumber: asn });
  }
  serviceLoadBalancerIPs(...cidrs: string[]): BGPConfigurationImpl {
    return this.withSpec({ serviceLoadBalancerIPs: blocks(cidrs) });
  }
  serviceExternalIPs(...cidrs: string[]): BGPConfigurationImpl {
    return this.withSpec({ serviceExternalIPs: blocks(cidrs) });
  }
  serviceClusterIPs(...cidrs: string[]): BGPConfigurationImpl {
    return this.withSpec({ serviceClusterIPs: blocks(cidrs) });
  }
  serviceLoadBalancerAggregation(mode: ServiceLoadBalancerAggregation): BGPConfigurationImpl {
    return this.withSpec({ serviceLoadBalancerAggregation: mode });
  }
  community(name: string, value: BGPCommunityValue): BGPConfigurationImpl {
    return this.withSpec({ communities: [...(this.spec.communities ?? []), { name, value }] });
  }
  prefixAdvertisement(cidr: string, ...communities: string[]): BGPConfigurationImpl {
    const advert = { cidr, communities };
    return this.withSpec({ prefixAdvertisements: [...(this.spec.prefixAdvertisements ?? []), advert] });
  }
  listenPort(port: number): BGPConfigurationImpl {
    return this.withSpec({ listenPort: port });
  }
  nodeMeshPassword(secretKeyRef: SecretKeySelector): BGPConfigurationImpl {
    return this.withSpec({ nodeMeshPassword: { secretKeyRef } });
  }
  nodeMeshMaxRestartTime(duration: string): BGPConfigurationImpl {
    return this.withSpec({ nodeMeshMaxRestartTime: duration });
  }
  bindMode(mode: BGPBindMode): BGPConfigurationImpl {
    return this.withSpec({ bindMode: mode });
  }
  ignoredInterfaces(...names: string[]): BGPConfigurationImpl {
    return this.withSpec({ ignoredInterfaces: names });
  }
  localWorkloadPeeringIPV4(ip: string): BGPConfigurationImpl {
    return this.withSpec({ localWorkloadPeeringIPV4: ip });
  }
  localWorkloadPeeringIPV6(ip: string): BGPConfigurationImpl {
    return this.withSpec({ localWorkloadPeeringIPV6: ip });
  }
  programClusterRoutes(mode: ProgramClusterRoutes): BGPConfigurationImpl {
    return this.withSpec({ programClusterRoutes: mode });
  }
  ipv4NormalRoutePriority(priority: number): BGPConfigurationImpl {
    return this.withSpec({ ipv4NormalRoutePriority: priority });
  }
  ipv6NormalRoutePriority(priority: number): BGPConfigurationImpl {
    return this.withSpec({ ipv6NormalRoutePriority: priority });
  }
}

/**
 * Starts a BGPConfiguration: Calico's BGP settings, cluster-wide (`default`) or for one node
 * (`node.<name>`). Every field is optional, so `toResource()` compiles from the start.
 *
 * @example
 * ```ts
 * bgpConfiguration('default').nodeToNodeMeshEnabled(false).serviceClusterIPs('10.96.0.0/12', 'fd00:96::/108').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: BGPConfiguration
 * // metadata:
 * //   name: default
 * // spec:
 * //   nodeToNodeMeshEnabled: false
 * //   serviceClusterIPs:
 * //   - cidr: 10.96.0.0/12
 * //   - cidr: fd00:96::/108
 * ```
 */
export function bgpConfiguration(name: string): BGPConfigurationBuilder {
  return new BGPConfigurationImpl({
    kind: 'BGPConfiguration',
    factory: 'bgpConfiguration',
    meta: { name },
    spec: {},
  });
}

/**
 * Every `Issue.code` in calico-dsl, with what it means: the one vocabulary of `validate`, the DSL
 * builders, `fromYaml`, the evaluator's `World` and the tools built on them. The same problem gets
 * the same code whatever the entry point. Codes are stable: match on them, not on messages.
 *
 * @example
 * ```ts
 * const r = validate({
 *   apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'web' },
 *   spec: { ingress: [{ action: 'Allow', destination: { ports: [80] } }] },
 * });
 * if (!r.ok && r.issues.some((i) => i.code === 'ports_need_protocol')) console.log('add protocol: TCP');
 * ```
 */
export const ISSUE_CODES = {
  invalid_input: 'The input is not a resource object (null, a primitive or a list).',
  unreadable: 'A value could not be read (a getter or Proxy threw).',
  cyclic: 'The input contains a reference cycle.',
  too_deep: 'The input nests too deeply.',
  too_large: 'The input is too large.',
  invalid_type: 'A field has the wrong JSON type (Calico fails to decode it).',
  unknown_field: 'A field Calico does not know (calicoctl decodes strictly).',
  required: 'A required field is missing or empty.',
  out_of_range: 'A number is outside the range Calico accepts.',
  too_many_items: 'A list is longer than the CRD allows.',
  too_long: 'A string is longer than the CRD allows.',
  invalid_value: 'A value is not one of the allowed values (CRD enum).',
  invalid_api_version:
    'apiVersion is not projectcalico.org/v3 (or, for a network-policy-api kind, not its policy.networking.k8s.io version).',
  unknown_kind: 'kind is missing or not a Calico v3 kind this SDK validates.',
  invalid_name: 'metadata.name (or another name field) does not match the naming rule for its kind.',
  invalid_label: 'A label key or value is invalid, or a reserved label is used.',
  invalid_annotation: 'An annotation key is invalid or annotations are too large.',
  invalid_selector: 'A selector does not parse or is too long.',
  global_selector_not_allowed: 'global() is used outside an EntityRule namespaceSelector.',
  global_selector_not_alone: 'global() is combined with other expressions in a namespaceSelector.',
  invalid_action:
    'A rule action is not Allow, Deny, Log or Pass (ClusterNetworkPolicy: Accept, Deny, Pass; BaselineAdminNetworkPolicy: Allow, Deny).',
  invalid_ip_version: 'ipVersion is not 4 or 6.',
  invalid_protocol: 'A protocol is not a valid name (case-sensitive) or number 1-255.',
  invalid_port:
    'A port entry does not decode (range order, syntax, > 65535); the evaluator makes such a rule side match nothing.',
  port_out_of_range: 'A port number is 0 (ports are 1-65535).',
  invalid_port_name: 'A named port is not a valid IANA port name.',
  ports_need_protocol: 'Ports are set but the rule protocol is unset or has no ports.',
  invalid_cidr:
    'A nets entry, an IP pool cidr or a BGPConfiguration cidr is not a CIDR (all need a prefix length).',
  cidr_not_masked: 'A rule, IP pool or BGPConfiguration CIDR has host bits set.',
  catch_all_not_net: 'notNets holds the catch-all 0.0.0.0/0 or ::/0 (matches nothing).',
  mixed_ip_versions: 'A rule mixes IPv4 and IPv6 CIDRs.',
  ip_version_mismatch: 'A rule CIDR or protocol does not match its ipVersion.',
  invalid_ip: 'An IP address does not parse.',
  icmp_code_without_type: 'icmp.code is set without icmp.type.',
  icmp_needs_protocol: 'icmp is set but protocol is not ICMP, ICMPv6, 1 or 58.',
  http_not_allowed: 'An http match on a non-Allow rule, a non-TCP rule or an egress rule.',
  invalid_http_match: 'HTTP methods repeat or an HTTP path is malformed.',
  services_conflict: 'services is combined with a field it excludes.',
  services_misplaced: 'services is used in an egress source or an ingress destination.',
  services_need_name:
    'services has no name, or no namespace: validate refuses that in a global policy, and in a NetworkPolicy Felix looks the Service up as "/<name>", so the evaluator matches nothing.',
  duplicate_value: 'A list that must be unique repeats a value.',
  prednat_conflict: 'preDNAT with doNotTrack, egress rules or an Egress type.',
  apply_on_forward_required: 'preDNAT or doNotTrack without applyOnForward: true.',
  staged_delete_not_empty: 'stagedAction Delete with other spec fields set.',
  tier_builtin: 'A built-in tier (default, kube-admin, kube-baseline) has the wrong order or action.',
  host_endpoint_incomplete: 'A HostEndpoint lacks node, or both interfaceName and expectedIPs.',
  one_of_required:
    'A network-policy-api subject, peer, protocol or port sets none or more than one of its exclusive fields.',
  unsupported_field:
    'A network-policy-api field of the experimental channel that the CRD Calico installs does not carry.',
  invalid_interface_name:
    'An interface name (HostEndpoint interfaceName, a FelixConfiguration interface setting, a BGPConfiguration ignoredInterfaces entry) is not a 1-15 character interface name (or "*" where allowed).',
  unknown_tier: 'A policy names a tier that has no Tier resource.',
  unknown_profile:
    'A host endpoint names a profile that does not exist: Felix gives it a profile that drops everything in both directions.',
  forbidden_field:
    'A field is set where the CRD forbids it: FelixConfiguration routeTableRange together with routeTableRanges, or nodeSelector on the default or a node.<name> configuration; an IPPool with both IPIP and VXLAN, IPIP on IPv6, a LoadBalancer use with other uses, encapsulation, disableBGPExport or a nodeSelector other than all(), or a Tunnel use with a namespaceSelector; a BGPConfiguration nodeMeshPassword or nodeMeshMaxRestartTime with nodeToNodeMeshEnabled false, or a field calicoctl takes only on the configuration named default; a metadata.namespace on a cluster-wide kind.',
  link_local_overlap: 'An IP pool CIDR overlaps the link-local range 169.254.0.0/16 or fe80::/10.',
  ip_pool_too_small:
    'An enabled IP pool is smaller than its block size (blockSize, or the default /26 for IPv4 and /122 for IPv6): Calico IPAM cannot allocate from it.',
  invalid_community:
    'A BGP community is not aa:nn (16-bit parts) or aa:nn:mm (32-bit parts), or a prefix advertisement names a community that is neither such a value nor defined in spec.communities.',
  // Reading YAML text (fromYaml).
  not_text: 'The input is not a string.',
  yaml_syntax: 'The text is not YAML (or JSON): bad indentation, tabs, unclosed brackets, stray characters.',
  duplicate_key: 'A mapping names the same key twice (Calico would keep only one).',
  unknown_tag: 'A tag such as !!js/function or !!binary that plain YAML 1.2 data cannot carry.',
  alias_limit: 'Aliases expand to more nodes than the limit (the shape of a "billion laughs" bomb).',
  unresolved_alias: 'An alias (*name) refers to an anchor that is not defined before it.',
  not_an_object: 'A document (or list item) is a scalar or list where a resource object belongs.',
  forbidden_key: 'A __proto__, constructor or prototype key: refused so no object can be polluted.',
  invalid_key: 'A mapping key that is itself a mapping, list or null.',
  missing_kind: 'A document without apiVersion or kind.',
  unknown_api_version: 'An apiVersion that does not go with the kind (including crd.projectcalico.org/v1).',
  list_item: 'An item of a <Kind>List that is another kind, or a list inside a list.',
  too_many_issues: 'More issues than the limit: reading stopped, the rest were not reported.',
  ambiguous_scalar:
    'A plain scalar that YAML 1.1 readers (calicoctl, kubectl) read as another value: 017, on, yes, 1_000; quote it.',
  internal_error: 'A bug in calico-dsl: the check itself failed. Please report it with the input.',
  // The evaluator's model of a cluster.
  invalid_flow:
    'A flow to evaluate (or a flow space to analyse) is malformed: protocol, IPs, ports or its text form.',
  service_without_selector:
    'A Service has neither a selector nor EndpointSlices, so it has no backends (kube-proxy rejects its traffic).',
  service_not_proxied:
    "A Service kube-proxy does not program (labelled service.kubernetes.io/service-proxy-name or headless): its addresses are not DNAT'd.",
  endpoint_slice_unmatched:
    'An EndpointSlice names no Service of its namespace, or a port no Service port has, or is labelled service.kubernetes.io/service-proxy-name or headless: kube-proxy ignores it (or that port).',
  duplicate_endpoint:
    'One Service endpoint (address and port) is listed twice with different conditions or nodeName (two EndpointSlices, or two pods with one IP): kube-proxy keeps one copy, which depends on Go map order, so every pick is evaluated (verdicts may be Mixed).',
  service_frontend_conflict:
    'Two Services claim one frontend (address, port and protocol, or node port): kube-proxy writes their rules in Go map order, so which one a packet reaches is not known unless only one has endpoints; two node ports alike cannot exist (the API server refuses them).',
  unsupported_kube_proxy_mode:
    'kube-proxy runs in IPVS (or nftables) mode, or with a detect-local-mode other than ClusterCIDR: only its iptables mode with the cluster CIDR is modelled (IPVS makes service IPs local addresses, policed by host INPUT).',
  unsupported_topology_routing:
    'A Service asks kube-proxy for topology-aware routing (trafficDistribution, topology-mode annotation) or its EndpointSlices carry zone hints: backends are not narrowed by zone here.',
  unknown_via:
    "A flow's via names a node, or an interface of that node's host endpoints, that the world does not have.",
  unknown_endpoint: 'A query (a matrix) names a pod or host endpoint that the world does not have.',
  loopback_node_port:
    "A flow is addressed to 127.0.0.0/8 on a Service's node port: kube-proxy DNATs it (localhost node ports) on the node that sends it, which the flow does not name, so where it goes is not modelled.",
  unserved_service_port:
    "A flow is addressed to a Service's ClusterIP, load balancer or external IP on a protocol or port the Service does not serve: kube-proxy has no rule for it and where it goes is not modelled.",
  unspecified_field:
    "A flow leaves out a field the world's rules read: a TCP, UDP or SCTP flow's srcPort, when source ports get different verdicts (Mixed); an ICMP flow's type, when types the rules name get another verdict than the flow's.",
  unsupported_tunnel_hep: 'A HostEndpoint is on an IPIP/VXLAN/WireGuard tunnel device (not modelled).',
  unsupported_ebpf:
    'FelixConfiguration enables the eBPF dataplane (only the iptables dataplane is modelled).',
  unsupported_felix_setting:
    "A FelixConfiguration setting the evaluator does not apply as Felix would: it hands Calico's decisions to rules outside the model (an allow action of RETURN, chainInsertMode Append), Felix cannot parse it (a failsafe entry without TCP/UDP, a bad net, an interfaceExclude value), it is per node, or an interfaceExclude pattern is Go syntax the evaluator cannot express.",
  address_outside_ip_pools:
    'A pod address is in no IPPool while an IPPool has natOutgoing: Felix would masquerade traffic to it, which is not modelled.',
  shared_pod_address:
    'Two pods (not hostNetwork) list the same IP: a packet to it reaches one of them, and which is not known; the evaluator takes the first in input order.',
  ambiguous_host_endpoint:
    "Several named host endpoints of one node have no expectedIPs: which carries the node's address is unknown.",
  not_enforced:
    'A resource the chosen Calico release does not enforce: a ClusterNetworkPolicy / AdminNetworkPolicy / BaselineAdminNetworkPolicy outside its releases (or skipped as malformed), or with calicoVersion v3.28 a Tier, a policy with spec.tier or a staged policy; it is left out.',
  ignored_field:
    'A field the chosen Calico release accepts but does not read when it converts the resource (an AdminNetworkPolicy namedPort in 3.29–3.31): the rule matches more than it says.',
  unconvertible_rule:
    'A network-policy-api rule Calico cannot convert: replaced by a deny-all rule (Deny/Pass) or dropped (Accept/Allow), as Calico does.',
  // Tools (calicoctl wrapper, CLI).
  invalid_option: 'An option of a tool is out of range or of the wrong type.',
  invalid_argument: 'A command argument is empty or cannot be passed to a process.',
  empty_manifest: 'No resources were given where at least one is needed.',
  builder_failed: 'A DSL builder threw instead of producing a resource.',
  not_namespaced: 'A namespace was given for a kind that is not namespaced.',
  namespace_conflict: 'Two different namespaces were given for one resource.',
  namespace_with_manifest: 'A namespace option was combined with resources that carry their own.',
  no_names: 'A command that needs resource names was given none.',
  file_unreadable: 'A file could not be read.',
  invalid_encoding: 'A file is not UTF-8 text (calicoctl and kubectl read UTF-8 only).',
  not_calico: 'A resource is not a projectcalico.org/v3 resource where one is required.',
  duplicate_resource: 'Two resources have the same kind, namespace and name.',
  module_import_failed: 'A TypeScript/JavaScript module could not be imported.',
  type_check_failed: 'A TypeScript module has type errors (the CLI type-checks it before synth).',
} as const;

/**
 * A stable issue code: one key of {@link ISSUE_CODES}.
 *
 * @example
 * ```ts
 * const r = validate({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkSet', metadata: { name: 'x' },
 *   spec: { nets: ['10.0.0.1/33'] } });
 * const codes: IssueCode[] = r.ok ? [] : r.issues.map((i) => i.code); // ['invalid_cidr']
 * ISSUE_CODES[codes[0] ?? 'invalid_cidr']; // 'A nets entry is not a CIDR (rules need a prefix length).'
 * ```
 */
export type IssueCode = keyof typeof ISSUE_CODES;

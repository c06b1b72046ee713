/**
 * Every FelixConfigurationSpec field and what Calico accepts in it: the one table `validate`
 * checks FelixConfiguration against. Sources, at the pinned Calico commit 87c15906:
 * - `felixconfig.go` (api/pkg/apis/projectcalico/v3): the Go type (`felixconfig.go:N` is the
 *   field's line) and its `validate:"…"` tag;
 * - the CRD `projectcalico.org_felixconfigurations.yaml`: `enum`, `pattern`, `minimum`/`maximum`,
 *   `maxLength`, `maxItems`, `required`;
 * - libcalico-go `lib/validator/v3/validator.go`: the named validators (`STRING_FORMATS`) and
 *   `validateFelixConfigSpec` (those that concern one field are here, the cross-field ones in
 *   spec-rules.ts).
 * A field without a row would not compile: the record is keyed by FELIX_CONFIGURATION_SPEC_KEYS.
 */
import {
  BPF_CONNTRACK_TIMEOUTS_KEYS,
  type FELIX_CONFIGURATION_SPEC_KEYS,
  HEALTH_TIMEOUT_OVERRIDE_KEYS,
  ROUTE_TABLE_RANGE_KEYS,
} from '../../resources/felix-field-order.js';
import {
  anyCase,
  BPF_CONNTRACK_TIMEOUT,
  FEATURE_DETECT_OVERRIDE,
  FEATURE_GATES,
  GO_DURATION,
  GO_DURATION_WITH_FRACTION,
  LOG_ACTION_RATE_LIMIT,
  LOG_PREFIX,
  LOG_SEVERITY as LOG_SEVERITY_PATTERN,
} from './crd-patterns.js';
import {
  BOOL,
  enumOf,
  type FelixFieldRule,
  pointerEnum,
  ROUTE_PRIORITY,
  type StringRule,
  type StructRule,
} from './field-rule.js';
import { validateRouteTableIDRange, validateRouteTableRange } from './route-table-ranges.js';

/** A FelixConfigurationSpec field name. */
export type FelixField = (typeof FELIX_CONFIGURATION_SPEC_KEYS)[number];

// The shapes most fields share.
const INT: FelixFieldRule = { kind: 'int' };
const STRING: FelixFieldRule = { kind: 'string' };
const POINTER_STRING: FelixFieldRule = { kind: 'string', checkEmpty: true };
/** `*metav1.Duration` with the CRD's duration pattern (`Type=string`, `Pattern=…`). */
const DURATION: FelixFieldRule = { kind: 'duration', pattern: GO_DURATION };
/** `*metav1.Duration` the CRD types as a plain string. */
const ANY_DURATION: FelixFieldRule = { kind: 'duration' };
/** `validate:"omitempty,regexp"`. */
const REGEXP: FelixFieldRule = { kind: 'string', format: 'regexp' };
/** A plain `string` with the CRD pattern `^(?i)(A|B)?$`. */
const anyCaseOf = (...values: string[]): StringRule => ({ kind: 'string', pattern: anyCase(...values) });
/** `validate:"omitempty,gt=0,lte=65535"`. */
const LISTEN_PORT: FelixFieldRule = { kind: 'int', min: 1, max: 65535 };
/** CRD minimum 0, maximum 4294967295 on `*int64` marks. */
const MARK_MASK: FelixFieldRule = { kind: 'int', min: 0, max: 4294967295 };
const LOG_SEVERITY: StringRule = { kind: 'string', pattern: LOG_SEVERITY_PATTERN };
const ALLOW_ACTION = anyCaseOf('Accept', 'Return');
const DENY_ACTION = anyCaseOf('Drop', 'Reject');

/** felixconfig.go:1262 HealthTimeoutOverride; validateHealthTimeoutOverride; CRD required name, timeout. */
const HEALTH_TIMEOUT_OVERRIDE: StructRule = {
  kind: 'struct',
  keys: HEALTH_TIMEOUT_OVERRIDE_KEYS,
  fields: {
    // `json:"name"` without omitempty: "" reaches the name regex (and fails it).
    name: { kind: 'string', checkEmpty: true, format: 'healthTimeoutOverrideName' },
    timeout: { kind: 'duration', nonNegative: true },
  },
  required: { name: '"CalculationGraph"', timeout: '"30s"' },
  want: 'an override like { name: CalculationGraph, timeout: 30s }',
};

/** felixconfig.go:1268 RouteTableRange; validateRouteTableRange; CRD required min, max. */
const ROUTE_TABLE_RANGE: StructRule = {
  kind: 'struct',
  keys: ROUTE_TABLE_RANGE_KEYS,
  fields: { min: INT, max: INT },
  required: { min: '1', max: '250' },
  check: validateRouteTableRange,
  want: 'a range like { min: 1, max: 250 }',
};

/** felixconfig.go:1275 RouteTableIDRange; validateRouteTableIDRange; CRD required min, max. */
const ROUTE_TABLE_ID_RANGE: StructRule = { ...ROUTE_TABLE_RANGE, check: validateRouteTableIDRange };

const CONNTRACK_TIMEOUT: FelixFieldRule = {
  kind: 'string',
  checkEmpty: true,
  pattern: BPF_CONNTRACK_TIMEOUT,
};

/** felixconfig.go:1302 BPFConntrackTimeouts: each a `*BPFConntrackTimeout` with the CRD pattern. */
const BPF_CONNTRACK_TIMEOUTS: StructRule = {
  kind: 'struct',
  keys: BPF_CONNTRACK_TIMEOUTS_KEYS,
  fields: Object.fromEntries(BPF_CONNTRACK_TIMEOUTS_KEYS.map((k) => [k, CONNTRACK_TIMEOUT])),
  want: 'timeouts like { tcpEstablished: 1h }',
};

const PROTO_PORTS: FelixFieldRule = { kind: 'list', item: { kind: 'protoPort' }, want: 'a list of ports' };
/** A `*[]string` whose every item (even "") goes through a named validator. */
const STRINGS_OF = (format: 'cidr' | 'ipv4Cidr' | 'ifaceFilter', want: string): FelixFieldRule => ({
  kind: 'list',
  item: { kind: 'string', checkEmpty: true, format },
  want,
});

/**
 * The rule of each FelixConfigurationSpec field, in Go declaration order.
 *
 * @example
 * ```ts
 * FELIX_FIELDS.iptablesBackend; // { kind: 'string', checkEmpty: true, oneOf: ['Legacy', 'NFT', 'Auto'] }
 * FELIX_FIELDS.wireguardListeningPort; // { kind: 'int', min: 1, max: 65535 }
 * ```
 */
export const FELIX_FIELDS: Readonly<Record<FelixField, FelixFieldRule>> = {
  // felixconfig.go:215 *string, CRD maxLength 1024 (its scope rule is in spec-rules.ts).
  nodeSelector: { kind: 'string', checkEmpty: true, maxLength: 1024 },
  useInternalDataplaneDriver: BOOL,
  dataplaneDriver: STRING,
  // felixconfig.go:227: no CRD pattern on this one.
  dataplaneWatchdogTimeout: ANY_DURATION,
  ipv6Support: BOOL,
  routeRefreshInterval: DURATION,
  interfaceRefreshInterval: DURATION,
  iptablesRefreshInterval: DURATION,
  iptablesPostWriteCheckInterval: DURATION,
  iptablesLockProbeInterval: DURATION,
  // felixconfig.go:274/281 validate:"omitempty,keyValueList" and a CRD pattern each.
  featureDetectOverride: { kind: 'string', format: 'keyValueList', pattern: FEATURE_DETECT_OVERRIDE },
  featureGates: { kind: 'string', format: 'keyValueList', pattern: FEATURE_GATES },
  ipsetsRefreshInterval: DURATION,
  maxIpsetSize: INT,
  // felixconfig.go:299 *IptablesBackend: CRD enum Legacy;NFT;Auto (its (?i) pattern is looser).
  iptablesBackend: pointerEnum('Legacy', 'NFT', 'Auto'),
  xdpRefreshInterval: DURATION,
  netlinkTimeout: DURATION,
  metadataAddr: STRING,
  metadataPort: INT,
  // validateFelixConfigSpec: a DNS label of at most 46 characters.
  openstackRegion: { kind: 'string', format: 'openstackRegion' },
  interfacePrefix: STRING,
  interfaceExclude: STRING,
  // felixconfig.go:350-377 CRD patterns ^(?i)(…)?$.
  chainInsertMode: anyCaseOf('Insert', 'Append'),
  defaultEndpointToHostAction: anyCaseOf('Drop', 'Accept', 'Return'),
  iptablesFilterAllowAction: ALLOW_ACTION,
  iptablesMangleAllowAction: ALLOW_ACTION,
  iptablesFilterDenyAction: DENY_ACTION,
  logPrefix: { kind: 'string', pattern: LOG_PREFIX },
  // felixconfig.go:395 *string with a CRD pattern; :401 CRD minimum 0, maximum 9999.
  logActionRateLimit: { kind: 'string', checkEmpty: true, pattern: LOG_ACTION_RATE_LIMIT },
  logActionRateLimitBurst: { kind: 'int', min: 0, max: 9999 },
  logFilePath: STRING,
  logSeverityFile: LOG_SEVERITY,
  logSeverityScreen: LOG_SEVERITY,
  logSeveritySys: LOG_SEVERITY,
  logDebugFilenameRegex: REGEXP,
  ipipEnabled: BOOL,
  ipipMTU: INT,
  vxlanEnabled: BOOL,
  vxlanMTU: INT,
  vxlanMTUV6: INT,
  vxlanPort: INT,
  vxlanVNI: INT,
  allowVXLANPacketsFromWorkloads: BOOL,
  allowIPIPPacketsFromWorkloads: BOOL,
  reportingInterval: DURATION,
  reportingTTL: DURATION,
  endpointReportingEnabled: BOOL,
  endpointReportingDelay: DURATION,
  endpointStatusPathPrefix: STRING,
  iptablesMarkMask: MARK_MASK,
  disableConntrackInvalidCheck: BOOL,
  healthEnabled: BOOL,
  healthHost: POINTER_STRING,
  healthPort: INT,
  // felixconfig.go:513 validate:"omitempty,dive".
  healthTimeoutOverrides: { kind: 'list', item: HEALTH_TIMEOUT_OVERRIDE, want: 'a list of overrides' },
  prometheusMetricsEnabled: BOOL,
  // felixconfig.go:519 validate:"omitempty,prometheusHost".
  prometheusMetricsHost: { kind: 'string', format: 'prometheusHost' },
  prometheusMetricsPort: INT,
  prometheusGoMetricsEnabled: BOOL,
  prometheusProcessMetricsEnabled: BOOL,
  prometheusWireGuardMetricsEnabled: BOOL,
  prometheusMetricsCAFile: POINTER_STRING,
  prometheusMetricsCertFile: POINTER_STRING,
  prometheusMetricsKeyFile: POINTER_STRING,
  prometheusMetricsClientAuth: pointerEnum(
    'RequireAndVerifyClientCert',
    'RequireAnyClientCert',
    'VerifyClientCertIfGiven',
    'NoClientCert',
  ),
  // felixconfig.go:558/567 *[]ProtoPort (validateProtoPort; see proto-port.ts).
  failsafeInboundHostPorts: PROTO_PORTS,
  failsafeOutboundHostPorts: PROTO_PORTS,
  // felixconfig.go:572 CRD maxItems 7; validateFelixConfigSpec: at most 7, no named ports.
  kubeNodePortRanges: {
    kind: 'list',
    item: { kind: 'port', named: false },
    maxItems: 7,
    want: 'a list of port ranges',
  },
  policySyncPathPrefix: STRING,
  usageReportingEnabled: BOOL,
  usageReportingInitialDelay: DURATION,
  usageReportingInterval: DURATION,
  // felixconfig.go:594 *numorstring.Port (validatePort, portName on a named port).
  natPortRange: { kind: 'port', named: true },
  // felixconfig.go:600-617 CRD maxLength 45; CEL isIP() && family; validateFelixConfigSpec ParseIP.
  natOutgoingAddress: { kind: 'string', maxLength: 45, format: 'ipv4' },
  natOutgoingExclusions: pointerEnum('IPPoolsOnly', 'IPPoolsAndHostIPs'),
  deviceRouteSourceAddress: { kind: 'string', maxLength: 45, format: 'ipv4' },
  deviceRouteSourceAddressIPv6: { kind: 'string', maxLength: 45, format: 'ipv6' },
  deviceRouteProtocol: INT,
  removeExternalRoutes: BOOL,
  programClusterRoutes: pointerEnum('Enabled', 'Disabled', 'EnabledIPIPOnly', 'EnabledNoEncapOnly'),
  ipForwarding: enumOf('Enabled', 'Disabled'),
  // felixconfig.go:662 validateFelixConfigSpec: ParseCIDROrIP, IPv4 only.
  externalNodesList: STRINGS_OF('ipv4Cidr', 'a list of IPv4 CIDRs'),
  debugMemoryProfilePath: STRING,
  debugDisableLogDropping: BOOL,
  debugSimulateCalcGraphHangAfter: DURATION,
  debugSimulateDataplaneHangAfter: DURATION,
  debugSimulateDataplaneApplyDelay: DURATION,
  debugHost: POINTER_STRING,
  // felixconfig.go:695 validate:"omitempty,gte=0,lte=65535".
  debugPort: { kind: 'int', min: 0, max: 65535 },
  // felixconfig.go:703 validate:"omitempty,ifaceFilter".
  iptablesNATOutgoingInterfaceFilter: { kind: 'string', format: 'ifaceFilter' },
  sidecarAccelerationEnabled: BOOL,
  xdpEnabled: BOOL,
  genericXDPEnabled: BOOL,
  nftablesMode: pointerEnum('Disabled', 'Enabled', 'Auto'),
  nftablesFlowTableOffload: pointerEnum('All', 'Disabled'),
  nftablesFlowTableDataIfacePattern: REGEXP,
  nftablesRefreshInterval: ANY_DURATION,
  nftablesFilterAllowAction: ALLOW_ACTION,
  nftablesMangleAllowAction: ALLOW_ACTION,
  nftablesFilterDenyAction: DENY_ACTION,
  nftablesMarkMask: MARK_MASK,
  bpfEnabled: BOOL,
  bpfOverlayHostSourceIP: pointerEnum('TunnelAddress', 'HostAddress'),
  bpfDisableUnprivileged: BOOL,
  bpfJITHardening: pointerEnum('Auto', 'Strict'),
  bpfLogLevel: anyCaseOf('Off', 'Info', 'Debug'),
  // felixconfig.go:796 Go oneof=Off Debug, CRD enum.
  bpfConntrackLogLevel: enumOf('Off', 'Debug'),
  bpfConntrackMode: pointerEnum('Auto', 'Userspace', 'BPFProgram'),
  bpfConntrackTimeouts: BPF_CONNTRACK_TIMEOUTS,
  bpfIPFragTimeout: DURATION,
  // felixconfig.go:839 validate:"omitempty,bpfLogFilters": keys are interface names.
  bpfLogFilters: { kind: 'stringMap', key: 'interfaceName' },
  bpfCTLBLogFilter: STRING,
  bpfDataIfacePattern: REGEXP,
  bpfL3IfacePattern: REGEXP,
  bpfConnectTimeLoadBalancingEnabled: BOOL,
  bpfConnectTimeLoadBalancing: pointerEnum('TCP', 'Enabled', 'Disabled'),
  bpfHostNetworkedNATWithoutCTLB: pointerEnum('Enabled', 'Disabled'),
  bpfExternalServiceMode: anyCaseOf('Tunnel', 'DSR'),
  // felixconfig.go:889 validate:"omitempty,cidrs".
  bpfDSROptoutCIDRs: STRINGS_OF('cidr', 'a list of CIDRs'),
  // felixconfig.go:894 validate:"omitempty,gte=0,lte=4294967295".
  bpfExtToServiceConnmark: { kind: 'int', min: 0, max: 4294967295 },
  bpfKubeProxyIptablesCleanupEnabled: BOOL,
  bpfKubeProxyMinSyncPeriod: DURATION,
  // felixconfig.go:910 validate:"omitempty,gte=0,lte=65535".
  bpfKubeProxyHealthzPort: { kind: 'int', min: 0, max: 65535 },
  bpfPSNATPorts: { kind: 'port', named: true },
  bpfMapSizeNATFrontend: INT,
  bpfMapSizeNATBackend: INT,
  bpfMapSizeNATAffinity: INT,
  bpfMapSizeRoute: INT,
  bpfMapSizeConntrack: INT,
  bpfMapSizePerCpuConntrack: INT,
  bpfMapSizeConntrackScaling: anyCaseOf('Disabled', 'DoubleIfFull'),
  // felixconfig.go:959 validate:"omitempty,gte=1", CRD minimum 1.
  bpfMapSizeConntrackCleanupQueue: { kind: 'int', min: 1 },
  bpfMapSizeIPSets: INT,
  bpfMapSizeIfState: INT,
  bpfHostConntrackBypass: BOOL,
  bpfIPFragmentReassemblyEnabled: BOOL,
  bpfEnforceRPF: anyCaseOf('Disabled', 'Strict', 'Loose'),
  bpfPolicyDebugEnabled: BOOL,
  // felixconfig.go:996 validate:"omitempty,ifaceFilterSlice".
  bpfForceTrackPacketsFromIfaces: STRINGS_OF('ifaceFilter', 'a list of interface filters'),
  bpfDisableGROForIfaces: REGEXP,
  bpfExcludeCIDRsFromNAT: STRINGS_OF('cidr', 'a list of CIDRs'),
  bpfExportBufferSizeMB: INT,
  istioAmbientMode: pointerEnum('Enabled', 'Disabled'),
  istioDSCPMark: { kind: 'dscp' },
  cgroupV2Path: STRING,
  flowLogsPolicyEvaluationMode: pointerEnum('None', 'Continuous'),
  bpfRedirectToPeer: enumOf('Enabled', 'Disabled'),
  // felixconfig.go:1049 validate:"omitempty,oneof=TC TCX Netkit".
  bpfAttachType: pointerEnum('TC', 'TCX', 'Netkit'),
  flowLogsFlushInterval: DURATION,
  flowLogsCollectorDebugTrace: BOOL,
  flowLogsGoldmaneServer: POINTER_STRING,
  flowLogsLocalReporter: pointerEnum('Disabled', 'Enabled'),
  bpfProfiling: enumOf('Enabled', 'Disabled'),
  routeSource: anyCaseOf('WorkloadIPs', 'CalicoIPAM'),
  // felixconfig.go:1081/1086; the both-set and table-count rules are in spec-rules.ts.
  routeTableRanges: { kind: 'list', item: ROUTE_TABLE_ID_RANGE, want: 'a list of ranges' },
  routeTableRange: ROUTE_TABLE_RANGE,
  routeSyncDisabled: BOOL,
  ipv4NormalRoutePriority: ROUTE_PRIORITY,
  ipv4ElevatedRoutePriority: ROUTE_PRIORITY,
  ipv6NormalRoutePriority: ROUTE_PRIORITY,
  ipv6ElevatedRoutePriority: ROUTE_PRIORITY,
  liveMigrationRouteConvergenceTime: { kind: 'duration', pattern: GO_DURATION_WITH_FRACTION },
  wireguardEnabled: BOOL,
  wireguardEnabledV6: BOOL,
  wireguardThreadingEnabled: BOOL,
  wireguardListeningPort: LISTEN_PORT,
  wireguardListeningPortV6: LISTEN_PORT,
  // felixconfig.go:1134 validate:"omitempty,gt=0,lt=32766".
  wireguardRoutingRulePriority: { kind: 'int', min: 1, max: 32765 },
  // felixconfig.go:1137/1140 validate:"omitempty,interface".
  wireguardInterfaceName: { kind: 'string', format: 'interface' },
  wireguardInterfaceNameV6: { kind: 'string', format: 'interface' },
  wireguardMTU: INT,
  wireguardMTUV6: INT,
  wireguardHostEncryptionEnabled: BOOL,
  wireguardKeepAlive: DURATION,
  awsSrcDstCheck: pointerEnum('DoNothing', 'Enable', 'Disable'),
  // felixconfig.go:1167/1172 Go oneof= (case-sensitive) beside a looser (?i) CRD pattern.
  serviceLoopPrevention: enumOf('Drop', 'Reject', 'Disabled'),
  workloadSourceSpoofing: enumOf('Disabled', 'Any'),
  mtuIfacePattern: REGEXP,
  floatingIPs: pointerEnum('Enabled', 'Disabled'),
  localSubnetL2Reachability: pointerEnum('Disabled', 'PodsAndLoadBalancers'),
  localSubnetL2ReachabilityRefreshInterval: ANY_DURATION,
  windowsManageFirewallRules: pointerEnum('Enabled', 'Disabled'),
  // felixconfig.go:1216-1238 validate:"omitempty,gte=-1".
  goGCThreshold: { kind: 'int', min: -1 },
  goMemoryLimitMB: { kind: 'int', min: -1 },
  goMaxProcs: { kind: 'int', min: -1 },
  requireMTUFile: BOOL,
  // felixconfig.go:1252/1259 validate:"omitempty,gt=0,lte=3000".
  bpfMaglevMaxEndpointsPerService: { kind: 'int', min: 1, max: 3000 },
  bpfMaglevMaxServices: { kind: 'int', min: 1, max: 3000 },
};

/**
 * Key order of `FelixConfiguration.spec` and of the small structs inside it, as upstream Go
 * declares their JSON fields (`api/pkg/apis/projectcalico/v3/felixconfig.go` at the pinned Calico
 * commit 87c15906). Felix has far more settings than calico-dsl models; listing them all lets the
 * printer put each where calicoctl does and lets `validate` reject a misspelt one, as calicoctl's
 * strict decoder does.
 */

/**
 * `FelixConfigurationSpec` keys, every field of the Go struct in declaration order.
 *
 * @example
 * ```ts
 * FELIX_CONFIGURATION_SPEC_KEYS.indexOf('logSeverityScreen'); // 32
 * FELIX_CONFIGURATION_SPEC_KEYS.indexOf('failsafeInboundHostPorts'); // 65
 * FELIX_CONFIGURATION_SPEC_KEYS.length; // 188
 * ```
 */
export const FELIX_CONFIGURATION_SPEC_KEYS = [
  'nodeSelector',
  'useInternalDataplaneDriver',
  'dataplaneDriver',
  'dataplaneWatchdogTimeout',
  'ipv6Support',
  'routeRefreshInterval',
  'interfaceRefreshInterval',
  'iptablesRefreshInterval',
  'iptablesPostWriteCheckInterval',
  'iptablesLockProbeInterval',
  'featureDetectOverride',
  'featureGates',
  'ipsetsRefreshInterval',
  'maxIpsetSize',
  'iptablesBackend',
  'xdpRefreshInterval',
  'netlinkTimeout',
  'metadataAddr',
  'metadataPort',
  'openstackRegion',
  'interfacePrefix',
  'interfaceExclude',
  'chainInsertMode',
  'defaultEndpointToHostAction',
  'iptablesFilterAllowAction',
  'iptablesMangleAllowAction',
  'iptablesFilterDenyAction',
  'logPrefix',
  'logActionRateLimit',
  'logActionRateLimitBurst',
  'logFilePath',
  'logSeverityFile',
  'logSeverityScreen',
  'logSeveritySys',
  'logDebugFilenameRegex',
  'ipipEnabled',
  'ipipMTU',
  'vxlanEnabled',
  'vxlanMTU',
  'vxlanMTUV6',
  'vxlanPort',
  'vxlanVNI',
  'allowVXLANPacketsFromWorkloads',
  'allowIPIPPacketsFromWorkloads',
  'reportingInterval',
  'reportingTTL',
  'endpointReportingEnabled',
  'endpointReportingDelay',
  'endpointStatusPathPrefix',
  'iptablesMarkMask',
  'disableConntrackInvalidCheck',
  'healthEnabled',
  'healthHost',
  'healthPort',
  'healthTimeoutOverrides',
  'prometheusMetricsEnabled',
  'prometheusMetricsHost',
  'prometheusMetricsPort',
  'prometheusGoMetricsEnabled',
  'prometheusProcessMetricsEnabled',
  'prometheusWireGuardMetricsEnabled',
  'prometheusMetricsCAFile',
  'prometheusMetricsCertFile',
  'prometheusMetricsKeyFile',
  'prometheusMetricsClientAuth',
  'failsafeInboundHostPorts',
  'failsafeOutboundHostPorts',
  'kubeNodePortRanges',
  'policySyncPathPrefix',
  'usageReportingEnabled',
  'usageReportingInitialDelay',
  'usageReportingInterval',
  'natPortRange',
  'natOutgoingAddress',
  'natOutgoingExclusions',
  'deviceRouteSourceAddress',
  'deviceRouteSourceAddressIPv6',
  'deviceRouteProtocol',
  'removeExternalRoutes',
  'programClusterRoutes',
  'ipForwarding',
  'externalNodesList',
  'debugMemoryProfilePath',
  'debugDisableLogDropping',
  'debugSimulateCalcGraphHangAfter',
  'debugSimulateDataplaneHangAfter',
  'debugSimulateDataplaneApplyDelay',
  'debugHost',
  'debugPort',
  'iptablesNATOutgoingInterfaceFilter',
  'sidecarAccelerationEnabled',
  'xdpEnabled',
  'genericXDPEnabled',
  'nftablesMode',
  'nftablesFlowTableOffload',
  'nftablesFlowTableDataIfacePattern',
  'nftablesRefreshInterval',
  'nftablesFilterAllowAction',
  'nftablesMangleAllowAction',
  'nftablesFilterDenyAction',
  'nftablesMarkMask',
  'bpfEnabled',
  'bpfOverlayHostSourceIP',
  'bpfDisableUnprivileged',
  'bpfJITHardening',
  'bpfLogLevel',
  'bpfConntrackLogLevel',
  'bpfConntrackMode',
  'bpfConntrackTimeouts',
  'bpfIPFragTimeout',
  'bpfLogFilters',
  'bpfCTLBLogFilter',
  'bpfDataIfacePattern',
  'bpfL3IfacePattern',
  'bpfConnectTimeLoadBalancingEnabled',
  'bpfConnectTimeLoadBalancing',
  'bpfHostNetworkedNATWithoutCTLB',
  'bpfExternalServiceMode',
  'bpfDSROptoutCIDRs',
  'bpfExtToServiceConnmark',
  'bpfKubeProxyIptablesCleanupEnabled',
  'bpfKubeProxyMinSyncPeriod',
  'bpfKubeProxyHealthzPort',
  'bpfPSNATPorts',
  'bpfMapSizeNATFrontend',
  'bpfMapSizeNATBackend',
  'bpfMapSizeNATAffinity',
  'bpfMapSizeRoute',
  'bpfMapSizeConntrack',
  'bpfMapSizePerCpuConntrack',
  'bpfMapSizeConntrackScaling',
  'bpfMapSizeConntrackCleanupQueue',
  'bpfMapSizeIPSets',
  'bpfMapSizeIfState',
  'bpfHostConntrackBypass',
  'bpfIPFragmentReassemblyEnabled',
  'bpfEnforceRPF',
  'bpfPolicyDebugEnabled',
  'bpfForceTrackPacketsFromIfaces',
  'bpfDisableGROForIfaces',
  'bpfExcludeCIDRsFromNAT',
  'bpfExportBufferSizeMB',
  'istioAmbientMode',
  'istioDSCPMark',
  'cgroupV2Path',
  'flowLogsPolicyEvaluationMode',
  'bpfRedirectToPeer',
  'bpfAttachType',
  'flowLogsFlushInterval',
  'flowLogsCollectorDebugTrace',
  'flowLogsGoldmaneServer',
  'flowLogsLocalReporter',
  'bpfProfiling',
  'routeSource',
  'routeTableRanges',
  'routeTableRange',
  'routeSyncDisabled',
  'ipv4NormalRoutePriority',
  'ipv4ElevatedRoutePriority',
  'ipv6NormalRoutePriority',
  'ipv6ElevatedRoutePriority',
  'liveMigrationRouteConvergenceTime',
  'wireguardEnabled',
  'wireguardEnabledV6',
  'wireguardThreadingEnabled',
  'wireguardListeningPort',
  'wireguardListeningPortV6',
  'wireguardRoutingRulePriority',
  'wireguardInterfaceName',
  'wireguardInterfaceNameV6',
  'wireguardMTU',
  'wireguardMTUV6',
  'wireguardHostEncryptionEnabled',
  'wireguardKeepAlive',
  'awsSrcDstCheck',
  'serviceLoopPrevention',
  'workloadSourceSpoofing',
  'mtuIfacePattern',
  'floatingIPs',
  'localSubnetL2Reachability',
  'localSubnetL2ReachabilityRefreshInterval',
  'windowsManageFirewallRules',
  'goGCThreshold',
  'goMemoryLimitMB',
  'goMaxProcs',
  'requireMTUFile',
  'bpfMaglevMaxEndpointsPerService',
  'bpfMaglevMaxServices',
] as const;

/**
 * `HealthTimeoutOverride` keys (`spec.healthTimeoutOverrides` entries).
 *
 * @example
 * ```ts
 * HEALTH_TIMEOUT_OVERRIDE_KEYS[1]; // 'timeout'
 * ```
 */
export const HEALTH_TIMEOUT_OVERRIDE_KEYS = ['name', 'timeout'] as const;

/**
 * `RouteTableRange` and `RouteTableIDRange` keys (`spec.routeTableRange`, `spec.routeTableRanges`).
 *
 * @example
 * ```ts
 * ROUTE_TABLE_RANGE_KEYS[0]; // 'min'
 * ```
 */
export const ROUTE_TABLE_RANGE_KEYS = ['min', 'max'] as const;

/**
 * `BPFConntrackTimeouts` keys (`spec.bpfConntrackTimeouts`).
 *
 * @example
 * ```ts
 * BPF_CONNTRACK_TIMEOUTS_KEYS[0]; // 'creationGracePeriod'
 * ```
 */
export const BPF_CONNTRACK_TIMEOUTS_KEYS = [
  'creationGracePeriod',
  'tcpSynSent',
  'tcpEstablished',
  'tcpFinsSeen',
  'tcpResetSeen',
  'udpTimeout',
  'genericTimeout',
  'icmpTimeout',
] as const;

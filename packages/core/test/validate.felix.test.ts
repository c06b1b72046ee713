// FelixConfiguration: every field checked as calicoctl and the CRD check it (FELIX_FIELDS),
// the special checks, and the issue codes, paths and messages.
import { describe, expect, it } from 'vitest';
import { FELIX_CONFIGURATION_SPEC_KEYS, type Issue, validate } from '../src/index.js';
import { FELIX_FIELDS } from '../src/validate/felix/fields.js';

const felix = (spec: Record<string, unknown>, name = 'default') => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'FelixConfiguration',
  metadata: { name },
  spec,
});

const ok = (spec: Record<string, unknown>, name?: string) => {
  const r = validate(felix(spec, name));
  expect(r.ok, r.ok ? '' : JSON.stringify(r.issues)).toBe(true);
};

function issues(spec: Record<string, unknown>, name?: string): Issue[] {
  const r = validate(felix(spec, name));
  if (r.ok) throw new Error(`expected issues for ${JSON.stringify(spec)}`);
  return r.issues;
}

/** The one issue a spec gets. */
function only(spec: Record<string, unknown>, name?: string): Issue {
  const found = issues(spec, name);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('FelixConfiguration defaults', () => {
  it('accepts every default felixconfig.go documents (failsafe protocols as validateProtoPort spells them)', () => {
    ok({
      routeRefreshInterval: '90s',
      iptablesRefreshInterval: '10s',
      iptablesPostWriteCheckInterval: '1s',
      iptablesLockProbeInterval: '50ms',
      ipsetsRefreshInterval: '90s',
      xdpRefreshInterval: '90s',
      netlinkTimeout: '10s',
      metadataAddr: '127.0.0.1',
      metadataPort: 8775,
      openstackRegion: '',
      interfacePrefix: 'cali',
      interfaceExclude: 'kube-ipvs0',
      chainInsertMode: 'insert',
      defaultEndpointToHostAction: 'Drop',
      logPrefix: 'calico-packet',
      logFilePath: '/var/log/calico/felix.log',
      logSeverityFile: 'Info',
      logSeverityScreen: 'Info',
      logSeveritySys: 'Info',
      ipipMTU: 0,
      vxlanMTU: 0,
      vxlanMTUV6: 0,
      vxlanPort: 4789,
      vxlanVNI: 4096,
      allowVXLANPacketsFromWorkloads: false,
      allowIPIPPacketsFromWorkloads: false,
      reportingInterval: '30s',
      reportingTTL: '90s',
      endpointReportingEnabled: false,
      endpointReportingDelay: '1s',
      endpointStatusPathPrefix: '/var/run/calico',
      iptablesMarkMask: 0xffff0000,
      healthEnabled: false,
      healthHost: 'localhost',
      healthPort: 9099,
      prometheusMetricsEnabled: false,
      prometheusMetricsPort: 9091,
      prometheusGoMetricsEnabled: true,
      prometheusProcessMetricsEnabled: true,
      prometheusWireGuardMetricsEnabled: true,
      failsafeInboundHostPorts: [22, 68, 179, 2379, 2380, 5473, 6443, 6666, 6667].map((port) => ({
        protocol: port === 68 ? 'UDP' : 'TCP',
        port,
      })),
      failsafeOutboundHostPorts: [53, 67, 179, 2379, 2380, 5473, 6443, 6666, 6667].map((port) => ({
        protocol: port < 100 ? 'UDP' : 'TCP',
        port,
      })),
      kubeNodePortRanges: ['30000:32767'],
      policySyncPathPrefix: '',
      usageReportingEnabled: true,
      usageReportingInitialDelay: '300s',
      usageReportingInterval: '86400s',
      natOutgoingExclusions: 'IPPoolsOnly',
      programClusterRoutes: 'EnabledIPIPOnly',
      ipForwarding: 'Enabled',
      debugDisableLogDropping: false,
      debugHost: 'localhost',
      sidecarAccelerationEnabled: false,
      xdpEnabled: true,
      genericXDPEnabled: false,
      nftablesMode: 'Auto',
      nftablesFlowTableOffload: 'Disabled',
      nftablesFlowTableDataIfacePattern: '',
      nftablesRefreshInterval: '90s',
      nftablesMarkMask: 0xffff0000,
      bpfEnabled: false,
      bpfOverlayHostSourceIP: 'TunnelAddress',
      bpfDisableUnprivileged: true,
      bpfJITHardening: 'Auto',
      bpfLogLevel: 'Off',
      bpfConntrackLogLevel: 'Off',
      bpfConntrackMode: 'Userspace',
      bpfConntrackTimeouts: {
        creationGracePeriod: '10s',
        tcpSynSent: '20s',
        tcpEstablished: '1h',
        tcpFinsSeen: 'Auto',
        tcpResetSeen: '40s',
        udpTimeout: '60s',
        genericTimeout: '10m',
        icmpTimeout: '5s',
      },
      bpfConnectTimeLoadBalancingEnabled: true,
      bpfConnectTimeLoadBalancing: 'TCP',
      bpfHostNetworkedNATWithoutCTLB: 'Enabled',
      bpfExternalServiceMode: 'Tunnel',
      bpfExtToServiceConnmark: 0,
      bpfKubeProxyIptablesCleanupEnabled: true,
      bpfKubeProxyMinSyncPeriod: '1s',
      bpfKubeProxyHealthzPort: 10256,
      bpfPSNATPorts: '20000:29999',
      bpfMapSizeConntrackScaling: 'DoubleIfFull',
      bpfHostConntrackBypass: true,
      bpfIPFragmentReassemblyEnabled: true,
      bpfEnforceRPF: 'Loose',
      bpfForceTrackPacketsFromIfaces: ['docker+'],
      bpfExportBufferSizeMB: 1,
      istioAmbientMode: 'Disabled',
      istioDSCPMark: 23,
      flowLogsPolicyEvaluationMode: 'Continuous',
      bpfRedirectToPeer: 'Enabled',
      bpfAttachType: 'Netkit',
      flowLogsLocalReporter: 'Disabled',
      bpfProfiling: 'Disabled',
      routeTableRange: { min: 1, max: 250 },
      ipv4NormalRoutePriority: 1024,
      ipv4ElevatedRoutePriority: 512,
      ipv6NormalRoutePriority: 1024,
      ipv6ElevatedRoutePriority: 512,
      liveMigrationRouteConvergenceTime: '30s',
      wireguardEnabled: false,
      wireguardEnabledV6: false,
      wireguardThreadingEnabled: false,
      wireguardListeningPort: 51820,
      wireguardListeningPortV6: 51821,
      wireguardRoutingRulePriority: 99,
      wireguardInterfaceName: 'wireguard.cali',
      wireguardInterfaceNameV6: 'wg-v6.cali',
      wireguardMTU: 1440,
      wireguardMTUV6: 1420,
      wireguardHostEncryptionEnabled: false,
      wireguardKeepAlive: '0',
      awsSrcDstCheck: 'DoNothing',
      serviceLoopPrevention: 'Drop',
      localSubnetL2Reachability: 'Disabled',
      localSubnetL2ReachabilityRefreshInterval: '120s',
      windowsManageFirewallRules: 'Disabled',
      goGCThreshold: 40,
      goMemoryLimitMB: -1,
      goMaxProcs: -1,
      requireMTUFile: false,
      bpfMaglevMaxEndpointsPerService: 100,
      bpfMaglevMaxServices: 100,
    });
  });

  it('accepts the examples felixconfig.go gives for the free-form fields', () => {
    ok({
      featureDetectOverride: 'SNATFullyRandom=true,MASQFullyRandom=false,RestoreSupportsLock=',
      featureGates: 'BPFConnectTimeLoadBalancingWorkaround=enabled,XyZ=false',
      healthTimeoutOverrides: [{ name: 'InternalDataplaneMainLoop', timeout: '180s' }],
      bpfLogFilters: { all: 'host 10.0.0.1', eth0: 'tcp port 80' },
      logActionRateLimit: '10/second',
      logActionRateLimitBurst: 5,
      routeTableRanges: [{ min: 1, max: 250 }],
      externalNodesList: ['10.0.0.0/16', '192.168.1.1'],
      bpfDSROptoutCIDRs: ['10.0.0.0/8', 'fd00::/8'],
      natOutgoingAddress: '10.0.0.1',
      deviceRouteSourceAddress: '10.0.0.2',
      deviceRouteSourceAddressIPv6: 'fd00::2',
      prometheusMetricsHost: '::',
      mtuIfacePattern: '^((en|wl|ww|sl|ib)[Pcopsvx].*|(eth|wlan|wwan).*)',
      bpfDataIfacePattern:
        '^((en|wl|ww|sl|ib)[Popsx].*|(eth|wlan|wwan).*|tunl0$|vxlan.calico$|wireguard.cali$)',
      natPortRange: '32768:65000',
      istioDSCPMark: 'AF11',
    });
  });
});

describe('FelixConfiguration field types', () => {
  // One wrong JSON type per rule kind: what Go's json decoder refuses for that field type.
  const wrongType = (kind: string): unknown =>
    kind === 'bool' ? 'true' : kind === 'struct' || kind === 'stringMap' ? ['x'] : true;

  it.each(FELIX_CONFIGURATION_SPEC_KEYS.map((k) => [k, FELIX_FIELDS[k].kind] as const))(
    '%s (%s) rejects a value of the wrong type at its path',
    (key, kind) => {
      const found = issues({ [key]: wrongType(kind) });
      expect(found.map((i) => i.code)).toContain('invalid_type');
      expect(found.every((i) => i.path[0] === 'spec' && i.path[1] === key)).toBe(true);
    },
  );

  it('has a rule for every FelixConfigurationSpec field and no other', () => {
    expect(Object.keys(FELIX_FIELDS)).toEqual([...FELIX_CONFIGURATION_SPEC_KEYS]);
  });

  it('treats null as unset, as Go decodes it', () => {
    ok({ iptablesBackend: null, routeTableRange: null, wireguardListeningPort: null });
  });
});

describe('FelixConfiguration strings', () => {
  it('checks "" only where Go keeps it: an enum pointer, not an omitempty string', () => {
    ok({ ipForwarding: '', bpfRedirectToPeer: '', openstackRegion: '', mtuIfacePattern: '' });
    expect(only({ iptablesBackend: '' })).toEqual({
      code: 'invalid_value',
      path: ['spec', 'iptablesBackend'],
      message: 'Invalid spec.iptablesBackend "": use one of Legacy, NFT, Auto, or leave the field out',
    });
    expect(only({ logActionRateLimit: '' }).code).toBe('invalid_value');
  });

  it('holds CRD enums to their case, and (?i) patterns to none', () => {
    expect(only({ iptablesBackend: 'legacy' }).message).toBe(
      'Invalid spec.iptablesBackend "legacy": values are case-sensitive, write "Legacy"',
    );
    // The CRD pattern is (?i) but Go's oneof= is not.
    expect(only({ serviceLoopPrevention: 'drop' }).message).toContain('write "Drop"');
    ok({
      logSeverityScreen: 'warning',
      bpfLogLevel: 'DEBUG',
      routeSource: 'calicoipam',
      chainInsertMode: 'Append',
    });
    expect(only({ logSeverityScreen: 'Critical' })).toEqual({
      code: 'invalid_value',
      path: ['spec', 'logSeverityScreen'],
      message:
        'Invalid spec.logSeverityScreen "Critical": use Trace, Debug, Info, Warning, Error or Fatal (any case)',
    });
  });

  it('quotes the CRD pattern of a free-form field and shows a valid value', () => {
    const i = only({ logPrefix: 'calico!' });
    expect(i.code).toBe('invalid_value');
    expect(i.message).toBe(
      'Invalid spec.logPrefix "calico!" (CRD pattern ^([a-zA-Z0-9%: /_-])*$): use letters, digits, spaces and %:/_- only, e.g. "calico-packet %t/%n"',
    );
    expect(only({ featureGates: 'A=b=c' }).path).toEqual(['spec', 'featureGates']);
    // keyValueList (Go) and the CRD pattern both apply: a space before a key passes Go only.
    expect(only({ featureDetectOverride: ' A=true' }).code).toBe('invalid_value');
  });

  it('compiles interface patterns as Go regular expressions, not JavaScript ones', () => {
    ok({ bpfL3IfacePattern: '(?i)^wg[0-9]+$', mtuIfacePattern: '[[:alpha:]]+[0-9]' });
    expect(only({ bpfDisableGROForIfaces: 'eth(?=0)' })).toEqual({
      code: 'invalid_value',
      path: ['spec', 'bpfDisableGROForIfaces'],
      message:
        'spec.bpfDisableGROForIfaces "eth(?=0)" is not a Go regular expression (invalid or unsupported Perl syntax: `(?=`): write an RE2 pattern such as "^(eth|ens)[0-9]+$"',
    });
  });

  it('checks interface names and filters', () => {
    ok({ wireguardInterfaceName: '*', iptablesNATOutgoingInterfaceFilter: 'cali+' });
    expect(only({ wireguardInterfaceNameV6: 'wireguard-v6.calico' }).code).toBe('invalid_interface_name');
    expect(only({ bpfLogFilters: { 'eth*': 'tcp' } })).toEqual({
      code: 'invalid_interface_name',
      path: ['spec', 'bpfLogFilters', 'eth*'],
      message:
        'spec.bpfLogFilters key "eth*" is not an interface name: use an interface name of 1-15 letters, digits, "_", "." or "-", or "all"',
    });
  });

  it('takes IPv4-mapped IPv6 addresses as IPv4 for externalNodesList, and as neither for the CEL isIP() fields', () => {
    ok({ externalNodesList: ['::ffff:10.0.0.1'] });
    expect(only({ natOutgoingAddress: '::ffff:10.0.0.1' }).code).toBe('invalid_ip');
    expect(only({ deviceRouteSourceAddressIPv6: '::ffff:10.0.0.1' }).code).toBe('invalid_ip');
  });
});

describe('FelixConfiguration durations', () => {
  it('reads Go duration strings, "0" included', () => {
    ok({
      routeRefreshInterval: '0',
      reportingTTL: '1m30s',
      iptablesLockProbeInterval: '500ms',
      netlinkTimeout: '2h',
    });
  });

  it('asks for a unit and for a string', () => {
    expect(only({ routeRefreshInterval: '90' })).toEqual({
      code: 'invalid_value',
      path: ['spec', 'routeRefreshInterval'],
      message:
        'Invalid spec.routeRefreshInterval "90": not a Go duration (a unit is required: "90s"); write a number with a unit (h, m, s, ms, us, ns), e.g. "90s", "1m30s" or "500ms"',
    });
    expect(only({ routeRefreshInterval: 90 })).toEqual({
      code: 'invalid_type',
      path: ['spec', 'routeRefreshInterval'],
      message:
        'spec.routeRefreshInterval must be a duration string like "90s" or "1m30s", not number 90; for 90 seconds write "90s"',
    });
  });

  it('applies the CRD pattern to the text Calico stores (Go prints 1500ms as 1.5s)', () => {
    expect(only({ iptablesRefreshInterval: '1500ms' })).toEqual({
      code: 'invalid_value',
      path: ['spec', 'iptablesRefreshInterval'],
      message:
        'Invalid spec.iptablesRefreshInterval "1500ms": Calico stores it as "1.5s", which the CRD pattern ^([0-9]+(\\\\.[0-9]+)?(ms|s|m|h))*$ rejects; round it to whole seconds, or to whole milliseconds below one second (e.g. "2s", "1m30s", "500ms")',
    });
    expect(only({ wireguardKeepAlive: '-1s' }).code).toBe('invalid_value');
    expect(only({ reportingInterval: '100us' }).code).toBe('invalid_value');
    // Fields whose CRD pattern escapes the dot properly, or has none, take fractions and signs.
    ok({
      liveMigrationRouteConvergenceTime: '1.5s',
      dataplaneWatchdogTimeout: '-1.5s',
      nftablesRefreshInterval: '1us',
    });
  });

  it('wants health timeout overrides named, timed and not negative', () => {
    expect(issues({ healthTimeoutOverrides: [{ name: 'Foo' }] })).toEqual([
      {
        code: 'required',
        path: ['spec', 'healthTimeoutOverrides', 0, 'timeout'],
        message: 'spec.healthTimeoutOverrides[0].timeout is required: set it, e.g. timeout: "30s"',
      },
    ]);
    expect(only({ healthTimeoutOverrides: [{ name: 'Foo', timeout: '-1s' }] })).toEqual({
      code: 'out_of_range',
      path: ['spec', 'healthTimeoutOverrides', 0, 'timeout'],
      message: 'spec.healthTimeoutOverrides[0].timeout "-1s" must not be negative: write "0s" or more',
    });
    expect(only({ healthTimeoutOverrides: [{ name: 'Foo', timeout: '1s', Timeout: '2s' }] }).code).toBe(
      'unknown_field',
    );
  });
});

describe('FelixConfiguration numbers and ports', () => {
  it('holds integers to their validate: tags and CRD bounds', () => {
    expect(only({ wireguardRoutingRulePriority: 32766 })).toEqual({
      code: 'out_of_range',
      path: ['spec', 'wireguardRoutingRulePriority'],
      message: 'spec.wireguardRoutingRulePriority must be from 1 to 32765, not 32766',
    });
    expect(only({ logActionRateLimitBurst: 10000 }).code).toBe('out_of_range');
    expect(only({ bpfMapSizeConntrackCleanupQueue: 0 }).code).toBe('out_of_range');
    expect(only({ bpfMaglevMaxServices: 0 }).code).toBe('out_of_range');
    expect(only({ goGCThreshold: -2 }).code).toBe('out_of_range');
    expect(only({ vxlanPort: 1.5 }).code).toBe('invalid_type');
    ok({ goGCThreshold: -1, debugPort: 0, vxlanVNI: 0 });
  });

  it('reads numorstring ports: no port 0, IANA names where named ports are allowed', () => {
    ok({ natPortRange: 'http', bpfPSNATPorts: 20000 });
    expect(only({ natPortRange: '0:100' })).toEqual({
      code: 'port_out_of_range',
      path: ['spec', 'natPortRange'],
      message: 'spec.natPortRange "0:100" includes port 0: ports are 1-65535',
    });
    expect(only({ bpfPSNATPorts: 'my_port' }).code).toBe('invalid_port_name');
    expect(only({ natPortRange: '200:100' }).code).toBe('invalid_port');
    expect(only({ kubeNodePortRanges: [30000, 'nodeports'] })).toEqual({
      code: 'invalid_port',
      path: ['spec', 'kubeNodePortRanges', 1],
      message:
        'spec.kubeNodePortRanges[1] "nodeports" is a named port; node port ranges take a number or a "min:max" range, e.g. "30000:32767"',
    });
  });

  it('reads DSCP marks as a uint8 or a string', () => {
    ok({ istioDSCPMark: 0 });
    ok({ istioDSCPMark: 'anything' });
    expect(only({ istioDSCPMark: 256 }).code).toBe('out_of_range');
  });
});

describe('FelixConfiguration special checks', () => {
  it('validateRouteTableRange: 1 <= min <= max <= 250, at the struct', () => {
    expect(only({ routeTableRange: { min: 1, max: 251 } })).toEqual({
      code: 'out_of_range',
      path: ['spec', 'routeTableRange'],
      message:
        'spec.routeTableRange { min: 1, max: 251 } must be a range of route table indices within 1..250: set 1 <= min <= max <= 250, e.g. { min: 1, max: 250 }',
    });
    expect(only({ routeTableRange: { min: 1 } })).toEqual({
      code: 'required',
      path: ['spec', 'routeTableRange', 'max'],
      message: 'spec.routeTableRange.max is required: set it, e.g. max: 250',
    });
  });

  it('validateRouteTableIDRange and the 65535-table limit', () => {
    ok({ routeTableRanges: [{ min: 1, max: 65535 }] });
    expect(
      only({
        routeTableRanges: [
          { min: 1, max: 65535 },
          { min: 70000, max: 70000 },
        ],
      }),
    ).toEqual({
      code: 'out_of_range',
      path: ['spec', 'routeTableRanges'],
      message: 'spec.routeTableRanges targets 65536 tables; Calico allows at most 65535: narrow the ranges',
    });
    expect(only({ routeTableRanges: [{ min: 0, max: 10 }] }).path).toEqual([
      'spec',
      'routeTableRanges',
      0,
      'min',
    ]);
  });

  it('routeTableRange and routeTableRanges cannot both be set (CEL)', () => {
    expect(only({ routeTableRange: { min: 1, max: 250 }, routeTableRanges: [{ min: 1, max: 250 }] })).toEqual(
      {
        code: 'forbidden_field',
        path: ['spec', 'routeTableRange'],
        message:
          'routeTableRange and routeTableRanges cannot both be set: remove spec.routeTableRange (deprecated) and keep routeTableRanges',
      },
    );
  });

  it("nodeSelector is forbidden on 'default' and 'node.*' (CEL on the object)", () => {
    ok({ nodeSelector: "kubernetes.io/os == 'linux'" }, 'linux-nodes');
    expect(only({ nodeSelector: 'all()' }, 'node.worker-1')).toEqual({
      code: 'forbidden_field',
      path: ['spec', 'nodeSelector'],
      message:
        "nodeSelector must not be set on the 'default' or per-node ('node.*') FelixConfiguration: remove spec.nodeSelector, or put it on a FelixConfiguration with another name",
    });
    expect(only({ nodeSelector: '' }).code).toBe('forbidden_field');
    expect(only({ nodeSelector: 'x'.repeat(1025) }, 'scoped').code).toBe('too_long');
  });

  it('kubeNodePortRanges: at most 7 (CRD maxItems, validateFelixConfigSpec)', () => {
    const eight = Array.from({ length: 8 }, (_, i) => `${30000 + i * 10}:${30005 + i * 10}`);
    expect(only({ kubeNodePortRanges: eight })).toEqual({
      code: 'too_many_items',
      path: ['spec', 'kubeNodePortRanges'],
      message: 'spec.kubeNodePortRanges has 8 items; Calico allows at most 7: merge or drop some',
    });
  });

  it('keeps the checked values as given, in struct order', () => {
    const spec = {
      routeTableRanges: [{ max: 250, min: 1 }],
      routeRefreshInterval: '90s',
      chainInsertMode: 'insert',
    };
    const r = validate(felix(spec));
    expect(r.ok && r.value.spec).toEqual(spec);
    expect(r.ok && Object.keys(r.value.spec)).toEqual([
      'routeRefreshInterval',
      'chainInsertMode',
      'routeTableRanges',
    ]);
  });
});

/**
 * The named Go validators a FelixConfiguration or BGPConfiguration string goes through
 * (libcalico-go `lib/validator/v3/validator.go`, the `validate:"…"` tags of felixconfig.go and
 * bgpconfig.go, and the checks of `validateFelixConfigSpec`). Each returns what is wrong and what to write instead, or
 * `undefined` when the value passes.
 */
import type { IssueCode } from '../../issue-codes.js';
import { type IpAddress, parseCidr, parseCidrOrIp, parseIp } from '../../values/cidr.js';
import { DNS_LABEL_FMT, dns1123SubdomainProblem } from '../k8s-names.js';
import { goRegexpProblem } from './go-regexp.js';

/** The Go validator names used by FelixConfigurationSpec and BGPConfigurationSpec (and the spec-level checks). */
export type StringFormat =
  | 'regexp'
  | 'ifaceFilter'
  | 'interface'
  | 'interfaceName'
  | 'prometheusHost'
  | 'keyValueList'
  | 'openstackRegion'
  | 'ipv4'
  | 'ipv6'
  | 'cidr'
  | 'ipv4Cidr'
  | 'healthTimeoutOverrideName'
  | 'goIpv4'
  | 'goIpv6'
  | 'net'
  | 'ignoredInterface'
  | 'name';

/** What is wrong with a value (after its path and the value itself) and the issue code. */
export interface FormatProblem {
  readonly code: IssueCode;
  readonly message: string;
}

// validator.go:83-90.
const INTERFACE = /^[a-zA-Z0-9_.-]{1,15}$/;
const IFACE_FILTER = /^[a-zA-Z0-9:._+-]{1,15}$/;
const PROMETHEUS_HOST = /^[a-zA-Z0-9:._+-]{1,64}$/;
// validator.go:656 kvRegex `^\s*(\w+)=(.*)$`, with Go's ASCII \s and a `.` that stops at \n.
const KEY_VALUE = /^[\t\n\f\r ]*[0-9A-Za-z_]+=[^\n]*$/;
// validator.go:1796 htoNameRegex.
const HEALTH_TIMEOUT_OVERRIDE_NAME = /^[a-zA-Z0-9_ -]+$/;
const DNS_LABEL = new RegExp(`^${DNS_LABEL_FMT}$`);
// validateFelixConfigSpec: the region becomes a namespace "openstack-region-<region>" (≤ 63).
const MAX_REGION_LENGTH = 63 - 'openstack-region-'.length;

const problem = (code: IssueCode, message: string): FormatProblem => ({ code, message });

// validator.go:89 ignoredInterfaceRegex ("*" may stand for the rest of a name, but not alone).
const IGNORED_INTERFACE = /^[a-zA-Z0-9_.*-]{1,15}$/;

const INTERFACE_HINT = 'use an interface name of 1-15 letters, digits, "_", "." or "-"';

/** cnet's IP version: an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) counts as IPv4 (`To4()`). */
function goIpVersion(ip: Pick<IpAddress, 'family' | 'bytes'>): 4 | 6 {
  if (ip.family === 4) return 4;
  const b = ip.bytes;
  return b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff ? 4 : 6;
}

/**
 * `validateFelixConfigSpec`'s `cnet.ParseIP` plus the CRD's CEL rule `isIP(x) &&
 * ip(x).family() == N`: CEL's `isIP` refuses IPv4-mapped IPv6 addresses.
 */
function ipAddressProblem(value: string, family: 4 | 6): FormatProblem | undefined {
  const ip = parseIp(value);
  const example = family === 4 ? '"10.0.0.1"' : '"fd00::1"';
  if (!ip.ok || ip.value.family !== family || goIpVersion(ip.value) !== ip.value.family) {
    return problem(
      'invalid_ip',
      `is not a valid IPv${family} address: write one like ${example}, without a prefix length`,
    );
  }
  return undefined;
}

/** The go-playground `ipv4` / `ipv6` tags: `net.ParseIP`, and `To4()` decides the version. */
function goIpProblem(value: string, family: 4 | 6): FormatProblem | undefined {
  const ip = parseIp(value);
  if (ip.ok && goIpVersion(ip.value) === family) return undefined;
  const example = family === 4 ? '"169.254.0.1"' : '"fe80::1"';
  return problem(
    'invalid_ip',
    `is not an IPv${family} address: write one like ${example}, without a prefix length`,
  );
}

/**
 * The `net` tag (`validateIPNetwork`: `ParseCIDROrIP`, strictly masked) with the CRD's
 * `format: cidr`, which wants the prefix length the tag would let go.
 */
function networkProblem(value: string): FormatProblem | undefined {
  const cidr = parseCidr(value);
  if (cidr.ok) {
    return cidr.value.masked
      ? undefined
      : problem('cidr_not_masked', `has host bits set: write the network, "${cidr.value.text}"`);
  }
  const ip = parseIp(value);
  return ip.ok
    ? problem(
        'invalid_cidr',
        `needs a prefix length (the CRD's format: cidr): write "${value}/${ip.value.family === 4 ? 32 : 128}" for the one address`,
      )
    : problem('invalid_cidr', 'is not a CIDR: write a network like "10.96.0.0/12" or "fd00:96::/108"');
}

/**
 * The checks behind each {@link StringFormat}.
 *
 * @example
 * ```ts
 * STRING_FORMATS.ifaceFilter('cali@123')?.code; // 'invalid_interface_name'
 * STRING_FORMATS.ipv4('10.0.0.1');              // undefined
 * ```
 */
export const STRING_FORMATS: Readonly<Record<StringFormat, (value: string) => FormatProblem | undefined>> = {
  // validateRegexp: Go's regexp.Compile must accept it.
  regexp: (value) => {
    const why = goRegexpProblem(value);
    return why === undefined
      ? undefined
      : problem(
          'invalid_value',
          `is not a Go regular expression (${why}): write an RE2 pattern such as "^(eth|ens)[0-9]+$"`,
        );
  },
  // validateIfaceFilter: an interface name or a prefix ending in "+".
  ifaceFilter: (value) =>
    IFACE_FILTER.test(value)
      ? undefined
      : problem(
          'invalid_interface_name',
          'is not an interface filter: use 1-15 letters, digits or ":._+-" (end it with "+" for a prefix, e.g. "cali+")',
        ),
  // validateInterface: "*" or an interface name.
  interface: (value) =>
    value === '*' || INTERFACE.test(value)
      ? undefined
      : problem('invalid_interface_name', `is not an interface name: ${INTERFACE_HINT}`),
  // validateBPFLogFilters: each key is an interface name (interfaceRegex, no "*").
  interfaceName: (value) =>
    INTERFACE.test(value)
      ? undefined
      : problem('invalid_interface_name', `is not an interface name: ${INTERFACE_HINT}, or "all"`),
  // validatePrometheusHost.
  prometheusHost: (value) =>
    PROMETHEUS_HOST.test(value)
      ? undefined
      : problem(
          'invalid_value',
          'is not a host name or IP address: use 1-64 letters, digits or ":._+-", e.g. "0.0.0.0" or "::"',
        ),
  // validateKeyValueList: comma-separated key=value items (empty items and all-space text pass).
  keyValueList: (value) =>
    value.trim() === '' || value.split(',').every((item) => item === '' || KEY_VALUE.test(item))
      ? undefined
      : problem(
          'invalid_value',
          'is not a comma-separated list of key=value pairs: write e.g. "Name=true,Other=false"',
        ),
  // validateFelixConfigSpec: a DNS label short enough to become a namespace name.
  openstackRegion: (value) => {
    if (value.length > MAX_REGION_LENGTH) {
      return problem(
        'too_long',
        `is longer than ${MAX_REGION_LENGTH} characters: Calico names a namespace "openstack-region-<region>" (at most 63), so shorten it`,
      );
    }
    return DNS_LABEL.test(value)
      ? undefined
      : problem(
          'invalid_value',
          'is not a DNS label: use lower-case letters, digits and "-", starting and ending with a letter or digit',
        );
  },
  ipv4: (value) => ipAddressProblem(value, 4),
  ipv6: (value) => ipAddressProblem(value, 6),
  // validateCIDRs: cnet.ParseCIDROrIP (host bits may be set).
  cidr: (value) =>
    parseCidrOrIp(value).ok
      ? undefined
      : problem(
          'invalid_cidr',
          'is not an IP address or CIDR: write one like "10.0.0.0/8", "10.0.0.1" or "fd00::/64"',
        ),
  // validateFelixConfigSpec on externalNodesList: ParseCIDROrIP and ip.Version() == 4.
  ipv4Cidr: (value) => {
    const cidr = parseCidrOrIp(value);
    if (!cidr.ok) {
      return problem(
        'invalid_cidr',
        'is not an IPv4 address or CIDR: write one like "10.0.0.0/16" or "10.0.0.1"',
      );
    }
    return goIpVersion(cidr.value) === 4
      ? undefined
      : problem('invalid_cidr', 'is an IPv6 CIDR: externalNodesList takes IPv4 only, e.g. "10.0.0.0/16"');
  },
  // validateHealthTimeoutOverride: htoNameRegex.
  healthTimeoutOverrideName: (value) =>
    HEALTH_TIMEOUT_OVERRIDE_NAME.test(value)
      ? undefined
      : problem(
          'invalid_value',
          'is not a health reporter name: use letters, digits, "_", "-" or spaces, e.g. "CalculationGraph"',
        ),
  // The go-playground `ipv4` / `ipv6` tags (BGPConfiguration's local workload peering addresses).
  goIpv4: (value) => goIpProblem(value, 4),
  goIpv6: (value) => goIpProblem(value, 6),
  net: networkProblem,
  // validateIgnoredInterface: ignoredInterfaceRegex, and not "*" alone.
  ignoredInterface: (value) =>
    value !== '*' && IGNORED_INTERFACE.test(value)
      ? undefined
      : problem(
          'invalid_interface_name',
          'is not an interface name or prefix: use 1-15 letters, digits or "_.-", with "*" for any rest (e.g. "eth*"), not "*" alone',
        ),
  // validateName: nameRegex, a DNS-1123 subdomain (and the CRD's maxLength 253).
  name: (value) => {
    const why = dns1123SubdomainProblem(value);
    return why === undefined ? undefined : problem('invalid_name', why);
  },
};

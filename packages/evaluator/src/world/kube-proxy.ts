/**
 * kube-proxy's configuration as a world declares it: the `World.from` option `kubeProxyMode`,
 * else kube-proxy's own configuration as kubeadm stores it — ConfigMap `kube-system/kube-proxy`,
 * key `config.conf`, a KubeProxyConfiguration. Read from it: the top-level `mode` (`iptables` or
 * empty, the Linux default; `ipvs`; `nftables`), `iptables.masqueradeAll`, `clusterCIDR` and
 * `detectLocalMode` (the local-traffic detector) and `nodePortAddresses`. Felix cannot be told
 * the mode: it detects IPVS from the node's `kube-ipvs0` device (FelixConfiguration has no field
 * for it).
 */
import { type Cidr, parseCidr } from '../net/ip.js';
import type { KubeProxyMode } from './build.js';
import type { ResourceIndex } from './read.js';

// A top-level `mode:` line of the embedded YAML (kubeadm writes `mode: ""` for the default).
const MODE_LINE = /^mode:[ \t]*["']?([A-Za-z]*)["']?[ \t]*(?:#.*)?$/m;

/**
 * The mode a world declares and where (path into the input), or `undefined` when it says
 * nothing (iptables then). Any other word is returned as written, for the caller to report.
 *
 * @example
 * ```ts
 * declaredKubeProxyMode(index, undefined); // { mode: 'ipvs', path: [3, 'data', 'config.conf'] } for kubeadm's ConfigMap
 * ```
 */
export function declaredKubeProxyMode(
  index: ResourceIndex,
  option: KubeProxyMode | undefined,
): { readonly mode: string; readonly path: readonly (string | number)[] } | undefined {
  if (option !== undefined) return { mode: option, path: [] };
  const first = configTexts(index)[0];
  if (first === undefined) return undefined;
  const mode = MODE_LINE.exec(first.text)?.[1] ?? '';
  return { mode: mode === '' ? 'iptables' : mode, path: first.path };
}

/** The KubeProxyConfiguration texts of kubeadm's ConfigMap `kube-system/kube-proxy`, with their paths. */
function configTexts(
  index: ResourceIndex,
): { readonly text: string; readonly path: readonly (string | number)[] }[] {
  const out: { text: string; path: (string | number)[] }[] = [];
  for (const [r, i] of index.of('ConfigMap')) {
    if (r.metadata.name !== 'kube-proxy' || r.metadata.namespace !== 'kube-system') continue;
    for (const [key, text] of Object.entries((r.data ?? {}) as Record<string, unknown>))
      if (typeof text === 'string' && /^kind:[ \t]*KubeProxyConfiguration[ \t]*$/m.test(text))
        out.push({ text, path: [i, 'data', key] });
  }
  return out;
}

// The `iptables:` block of the embedded YAML (its indented lines) and its `masqueradeAll: true`.
const IPTABLES_BLOCK = /^iptables:[ \t]*\n((?:[ \t][^\n]*\n?|\n)*)/m;
const MASQUERADE_ALL = /^[ \t]+masqueradeAll:[ \t]*["']?true["']?[ \t]*(?:#.*)?$/m;

/**
 * Whether kube-proxy masquerades all ClusterIP traffic (KubeProxyConfiguration
 * `iptables.masqueradeAll`, `proxier.go`: KUBE-MARK-MASQ on every packet to a cluster IP, a pod's
 * too), as kubeadm's ConfigMap declares it; false (kube-proxy's default) when the world says
 * nothing.
 *
 * @example
 * ```ts
 * declaredMasqueradeAll(index); // true for a config.conf with `iptables:\n  masqueradeAll: true`
 * ```
 */
export function declaredMasqueradeAll(index: ResourceIndex): boolean {
  return configTexts(index).some(({ text }) => MASQUERADE_ALL.test(IPTABLES_BLOCK.exec(text)?.[1] ?? ''));
}

// Top-level `clusterCIDR:` and `detectLocalMode:` lines of the embedded YAML.
const CLUSTER_CIDR_LINE = /^clusterCIDR:[ \t]*["']?([^"'#\n]*?)["']?[ \t]*(?:#.*)?$/m;
const DETECT_LOCAL_MODE_LINE = /^detectLocalMode:[ \t]*["']?([A-Za-z]*)["']?[ \t]*(?:#.*)?$/m;

/**
 * The CIDRs kube-proxy's local-traffic detector takes for "from a pod" (`cmd/kube-proxy/app/
 * server_linux.go` `getLocalDetector`, mode ClusterCIDR, the default): the first `clusterCIDR` of
 * each IP family (comma-separated), as kubeadm's ConfigMap declares it. `[]` when it declares
 * none (`clusterCIDR: ""`: a no-op detector, so kube-proxy tells no pod from any other source);
 * `undefined` when the world does not say (no ConfigMap, or another `detectLocalMode`), and the
 * model then takes every pod, and nothing else, to be from the cluster.
 *
 * @example
 * ```ts
 * declaredClusterCIDRs(index)?.map((c) => c.text); // ['10.244.0.0/16'] for `clusterCIDR: 10.244.0.0/16`
 * ```
 */
export function declaredClusterCIDRs(index: ResourceIndex): readonly Cidr[] | undefined {
  const first = configTexts(index)[0];
  if (first === undefined || declaredDetectLocalMode(index) !== undefined) return undefined;
  const out: Cidr[] = [];
  for (const part of (CLUSTER_CIDR_LINE.exec(first.text)?.[1] ?? '').split(',')) {
    const cidr = parseCidr(part.trim());
    if (cidr && !out.some((c) => c.version === cidr.version)) out.push(cidr);
  }
  return out;
}

/**
 * The `detectLocalMode` kubeadm's ConfigMap declares when it is not ClusterCIDR (the default,
 * written `""`), with its path: NodeCIDR (the node's `spec.podCIDR`), BridgeInterface or
 * InterfaceNamePrefix (the incoming interface), which the evaluator does not model.
 *
 * @example
 * ```ts
 * declaredDetectLocalMode(index); // { mode: 'NodeCIDR', path: [3, 'data', 'config.conf'] }
 * ```
 */
export function declaredDetectLocalMode(
  index: ResourceIndex,
): { readonly mode: string; readonly path: readonly (string | number)[] } | undefined {
  const first = configTexts(index)[0];
  const mode = first === undefined ? '' : (DETECT_LOCAL_MODE_LINE.exec(first.text)?.[1] ?? '');
  return first === undefined || mode === '' || mode === 'ClusterCIDR'
    ? undefined
    : { mode, path: first.path };
}

// A top-level `nodePortAddresses:` key: its flow value (`null`, `[]`, `["primary"]`, …) or the
// block list under it (`- 10.0.0.0/24` lines, indented or not).
const NODE_PORT_ADDRESSES =
  /^nodePortAddresses:[ \t]*([^\n#]*?)[ \t]*(?:#[^\n]*)?\n((?:[ \t]*- [^\n]*\n?)*)/m;

/**
 * kube-proxy's `nodePortAddresses` (KubeProxyConfiguration; `--nodeport-addresses`) as kubeadm's
 * ConfigMap declares it: the CIDRs whose local addresses serve node ports, or `'primary'` (the
 * node's primary address per family), or `undefined` when it says nothing or `null`/`[]` (every
 * local address, iptables mode's default: `pkg/proxy/iptables/proxier.go` `MatchAll`). Entries
 * that are not CIDRs are left out, as kube-proxy's validation refuses them.
 *
 * @example
 * ```ts
 * declaredNodePortAddresses(index); // [<10.0.0.0/24>] for `nodePortAddresses:\n- 10.0.0.0/24`
 * ```
 */
export function declaredNodePortAddresses(index: ResourceIndex): readonly Cidr[] | 'primary' | undefined {
  const first = configTexts(index)[0];
  const m = first === undefined ? null : NODE_PORT_ADDRESSES.exec(`${first.text}\n`);
  if (!m) return undefined;
  const flow = (m[1] ?? '').trim();
  const items =
    flow.startsWith('[') && flow.endsWith(']')
      ? flow.slice(1, -1).split(',')
      : (m[2] ?? '').split('\n').map((l) => l.replace(/^[ \t]*- /, ''));
  const entries = items.map((x) => x.trim().replace(/^["']|["']$/g, '')).filter((x) => x !== '');
  if (entries.length === 0) return undefined;
  if (entries.length === 1 && entries[0] === 'primary') return 'primary';
  return entries.map((x) => parseCidr(x)).filter((c): c is Cidr => c !== undefined);
}

/**
 * What `--apply` needs before it touches a cluster: a datastore calicoctl can reach, and the real
 * cheat-sheet values (the simulated defaults are documentation addresses, not your cluster's).
 */

/** Environment variables that tell calicoctl where the datastore is (with or without `CALICO_`). */
const DATASTORE_VARIABLES = ['KUBECONFIG', 'DATASTORE_TYPE', 'ETCD_ENDPOINTS', 'K8S_API_ENDPOINT'] as const;

/**
 * calicoctl's default configuration file.
 *
 * @example
 * ```ts
 * datastoreSource({}, undefined, (p) => p === DEFAULT_CALICOCTL_CONFIG); // '/etc/calico/calicoctl.cfg'
 * ```
 */
export const DEFAULT_CALICOCTL_CONFIG = '/etc/calico/calicoctl.cfg';

/**
 * The flags `--apply` needs, with how to find each value.
 *
 * @example
 * ```ts
 * REQUIRED_APPLY_FLAGS.map(([flag]) => flag); // ['--client-ip', '--lb-ip', '--worker-ip', '--node-port']
 * ```
 */
export const REQUIRED_APPLY_FLAGS = [
  [
    '--client-ip',
    "your computer's public IP (client_address in the echoserver's reply, or `curl ifconfig.me`)",
  ],
  ['--lb-ip', 'the EXTERNAL-IP of webserver-lb (`kubectl get svc -o wide`)'],
  ['--worker-ip', 'the Public IP of a worker (`ibmcloud ks workers --cluster <cluster_name>`)'],
  [
    '--node-port',
    'the node port of webserver-lb, the number after 80: in PORT(S) (`kubectl get svc -o wide`)',
  ],
] as const;

/**
 * How calicoctl would find the cluster, or `undefined` when nothing points at one.
 *
 * @example
 * ```ts
 * datastoreSource({ KUBECONFIG: '/home/me/.kube/config' }, undefined, () => false);
 * // 'KUBECONFIG=/home/me/.kube/config'
 * ```
 */
export function datastoreSource(
  env: Readonly<Record<string, string | undefined>>,
  config: string | undefined,
  fileExists: (path: string) => boolean,
): string | undefined {
  if (config !== undefined) return `--config=${config}`;
  for (const name of DATASTORE_VARIABLES) {
    for (const variable of [`CALICO_${name}`, name]) {
      const value = env[variable];
      if (value !== undefined && value !== '') return `${variable}=${value}`;
    }
  }
  return fileExists(DEFAULT_CALICOCTL_CONFIG) ? DEFAULT_CALICOCTL_CONFIG : undefined;
}

/**
 * The explanation `--apply` prints when it has no cluster to talk to.
 *
 * @example
 * ```ts
 * console.error(noClusterHelp('npm start -- --apply'));
 * ```
 */
export function noClusterHelp(command: string): string {
  return [
    '--apply needs a cluster: calicoctl must be able to reach its datastore. Either',
    '  - export KUBECONFIG=<path to your kubeconfig> (ibmcloud ks cluster config --cluster <cluster_name> prints it), or',
    `  - pass --config=<path to calicoctl.cfg> (a CalicoAPIConfig file; ${DEFAULT_CALICOCTL_CONFIG} is read by default), or`,
    '  - export DATASTORE_TYPE / ETCD_ENDPOINTS for an etcd datastore.',
    'calicoctl itself must be on PATH (or pass --calicoctl=<path>): https://docs.tigera.io/calico/latest/operations/calicoctl/install',
    `Then run: ${command} ${REQUIRED_APPLY_FLAGS.map(([flag]) => `${flag}=…`).join(' ')}`,
    'Without --apply the lesson runs on the embedded simulator and needs nothing.',
  ].join('\n');
}

/**
 * The explanation `--apply` prints when cheat-sheet values are missing.
 *
 * @example
 * ```ts
 * missingFlagsHelp(['--lb-ip']); // '--apply needs the values of your own cluster: …'
 * ```
 */
export function missingFlagsHelp(missing: readonly string[]): string {
  return [
    "--apply needs the values of your own cluster (the tutorial's cheat sheet); missing:",
    ...REQUIRED_APPLY_FLAGS.filter(([flag]) => missing.includes(flag)).map(
      ([flag, how]) => `  ${flag}: ${how}`,
    ),
  ].join('\n');
}

/**
 * The datastore settings calicoctl reads from its environment (libcalico-go `apiconfig`,
 * envconfig with prefix `CALICO_`): `CALICO_<NAME>` is looked up first, then `<NAME>`.
 *
 * @example
 * ```ts
 * DATASTORE_ENV_NAMES.includes('KUBECONFIG'); // true
 * ```
 */
export const DATASTORE_ENV_NAMES = [
  'DATASTORE_TYPE',
  'KUBECONFIG',
  'K8S_API_ENDPOINT',
  'K8S_KEY_FILE',
  'K8S_CERT_FILE',
  'K8S_CA_FILE',
  'K8S_INSECURE_SKIP_TLS_VERIFY',
  'K8S_DISABLE_NODE_POLL',
  'K8S_CURRENT_CONTEXT',
  'USE_POD_CIDR',
  'ETCD_ENDPOINTS',
  'ETCD_DISCOVERY_SRV',
  'ETCD_USERNAME',
  'ETCD_PASSWORD',
  'ETCD_KEY_FILE',
  'ETCD_CERT_FILE',
  'ETCD_CA_CERT_FILE',
] as const;

/**
 * One of {@link DATASTORE_ENV_NAMES}.
 *
 * @example
 * ```ts
 * // The datastore variables a parent environment passes through (with inherit: 'standard'):
 * resolveEnvironment({ PATH: '/bin', ETCD_ENDPOINTS: 'http://etcd:2379', AWS_PROFILE: 'prod' }, { inherit: 'standard' }); // { PATH: '/bin', ETCD_ENDPOINTS: 'http://etcd:2379' }
 * ```
 */
export type DatastoreEnvName = (typeof DATASTORE_ENV_NAMES)[number];

/**
 * Variables a process needs to run at all, find `$HOME/.kube/config`, and reach an API server
 * through a proxy. Passed through from the parent under `inherit: 'standard'` (`cleanEnv: true`).
 *
 * @example
 * ```ts
 * SYSTEM_ENV_NAMES.includes('HTTPS_PROXY'); // true
 * ```
 */
export const SYSTEM_ENV_NAMES = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'TMPDIR',
  'TMP',
  'TEMP',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TZ',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'SYSTEMROOT',
  'SystemRoot',
  'WINDIR',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
] as const;

/**
 * Datastore settings given as options. Each one beats every environment source: it sets the
 * plain variable and removes the `CALICO_`-prefixed one (which calicoctl would otherwise prefer).
 *
 * @example
 * ```ts
 * // Set as environment variables for calicoctl (here with nothing inherited):
 * resolveEnvironment({ PATH: '/bin' }, { inherit: 'none', datastore: { datastoreType: 'kubernetes', kubeconfig: '/home/me/.kube/config' } }); // { DATASTORE_TYPE: 'kubernetes', KUBECONFIG: '/home/me/.kube/config' }
 * ```
 */
export interface DatastoreOptions {
  /** `DATASTORE_TYPE`. */
  readonly datastoreType?: 'kubernetes' | 'etcdv3';
  /** `KUBECONFIG`: path of the kubeconfig file. */
  readonly kubeconfig?: string;
  /** `K8S_API_ENDPOINT`. */
  readonly k8sApiEndpoint?: string;
  /** `ETCD_ENDPOINTS`: one URL or several (joined with commas). */
  readonly etcdEndpoints?: string | readonly string[];
}

/**
 * Which part of the parent's environment the child inherits before `env` and the datastore
 * options are laid over it.
 *
 * - `'all'` (default): the whole parent environment, as kubectl and calicoctl run from a shell get
 *   it (kubeconfig exec plugins such as `aws eks get-token` or `ibmcloud` read their own variables).
 * - `'standard'`: {@link SYSTEM_ENV_NAMES}, {@link DATASTORE_ENV_NAMES} and every `CALICO_*` only
 *   (`createCalicoctl({ cleanEnv: true })`).
 * - `'none'`: nothing; only `env` and the options.
 *
 * @example
 * ```ts
 * resolveEnvironment({ PATH: '/bin', AWS_PROFILE: 'prod' }, { inherit: 'all' }); // { PATH: '/bin', AWS_PROFILE: 'prod' }
 * resolveEnvironment({ PATH: '/bin', AWS_PROFILE: 'prod' }, { inherit: 'none' }); // {}
 * ```
 */
export type InheritEnv = 'standard' | 'all' | 'none';

const DATASTORE_OPTION_ENV: Record<keyof DatastoreOptions, DatastoreEnvName> = {
  datastoreType: 'DATASTORE_TYPE',
  kubeconfig: 'KUBECONFIG',
  k8sApiEndpoint: 'K8S_API_ENDPOINT',
  etcdEndpoints: 'ETCD_ENDPOINTS',
};

/**
 * Builds the child's environment, lowest precedence first:
 * 1. the parent environment, filtered by `inherit`;
 * 2. `env` (entries set to `undefined` remove a variable);
 * 3. datastore options (each also removes its `CALICO_` twin so that it wins inside calicoctl);
 * 4. `context` sets `K8S_CURRENT_CONTEXT` the same way (the `--context` flag does the same in calicoctl).
 *
 * Within layers 1–2, calicoctl itself prefers `CALICO_DATASTORE_TYPE` over `DATASTORE_TYPE`, and
 * so on; this function keeps both and lets calicoctl decide, exactly as it would from a shell.
 *
 * @example
 * ```ts
 * const parent = { PATH: '/bin', DATASTORE_TYPE: 'etcdv3', AWS_PROFILE: 'prod' };
 * resolveEnvironment(parent, { datastore: { datastoreType: 'kubernetes', kubeconfig: '/k' } });
 * // { PATH: '/bin', DATASTORE_TYPE: 'kubernetes', AWS_PROFILE: 'prod', KUBECONFIG: '/k' }
 * resolveEnvironment(parent, { inherit: 'standard' });
 * // { PATH: '/bin', DATASTORE_TYPE: 'etcdv3' }
 * ```
 */
export function resolveEnvironment(
  parent: Readonly<Record<string, string | undefined>>,
  options: {
    readonly inherit?: InheritEnv;
    readonly env?: Readonly<Record<string, string | undefined>>;
    readonly datastore?: DatastoreOptions;
    readonly context?: string;
  } = {},
): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  const inherit = options.inherit ?? 'all';
  if (inherit !== 'none') {
    const keep = new Set<string>([...SYSTEM_ENV_NAMES, ...DATASTORE_ENV_NAMES]);
    for (const [name, value] of Object.entries(parent)) {
      if (value === undefined) continue;
      if (inherit === 'all' || keep.has(name) || name.startsWith('CALICO_')) out[name] = value;
    }
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete out[name];
    else out[name] = value;
  }
  const setWinning = (name: DatastoreEnvName, value: string) => {
    out[name] = value;
    delete out[`CALICO_${name}`];
  };
  const ds = options.datastore ?? {};
  for (const key of Object.keys(DATASTORE_OPTION_ENV) as (keyof DatastoreOptions)[]) {
    const value = ds[key];
    if (value === undefined) continue;
    setWinning(DATASTORE_OPTION_ENV[key], typeof value === 'string' ? value : value.join(','));
  }
  if (options.context !== undefined) setWinning('K8S_CURRENT_CONTEXT', options.context);
  return { ...out };
}

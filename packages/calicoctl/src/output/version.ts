/**
 * The versions `calicoctl version` prints. `cluster` is `undefined` with `--client`, or when
 * calicoctl could not detect the installed Calico (`Unable to detect installed Calico version`);
 * calicoctl prints `unknown` for fields the cluster does not set.
 *
 * @example
 * ```ts
 * parseVersion('Client Version:    v3.30.0\nGit commit:        b2c1e0b2a\n'); // { client: 'v3.30.0', gitCommit: 'b2c1e0b2a' }
 * ```
 */
export interface CalicoctlVersion {
  readonly client: string;
  readonly gitCommit: string;
  readonly cluster?: { readonly version: string; readonly type: readonly string[] };
}

const field = (text: string, label: string): string | undefined => {
  const m = new RegExp(`^${label}:[ \\t]*(\\S.*?)\\s*$`, 'im').exec(text);
  return m?.[1];
};

/**
 * Parses `calicoctl version` output; `undefined` when it has no `Client Version:` line.
 *
 * @example
 * ```ts
 * parseVersion('Client Version:    v3.30.0\nGit commit:        b2c1e0b2a\nCluster Version:   v3.30.0\nCluster Type:      typha,kdd,k8s\n');
 * // { client: 'v3.30.0', gitCommit: 'b2c1e0b2a', cluster: { version: 'v3.30.0', type: ['typha', 'kdd', 'k8s'] } }
 * ```
 */
export function parseVersion(text: string): CalicoctlVersion | undefined {
  const client = field(text, 'Client Version');
  if (client === undefined) return undefined;
  const gitCommit = field(text, 'Git commit') ?? '';
  const clusterVersion = field(text, 'Cluster Version');
  if (clusterVersion === undefined) return { client, gitCommit };
  const type = (field(text, 'Cluster Type') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return { client, gitCommit, cluster: { version: clusterVersion, type } };
}

/**
 * Compares two calicoctl versions the way calicoctl's version check does: major.minor.patch,
 * ignoring a leading `v` and any `-suffix`.
 *
 * @example
 * ```ts
 * sameCalicoRelease('v3.30.0', 'v3.30.0-0.dev'); // true
 * ```
 */
export function sameCalicoRelease(a: string, b: string): boolean {
  const core = (v: string) => v.trim().replace(/^v/, '').split('-')[0];
  return core(a) === core(b);
}

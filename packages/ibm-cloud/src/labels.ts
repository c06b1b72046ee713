/**
 * The label IBM Cloud Kubernetes Service puts on every host endpoint it creates, and its values.
 * IBM's default policies (and the tutorial's pre-DNAT policies) select host endpoints by it.
 *
 * @example
 * ```ts
 * const labels = { [IBM_ROLE_LABEL]: 'worker_public' }; // { 'ibm.role': 'worker_public' }
 * ```
 */
export const IBM_ROLE_LABEL = 'ibm.role';

/**
 * The `ibm.role` values IKS uses: worker interfaces (public `eth1`, private `eth0`) and the
 * IBM-managed master's public interface (which only appears in selectors).
 *
 * @example
 * ```ts
 * const role: IbmRole = 'worker_public';
 * ```
 */
export type IbmRole = 'worker_public' | 'worker_private' | 'master_public';

/**
 * Selector of every worker's public host endpoint (`eth1`), as IBM's policies write it.
 *
 * @example
 * ```ts
 * preDnat('deny-nodeports').selector(WORKER_PUBLIC_SELECTOR); // selector: ibm.role == "worker_public"
 * ```
 */
export const WORKER_PUBLIC_SELECTOR = `${IBM_ROLE_LABEL} == 'worker_public'`;

/**
 * Selector of every worker's private host endpoint (`eth0`).
 *
 * @example
 * ```ts
 * globalNetworkPolicy('allow-all-private-default').selector(WORKER_PRIVATE_SELECTOR);
 * ```
 */
export const WORKER_PRIVATE_SELECTOR = `${IBM_ROLE_LABEL} == 'worker_private'`;

/**
 * Selector of every public interface IBM manages (workers and master), as IBM's defaults write it.
 *
 * @example
 * ```ts
 * globalNetworkPolicy('allow-icmp').selector(PUBLIC_INTERFACES_SELECTOR);
 * ```
 */
export const PUBLIC_INTERFACES_SELECTOR = `${IBM_ROLE_LABEL} in { 'worker_public', 'master_public' }`;

/**
 * The values the tutorial asks you to copy into your "cheat sheet": your computer's public IP,
 * the load balancer IP, a worker's public IP and the node port. The defaults are documentation
 * addresses (RFC 5737) and the tutorial's node port, so the simulated run is reproducible.
 */

/**
 * The cheat sheet of the tutorial, as parameters of every lesson.
 *
 * @example
 * ```ts
 * const p: TutorialParams = { ...TUTORIAL_DEFAULTS, clientIp: '192.0.2.44' };
 * ```
 */
export interface TutorialParams {
  /** `<client_address>`: the public IP your curl requests come from (whitelisted, then blacklisted). */
  readonly clientIp: string;
  /** The public IP of "another system" (lessons 3 and 4 try the load balancer from it). */
  readonly otherClientIp: string;
  /** `<loadbalancer_IP>`: the EXTERNAL-IP of the `webserver-lb` service. */
  readonly loadBalancerIp: string;
  /** `<worker_IP>`: the public IP of a worker node. */
  readonly workerPublicIp: string;
  /** `<NodePort>`: the node port Kubernetes gave `webserver-lb` (30000–32767). */
  readonly nodePort: number;
}

/**
 * The simulated cheat sheet: client `198.51.100.7`, another client `203.0.113.50`, load balancer
 * `169.46.10.20`, worker `203.0.113.11`, node port `31024` (the tutorial's own).
 *
 * @example
 * ```ts
 * TUTORIAL_DEFAULTS.nodePort; // 31024
 * ```
 */
export const TUTORIAL_DEFAULTS: TutorialParams = Object.freeze({
  clientIp: '198.51.100.7',
  otherClientIp: '203.0.113.50',
  loadBalancerIp: '169.46.10.20',
  workerPublicIp: '203.0.113.11',
  nodePort: 31024,
});

/**
 * Whether `params` are the defaults (then the lesson's YAML goes to the committed `out/` goldens).
 *
 * @example
 * ```ts
 * isDefaultParams(TUTORIAL_DEFAULTS); // true
 * ```
 */
export function isDefaultParams(params: TutorialParams): boolean {
  return (
    params.clientIp === TUTORIAL_DEFAULTS.clientIp &&
    params.otherClientIp === TUTORIAL_DEFAULTS.otherClientIp &&
    params.loadBalancerIp === TUTORIAL_DEFAULTS.loadBalancerIp &&
    params.workerPublicIp === TUTORIAL_DEFAULTS.workerPublicIp &&
    params.nodePort === TUTORIAL_DEFAULTS.nodePort
  );
}

/**
 * A single IPv4 address as the `/32` CIDR that policy `nets` need.
 *
 * @example
 * ```ts
 * hostCidr('169.46.10.20'); // '169.46.10.20/32'
 * ```
 */
export function hostCidr(ip: string): string {
  return `${ip}/32`;
}

/** The curl commands of the tutorial and the packets they send. */
import type { ClientRole, CurlStep, CurlTarget } from './lesson.js';
import type { TutorialParams } from './params.js';

/**
 * A TCP connection attempt as the evaluator takes it (`world.evaluate(flow)`).
 *
 * @example
 * ```ts
 * const f: TcpFlow = { protocol: 'TCP', srcIp: '198.51.100.7', srcPort: 51000, dstIp: '169.46.10.20', dstPort: 80 };
 * ```
 */
export interface TcpFlow {
  readonly protocol: 'TCP';
  readonly srcIp: string;
  readonly srcPort: number;
  readonly dstIp: string;
  readonly dstPort: number;
}

/**
 * The source port of a lesson's first simulated curl; each next curl uses the next port.
 *
 * @example
 * ```ts
 * curlFlow(TUTORIAL_DEFAULTS, step, 0).srcPort === FIRST_CURL_SOURCE_PORT; // true
 * ```
 */
export const FIRST_CURL_SOURCE_PORT = 51000;

/**
 * The IP a client role sends from.
 *
 * @example
 * ```ts
 * clientIp(TUTORIAL_DEFAULTS, 'another system'); // '203.0.113.50'
 * ```
 */
export function clientIp(params: TutorialParams, from: ClientRole): string {
  return from === 'you' ? params.clientIp : params.otherClientIp;
}

/**
 * The address and port a curl target means.
 *
 * @example
 * ```ts
 * curlDestination(TUTORIAL_DEFAULTS, 'node port'); // { ip: '203.0.113.11', port: 31024 }
 * ```
 */
export function curlDestination(params: TutorialParams, target: CurlTarget): { ip: string; port: number } {
  return target === 'load balancer'
    ? { ip: params.loadBalancerIp, port: 80 }
    : { ip: params.workerPublicIp, port: params.nodePort };
}

/**
 * The tutorial's command for a curl step.
 *
 * @example
 * ```ts
 * curlCommand(TUTORIAL_DEFAULTS, 'load balancer'); // 'curl --connect-timeout 10 169.46.10.20:80'
 * ```
 */
export function curlCommand(params: TutorialParams, target: CurlTarget): string {
  const { ip, port } = curlDestination(params, target);
  return `curl --connect-timeout 10 ${ip}:${port}`;
}

/**
 * The packet a curl step sends (its SYN): TCP from the client to the target, from a source port
 * that depends only on the curl's position in the lesson, so runs are reproducible.
 *
 * @example
 * ```ts
 * curlFlow(TUTORIAL_DEFAULTS, step, 0); // { protocol: 'TCP', srcIp: '198.51.100.7', srcPort: 51000, … }
 * ```
 */
export function curlFlow(params: TutorialParams, step: CurlStep, index: number): TcpFlow {
  const { ip, port } = curlDestination(params, step.target);
  return {
    protocol: 'TCP',
    srcIp: clientIp(params, step.from),
    srcPort: FIRST_CURL_SOURCE_PORT + index,
    dstIp: ip,
    dstPort: port,
  };
}

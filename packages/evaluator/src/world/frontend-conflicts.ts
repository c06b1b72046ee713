/**
 * Two Services claiming one frontend: the same address, port and protocol (a cluster IP, external
 * IP or load balancer IP of each), or the same node port. kube-proxy writes each Service's
 * KUBE-SERVICES (KUBE-NODEPORTS) rule as it ranges over its service map, a Go map
 * (kubernetes `pkg/proxy/iptables/proxier.go` `syncProxyRules`: `for svcName, svc := range
 * proxier.svcPortMap`), so which rule a packet meets first is not known. One thing is certain: a
 * Service without endpoints gets no nat rule, only a filter REJECT (DROP), which the packet
 * DNAT'd in nat PREROUTING by the other no longer matches; so when just one claimant may have a
 * nat rule, it wins.
 */
import type { Issue } from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';
import { protocolName } from '../net/protocol.js';
import type { FrontendKind, ServicePortModel } from './model.js';

/** One Service port's claim on a frontend. */
export interface FrontendClaim {
  readonly servicePort: ServicePortModel;
  readonly kind: FrontendKind;
}

/**
 * Whether kube-proxy may write a nat rule for the claim in IP family `version`: only with
 * endpoints (`hasEndpoints`); a Local traffic policy, or a pick among duplicate endpoints,
 * makes it depend on the node (no local endpoint: the packet falls through to the next rule, or
 * is dropped).
 */
function natRule(c: FrontendClaim, version: 4 | 6 | undefined): 'yes' | 'no' | 'maybe' {
  const sp = c.servicePort;
  const inFamily = (list: readonly { ip: { version: number } }[]) =>
    list.some((b) => version === undefined || b.ip.version === version);
  if (!inFamily(sp.backends)) return 'no';
  const local = c.kind === 'clusterIP' ? sp.internalTrafficPolicy : sp.externalTrafficPolicy;
  const unsure = local === 'Local' || sp.alternatives?.some((a) => !inFamily(a.backends)) === true;
  return unsure ? 'maybe' : 'yes';
}

const serviceName = (c: FrontendClaim) => `${c.servicePort.service.namespace}/${c.servicePort.service.name}`;

/**
 * The claim kube-proxy sends a frontend's packets to, and an issue when more than one Service
 * claims it. `frontend` names it (`203.0.113.50:80`, or `node port 30080`); `version` is its IP
 * family (`undefined` for a node port: any). With several claimants that may have a nat rule,
 * the first in input order is the winner and the others its `rivals` (every one is evaluated);
 * a node port conflict, which cannot exist, keeps the first alone.
 *
 * @example
 * ```ts
 * // Services prod/a and prod/b both list externalIP 203.0.113.50 on port 80, both with endpoints
 * frontendWinner(claims, '203.0.113.50:80', 4, false).issue?.code; // 'service_frontend_conflict'
 * ```
 */
export function frontendWinner(
  claims: readonly FrontendClaim[],
  frontend: string,
  version: 4 | 6 | undefined,
  nodePort: boolean,
): { readonly winner: FrontendClaim; readonly rivals: FrontendClaim[]; readonly issue: Issue | undefined } {
  const first = claims[0];
  if (first === undefined) throw new Error('frontendWinner: no claim');
  const services = [...new Set(claims.map((c) => c.servicePort))];
  if (services.length < 2) return { winner: first, rivals: [], issue: undefined };
  const ruled = claims.filter((c) => natRule(c, version) !== 'no');
  const winner = ruled[0] ?? first;
  // A node port conflict cannot exist (the API server refuses it): reported, not evaluated twice.
  const rivals = nodePort ? [] : ruled.slice(1);
  const names = [...new Set(claims.map(serviceName))];
  const who = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const protocol = protocolName(first.servicePort.protocol);
  // The API server allocates node ports and cluster IPs cluster-wide: two alike cannot exist.
  const allocated = nodePort
    ? 'node ports'
    : claims.filter((c) => c.kind === 'clusterIP').length > 1
      ? 'cluster IPs'
      : '';
  const head = `${
    nodePort
      ? `Services ${who} have ${frontend} (${protocol})`
      : `Services ${who} claim ${frontend} (${protocol}) (${claims.map((c) => `${c.kind} of ${serviceName(c)}`).join(', ')})`
  }${allocated ? `: the API server refuses that (it allocates ${allocated} cluster-wide), so this world cannot exist as written` : ''}`;
  const tail =
    ruled.length === 0
      ? 'none has endpoints, so kube-proxy rejects the packet whichever rule it meets'
      : ruled.length === 1
        ? `only ${serviceName(winner)} may have endpoints, so kube-proxy DNATs to it (the others have only a filter REJECT or DROP rule, which the DNAT'd packet no longer matches), as the evaluator does`
        : `${ruled.map(serviceName).join(' and ')} have endpoints: kube-proxy writes their rules in Go map order (proxier.go syncProxyRules ranges over svcPortMap), so which one a packet meets first is not known; ${nodePort ? `the evaluator sends it to ${serviceName(winner)} (first in input order), and answers for this node port may be wrong` : 'the evaluator evaluates each of them (verdicts may be Mixed)'}`;
  return {
    winner,
    rivals,
    issue: {
      code: 'service_frontend_conflict' satisfies EvaluatorIssueCode,
      path: [],
      message: `${head}; ${tail}. Give each Service its own address, port or node port.`,
    },
  };
}

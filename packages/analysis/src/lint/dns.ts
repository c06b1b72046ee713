/** `egress-default-deny-blocks-dns`: a pod whose egress policy denies its lookups to kube-dns, with the flow. */
import type { Flow } from '../evaluator-seam.js';
import { formatIp, type IpInterval } from '../sets/ip.js';
import type { LintFinding } from '../types.js';
import type { Ctx } from './context.js';

/** One `egress-default-deny-blocks-dns` finding per policy that denies a pod's lookups, with the flow. */
export function dnsChecks(ctx: Ctx): LintFinding[] {
  const dns = ctx.model.servicePorts.filter(
    (sp) =>
      (sp.service.name === 'kube-dns' || sp.service.name === 'coredns') &&
      sp.port === 53 &&
      sp.protocol === 17,
  );
  const out: LintFinding[] = [];
  const seen = new Set<string>();
  for (const sp of dns)
    for (const ip of sp.clusterIPs) {
      for (const c of ctx.part.byFamily.get(ip.version) ?? []) {
        const wep = (c.members[0] ?? []).find((e) => e.kind === 'WorkloadEndpoint');
        if (!wep || ctx.backends.has(wep)) continue;
        const first = c.intervals[0] as IpInterval;
        const flow: Flow = {
          protocol: 'UDP',
          // The pod's address of the DNS address's IP version: a dual-stack pod looks up over both.
          srcIp: wep.ips.find((a) => a.version === ip.version)?.text ?? formatIp(first.family, first.lo),
          srcPort: 40000,
          dstIp: ip.text,
          dstPort: 53,
        };
        const res = ctx.world.evaluate(flow);
        if (res.verdict === 'Allow') continue;
        const path = res.paths.find((x) => x.verdict === 'Deny');
        const by = path?.decidedBy;
        if (!path || !by || by.stage !== 'workloadEgress') continue;
        // End of tier: name the tier's last policy the packet met (the default deny).
        const policy =
          by.policy ??
          path.steps.filter((x) => x.stage === 'workloadEgress' && x.tier === by.tier && x.policy).pop()
            ?.policy;
        if (!policy) continue;
        const key = `${policy.kind}|${policy.namespace ?? ''}|${policy.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          code: 'egress-default-deny-blocks-dns',
          severity: 'warning',
          message: `Egress from ${wep.namespace}/${wep.name} to DNS (${sp.service.namespace}/${sp.service.name} ${ip.text}:53/UDP) is denied by ${policy.kind} ${policy.name}${by.ruleIndex !== undefined ? ` rule ${by.ruleIndex}` : ` (end of tier ${by.tier ?? ''}: default deny)`}: name lookups fail. Allow UDP and TCP 53 to kube-dns.`,
          resource:
            policy.namespace === undefined
              ? { kind: policy.kind, name: policy.name }
              : { kind: policy.kind, namespace: policy.namespace, name: policy.name },
          ...(by.ruleIndex !== undefined
            ? { rule: { direction: 'egress' as const, index: by.ruleIndex } }
            : {}),
          witness: flow,
        });
      }
    }
  return out;
}

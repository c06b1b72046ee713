/**
 * The synthetic world of the acceptance benchmarks, shared by the evaluator's and the analysis
 * package's benches: 20 namespaces, `pods` pods (100 apps, 3 tiers, 20 nodes, one container port
 * 8080) and `policies` GlobalNetworkPolicies (a Deny from a /24, an Allow from a tier to a port,
 * its +1000 range and `alsoAllow` when given, and Allow all egress).
 */

/**
 * Builds the resources and the pods' addresses.
 *
 * @example
 * ```ts
 * const { res, ips } = syntheticWorld(1000, 1000, { alsoAllow: 8080 });
 * World.from(res).evaluate({ protocol: 'TCP', srcIp: ips[0], srcPort: 40000, dstIp: ips[1], dstPort: 8080 });
 * ```
 */
export function syntheticWorld(
  policies: number,
  pods: number,
  opts: { readonly alsoAllow?: number } = {},
): { res: Record<string, unknown>[]; ips: string[] } {
  const res: Record<string, unknown>[] = [];
  for (let i = 0; i < 20; i++)
    res.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: `ns-${i}`, labels: { team: `t${i % 5}` } },
    });
  const ips: string[] = [];
  for (let j = 0; j < pods; j++) {
    const ip = `10.${1 + (j >> 16)}.${(j >> 8) & 255}.${j & 255}`;
    ips.push(ip);
    res.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `p-${j}`,
        namespace: `ns-${j % 20}`,
        labels: { app: `app${j % 100}`, tier: ['web', 'api', 'db'][j % 3] },
      },
      spec: { nodeName: `node-${j % 20}`, containers: [{ name: 'c', ports: [{ containerPort: 8080 }] }] },
      status: { podIP: ip },
    });
  }
  for (let k = 0; k < policies; k++) {
    const port = 8000 + (k % 200);
    const ports = opts.alsoAllow === undefined ? [port] : [port, opts.alsoAllow];
    res.push({
      apiVersion: 'projectcalico.org/v3',
      kind: 'GlobalNetworkPolicy',
      metadata: { name: `gnp-${k}` },
      spec: {
        order: k % 1000,
        selector: `app == "app${k % 100}"`,
        types: ['Ingress', 'Egress'],
        ingress: [
          { action: 'Deny', protocol: 'TCP', source: { nets: [`10.9.${k % 256}.0/24`] } },
          {
            action: 'Allow',
            protocol: 'TCP',
            source: { selector: `tier == "${['web', 'api', 'db'][k % 3]}"` },
            destination: { ports: [...ports, `${port + 1000}:${port + 1010}`] },
          },
        ],
        egress: [{ action: 'Allow' }],
      },
    });
  }
  return { res, ips };
}

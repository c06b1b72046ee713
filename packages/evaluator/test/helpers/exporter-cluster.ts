/**
 * A two-node cluster whose node-2 host endpoint admits one pod by selector: the world the
 * natOutgoing tests (evaluator and analysis) share.
 */
import { gnp, hep, node, ns, pod, pool } from './world-kit.js';

type Obj = Record<string, unknown>;

/** The default IPv4 pool with natOutgoing, as Calico's installers create it. */
export const NAT_POOL: Obj = pool('default-ipv4-ippool', '10.244.0.0/16', { natOutgoing: true });

/**
 * node-1 10.0.0.11 and node-2 10.0.0.12; pods web 10.244.1.5 (node-1, app=web) and db 10.244.2.7
 * (node-2, app=db); node-2's `*` host endpoint lets pods labelled app=web reach TCP 9100 (a node
 * exporter), nothing else.
 */
export const EXPORTER_CLUSTER: Obj[] = [
  ns('prod'),
  node('node-1', '10.0.0.11'),
  node('node-2', '10.0.0.12'),
  pod('prod', 'web', '10.244.1.5', { app: 'web' }, { node: 'node-1' }),
  pod('prod', 'db', '10.244.2.7', { app: 'db' }, { node: 'node-2' }),
  hep('node-2-all', 'node-2', '*', ['10.0.0.12'], { role: 'node' }),
  gnp('exporter-from-web', {
    selector: "role == 'node'",
    types: ['Ingress'],
    ingress: [
      {
        action: 'Allow',
        protocol: 'TCP',
        source: { selector: "app == 'web'" },
        destination: { ports: [9100] },
      },
    ],
  }),
];

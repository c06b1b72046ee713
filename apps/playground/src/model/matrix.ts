/**
 * The connectivity heatmap: every pod and each external client as a source, every pod as a
 * destination, for one protocol and port. Pod rows come from `world.matrix`; client rows
 * evaluate the client's IP to each pod's first IP of the client's IP version (none: Deny).
 */
import type { Flow, Verdict, World } from '@calico-dsl/evaluator';

/**
 * A heatmap: `cells[row][column]`, rows = sources, columns = pods.
 *
 * @example
 * ```ts
 * const m: MatrixView = matrixView(world, { protocol: 'TCP', port: 8080 }, [{ label: 'you', ip: '198.51.100.7' }]);
 * m.cells[m.rows.length - 1]?.[0]; // 'Allow'
 * ```
 */
export interface MatrixView {
  readonly protocol: Flow['protocol'];
  readonly port: number | undefined;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: readonly (readonly Verdict[])[];
  /** How many of the last rows are external clients. */
  readonly clients: number;
}

/**
 * What a matrix's client rows measure, for its caption: packets straight to each pod's address
 * (a Service's load balancer or node port is a flow of its own). Empty without client rows.
 *
 * @example
 * ```ts
 * clientRowsNote({ protocol: 'TCP', port: 80, rows: ['a', 'you'], columns: ['a'], cells: [['Allow'], ['Deny']], clients: 1 });
 * // ' Client rows send straight to each pod's IP, not through a Service: evaluate a flow to its load balancer or node port for that.'
 * ```
 */
export function clientRowsNote(view: MatrixView): string {
  return view.clients > 0
    ? " Client rows send straight to each pod's IP, not through a Service: evaluate a flow to its load balancer or node port for that."
    : '';
}

/**
 * An external client: a label and the IP its packets come from.
 *
 * @example
 * ```ts
 * const c: ExternalClient = { label: 'you', ip: '198.51.100.7' };
 * ```
 */
export interface ExternalClient {
  readonly label: string;
  readonly ip: string;
}

const podLabel = (e: { readonly namespace?: string; readonly name: string }) =>
  `${e.namespace !== undefined ? `${e.namespace}/` : ''}${e.name}`;

/**
 * Builds the heatmap for one protocol and port.
 *
 * @example
 * ```ts
 * matrixView(world, { protocol: 'TCP', port: 8080 }, []).rows.length; // the number of pods
 * ```
 */
export function matrixView(
  world: World,
  options: { readonly protocol: Flow['protocol']; readonly port?: number | undefined },
  clients: readonly ExternalClient[],
): MatrixView {
  const { protocol, port } = options;
  const pods = world.matrix({ protocol, ...(port !== undefined ? { port } : {}) });
  // Each client to the pod's address of its own IP version (a dual-stack pod may list v6 first).
  const clientRows = clients.map((c) =>
    world.model.workloads.map((w): Verdict => {
      const version = c.ip.includes(':') ? 6 : 4;
      const ip = w.ips.find((a) => a.version === version)?.text;
      if (ip === undefined) return 'Deny';
      return world.evaluate({
        protocol,
        srcIp: c.ip,
        dstIp: ip,
        ...(port !== undefined ? { dstPort: port } : {}),
      }).verdict;
    }),
  );
  return {
    protocol,
    port,
    rows: [...pods.endpoints.map(podLabel), ...clients.map((c) => `${c.label} (${c.ip})`)],
    columns: pods.endpoints.map(podLabel),
    cells: [...pods.cells, ...clientRows],
    clients: clients.length,
  };
}

/**
 * Pods above this many are not put in the heatmap on every edit (pods² evaluations); the
 * Show button still builds it.
 */
export const MATRIX_AUTO_LIMIT = 40;

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const IPV6 = /^[0-9a-fA-F:.]+$/;

/**
 * The matrix's external clients as typed: `label=ip` or a bare IP, separated by commas or spaces.
 *
 * @example
 * ```ts
 * parseClients('you=198.51.100.7, 203.0.113.50').clients;
 * // [{ label: 'you', ip: '198.51.100.7' }, { label: '203.0.113.50', ip: '203.0.113.50' }]
 * ```
 */
export function parseClients(text: string): { clients: ExternalClient[]; problems: string[] } {
  const clients: ExternalClient[] = [];
  const problems: string[] = [];
  for (const token of text.split(/[\s,]+/).filter((t) => t !== '')) {
    const eq = token.indexOf('=');
    const label = eq < 0 ? token : token.slice(0, eq);
    const ip = eq < 0 ? token : token.slice(eq + 1);
    if (IPV4.test(ip) || (ip.includes(':') && IPV6.test(ip))) clients.push({ label, ip });
    else problems.push(`"${token}" is not an IP address: write label=IP, e.g. you=198.51.100.7`);
  }
  return { clients, problems };
}

/**
 * The clients as the input shows them.
 *
 * @example
 * ```ts
 * formatClients([{ label: 'you', ip: '198.51.100.7' }]); // 'you=198.51.100.7'
 * ```
 */
export function formatClients(clients: readonly ExternalClient[]): string {
  return clients
    .map((c) => (c.label === c.ip ? c.ip : `${c.label.replace(/[\s,=]+/g, '-')}=${c.ip}`))
    .join(', ');
}

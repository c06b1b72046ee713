/** `calico-dsl matrix <manifests…> --port N`: who can reach whom, as text, CSV or Mermaid. */
import type {
  ConnectivityMatrix,
  EndpointRef,
  EndpointSelectorRef,
  Flow,
  Verdict,
} from '@calico-dsl/evaluator';
import { Option } from 'commander';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import { loadWorld } from '../evaluation.js';
import { addInputOptions, type InputOptions } from '../inputs.js';
import { missingInputs } from '../manifests.js';
import { type MatrixParty, type MatrixTable, resolveParties, tableOf } from '../matrix-parties.js';
import { type Palette, verdictText } from '../output/colors.js';
import { writeJson } from '../output/json.js';
import { reportIssues } from '../report-issues.js';
import type { Register } from './register.js';

/**
 * Options of `matrix`.
 *
 * @example
 * ```ts
 * const o: MatrixOptions = { port: '8080', protocol: 'tcp', format: 'csv' };
 * ```
 */
export interface MatrixOptions extends InputOptions {
  readonly port?: string;
  readonly protocol?: string;
  readonly format?: 'text' | 'csv' | 'mermaid';
  /** Comma-separated `namespace/name` (pods), `name` (host endpoints), IPs, `svc/namespace/name`. */
  readonly endpoints?: string;
  readonly engine?: 'compiled' | 'reference';
  /** ICMP and ICMPv6: the type of every cell's flow (`8`: echo request), and its code. */
  readonly icmpType?: string;
  readonly icmpCode?: string;
}

const PROTOCOLS: Readonly<Record<string, 'TCP' | 'UDP' | 'SCTP' | 'ICMP' | 'ICMPv6'>> = {
  tcp: 'TCP',
  udp: 'UDP',
  sctp: 'SCTP',
  icmp: 'ICMP',
  icmpv6: 'ICMPv6',
};

const label = (e: EndpointRef): string => `${e.namespace !== undefined ? `${e.namespace}/` : ''}${e.name}`;
const SYMBOL: Record<Verdict, string> = { Allow: '✓', Deny: '✗', Mixed: '~' };
const square = (t: MatrixTable): boolean => t.sources.length === t.destinations.length;

function asText(m: MatrixTable, c: Palette): string {
  const rows = m.sources.map((p) => p.label);
  const width = Math.max(4, ...rows.map((n) => n.length));
  const cols = m.destinations.map((_, j) => String(j + 1).padStart(3)).join('');
  const lines = [`${'from \\ to'.padEnd(width + 5)}${cols}`];
  m.cells.forEach((row, i) => {
    const cells = row
      .map((v) => {
        const mark = SYMBOL[v].padStart(3);
        return v === 'Allow' ? c.green(mark) : v === 'Deny' ? c.red(mark) : c.yellow(mark);
      })
      .join('');
    lines.push(`${String(i + 1).padStart(3)}  ${(rows[i] ?? '').padEnd(width)}${cells}`);
  });
  // Columns are numbered like the rows; when they differ (IPs, service frontends), list them.
  if (!square(m)) {
    lines.push('', 'to:');
    m.destinations.forEach((d, j) => {
      lines.push(`${String(j + 1).padStart(3)}  ${d.label}`);
    });
  }
  const what = whatOf(m);
  lines.push(
    '',
    `${what}: ${SYMBOL.Allow} ${verdictText(c, 'Allow')}  ${SYMBOL.Deny} ${verdictText(c, 'Deny')}  ${SYMBOL.Mixed} ${verdictText(c, 'Mixed')}`,
  );
  return `${lines.join('\n')}\n`;
}

/** What every cell's flow is: `TCP/8080`, `ICMP type 8 code 0`. */
const whatOf = (m: MatrixTable): string =>
  `${m.protocol}${m.port !== undefined ? `/${m.port}` : ''}${
    m.icmp !== undefined
      ? ` type ${m.icmp.type}${m.icmp.code !== undefined ? ` code ${m.icmp.code}` : ''}`
      : ''
  }`;

/**
 * For a table of ICMP flows without a type (packets of a type no rule names): which of the
 * types the rules name some cells decide otherwise, as the evaluator says for one flow.
 *
 * @example
 * ```ts
 * typelessIcmpNotes(table, [{ type: 8 }], tableFor);
 * // ['ICMP of no type: a packet of a type no rule names. Types the rules name get another verdict in some cells: type 8 (2 cells). --icmp-type shows one type.']
 * ```
 */
function typelessIcmpNotes(
  table: MatrixTable,
  types: readonly { readonly type: number; readonly code?: number }[],
  tableFor: (icmp: Flow['icmp']) => MatrixTable,
): string[] {
  const apart = types.flatMap((icmp) => {
    const typed = tableFor(icmp);
    const cells = table.cells.reduce(
      (n, row, i) => n + row.filter((v, j) => typed.cells[i]?.[j] !== v).length,
      0,
    );
    const text = `type ${icmp.type}${icmp.code !== undefined ? ` code ${icmp.code}` : ''}`;
    return cells === 0 ? [] : [`${text} (${cells} cell${cells === 1 ? '' : 's'})`];
  });
  if (apart.length === 0) return [];
  return [
    `${table.protocol} of no type: a packet of a type no rule names. Types the rules name get another verdict in some cells: ${apart.join(', ')}. --icmp-type shows one type.`,
  ];
}

const csvField = (text: string): string => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

function asCsv(m: MatrixTable): string {
  const header = ['from\\to', ...m.destinations.map((d) => d.label)].map(csvField).join(',');
  const rows = [
    header,
    ...m.cells.map((row, i) => [m.sources[i]?.label ?? '', ...row].map(csvField).join(',')),
  ];
  return `${rows.join('\n')}\n`;
}

function asMermaid(m: MatrixTable): string {
  const what = whatOf(m).toLowerCase();
  const lines = ['flowchart LR'];
  // One node per party: sources first (they are the first destinations in a square table).
  const parties = square(m) ? m.destinations : [...m.sources, ...m.destinations];
  const dstOffset = square(m) ? 0 : m.sources.length;
  parties.forEach((p, i) => {
    lines.push(`  e${i}["${p.label.replaceAll('"', '#quot;')}"]`);
  });
  m.cells.forEach((row, i) => {
    row.forEach((v, j) => {
      const to = j + dstOffset;
      // Self-edges and denied pairs would only clutter the picture.
      if (i === to || v === 'Deny') return;
      lines.push(v === 'Allow' ? `  e${i} -->|${what}| e${to}` : `  e${i} -.->|${what} mixed| e${to}`);
    });
  });
  return `${lines.join('\n')}\n`;
}

function fromWorldMatrix(m: ConnectivityMatrix): MatrixTable {
  const parties: MatrixParty[] = m.endpoints.map((e) => ({
    label: label(e),
    kind: e.kind,
    ip: '',
    source: true,
    endpoint: e,
  }));
  return {
    protocol: m.protocol,
    port: m.port,
    ...(m.icmp !== undefined ? { icmp: m.icmp } : {}),
    sources: parties,
    destinations: parties,
    cells: m.cells,
  };
}

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** `--icmp-type` / `--icmp-code` as a flow's `icmp`, or what is wrong with them. */
function icmpOf(opts: MatrixOptions, protocol: string): Flow['icmp'] | string {
  if (opts.icmpType === undefined && opts.icmpCode === undefined) return undefined;
  if (protocol !== 'ICMP' && protocol !== 'ICMPv6')
    return '--icmp-type and --icmp-code are for --protocol icmp or icmpv6';
  const byte = (t: string | undefined) =>
    t !== undefined && /^\d{1,3}$/.test(t) && Number(t) <= 255 ? Number(t) : undefined;
  const type = byte(opts.icmpType);
  if (type === undefined) return '--icmp-type takes an ICMP type 0-255 (e.g. 8, echo request)';
  if (opts.icmpCode === undefined) return { type };
  const code = byte(opts.icmpCode);
  return code === undefined ? '--icmp-code takes an ICMP code 0-255' : { type, code };
}

/**
 * Prints the connectivity table of the world's pods and host endpoints (or `--endpoints`) for one
 * protocol and port. A bad option, an `--endpoints` entry the world lacks or a world without
 * endpoints is a usage error (exit 2), never an empty table.
 *
 * @example
 * ```ts
 * await runMatrix(['matrix-world.yaml'], { port: '8080', format: 'csv' }, ctx);
 * ```
 */
export async function runMatrix(
  manifests: readonly string[],
  opts: MatrixOptions,
  ctx: CommandContext,
): Promise<ExitCode> {
  const usage = missingInputs('matrix', manifests, opts, ctx.io);
  if (usage !== undefined) return usage;
  const protocol = PROTOCOLS[(opts.protocol ?? 'tcp').toLowerCase()];
  const port = opts.port !== undefined ? Number(opts.port) : undefined;
  const needsPort = protocol === 'TCP' || protocol === 'UDP' || protocol === 'SCTP';
  if (
    protocol === undefined ||
    (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) ||
    (needsPort && port === undefined)
  ) {
    ctx.io.stderr.write(
      'error: matrix needs --port <0-65535> for tcp, udp and sctp; --protocol is tcp, udp, sctp, icmp or icmpv6\n',
    );
    return EXIT.usage;
  }
  if (!needsPort && port !== undefined) {
    // The evaluator would ignore it (§6.3): a table headed "ICMP/80" would claim a port was checked.
    ctx.io.stderr.write(`error: ${protocol} has no ports: drop --port (it is for tcp, udp and sctp)\n`);
    return EXIT.usage;
  }
  const icmp = icmpOf(opts, protocol);
  if (typeof icmp === 'string') {
    ctx.io.stderr.write(`error: ${icmp}\n`);
    return EXIT.usage;
  }
  const query = {
    protocol,
    ...(port !== undefined ? { port } : {}),
    ...(icmp !== undefined ? { icmp } : {}),
  };
  const { world, issues } = await loadWorld(manifests, ctx, opts.engine, opts);
  if (world === undefined) return reportIssues(issues, ctx);
  // One table for the flow asked about, built the same way again for each named ICMP type.
  let tableFor: (icmp: Flow['icmp']) => MatrixTable;
  if (opts.endpoints === undefined) {
    tableFor = (i) => fromWorldMatrix(world.matrix({ ...query, ...(i !== undefined ? { icmp: i } : {}) }));
  } else {
    const { parties, unknown } = resolveParties(world, splitList(opts.endpoints), protocol, port);
    if (unknown.length > 0 || parties.length === 0) {
      ctx.io.stderr.write(
        `error: --endpoints: ${unknown.length > 0 ? `not in the world: ${unknown.join('; ')}` : 'the list is empty'}\n` +
          '  an entry is namespace/pod, a host endpoint name, an IP address, or svc/namespace/name (a service: its\n' +
          '  ClusterIP, load balancer and external IPs, and its NodePort on every node)\n',
      );
      return EXIT.usage;
    }
    // Pods and host endpoints only: the world's own (faster) matrix.
    const refs = parties.flatMap((p): EndpointSelectorRef[] =>
      p.kind === 'WorkloadEndpoint' || p.kind === 'HostEndpoint'
        ? [
            {
              kind: p.kind,
              name: p.endpoint?.name ?? p.label,
              ...(p.endpoint?.namespace !== undefined ? { namespace: p.endpoint.namespace } : {}),
            },
          ]
        : [],
    );
    tableFor =
      refs.length === parties.length
        ? (i) =>
            fromWorldMatrix(
              world.matrix({ ...query, ...(i !== undefined ? { icmp: i } : {}), endpoints: refs }),
            )
        : (i) => tableOf(world, parties, protocol, port, i);
  }
  const matrix = tableFor(icmp);
  // As for an --endpoints entry the world lacks (exit 2): a table of nothing answers nothing.
  if (matrix.sources.length === 0) {
    ctx.io.stderr.write(
      'error: the world has no pods or host endpoints to put in the table: add their manifests (kubectl get pods -A -o yaml), or name IP addresses and services with --endpoints\n',
    );
    return EXIT.usage;
  }
  const notes =
    icmp === undefined && (protocol === 'ICMP' || protocol === 'ICMPv6')
      ? typelessIcmpNotes(matrix, world.icmpTypesNamed(protocol), tableFor)
      : [];
  if (ctx.json) {
    writeJson(ctx.io.stdout, {
      ok: true,
      protocol: matrix.protocol,
      port: matrix.port,
      ...(matrix.icmp !== undefined ? { icmp: matrix.icmp } : {}),
      ...(square(matrix)
        ? { endpoints: matrix.sources.map((p) => p.endpoint ?? { kind: p.kind, name: p.label }) }
        : {}),
      sources: matrix.sources.map((p) => p.label),
      destinations: matrix.destinations.map((p) => p.label),
      cells: matrix.cells,
      ...(notes.length > 0 ? { notes } : {}),
    });
    return EXIT.ok;
  }
  const render: Record<NonNullable<MatrixOptions['format']>, () => string> = {
    text: () => asText(matrix, ctx.out),
    csv: () => asCsv(matrix),
    mermaid: () => asMermaid(matrix),
  };
  ctx.io.stdout.write(render[opts.format ?? 'text']());
  // After the text table's legend; beside CSV or Mermaid (which stay parseable), on stderr.
  const format = opts.format ?? 'text';
  for (const note of notes) (format === 'text' ? ctx.io.stdout : ctx.io.stderr).write(`note: ${note}\n`);
  return EXIT.ok;
}

/**
 * Adds `matrix` to the program.
 *
 * @example
 * ```ts
 * registerMatrix(program, run);
 * ```
 */
export const registerMatrix: Register = (program, run) => {
  addInputOptions(
    program
      .command('matrix')
      .description(
        "Connectivity table between endpoints for one protocol and port (each endpoint's first IP; its first IPv4 for icmp, IPv6 for icmpv6)",
      )
      .argument('[manifests...]', 'world and policy manifests'),
  )
    .option('-p, --port <port>', 'destination port (required for tcp, udp, sctp)')
    .option('--protocol <protocol>', 'tcp, udp, sctp, icmp or icmpv6', 'tcp')
    .option('--icmp-type <type>', 'icmp/icmpv6: the ICMP type of every flow (e.g. 8, echo request)')
    .option('--icmp-code <code>', 'icmp/icmpv6: its ICMP code')
    .addOption(
      // -o as kubectl's --output: -f names files on every command that reads manifests.
      new Option('-o, --format <format>', 'output format')
        .choices(['text', 'csv', 'mermaid'])
        .default('text'),
    )
    .option(
      '--endpoints <list>',
      'comma-separated: namespace/pod, host endpoint name, IP address, svc/namespace/name (default: every pod)',
    )
    .addOption(new Option('--engine <engine>', 'evaluator engine').choices(['compiled', 'reference']))
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl matrix cluster.yaml policies/*.yaml --port 8080
  $ calico-dsl matrix cluster.yaml policies/*.yaml --port 53 --protocol udp --format csv > dns.csv
  $ calico-dsl matrix cluster.yaml policies/*.yaml --port 8080 -o mermaid --endpoints prod/web,prod/db
  $ calico-dsl matrix cluster.yaml policies/*.yaml --port 80 --endpoints 198.51.100.7,svc/default/webserver-lb`,
    )
    .action(run(([manifests]: [string[]], opts: MatrixOptions, ctx) => runMatrix(manifests, opts, ctx)));
};

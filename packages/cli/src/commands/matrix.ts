/** `calico-dsl matrix <manifests…> --port N`: who can reach whom, as text, CSV or Mermaid. */
import type { ConnectivityMatrix, EndpointRef, EndpointSelectorRef, Verdict } from '@calico-dsl/evaluator';
import { Option } from 'commander';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import { loadWorld } from '../evaluation.js';
import { addInputOptions, type InputOptions } from '../inputs.js';
import { missingInputs } from '../manifests.js';
import { type Palette, verdictText } from '../output/colors.js';
import { formatFileIssues, issueJson } from '../output/issues.js';
import { writeJson } from '../output/json.js';
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
  /** Comma-separated `namespace/name` (pods) or `name` (host endpoints). */
  readonly endpoints?: string;
  readonly engine?: 'compiled' | 'reference';
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

function asText(m: ConnectivityMatrix, c: Palette): string {
  const names = m.endpoints.map(label);
  const width = Math.max(4, ...names.map((n) => n.length));
  const cols = names.map((_, j) => String(j + 1).padStart(3)).join('');
  const lines = [`${'from \\ to'.padEnd(width + 5)}${cols}`];
  m.cells.forEach((row, i) => {
    const cells = row
      .map((v) => {
        const mark = SYMBOL[v].padStart(3);
        return v === 'Allow' ? c.green(mark) : v === 'Deny' ? c.red(mark) : c.yellow(mark);
      })
      .join('');
    lines.push(`${String(i + 1).padStart(3)}  ${(names[i] ?? '').padEnd(width)}${cells}`);
  });
  const what = `${m.protocol}${m.port !== undefined ? `/${m.port}` : ''}`;
  lines.push(
    '',
    `${what}: ${SYMBOL.Allow} ${verdictText(c, 'Allow')}  ${SYMBOL.Deny} ${verdictText(c, 'Deny')}  ${SYMBOL.Mixed} ${verdictText(c, 'Mixed')}`,
  );
  return `${lines.join('\n')}\n`;
}

const csvField = (text: string): string => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

function asCsv(m: ConnectivityMatrix): string {
  const names = m.endpoints.map(label);
  const header = ['from\\to', ...names].map(csvField).join(',');
  const rows = [header, ...m.cells.map((row, i) => [names[i] ?? '', ...row].map(csvField).join(','))];
  return `${rows.join('\n')}\n`;
}

function asMermaid(m: ConnectivityMatrix): string {
  const what = `${m.protocol}${m.port !== undefined ? `/${m.port}` : ''}`.toLowerCase();
  const lines = ['flowchart LR'];
  m.endpoints.forEach((e, i) => {
    lines.push(`  e${i}["${label(e).replaceAll('"', '#quot;')}"]`);
  });
  m.cells.forEach((row, i) => {
    row.forEach((v, j) => {
      // Self-edges and denied pairs would only clutter the picture.
      if (i === j || v === 'Deny') return;
      lines.push(v === 'Allow' ? `  e${i} -->|${what}| e${j}` : `  e${i} -.->|${what} mixed| e${j}`);
    });
  });
  return `${lines.join('\n')}\n`;
}

function parseEndpoints(text: string): EndpointSelectorRef[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const [first = '', second] = s.split('/');
      return second === undefined ? { name: first } : { namespace: first, name: second };
    });
}

/**
 * Prints the connectivity matrix of the world's endpoints (default: every pod) for one
 * protocol and port. Allowed edges only in Mermaid; every cell in text and CSV.
 *
 * @example
 * ```ts
 * await runMatrix(['cluster.yaml'], { port: '8080', format: 'csv' }, ctx);
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
  const { world, issues } = await loadWorld(manifests, ctx, opts.engine, opts);
  if (world === undefined) {
    if (ctx.json) writeJson(ctx.io.stdout, { ok: false, issues: issues.map(issueJson) });
    else ctx.io.stderr.write(formatFileIssues(issues, ctx.err));
    return EXIT.finding;
  }
  const matrix = world.matrix({
    protocol,
    ...(port !== undefined ? { port } : {}),
    ...(opts.endpoints !== undefined ? { endpoints: parseEndpoints(opts.endpoints) } : {}),
  });
  if (ctx.json) {
    writeJson(ctx.io.stdout, { ok: true, ...matrix });
    return EXIT.ok;
  }
  const render: Record<NonNullable<MatrixOptions['format']>, () => string> = {
    text: () => asText(matrix, ctx.out),
    csv: () => asCsv(matrix),
    mermaid: () => asMermaid(matrix),
  };
  ctx.io.stdout.write(render[opts.format ?? 'text']());
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
        "Connectivity table between endpoints for one protocol and port (each endpoint's first IP)",
      )
      .argument('[manifests...]', 'world and policy manifests'),
  )
    .option('-p, --port <port>', 'destination port (required for tcp, udp, sctp)')
    .option('--protocol <protocol>', 'tcp, udp, sctp, icmp or icmpv6', 'tcp')
    .addOption(
      // -o as kubectl's --output: -f names files on every command that reads manifests.
      new Option('-o, --format <format>', 'output format')
        .choices(['text', 'csv', 'mermaid'])
        .default('text'),
    )
    .option(
      '--endpoints <list>',
      'comma-separated endpoints: namespace/pod or host-endpoint name (default: every pod)',
    )
    .addOption(new Option('--engine <engine>', 'evaluator engine').choices(['compiled', 'reference']))
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl matrix cluster.yaml policies/*.yaml --port 8080
  $ calico-dsl matrix cluster.yaml policies/*.yaml --port 53 --protocol udp --format csv > dns.csv
  $ calico-dsl matrix cluster.yaml policies/*.yaml --port 8080 -o mermaid --endpoints prod/web,prod/db`,
    )
    .action(run(([manifests]: [string[]], opts: MatrixOptions, ctx) => runMatrix(manifests, opts, ctx)));
};

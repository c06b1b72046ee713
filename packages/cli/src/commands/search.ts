/** `calico-dsl search <manifests…> --verdict allow [--protocol …] [--src …] [--dst …] [--port …]`. */
import type { FlowSpace } from '@calico-dsl/analysis';

type PortRange = NonNullable<FlowSpace['dstPort']>[number];

import { PROTOCOL_NAMES, PROTOCOL_NUMBERS, protocolSupportsPorts } from '@calico-dsl/core';
import { formatFlow, type Verdict } from '@calico-dsl/evaluator';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import { loadWorld } from '../evaluation.js';
import { addInputOptions, type InputOptions } from '../inputs.js';
import { missingInputs } from '../manifests.js';
import { writeJson } from '../output/json.js';
import { reportIssues } from '../report-issues.js';
import { verdictOption } from '../verdict-option.js';
import type { Register } from './register.js';

/**
 * Options of `search`.
 *
 * @example
 * ```ts
 * const o: SearchOptions = { verdict: 'allow', src: ['0.0.0.0/0'], dst: ['10.1.1.7'], port: ['5432'] };
 * ```
 */
export interface SearchOptions extends InputOptions {
  readonly verdict: 'allow' | 'deny' | 'mixed';
  readonly protocol?: string[];
  readonly src?: string[];
  readonly dst?: string[];
  readonly port?: string[];
  readonly srcPort?: string[];
  /** Also flows from outside that enter by another interface than their address routes them to. */
  readonly via?: boolean;
}

const VERDICT: Record<SearchOptions['verdict'], Verdict> = { allow: 'Allow', deny: 'Deny', mixed: 'Mixed' };

/** `80` or `30000-32767` (or `:`), as the space's port ranges; `undefined` entries are reported by the space. */
function ports(list: readonly string[] | undefined): PortRange[] | undefined {
  return list?.flatMap((x) =>
    x.split(',').map((p): PortRange => {
      const m = /^(\d+)[-:](\d+)$/.exec(p.trim());
      return m ? [Number(m[1]), Number(m[2])] : Number(p);
    }),
  );
}

/** The protocols whose packets carry ports (Calico's `SupportsPorts`, the evaluator's `hasPorts`). */
const PORTED = PROTOCOL_NAMES.filter((n) => protocolSupportsPorts(n));
const PORTED_TEXT = `${PORTED.slice(0, -1).join(', ')} and ${PORTED.at(-1)}`.toLowerCase();

/** A protocol as a person types it (any case, or 1–255); `undefined` leaves it to the space's check. */
function protocolNumberOf(p: string): number | undefined {
  if (/^\d{1,3}$/.test(p)) return Number(p);
  const name = PROTOCOL_NAMES.find((n) => n.toLowerCase() === p.toLowerCase());
  return name === undefined ? undefined : PROTOCOL_NUMBERS[name];
}

/**
 * The space's protocols: with `--port` or `--src-port`, only protocols that have ports (the
 * default then, and a port-less one named with them is an error message); else as given.
 *
 * @example
 * ```ts
 * searchProtocols({ verdict: 'allow', port: ['80'] }); // ['TCP', 'UDP', 'SCTP']
 * searchProtocols({ verdict: 'allow', port: ['80'], protocol: ['icmp'] }); // 'icmp has no ports: …'
 * ```
 */
export function searchProtocols(opts: SearchOptions): { protocols: string[] | undefined } | string {
  const given = opts.protocol?.flatMap((p) => p.split(','));
  const option = opts.port !== undefined ? '--port' : opts.srcPort !== undefined ? '--src-port' : undefined;
  // Without a port option every protocol is in the space; with one, ICMP would be a "witness"
  // that has no port at all.
  if (option === undefined) return { protocols: given };
  if (given === undefined) return { protocols: [...PORTED] };
  const portless = given.filter((p) => {
    const n = protocolNumberOf(p);
    return n !== undefined && n >= 1 && n <= 255 && !protocolSupportsPorts(n);
  });
  if (portless.length === 0) return { protocols: given };
  return `${portless.join(', ')} ${portless.length === 1 ? 'has' : 'have'} no ports: drop ${option} or the protocol (ports are for ${PORTED_TEXT})`;
}

/**
 * Searches for a flow with the verdict; exit 1 when one exists (a finding), 0 when none does.
 *
 * @example
 * ```ts
 * await runSearch(['cluster.yaml'], { verdict: 'allow', dst: ['10.1.1.7'], port: ['5432'] }, ctx);
 * ```
 */
export async function runSearch(
  manifests: readonly string[],
  opts: SearchOptions,
  ctx: CommandContext,
): Promise<ExitCode> {
  const usage = missingInputs('search', manifests, opts, ctx.io);
  if (usage !== undefined) return usage;
  const protocols = searchProtocols(opts);
  if (typeof protocols === 'string') {
    ctx.io.stderr.write(`error: ${protocols}\n`);
    return EXIT.usage;
  }
  const { world, issues } = await loadWorld(manifests, ctx, undefined, opts);
  if (world === undefined) return reportIssues(issues, ctx);
  const space: FlowSpace = {
    ...(protocols.protocols ? { protocol: protocols.protocols } : {}),
    ...(opts.src ? { srcIp: opts.src.flatMap((p) => p.split(',')) } : {}),
    ...(opts.dst ? { dstIp: opts.dst.flatMap((p) => p.split(',')) } : {}),
    ...(opts.port ? { dstPort: ports(opts.port) } : {}),
    ...(opts.srcPort ? { srcPort: ports(opts.srcPort) } : {}),
  } as FlowSpace;
  // Loaded on use: other commands start without the analysis package.
  const { AnalysisInputError, analyze } = await import('@calico-dsl/analysis');
  let result: ReturnType<ReturnType<typeof analyze>['search']>;
  try {
    // Pings of every ICMP type the rules name are flows of the space too.
    result = analyze(world).search(space, VERDICT[opts.verdict], { icmpTypes: true, via: opts.via === true });
  } catch (error) {
    if (!(error instanceof AnalysisInputError)) throw error;
    ctx.io.stderr.write(
      `error: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\n`,
    );
    return EXIT.usage;
  }
  if (ctx.json) writeJson(ctx.io.stdout, { ok: true, ...result });
  else if (result.found) {
    const r = world.evaluate(result.witness);
    ctx.io.stdout.write(`found: ${formatFlow(result.witness)} gets ${r.verdict}\n${r.explain()}\n`);
  } else {
    const routedOnly = opts.via !== true && world.model.hostEndpoints.length > 0;
    const scope = routedOnly
      ? 'proved over every flow routed by its addresses; --via adds those entering by another interface'
      : 'proved over every flow';
    ctx.io.stdout.write(`none: no flow of the space gets ${VERDICT[opts.verdict]} (${scope})\n`);
  }
  return result.found ? EXIT.finding : EXIT.ok;
}

/**
 * Adds `search` to the program.
 *
 * @example
 * ```ts
 * registerSearch(program, run);
 * ```
 */
export const registerSearch: Register = (program, run) => {
  addInputOptions(program.command('search'))
    .description('Is there any flow in this space with this verdict? A witness, or a proof that none exists')
    .argument('[manifests...]', 'world and policy manifests (or -f <file|dir|-> and -R)')
    .addOption(verdictOption('--verdict <verdict>', 'verdict to look for (any case)').default('allow'))
    .option(
      '--protocol <list...>',
      'protocols (tcp, udp, …; default: any, or tcp, udp and sctp with a port option)',
    )
    .option('--src <cidrs...>', 'source CIDRs (default: any)')
    .option('--dst <cidrs...>', 'destination CIDRs (default: any)')
    .option('--port <ports...>', 'destination ports or ranges like 30000-32767 (default: any)')
    .option('--src-port <ports...>', 'source ports or ranges (default: any)')
    .option(
      '--via',
      'also flows from outside that enter by another interface than their address routes them to (host endpoints)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl search cluster.yaml policies/*.yaml --verdict allow --src 0.0.0.0/0 --dst 10.1.1.7 --port 5432

Exit status: 1 when such a flow exists (it is printed with its trace), 0 when none does.`,
    )
    .action(run(([manifests]: [string[]], opts: SearchOptions, ctx) => runSearch(manifests, opts, ctx)));
};

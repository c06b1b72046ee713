/**
 * Flows that leave out `srcPort` (TCP, UDP, SCTP) in a world whose rules read it. Every real
 * packet has one, so such a flow's verdict is the one every source port gets, and `Mixed` when
 * ports disagree. These are the ports worth trying: one per stretch of ports no rule (nor a
 * raw-table failsafe match) tells apart. A world that never reads the source port has none, and
 * the flow is evaluated as it is. (ICMP flows without a type stay packets of no type, with a
 * note when the rules name types: `typeless-icmp.ts`.)
 */
import { hasPorts } from '../net/protocol.js';
import type { PortSetModel, WorldModel } from '../world/model.js';
import { worldRules } from '../world/rules.js';

/** A source port to try, and the stretch of ports that gets the same verdict as it. */
export interface SourcePortValue {
  readonly port: number;
  readonly from: number;
  readonly to: number;
}

/** Linux's first ephemeral port: the port tried for a stretch that holds it. */
const EPHEMERAL = 32768;

/**
 * The source ports to try in a world (`undefined`: nothing reads the source port).
 *
 * @example
 * ```ts
 * // world: one GlobalNetworkPolicy denying TCP from source ports 1024:65535
 * sourcePortsToTry(world.model)?.map((v) => `${v.from}-${v.to}`); // ['0-1023', '1024-65535']
 * sourcePortsToTry(World.from([]).model); // undefined
 * ```
 */
export function sourcePortsToTry(world: WorldModel): readonly SourcePortValue[] | undefined {
  const untracked = world.policies.some((p) => p.doNotTrack);
  const cuts = new Set<number>();
  let named = false;
  let read = false;
  const add = (set: PortSetModel | undefined) => {
    if (set === undefined) return;
    read = true;
    for (const r of set.ranges) cuts.add(r.min).add(r.max + 1);
    if (set.names.length > 0) named = true;
  };
  for (const r of worldRules(world)) {
    add(r.source.ports);
    add(r.source.notPorts);
    // The reply leg of an untracked flow is matched on its destination port: the source port.
    if (untracked) {
      add(r.destination.ports);
      add(r.destination.notPorts);
    }
  }
  if (named)
    for (const e of [...world.workloads, ...world.hostEndpoints])
      for (const p of e.ports) cuts.add(p.port).add(p.port + 1);
  // The raw table's failsafe matches read the source port when untracked policy exists.
  if (untracked) {
    read = true;
    for (const f of [...world.failsafeInbound, ...world.failsafeOutbound]) cuts.add(f.port).add(f.port + 1);
  }
  // (A rule on every port still reads it: one stretch, 0-65535.)
  if (!read) return undefined;
  const starts = [0, ...[...cuts].filter((c) => c > 0 && c <= 65535).sort((a, b) => a - b)];
  return starts.map((from, i): SourcePortValue => {
    const to = (starts[i + 1] ?? 65536) - 1;
    return { port: Math.min(Math.max(EPHEMERAL, from), to), from, to };
  });
}

/**
 * Whether a packet leaves out the source port that `ports` (a world's {@link sourcePortsToTry})
 * says the rules read.
 *
 * @example
 * ```ts
 * leavesOutSourcePort(ports, { protocol: 6, srcPort: undefined }); // true when ports is defined
 * ```
 */
export function leavesOutSourcePort(
  ports: readonly SourcePortValue[] | undefined,
  packet: { readonly protocol: number; readonly srcPort: number | undefined },
): ports is readonly SourcePortValue[] {
  return ports !== undefined && packet.srcPort === undefined && hasPorts(packet.protocol);
}

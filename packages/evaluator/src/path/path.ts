/**
 * The packet path: which Felix chains a packet crosses, in which order, and with which addresses
 * (calico-semantics.md §3.3, §4.4–§4.8, §5). A pure function of (engine, packet, flow).
 */
import type { Engine } from '../engine.js';
import type { Packet } from '../match/packet.js';
import { cidrContains, type Ip, ipKey } from '../net/ip.js';
import { protocolName } from '../net/protocol.js';
import type { Decision, EndpointRef, PathResult, TraceStep, UnsupportedUse } from '../result/types.js';
import type {
  BackendModel,
  FailsafePortModel,
  HostEndpointModel,
  WorkloadEndpointModel,
  WorldModel,
} from '../world/model.js';
import type { Flow } from './flow.js';
import { egressHep, hepForInterface, hepOwningIp, vipEntryHep, wildcardHep } from './host-endpoints.js';
import { endpointRef, type PathDraft, PathRecorder } from './recorder.js';
import {
  backendsFor,
  classify,
  type Destination,
  type Frontend,
  findFrontend,
  nodeAddress,
  workloadOwning,
} from './targets.js';

/** All paths of one flow (as drafts: the public `PathResult`s are built when read). */
export interface PathSet {
  readonly paths: PathDraft[];
  readonly unsupported: UnsupportedUse[];
}

interface Entry {
  readonly node: string | undefined;
  readonly hep: HostEndpointModel | undefined;
}

interface Target {
  readonly destination: Destination;
  readonly packet: Packet;
  readonly backend: BackendModel | undefined;
}

const ALLOW_UNPOLICED = 'not policed by Calico';

function failsafeHit(
  list: readonly FailsafePortModel[],
  protocol: number,
  port: number | undefined,
  remote: Ip,
): boolean {
  if (port === undefined) return false;
  return list.some(
    (f) => f.protocol === protocol && f.port === port && (f.net === undefined || cidrContains(f.net, remote)),
  );
}

function hostRef(node: string | undefined): EndpointRef {
  return { kind: 'Host', name: node ?? 'unknown node', ...(node !== undefined ? { node } : {}) };
}

function pickDecision(decisions: readonly (Decision | undefined)[]): Decision {
  // The last decision made by a policy (not a profile), else the last decision at all.
  let last: Decision | undefined;
  for (let i = decisions.length - 1; i >= 0; i--) {
    const d = decisions[i];
    if (d === undefined) continue;
    if (d.policy && d.policy.kind !== 'Profile') return d;
    last ??= d;
  }
  return last ?? { stage: 'exit', reason: 'no stage decided' };
}

function backendRef(b: BackendModel): PathResult['backend'] {
  return { ...endpointRef(b.endpoint), ip: b.ip.text, port: b.port };
}

/** Post-DNAT targets of a packet: each backend of a service frontend, or the destination itself. */
function targetsOf(
  world: WorldModel,
  pkt: Packet,
  frontend: Frontend | undefined,
  entryNode: string | undefined,
): Target[] {
  if (!frontend) return [{ destination: classify(world, pkt.dst), packet: pkt, backend: undefined }];
  // A v4 frontend only DNATs to v4 backends (dual-stack pods have one address per family).
  const backends = backendsFor(frontend, entryNode).filter((b) => b.ip.version === pkt.dst.version);
  return backends.map((b) => ({
    destination: { kind: 'workload', wep: b.endpoint } as const,
    packet: { ...pkt, dst: b.ip, dstPort: b.port },
    backend: b,
  }));
}

function describeFrontend(f: Frontend, pkt: Packet): string {
  const s = f.servicePort.service;
  return `kube-proxy DNAT: ${pkt.dst.text}:${pkt.dstPort} (${f.kind} of service ${s.namespace}/${s.name})`;
}

function noteDnat(rec: PathRecorder, frontend: Frontend, pkt: Packet, post: Packet): void {
  rec.note('dnat', 'nat', `${describeFrontend(frontend, pkt)} → ${post.dst.text}:${post.dstPort}`);
}

class PathTracer {
  // Assigned in the constructor (no field initialisers: they cost a call per flow when cold).
  readonly paths: PathDraft[];
  readonly unsupported: UnsupportedUse[];
  readonly #engine: Engine;
  readonly #world: WorldModel;

  constructor(engine: Engine) {
    this.paths = [];
    this.unsupported = [];
    this.#engine = engine;
    this.#world = engine.world;
  }

  #recorder(): PathRecorder {
    return new PathRecorder(this.#engine, this.paths.length, this.unsupported);
  }

  #finish(
    rec: PathRecorder,
    verdict: 'Allow' | 'Deny',
    decisions: readonly (Decision | undefined)[],
    entry?: EndpointRef,
    backend?: BackendModel,
  ): void {
    const decidedBy =
      verdict === 'Deny'
        ? (decisions[decisions.length - 1] ?? pickDecision(decisions))
        : pickDecision(decisions);
    this.paths.push(rec.done(verdict, decidedBy, entry, backend ? backendRef(backend) : undefined));
  }

  /** §4.8 "pod → …": workload egress first (post-DNAT destination, §5), then the destination side. */
  fromWorkload(src: WorkloadEndpointModel, pkt: Packet): void {
    const frontend = findFrontend(this.#world, pkt);
    if (!frontend) {
      // No DNAT: one path, to the destination itself (no target list to build).
      this.#workloadPath(src, classify(this.#world, pkt.dst), pkt, undefined, undefined);
      return;
    }
    // In-cluster sources reach every backend (kube-proxy's externalTrafficPolicy is for external traffic).
    const targets = targetsOf(this.#world, pkt, frontend, undefined);
    if (targets.length === 0) {
      this.#noBackends(frontend, pkt, endpointRef(src));
      return;
    }
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i] as Target;
      this.#workloadPath(src, t.destination, t.packet, t.backend, { frontend, original: pkt });
    }
  }

  /** One path of a pod-originated packet: workload egress, then the destination side. */
  #workloadPath(
    src: WorkloadEndpointModel,
    d: Destination,
    packet: Packet,
    backend: BackendModel | undefined,
    dnat: { readonly frontend: Frontend; readonly original: Packet } | undefined,
  ): void {
    const rec = this.#recorder();
    const decisions: (Decision | undefined)[] = [];
    if (dnat) noteDnat(rec, dnat.frontend, dnat.original, packet);
    const eg = rec.chain('workloadEgress', src, 'normal', 'egress', packet);
    decisions.push(eg.decision);
    if (eg.verdict !== 'allow') {
      this.#finish(rec, 'Deny', decisions, endpointRef(src), backend);
      return;
    }
    if (d.kind === 'workload') {
      const ing = rec.chain('workloadIngress', d.wep, 'normal', 'ingress', packet);
      decisions.push(ing.decision);
      this.#finish(rec, ing.verdict === 'allow' ? 'Allow' : 'Deny', decisions, endpointRef(src), backend);
    } else this.#workloadToElsewhere(rec, decisions, src, d, packet);
  }

  /** Workload egress allowed a packet that is not for a pod: its host, another host, or outside. */
  #workloadToElsewhere(
    rec: PathRecorder,
    decisions: (Decision | undefined)[],
    src: WorkloadEndpointModel,
    d: Destination,
    pkt: Packet,
  ): void {
    if (d.kind === 'host' && d.node === src.node) {
      // §4.7: workload → own host: DefaultEndpointToHostAction; HEP policy is not consulted.
      const action = this.#world.endpointToHostAction;
      const allow = action !== 'Drop';
      const reason = `DefaultEndpointToHostAction ${action}${action === 'Return' ? ' (handed to the host INPUT chain; not policed by Calico)' : ''} (§4.7)`;
      rec.note('endpointToHost', allow ? 'allow' : 'deny', reason, hostRef(d.node));
      decisions.push({ stage: 'endpointToHost', reason });
      this.#finish(rec, allow ? 'Allow' : 'Deny', decisions, endpointRef(src));
    } else if (d.kind === 'host') {
      this.#intoHost(rec, decisions, pkt, d.node, undefined, endpointRef(src));
    } else {
      // §4.8 "local pod → external via B": AoF egress of the outgoing HEP.
      const hep = src.node === undefined ? undefined : egressHep(this.#world, src.node);
      if (hep) {
        const fw = rec.chain('forward', hep, 'forward', 'egress', pkt);
        decisions.push(fw.decision);
        if (fw.verdict === 'deny') {
          this.#finish(rec, 'Deny', decisions, endpointRef(src));
          return;
        }
      }
      this.#exit(rec, decisions, endpointRef(src));
    }
  }

  /** Host process → somewhere (§4.8 "host process → external via HEP B", §3.3, §5). */
  fromHost(node: string, pkt: Packet): void {
    const frontend = findFrontend(this.#world, pkt);
    const targets = targetsOf(this.#world, pkt, frontend, undefined);
    const entry = hostRef(node);
    if (frontend && targets.length === 0) {
      this.#noBackends(frontend, pkt, entry);
      return;
    }
    for (const t of targets) {
      const rec = this.#recorder();
      const decisions: (Decision | undefined)[] = [];
      if (frontend)
        rec.note(
          'dnat',
          'nat',
          `${describeFrontend(frontend, pkt)} → ${t.packet.dst.text}:${t.packet.dstPort}`,
        );
      const d = t.destination;
      if (d.kind === 'workload' && d.wep.node === node) {
        const reason =
          'host → local workload is always allowed; workload ingress policy is not applied (§3.3)';
        rec.note('hostToWorkload', 'allow', reason, endpointRef(d.wep));
        this.#finish(rec, 'Allow', [{ stage: 'hostToWorkload', reason }], entry, t.backend);
        continue;
      }
      if (d.kind === 'host' && d.node === node) {
        const reason = 'traffic stays inside the host';
        rec.note('exit', 'allow', reason, entry);
        this.#finish(rec, 'Allow', [{ stage: 'exit', reason }], entry);
        continue;
      }
      const hep = egressHep(this.#world, node, pkt.src);
      if (!this.#hostEgress(rec, decisions, hep, pkt, t.packet, node)) {
        this.#finish(rec, 'Deny', decisions, entry, t.backend);
        continue;
      }
      if (d.kind === 'workload') {
        const ing = rec.chain('workloadIngress', d.wep, 'normal', 'ingress', t.packet);
        decisions.push(ing.decision);
        this.#finish(rec, ing.verdict === 'allow' ? 'Allow' : 'Deny', decisions, entry, t.backend);
      } else if (d.kind === 'host') {
        this.#intoHost(rec, decisions, t.packet, d.node, undefined, entry);
      } else this.#exit(rec, decisions, entry);
    }
  }

  /** Outbound HEP stages; returns false when the packet is dropped. */
  #hostEgress(
    rec: PathRecorder,
    decisions: (Decision | undefined)[],
    hep: HostEndpointModel | undefined,
    original: Packet,
    pkt: Packet,
    node: string,
  ): boolean {
    if (!hep) {
      rec.note(
        'hostEgress',
        'default-allow',
        `no host endpoint governs the outgoing interface: ${ALLOW_UNPOLICED} (§4.1)`,
        hostRef(node),
      );
      return true;
    }
    const ep = endpointRef(hep);
    // §4.6: outbound failsafe (destination port; `net` restricts the destination).
    if (failsafeHit(this.#world.failsafeOutbound, original.protocol, original.dstPort, original.dst)) {
      const reason = `outbound failsafe ${protocolName(original.protocol)}:${original.dstPort} (§4.6)`;
      rec.note('failsafe', 'allow', reason, ep);
      decisions.push({ stage: 'failsafe', reason });
      return true;
    }
    if (!this.#rawReplyFailsafe(rec, hep, original, 'egress')) {
      const un = rec.chain('untracked', hep, 'untracked', 'egress', original);
      decisions.push(un.decision);
      if (un.verdict === 'deny') return false;
      if (un.verdict === 'allow') return true;
    }
    // §5: host-originated DNAT'd traffic is matched with the post-DNAT destination.
    const eg = rec.chain('hostEgress', hep, 'normal', 'egress', pkt);
    decisions.push(eg.decision);
    return eg.verdict === 'allow';
  }

  /** Host-bound traffic arriving through a HEP (§4.8 "external → host process via HEP A"). */
  #intoHost(
    rec: PathRecorder,
    decisions: (Decision | undefined)[],
    pkt: Packet,
    node: string,
    pinned: HostEndpointModel | null | undefined,
    entryRef: EndpointRef,
  ): void {
    const hep =
      pinned === null
        ? undefined
        : (pinned ?? hepOwningIp(this.#world, pkt.dst, node) ?? wildcardHep(this.#world, node));
    const entry = hep ? endpointRef(hep) : entryRef;
    if (!hep) {
      const reason = `no host endpoint governs the interface on ${node}: ${ALLOW_UNPOLICED} (§4.1, §12.42)`;
      rec.note('hostIngress', 'default-allow', reason, hostRef(node));
      decisions.push({ stage: 'hostIngress', reason });
      this.#finish(rec, 'Allow', decisions, entry);
      return;
    }
    const ep = endpointRef(hep);
    if (failsafeHit(this.#world.failsafeInbound, pkt.protocol, pkt.dstPort, pkt.src)) {
      const reason = `inbound failsafe ${protocolName(pkt.protocol)}:${pkt.dstPort}: accepted before any policy (§4.6)`;
      rec.note('failsafe', 'allow', reason, ep);
      decisions.push({ stage: 'failsafe', reason });
      this.#finish(rec, 'Allow', decisions, entry);
      return;
    }
    for (const [stage, chain] of [
      ['untracked', 'untracked'],
      ['preDnat', 'preDnat'],
    ] as const) {
      if (stage === 'untracked' && this.#rawReplyFailsafe(rec, hep, pkt, 'ingress')) continue;
      const out = rec.chain(stage, hep, chain, 'ingress', pkt);
      decisions.push(out.decision);
      if (out.verdict === 'deny') {
        this.#finish(rec, 'Deny', decisions, entry);
        return;
      }
      if (out.verdict === 'allow') {
        // §4.4: an untracked/pre-DNAT Allow accepts host-bound traffic; normal policy is skipped.
        rec.note(
          'hostIngress',
          'continue',
          `skipped: already accepted by ${stage === 'preDnat' ? 'pre-DNAT' : 'untracked'} policy (§4.4)`,
          ep,
        );
        this.#finish(rec, 'Allow', decisions, entry);
        return;
      }
    }
    const ing = rec.chain('hostIngress', hep, 'normal', 'ingress', pkt);
    decisions.push(ing.decision);
    this.#finish(rec, ing.verdict === 'allow' ? 'Allow' : 'Deny', decisions, entry);
  }

  /** Traffic from outside the cluster model (§4.8 "external → …", §5). */
  fromExternal(pkt: Packet, via: Flow['via']): void {
    const world = this.#world;
    const frontend = findFrontend(world, pkt);
    const dest = classify(world, pkt.dst);
    if (!frontend && dest.kind === 'host') {
      const node = via?.node ?? dest.node;
      const pinned =
        via?.interface !== undefined ? (hepForInterface(world, node, via.interface) ?? null) : undefined;
      this.#intoHost(this.#recorder(), [], pkt, node, pinned, hostRef(node));
      return;
    }
    if (!frontend && dest.kind === 'external') {
      const rec = this.#recorder();
      const reason = 'neither source nor destination is in the cluster model';
      rec.note('exit', 'allow', reason);
      this.#finish(rec, 'Allow', [{ stage: 'exit', reason }]);
      return;
    }
    for (const entry of this.#entries(pkt, frontend, dest, via)) {
      const targets = targetsOf(world, pkt, frontend, entry.node);
      const entryRef = entry.hep ? endpointRef(entry.hep) : hostRef(entry.node);
      if (frontend && targets.length === 0) {
        this.#noBackends(frontend, pkt, entryRef, entry.node);
        continue;
      }
      const pre = this.#recorder();
      const preDecisions: (Decision | undefined)[] = [];
      const gate = this.#entryGate(pre, preDecisions, entry, entryRef, pkt);
      if (gate === 'deny') {
        // Dropped before kube-proxy picks a backend: one path for this entry.
        this.#finish(pre, 'Deny', preDecisions, entryRef);
        continue;
      }
      const shared = { steps: pre.snapshot(), decisions: preDecisions, accepted: gate === 'accepted' };
      for (const t of targets) this.#forwardIn(entry, entryRef, pkt, t, frontend, shared);
    }
  }

  /** Entry points: `via`, else the HEP owning dstIp, else every node a VIP can land on. */
  #entries(pkt: Packet, frontend: Frontend | undefined, dest: Destination, via: Flow['via']): Entry[] {
    const world = this.#world;
    if (via) {
      const viaNode = world.nodes.get(via.node);
      const hep =
        via.interface !== undefined
          ? hepForInterface(world, via.node, via.interface)
          : (hepOwningIp(world, pkt.dst, via.node) ??
            (viaNode ? vipEntryHep(world, viaNode) : wildcardHep(world, via.node)));
      return [{ node: via.node, hep }];
    }
    const dstNode = world.nodeByIp.get(ipKey(pkt.dst));
    if (dstNode !== undefined) {
      return [{ node: dstNode, hep: hepOwningIp(world, pkt.dst, dstNode) ?? wildcardHep(world, dstNode) }];
    }
    if (!frontend) {
      // Routed straight to a pod IP: it arrives on the pod's node through an unknown interface.
      const node = dest.kind === 'workload' ? dest.wep.node : undefined;
      return [{ node, hep: node === undefined ? undefined : wildcardHep(world, node) }];
    }
    let nodes = [...world.nodes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (nodes.some((n) => n.externalIPs.length > 0)) nodes = nodes.filter((n) => n.externalIPs.length > 0);
    if (frontend.kind !== 'clusterIP' && frontend.servicePort.externalTrafficPolicy === 'Local') {
      // Load balancers only send to nodes with a local backend (health checks).
      const local = nodes.filter((n) =>
        frontend.servicePort.backends.some((b) => b.endpoint.node === n.name),
      );
      if (local.length > 0) nodes = local;
    }
    if (nodes.length === 0) return [{ node: undefined, hep: undefined }];
    return nodes.map((n) => ({ node: n.name, hep: vipEntryHep(world, n) }));
  }

  /** §4.8 "external → local pod via A" (+ kube-proxy DNAT/SNAT, §5). */
  /** Entry stages before DNAT (failsafe, untracked, pre-DNAT) — the same for every backend. */
  #entryGate(
    rec: PathRecorder,
    decisions: (Decision | undefined)[],
    entry: Entry,
    entryRef: EndpointRef,
    pkt: Packet,
  ): 'deny' | 'accepted' | 'continue' {
    const hep = entry.hep;
    if (!hep) {
      rec.note(
        'preDnat',
        'continue',
        `entry interface has no host endpoint: ${ALLOW_UNPOLICED} on entry (§4.1)`,
        entryRef,
      );
      return 'continue';
    }
    if (failsafeHit(this.#world.failsafeInbound, pkt.protocol, pkt.dstPort, pkt.src)) {
      // §4.6: in raw/mangle a failsafe only ends that table; forwarded traffic is still policed.
      rec.note(
        'failsafe',
        'continue',
        'inbound failsafe port: untracked and pre-DNAT policy bypassed; forwarded traffic is still policed (§4.6)',
        endpointRef(hep),
      );
      return 'continue';
    }
    for (const [stage, chain] of [
      ['untracked', 'untracked'],
      ['preDnat', 'preDnat'],
    ] as const) {
      if (stage === 'untracked' && this.#rawReplyFailsafe(rec, hep, pkt, 'ingress')) continue;
      const out = rec.chain(stage, hep, chain, 'ingress', pkt);
      decisions.push(out.decision);
      if (out.verdict === 'deny') return 'deny';
      if (out.verdict === 'allow') return 'accepted';
    }
    return 'continue';
  }

  /** §4.8 "external → local pod via A" after the entry gate (+ kube-proxy DNAT/SNAT, §5). */
  #forwardIn(
    entry: Entry,
    entryRef: EndpointRef,
    pkt: Packet,
    t: Target,
    frontend: Frontend | undefined,
    gate: {
      readonly steps: () => readonly TraceStep[];
      readonly decisions: readonly (Decision | undefined)[];
      readonly accepted: boolean;
    },
  ): void {
    const rec = this.#recorder();
    rec.replay(gate.steps);
    const decisions: (Decision | undefined)[] = [...gate.decisions];
    const hep = entry.hep;
    const accepted = gate.accepted;
    let packet = t.packet;
    if (frontend && t.backend) {
      rec.note('dnat', 'nat', `${describeFrontend(frontend, pkt)} → ${packet.dst.text}:${packet.dstPort}`);
      const sp = frontend.servicePort;
      const remote = entry.node !== undefined && t.backend.endpoint.node !== entry.node;
      if (remote && (frontend.kind === 'clusterIP' || sp.externalTrafficPolicy === 'Cluster')) {
        // §5, §12.88: kube-proxy SNATs to the ingress node when the backend is elsewhere.
        const addr = nodeAddress(this.#world, entry.node as string, packet.src.version);
        if (addr) {
          packet = { ...packet, src: addr };
          rec.note(
            'snat',
            'nat',
            `kube-proxy SNAT: backend on ${t.backend.endpoint.node ?? 'another node'}, externalTrafficPolicy ${sp.externalTrafficPolicy}: source becomes ${addr.text} (node ${entry.node}) (§5)`,
          );
        }
      }
    }
    if (hep) {
      if (accepted)
        rec.note(
          'forward',
          'continue',
          'skipped: accepted by untracked/pre-DNAT policy (§4.4)',
          endpointRef(hep),
        );
      else {
        const fw = rec.chain('forward', hep, 'forward', 'ingress', packet);
        decisions.push(fw.decision);
        if (fw.verdict === 'deny') {
          this.#finish(rec, 'Deny', decisions, entryRef, t.backend);
          return;
        }
      }
    }
    const d = t.destination;
    if (d.kind === 'workload') {
      const ing = rec.chain('workloadIngress', d.wep, 'normal', 'ingress', packet);
      decisions.push(ing.decision);
      this.#finish(rec, ing.verdict === 'allow' ? 'Allow' : 'Deny', decisions, entryRef, t.backend);
      return;
    }
    this.#exit(rec, decisions, entryRef);
  }

  /**
   * §4.6 raw table: the inbound failsafe chain also accepts packets whose *source* port is an
   * outbound failsafe port (replies), and vice versa, so untracked policy never sees them.
   */
  #rawReplyFailsafe(
    rec: PathRecorder,
    hep: HostEndpointModel,
    pkt: Packet,
    direction: 'ingress' | 'egress',
  ): boolean {
    const list = direction === 'ingress' ? this.#world.failsafeOutbound : this.#world.failsafeInbound;
    const remote = direction === 'ingress' ? pkt.src : pkt.dst;
    if (!failsafeHit(list, pkt.protocol, pkt.srcPort, remote)) return false;
    rec.note(
      'failsafe',
      'continue',
      `source port ${protocolName(pkt.protocol)}:${pkt.srcPort} is an ${direction === 'ingress' ? 'outbound' : 'inbound'} failsafe port: untracked policy bypassed in the raw table (§4.6)`,
      endpointRef(hep),
    );
    return true;
  }

  #exit(rec: PathRecorder, decisions: (Decision | undefined)[], entry: EndpointRef | undefined): void {
    const reason = 'destination is outside the cluster model: allowed once the source side allows';
    rec.note('exit', 'allow', reason, { kind: 'External', name: 'outside' });
    // Leaving the model is not a decision: the source side's verdict is what allowed it.
    if (!decisions.some((d) => d !== undefined)) decisions.push({ stage: 'exit', reason });
    this.#finish(rec, 'Allow', decisions, entry);
  }

  #noBackends(frontend: Frontend, pkt: Packet, entry: EndpointRef, node?: string): void {
    const rec = this.#recorder();
    const s = frontend.servicePort.service;
    const local =
      frontend.kind !== 'clusterIP' &&
      frontend.servicePort.externalTrafficPolicy === 'Local' &&
      node !== undefined;
    const reason = local
      ? `service ${s.namespace}/${s.name} has externalTrafficPolicy Local and no backend on ${node}: kube-proxy drops (§5)`
      : `service ${s.namespace}/${s.name} has no ready backend for ${pkt.dst.text}:${pkt.dstPort}: kube-proxy rejects`;
    rec.note('dnat', 'deny', reason, entry);
    this.#finish(rec, 'Deny', [{ stage: 'dnat', reason }], entry);
  }
}

/**
 * Follows one flow through Felix and kube-proxy and returns every path it can take.
 *
 * @example
 * ```ts
 * const { paths } = tracePaths(engine, packet, flow);
 * paths.map((p) => p.verdict);
 * ```
 */
export function tracePaths(engine: Engine, pkt: Packet, flow: Flow): PathSet {
  const tracer = new PathTracer(engine);
  const world = engine.world;
  const srcWep = workloadOwning(world, pkt.src);
  if (srcWep) tracer.fromWorkload(srcWep, pkt);
  else {
    const srcNode = world.nodeByIp.get(ipKey(pkt.src));
    if (srcNode !== undefined) tracer.fromHost(srcNode, pkt);
    else tracer.fromExternal(pkt, flow.via);
  }
  return { paths: tracer.paths, unsupported: tracer.unsupported };
}

/**
 * The one interpreter of {@link PathPlan}s: runs a plan's hooks for a packet and gives the path
 * verdict; its sink records the trace (`trace.ts`) or nothing ({@link verdictOfPlans}). It knows
 * no origin or destination: everything it needs is in the hooks (packet view, accept-mark guard,
 * what allow / deny / no verdict mean).
 */

import type { Engine } from '../engine.js';
import type { Packet } from '../match/packet.js';
import { cidrContains } from '../net/ip.js';
import { protocolName } from '../net/protocol.js';
import type { Decision, EndpointRef, Stage, StepAction } from '../result/types.js';
import type { BackendModel, EndpointModel, FailsafePortModel, WorldModel } from '../world/model.js';
import {
  CONNTRACK_ACCEPTS,
  conntrackAccepts,
  firstPacketInvalid,
  firstPacketInvalidReason,
  icmpReplyType,
  invalidDrop,
  invalidReplyReason,
  nodeKey,
  replyInvalid,
  untrackedSnatReason,
} from './conntrack.js';
import { boundEndpoint, decisionOfPath } from './decided-by.js';
import { dnatRefusal } from './dnat-refusal.js';
import { encapDropOf } from './encap.js';
import type { ChainHook, DnatHook, FailsafeHook, Hook, PacketView, PathPlan, RoleBinding } from './hooks.js';
import { hostStaticRuleOf } from './host-static.js';
import { endpointRef, hostRef } from './recorder.js';
import { serviceLoopDrops } from './service-loop.js';
import { snatRuleOf } from './snat.js';
import { frontendLabel } from './targets.js';
import type { Topology } from './topology.js';

/** Where the interpreter sends chains and notes: a trace recorder, or verdicts only. */
export interface Sink {
  /** Runs a chain; a recording sink pushes the chain's decision (or undefined) onto `decisions`. */
  chain(
    hook: ChainHook,
    endpoint: EndpointModel,
    packet: Packet,
    decisions: (Decision | undefined)[] | undefined,
  ): 'allow' | 'deny' | 'none';
  note(stage: Stage, action: StepAction, reason: string, endpoint?: EndpointRef): void;
}

const SKIPPED = 'skipped: already accepted by untracked/pre-DNAT policy (§4.4)';
const UNTRACKED_REPLY =
  'untracked (doNotTrack) Allow: the connection is not tracked, so its reply must be allowed on its own (§4.4); reply leg';

/** What a path no stage decided is attributed to. */
export const NO_DECISION: Decision = { stage: 'exit', reason: 'no stage decided' };

function packetText(p: Packet): string {
  const port = (n: number | undefined) => (n === undefined ? '' : `:${n}`);
  return `${protocolName(p.protocol)} ${p.src.text}${port(p.srcPort)} → ${p.dst.text}${port(p.dstPort)}`;
}

function failsafeHit(
  list: readonly FailsafePortModel[],
  protocol: number,
  port: number | undefined,
  remote: Packet['dst'],
): boolean {
  if (port === undefined) return false;
  for (let i = 0; i < list.length; i++) {
    const f = list[i] as FailsafePortModel;
    if (f.protocol === protocol && f.port === port && (f.net === undefined || cidrContains(f.net, remote)))
      return true;
  }
  return false;
}

/** The reason text of a failsafe hit, or undefined when the packet does not match. */
function failsafeMatch(world: WorldModel, h: FailsafeHook, pkt: Packet): string | undefined {
  const remote = h.direction === 'in' ? pkt.src : pkt.dst;
  for (const m of h.matches) {
    const list = m.list === 'inbound' ? world.failsafeInbound : world.failsafeOutbound;
    const port = m.port === 'dst' ? pkt.dstPort : pkt.srcPort;
    if (!failsafeHit(list, pkt.protocol, port, remote)) continue;
    const p = `${protocolName(pkt.protocol)}:${port}`;
    if (m.port === 'src')
      return `source port ${p} is an ${m.list} failsafe port: untracked policy bypassed in the raw table (§4.6)`;
    if (h.onHit === 'allow')
      return h.direction === 'in'
        ? `inbound failsafe ${p}: accepted before any policy (§4.6)`
        : `outbound failsafe ${p}${h.view === 'postDnat' ? ' (post-DNAT destination, mangle POSTROUTING)' : ''} (§4.6)`;
    return h.table === 'raw'
      ? `${m.list} failsafe port ${p}: untracked policy bypassed in the raw table (§4.6)`
      : `inbound failsafe port ${p}: pre-DNAT policy bypassed in the mangle table; forwarded traffic is still policed (§4.6)`;
  }
  return undefined;
}

function dnatText(h: DnatHook, backend: BackendModel, original: Packet): string {
  const by = h.frontend.kind === 'hostPort' ? 'CNI portmap DNAT' : 'kube-proxy DNAT';
  return `${by}: ${original.dst.text}:${original.dstPort} (${frontendLabel(h.frontend)}) → ${backend.ip.text}:${backend.port}`;
}

/**
 * What a run left behind besides its end: the nodes where an untracked Allow left it untracked,
 * and the packet as delivered (after the path's DNAT and SNAT), which a reply answers.
 */
interface RunState {
  untracked: string[];
  delivered: Packet | undefined;
}

/**
 * The plans of a reply packet (the caller's planner), for the reply leg of an untracked
 * connection (§4.4: "the reverse direction must be allowed explicitly"); `via` pins where a
 * reply from outside the model enters (see {@link replyVia}).
 */
export type ReplyPlanner = (
  reply: Packet,
  via?: Topology['via'],
) => {
  readonly plans: readonly PathPlan[];
  readonly bind: RoleBinding;
};

/**
 * Where the reply of a request that crossed a node from outside to outside enters: that node,
 * through the interface the request left by (its last forward-egress chain's host endpoint, when
 * named), as routing is taken to be symmetric. Undefined for any other plan: its reply has an
 * address in the model to be planned from.
 *
 * @example
 * ```ts
 * // plan: 198.51.100.7 → 192.168.1.50 via node-1/eth0, forwarded out of node-1's eth1 host endpoint
 * replyVia(plan); // { node: 'node-1', interface: 'eth1' }
 * ```
 */
export function replyVia(plan: PathPlan): Topology['via'] {
  const last = plan.hooks[plan.hooks.length - 1];
  const leaves = last?.kind === 'outcome' && last.stage === 'exit' && last.verdict === 'Allow';
  if (plan.entry === 'source' || plan.entryNode === undefined || !leaves) return undefined;
  let out: ChainHook | undefined;
  for (const h of plan.hooks)
    if (h.kind === 'chain' && h.stage === 'forward' && h.direction === 'egress') out = h;
  const hep = out?.endpoint;
  const iface = typeof hep === 'object' && hep.kind === 'HostEndpoint' ? hep.interfaceName : undefined;
  return iface === undefined || iface === '*'
    ? { node: plan.entryNode }
    : { node: plan.entryNode, interface: iface };
}

/**
 * The reply of a packet: addresses and ports swapped; an ICMP request becomes its reply type
 * (`icmpReplyType`: echo request 8 → echo reply 0, …).
 *
 * @example
 * ```ts
 * replyPacket(packet).dst === packet.src; // true
 * ```
 */
export function replyPacket(p: Packet): Packet {
  const icmp = p.icmp === undefined ? undefined : { ...p.icmp, type: icmpReplyType(p.protocol, p.icmp.type) };
  return { protocol: p.protocol, src: p.dst, srcPort: p.dstPort, dst: p.src, dstPort: p.srcPort, icmp };
}

/**
 * Runs a plan's hooks for one backend (undefined: the plan has no DNAT). Returns the hook count
 * when the packet gets through, else -1 - (index of the hook that dropped it).
 */
function runHooks(
  world: WorldModel,
  plan: PathPlan,
  backend: BackendModel | undefined,
  original: Packet,
  sink: Sink,
  decisions: (Decision | undefined)[] | undefined,
  state: RunState,
  bind: RoleBinding,
  reply?: readonly string[],
): number {
  let postDnat = original;
  let postSnat = original;
  let marked: string[] | undefined;
  let skipNode: string | undefined;
  let skipTable: string | undefined;
  const hooks = plan.hooks;
  // Conntrack's INVALID drop, at the first tracked chain on a node that did not leave the packet
  // untracked: a first packet conntrack cannot start a connection with (an ICMP echo reply, an
  // error), or a reply leg (`reply`: the nodes that left the request untracked) that conntrack
  // does not accept as ESTABLISHED and that opens no connection of its own (a SYN-ACK).
  const invalidFirst = reply === undefined && firstPacketInvalid(original);
  const invalidReply = reply !== undefined && replyInvalid(original);
  for (let i = 0; i < hooks.length; i++) {
    const h = hooks[i] as Hook;
    if (invalidFirst || reply !== undefined) {
      const role = h.kind === 'chain' || h.kind === 'encap' ? h : undefined;
      const endpoint = role && boundEndpoint(role.endpoint, backend, bind);
      // On a reply leg, the nodes that tracked the request accept it (ESTABLISHED).
      if (reply !== undefined && conntrackAccepts(h, endpoint?.node, reply)) {
        if (role && endpoint) sink.note(role.stage, 'continue', CONNTRACK_ACCEPTS, endpointRef(endpoint));
        continue;
      }
      const at =
        invalidFirst || invalidReply ? invalidDrop(world, h, endpoint?.node, state.untracked) : undefined;
      if (at !== undefined) {
        const reason = invalidFirst
          ? firstPacketInvalidReason(original, at.node)
          : invalidReplyReason(at.node);
        const ref = endpoint ?? (h.kind === 'failsafe' ? h.endpoint : undefined);
        sink.note(at.stage, 'deny', reason, ref ? endpointRef(ref) : hostRef(at.node));
        decisions?.push({ stage: at.stage, reason });
        return -1 - i;
      }
    }
    if (h.kind === 'failsafe' || h.kind === 'chain') {
      const node = h.node ?? '';
      if (skipTable === h.table && skipNode === node) continue; // a failsafe accepted in this table
      skipTable = undefined;
      const isMarked = marked?.includes(node) === true;
      const pkt = seenBy(h.view, original, postDnat, postSnat);
      if (h.kind === 'failsafe') {
        if (h.ifMarked === 'skip' && isMarked) continue;
        const reason = failsafeMatch(world, h, pkt);
        if (reason === undefined) continue;
        sink.note('failsafe', h.onHit, reason, endpointRef(h.endpoint));
        if (h.onHit === 'allow') decisions?.push({ stage: 'failsafe', reason });
        skipTable = h.table;
        skipNode = node;
        continue;
      }
      const endpoint = boundEndpoint(h.endpoint, backend, bind);
      if (h.ifMarked === 'skip' && isMarked) {
        sink.note(h.stage, 'continue', SKIPPED, endpointRef(endpoint));
        continue;
      }
      const verdict = sink.chain(h, endpoint, pkt, decisions);
      if (chainDrops(verdict, h)) return -1 - i;
      if (verdict === 'allow' && h.onAllow !== 'continue') {
        marked ??= [];
        marked.push(node);
        if (h.onAllow === 'notrack') state.untracked.push(nodeKey(h.node));
      }
      continue;
    }
    skipTable = undefined;
    switch (h.kind) {
      case 'encap': {
        const drop = encapDropOf(h, seenBy(h.view, original, postDnat, postSnat));
        if (drop === undefined) break;
        sink.note(h.stage, 'deny', drop.reason, endpointRef(boundEndpoint(h.endpoint, backend, bind)));
        decisions?.push({ stage: h.stage, reason: drop.reason });
        return -1 - i;
      }
      case 'hostStatic': {
        if (h.ifMarked === 'skip' && marked?.includes(h.node) === true) break;
        const pkt = seenBy(h.view, original, postDnat, postSnat);
        const rule = hostStaticRuleOf(h, pkt);
        if (rule === undefined) break;
        sink.note(h.stage, rule.action, rule.reason, hostRef(h.node));
        decisions?.push({ stage: h.stage, reason: rule.reason });
        if (rule.action === 'deny') return -1 - i;
        i += h.skips; // the rest of the chain it accepted in
        break;
      }
      case 'dnat': {
        const refusal = dnatRefusal(world, h, state.untracked, postSnat.src, postSnat.dst);
        if (refusal !== undefined) {
          sink.note('dnat', 'deny', refusal, h.node === undefined ? undefined : hostRef(h.node));
          decisions?.push({ stage: 'dnat', reason: refusal });
          return -1 - i;
        }
        const b = backend as BackendModel;
        // From the packet as it arrived: a node port on another node may come SNAT'd (natOutgoing).
        postDnat = { ...postSnat, dst: b.ip, dstPort: b.port };
        postSnat = postDnat;
        state.delivered = postSnat;
        sink.note('dnat', 'nat', dnatText(h, b, original));
        break;
      }
      case 'snat': {
        if (state.untracked.includes(nodeKey(h.node))) {
          if (snatRuleOf(h, postDnat.src, postDnat.dst))
            sink.note('snat', 'continue', untrackedSnatReason(h.node));
          postSnat = postDnat;
          break;
        }
        const rule = snatRuleOf(h, postDnat.src, postDnat.dst);
        postSnat = rule ? { ...postDnat, src: rule.address } : postDnat;
        state.delivered = postSnat;
        if (rule) sink.note('snat', 'nat', rule.reason);
        break;
      }
      case 'serviceLoop': {
        if (!serviceLoopDrops(h, seenBy(h.view, original, postDnat, postSnat).dst)) break;
        sink.note('forward', 'deny', h.reason, hostRef(h.node));
        decisions?.push({ stage: 'forward', reason: h.reason });
        return -1 - i;
      }
      case 'outcome':
        sink.note(
          h.stage,
          h.action,
          h.reason,
          typeof h.endpoint === 'string' ? endpointRef(boundEndpoint(h.endpoint, backend, bind)) : h.endpoint,
        );
        if (
          decisions &&
          (h.decides === 'always' || (h.decides === 'ifUndecided' && !decisions.some((d) => d !== undefined)))
        )
          decisions.push({ stage: h.stage, reason: h.reason });
        if (h.verdict !== undefined) return h.verdict === 'Allow' ? hooks.length : -1 - i;
        break;
      default:
        assertNever(h);
    }
  }
  return hooks.length;
}

function assertNever(x: never): never {
  throw new Error(`evaluator: unknown hook ${JSON.stringify(x)}`);
}

/** The packet a hook of `view` sees: as sent, after kube-proxy's DNAT, or after its SNAT. */
function seenBy(view: PacketView, original: Packet, postDnat: Packet, postSnat: Packet): Packet {
  return view === 'original' ? original : view === 'postDnat' ? postDnat : postSnat;
}

// The state of the outer run (read right after it; a reply leg gets its own).
const SCRATCH: RunState = { untracked: [], delivered: undefined };

/** Runs one path and, for an untracked connection, its reply leg (same sink). */
export function runPath(
  world: WorldModel,
  plan: PathPlan,
  backend: BackendModel | undefined,
  packet: Packet,
  sink: Sink,
  decisions: (Decision | undefined)[] | undefined,
  bind: RoleBinding,
  replyPlans: ReplyPlanner | undefined,
): number {
  const state = SCRATCH;
  state.untracked = [];
  state.delivered = undefined;
  const end = runHooks(world, plan, backend, packet, sink, decisions, state, bind);
  if (end < 0 || state.untracked.length === 0 || !replyPlans) return end;
  const untracked = state.untracked;
  // The reply answers the packet as delivered: from its backend, to the address it was SNAT'd to.
  const reply = replyPacket(state.delivered ?? packet);
  sink.note('reply', 'continue', `${UNTRACKED_REPLY}: ${packetText(reply)}`);
  const r = replyPlans(reply, replyVia(plan));
  for (const rp of r.plans) {
    for (const rb of rp.backends.length === 0 ? [undefined] : rp.backends) {
      const replyDecisions: (Decision | undefined)[] | undefined = decisions ? [] : undefined;
      const replyState: RunState = { untracked: [], delivered: undefined };
      if (runHooks(world, rp, rb, reply, sink, replyDecisions, replyState, r.bind, untracked) >= 0) continue;
      if (decisions && replyDecisions) {
        const d = decisionOfPath(false, replyDecisions, NO_DECISION);
        decisions.push({
          ...d,
          reason: `reply of an untracked (doNotTrack) connection is dropped: ${d.reason}`,
        });
      }
      return -1 - plan.hooks.length;
    }
  }
  return end;
}

/** A sink's `note` that records nothing. */
export const NOTE = (): void => {};

const SILENT_SINKS = new WeakMap<Engine, Sink>();

/** The verdict-only sink of an engine: its chain verdicts, nothing recorded. */
function SILENT(engine: Engine): Sink {
  let sink = SILENT_SINKS.get(engine);
  if (!sink) {
    const verdict = engine.verdict;
    sink = verdict
      ? {
          // A method of the engine (the compiled engine's reads `this`).
          chain: (h, endpoint, pkt) => verdict.call(engine, endpoint, h.chain, h.direction, pkt),
          note: NOTE,
        }
      : {
          chain: (h, endpoint, pkt) =>
            engine.evaluateChain({
              endpoint,
              chain: h.chain,
              direction: h.direction,
              packet: pkt,
              trace: { path: 0, stage: h.stage, endpoint: endpointRef(endpoint) },
            }).verdict,
          note: NOTE,
        };
    SILENT_SINKS.set(engine, sink);
  }
  return sink;
}

/**
 * The verdict of a flow's plans from the engine's allocation-free chain verdicts (the same
 * interpreter, nothing recorded); `undefined` when the engine has no such verdicts.
 *
 * @example
 * ```ts
 * verdictOfPlans(engine, plans, packet); // 'Allow' | 'Deny' | 'Mixed' | undefined
 * ```
 */
export function verdictOfPlans(
  engine: Engine,
  plans: readonly PathPlan[],
  packet: Packet,
  bind: RoleBinding,
  replyPlans?: ReplyPlanner,
): 'Allow' | 'Deny' | 'Mixed' | undefined {
  if (engine.verdict === undefined) return undefined;
  const sink = SILENT(engine);
  const world = engine.world;
  let first: 'Allow' | 'Deny' | undefined;
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i] as PathPlan;
    const n = plan.backends.length;
    for (let j = 0; j < (n === 0 ? 1 : n); j++) {
      const v =
        runPath(world, plan, plan.backends[j], packet, sink, undefined, bind, replyPlans) >= 0
          ? 'Allow'
          : 'Deny';
      if (first === undefined) first = v;
      else if (v !== first) return 'Mixed';
    }
  }
  return first ?? 'Deny';
}

/**
 * Whether a chain's verdict drops the packet on its path: a deny, or no verdict where that means
 * deny (`onNone`). `runHooks` and the engines' route runs (`Engine.routeVerdict`) ask this.
 *
 * @example
 * ```ts
 * chainDrops(engine.verdict(pod, 'normal', 'ingress', packet), hook); // true: the flow is denied
 * ```
 */
export function chainDrops(verdict: 'allow' | 'deny' | 'none', hook: ChainHook): boolean {
  return verdict === 'deny' || (verdict === 'none' && hook.onNone === 'deny');
}

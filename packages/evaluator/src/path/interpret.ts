/**
 * The one interpreter of {@link PathPlan}s: runs a plan's hooks for a packet and gives the path
 * verdict, decision and trace. It knows no origin or destination: everything it needs is in
 * the hooks (packet view, accept-mark guard, what allow / deny / no verdict mean).
 */

import { chainSlot, type Engine } from '../engine.js';
import type { Packet } from '../match/packet.js';
import { cidrContains } from '../net/ip.js';
import { protocolName } from '../net/protocol.js';
import type { Decision, EndpointRef, Stage, StepAction, UnsupportedUse } from '../result/types.js';
import type { BackendModel, EndpointModel, FailsafePortModel, WorldModel } from '../world/model.js';
import { CONNTRACK_ACCEPTS, conntrackAccepts, nodeKey } from './conntrack.js';
import { boundEndpoint, decisionOfPath } from './decided-by.js';
import { encapDropOf } from './encap.js';
import type {
  ChainHook,
  DnatHook,
  EncapHook,
  FailsafeHook,
  Hook,
  PacketView,
  PathPlan,
  RoleBinding,
} from './hooks.js';
import { hostStaticRuleOf } from './host-static.js';
import { backendRef, endpointRef, hostRef, type PathDraft, PathRecorder } from './recorder.js';
import { serviceLoopDrops } from './service-loop.js';
import { snatRuleOf } from './snat.js';

/**
 * All paths of one flow (as drafts: the public `PathResult`s are built when read).
 *
 * @example
 * ```ts
 * const set: PathSet = tracePlans(engine, plans, packet);
 * set.paths.map((p) => p.verdict);
 * ```
 */
export interface PathSet {
  readonly paths: PathDraft[];
  readonly unsupported: UnsupportedUse[];
}

/** Where the interpreter sends chains and notes: a trace recorder, or verdicts only. */
interface Sink {
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
const NO_DECISION: Decision = { stage: 'exit', reason: 'no stage decided' };

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
  const s = h.frontend.servicePort.service;
  return `kube-proxy DNAT: ${original.dst.text}:${original.dstPort} (${h.frontend.kind} of service ${s.namespace}/${s.name}) → ${backend.ip.text}:${backend.port}`;
}

/** What a run left behind besides its end: the nodes where an untracked Allow left it untracked. */
interface RunState {
  untracked: string[];
}

/**
 * The plans of a reply packet (the caller's planner), for the reply leg of an untracked
 * connection (§4.4: "the reverse direction must be allowed explicitly").
 */
export type ReplyPlanner = (reply: Packet) => {
  readonly plans: readonly PathPlan[];
  readonly bind: RoleBinding;
};

/**
 * The reply of a packet: addresses and ports swapped; an echo request becomes an echo reply.
 *
 * @example
 * ```ts
 * replyPacket(packet).dst === packet.src; // true
 * ```
 */
export function replyPacket(p: Packet): Packet {
  const echo = p.icmp === undefined ? undefined : p.protocol === 1 ? 8 : p.protocol === 58 ? 128 : undefined;
  const icmp =
    p.icmp !== undefined && echo !== undefined && p.icmp.type === echo
      ? { ...p.icmp, type: echo === 8 ? 0 : 129 }
      : p.icmp;
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
  for (let i = 0; i < hooks.length; i++) {
    const h = hooks[i] as Hook;
    // A reply leg (`reply`: the nodes that left the request untracked): conntrack accepts it on
    // the nodes that tracked the request.
    if (reply !== undefined) {
      if (h.kind === 'chain' || h.kind === 'encap') {
        const endpoint = boundEndpoint(h.endpoint, backend, bind);
        if (conntrackAccepts(h, endpoint.node, reply)) {
          sink.note(h.stage, 'continue', CONNTRACK_ACCEPTS, endpointRef(endpoint));
          continue;
        }
      } else if (conntrackAccepts(h, undefined, reply)) continue;
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
        const rule = hostStaticRuleOf(h, pkt.protocol, pkt.src, pkt.dst, pkt.dstPort);
        if (rule === undefined) break;
        sink.note(h.stage, rule.action, rule.reason, hostRef(h.node));
        decisions?.push({ stage: h.stage, reason: rule.reason });
        if (rule.action === 'deny') return -1 - i;
        i += h.skips; // the rest of the chain it accepted in
        break;
      }
      case 'dnat': {
        const b = backend as BackendModel;
        // From the packet as it arrived: a node port on another node may come SNAT'd (natOutgoing).
        postDnat = { ...postSnat, dst: b.ip, dstPort: b.port };
        postSnat = postDnat;
        sink.note('dnat', 'nat', dnatText(h, b, original));
        break;
      }
      case 'snat': {
        const rule = snatRuleOf(h, postDnat.src, postDnat.dst);
        postSnat = rule ? { ...postDnat, src: rule.address } : postDnat;
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
const SCRATCH: RunState = { untracked: [] };

/** Runs one path and, for an untracked connection, its reply leg (same sink). */
function runPath(
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
  const end = runHooks(world, plan, backend, packet, sink, decisions, state, bind);
  if (end < 0 || state.untracked.length === 0 || !replyPlans) return end;
  const untracked = state.untracked;
  const reply = replyPacket(packet);
  sink.note('reply', 'continue', `${UNTRACKED_REPLY}: ${packetText(reply)}`);
  const r = replyPlans(reply);
  for (const rp of r.plans) {
    for (const rb of rp.backends.length === 0 ? [undefined] : rp.backends) {
      const replyDecisions: (Decision | undefined)[] | undefined = decisions ? [] : undefined;
      if (runHooks(world, rp, rb, reply, sink, replyDecisions, { untracked: [] }, r.bind, untracked) >= 0)
        continue;
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

/** Whether a run that ended at `end` (see {@link runHooks}) stopped before the plan's DNAT. */
function beforeDnat(plan: PathPlan, end: number): boolean {
  if (end >= 0 || plan.backends.length === 0) return false;
  const at = -1 - end;
  for (let i = 0; i < at && i < plan.hooks.length; i++)
    if ((plan.hooks[i] as Hook).kind === 'dnat') return false;
  return true;
}

/** Above this many paths, equivalent paths are folded into one (issue #17 item 9). */
export const FOLD_THRESHOLD = 64;

function decisionKey(d: Decision): string {
  const p = d.policy;
  return `${d.stage}|${p ? `${p.kind}/${p.namespace ?? ''}/${p.name}` : ''}|${d.tier ?? ''}|${d.ruleIndex ?? ''}|${d.direction ?? ''}|${d.reason}`;
}

const SHAPES = new WeakMap<PathPlan, string>();

/** The hook sequence of a plan without endpoint identities (for folding equivalent paths). */
function shapeOf(plan: PathPlan): string {
  let shape = SHAPES.get(plan);
  if (shape === undefined) {
    shape = plan.hooks.map((h) => (h.kind === 'chain' ? `${h.stage}.${h.direction}` : h.kind)).join(',');
    SHAPES.set(plan, shape);
  }
  return shape;
}

function decidedByOf(end: number, decisions: readonly (Decision | undefined)[]): Decision {
  return decisionOfPath(end >= 0, decisions, NO_DECISION);
}

/**
 * Runs every plan of a flow (each backend of each plan) with the trace recorded (steps are
 * materialised when read). Paths dropped before kube-proxy picks a backend are one path per
 * entry; above {@link FOLD_THRESHOLD} paths, paths with the same hooks and outcomes (other
 * entries or backends) are folded into one whose `folded` counts the others.
 *
 * @example
 * ```ts
 * tracePlans(engine, planPaths(engine.world, topology), packet).paths[0]?.verdict;
 * ```
 */
export function tracePlans(
  engine: Engine,
  plans: readonly PathPlan[],
  packet: Packet,
  bind: RoleBinding,
  replyPlans?: ReplyPlanner,
): PathSet {
  const world = engine.world;
  let total = 0;
  for (const p of plans) total += Math.max(1, p.backends.length);
  const fold = total > FOLD_THRESHOLD;
  const paths: PathDraft[] = [];
  const unsupported: UnsupportedUse[] = [];
  const seen = new Set<string>();
  // Folding: the first path of each signature is traced; the others only counted.
  const groups = new Map<string, { plan: PathPlan; backend: BackendModel | undefined; count: number }>();
  const decisionSink: Sink = {
    chain: (h, endpoint, pkt, decisions) => {
      const out = engine.evaluateChain({
        endpoint,
        chain: h.chain,
        direction: h.direction,
        packet: pkt,
        trace: { path: 0, stage: h.stage, endpoint: endpointRef(endpoint) },
      });
      decisions?.push(out.decision ? { stage: h.stage, ...out.decision } : undefined);
      return out.verdict;
    },
    note: NOTE,
  };
  // `dedupeEarly`: a path dropped before DNAT is the same for every backend of its entry.
  const trace = (plan: PathPlan, backend: BackendModel | undefined, folded: number, dedupeEarly: boolean) => {
    const own: UnsupportedUse[] = [];
    const rec = new PathRecorder(engine, paths.length, own);
    const sink: Sink = {
      chain: (h, endpoint, pkt, decisions) => {
        const out = rec.chain(h.stage, endpoint, h.chain, h.direction, pkt);
        decisions?.push(out.decision);
        return out.verdict;
      },
      note: (stage, action, reason, endpoint) => rec.note(stage, action, reason, endpoint),
    };
    const decisions: (Decision | undefined)[] = [];
    const end = runPath(world, plan, backend, packet, sink, decisions, bind, replyPlans);
    const early = beforeDnat(plan, end);
    if (early && dedupeEarly) {
      const key = `${plan.entryNode ?? ''}|${plan.entryHep?.id ?? ''}|${end}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    for (const u of own) unsupported.push(u);
    const ref = backend && !early ? backendRef(backend) : undefined;
    const entry = plan.entry === 'source' ? endpointRef(boundEndpoint('source', backend, bind)) : plan.entry;
    paths.push(rec.done(end >= 0 ? 'Allow' : 'Deny', decidedByOf(end, decisions), entry, ref, folded));
  };
  for (const plan of plans) {
    for (const backend of plan.backends.length === 0 ? [undefined] : plan.backends) {
      if (!fold) {
        trace(plan, backend, 0, true);
        continue;
      }
      const decisions: (Decision | undefined)[] = [];
      const end = runPath(world, plan, backend, packet, decisionSink, decisions, bind, replyPlans);
      const key = `${shapeOf(plan)}|${end}|${decisionKey(decidedByOf(end, decisions))}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { plan, backend, count: 1 });
    }
  }
  for (const g of groups.values()) trace(g.plan, g.backend, g.count - 1, false);
  return { paths, unsupported };
}

const NOTE = (): void => {};

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
 * A flow's plans with, when they are one plan of policy chains alone (no failsafe, NAT or
 * outcome hook, no backend, no chain whose Allow marks or untracks) and at most one
 * encapsulation drop, those chains and that drop: what most pod → pod flows cross (the workload
 * egress and ingress chains, the source's drop first). Such a plan drops the packet iff the
 * drop matches it or one of its chains drops it, which {@link verdictOfRoute} reads without the
 * general run (nothing in it depends on an earlier hook, so the order does not matter).
 *
 * @example
 * ```ts
 * const route: PlanRoute = planRoute(plans);
 * route.chains?.map((h) => h.stage); // ['workloadEgress', 'workloadIngress']
 * route.encap?.drops.map((d) => d.encap); // ['VXLAN', 'IPIP'] (FelixConfiguration defaults)
 * ```
 */
export interface PlanRoute {
  readonly plans: readonly PathPlan[];
  readonly chains: readonly RouteChain[] | undefined;
  /** The route's encapsulation drop (only with `chains`; absent when the world allows both). */
  readonly encap: EncapHook | undefined;
}

/**
 * A chain hook of a {@link PlanRoute}: never a backend's (a route has no DNAT).
 *
 * @example
 * ```ts
 * const chain: RouteChain | undefined = route.chains?.[0];
 * [chain?.endpoint, chain?.chain, chain?.direction, chain?.slot]; // ['source', 'normal', 'egress', 5]
 * ```
 */
export type RouteChain = ChainHook & {
  readonly endpoint: EndpointModel | 'source' | 'destination';
  /** {@link chainSlot} of the hook's chain and direction. */
  readonly slot: number;
};

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

/**
 * The route of a flow's plans (computed once per cached plans).
 *
 * @example
 * ```ts
 * planRoute(planPaths(world, topology)).chains?.length; // 2 for a pod → pod flow
 * ```
 */
export function planRoute(plans: readonly PathPlan[]): PlanRoute {
  const general: PlanRoute = { plans, chains: undefined, encap: undefined };
  const plan = plans[0];
  if (plans.length !== 1 || plan === undefined || plan.backends.length > 0) return general;
  const chains: RouteChain[] = [];
  let encap: EncapHook | undefined;
  for (const h of plan.hooks) {
    // Without NAT hooks every view is the original packet; without marks `ifMarked` never skips.
    if (h.kind === 'encap' && encap === undefined) {
      encap = h;
      continue;
    }
    if (h.kind !== 'chain' || h.onAllow !== 'continue') return general;
    const endpoint = h.endpoint;
    if (endpoint === 'backend') return general;
    chains.push({ ...h, endpoint, slot: chainSlot(h.chain, h.direction) });
  }
  return { plans, chains, encap };
}

/**
 * The verdict of a route of chains alone: `Deny` when its encapsulation drop matches the packet,
 * else the engine's {@link Engine.routeVerdict} (what `runHooks` does with them: a chain that
 * drops the packet, {@link chainDrops}, ends the path; else it goes on), nothing allocated.
 * `undefined` for any other route, or an engine without route runs. `World.evaluate` calls it
 * for most flows.
 *
 * @example
 * ```ts
 * chainsVerdict(engine, planRoute(plans), web, db, packet); // 'Allow' | 'Deny' | undefined
 * ```
 */
export function chainsVerdict(
  engine: Engine,
  route: PlanRoute,
  source: EndpointModel | undefined,
  destination: EndpointModel | undefined,
  packet: Packet,
): 'Allow' | 'Deny' | undefined {
  const chains = route.chains;
  if (chains === undefined || engine.routeVerdict === undefined) return undefined;
  if (route.encap !== undefined && encapDropOf(route.encap, packet) !== undefined) return 'Deny';
  return engine.routeVerdict(chains, source, destination, packet);
}

/**
 * {@link verdictOfPlans} of a route: {@link chainsVerdict} for a route of chains alone.
 *
 * @example
 * ```ts
 * verdictOfRoute(engine, planRoute(plans), packet, bind); // 'Allow' | 'Deny' | 'Mixed' | undefined
 * ```
 */
export function verdictOfRoute(
  engine: Engine,
  route: PlanRoute,
  packet: Packet,
  bind: RoleBinding,
  replyPlans?: ReplyPlanner,
): 'Allow' | 'Deny' | 'Mixed' | undefined {
  return (
    chainsVerdict(engine, route, bind.source, bind.destination, packet) ??
    verdictOfPlans(engine, route.plans, packet, bind, replyPlans)
  );
}

/**
 * The one interpreter of {@link PathPlan}s: runs a plan's hooks for a packet and gives the path
 * verdict, decision and trace. It knows no origin or destination: everything it needs is in
 * the hooks (packet view, accept-mark guard, what allow / deny / no verdict mean).
 */
import type { Engine } from '../engine.js';
import type { Packet } from '../match/packet.js';
import { cidrContains } from '../net/ip.js';
import { protocolName } from '../net/protocol.js';
import type {
  Decision,
  EndpointRef,
  PathResult,
  Stage,
  StepAction,
  UnsupportedUse,
} from '../result/types.js';
import type { BackendModel, FailsafePortModel, WorldModel } from '../world/model.js';
import type { ChainHook, FailsafeHook, Hook, PacketView, PathPlan } from './hooks.js';
import { endpointRef, type PathDraft, PathRecorder } from './recorder.js';

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
  chain(
    hook: ChainHook,
    packet: Packet,
  ): { verdict: 'allow' | 'deny' | 'none'; decision: Decision | undefined };
  note(stage: Stage, action: StepAction, reason: string, endpoint?: EndpointRef): void;
}

const SKIPPED = 'skipped: already accepted by untracked/pre-DNAT policy (§4.4)';
const UNTRACKED_REPLY =
  'untracked (doNotTrack) Allow: the connection is not tracked, so its reply must be allowed on its own (§4.4); reply leg';

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

function dnatText(h: Extract<Hook, { kind: 'dnat' }>, original: Packet): string {
  const s = h.frontend.servicePort.service;
  return `kube-proxy DNAT: ${original.dst.text}:${original.dstPort} (${h.frontend.kind} of service ${s.namespace}/${s.name}) → ${h.backend.ip.text}:${h.backend.port}`;
}

/** What a run left behind besides its end: whether an untracked Allow left the connection untracked. */
interface RunState {
  untracked: boolean;
}

/**
 * The plans of a reply packet (the caller's planner), for the reply leg of an untracked
 * connection (§4.4: "the reverse direction must be allowed explicitly").
 */
export type ReplyPlanner = (reply: Packet) => readonly PathPlan[];

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

/** Runs the hooks; returns -1 - (index of the hook that denied), or the hook count when allowed. */
function runHooks(
  world: WorldModel,
  plan: PathPlan,
  original: Packet,
  sink: Sink,
  decisions: (Decision | undefined)[] | undefined,
  state: RunState,
): number {
  let postDnat = original;
  let postSnat = original;
  let marked: string[] | undefined;
  let skipNode: string | undefined;
  let skipTable: string | undefined;
  const view = (v: PacketView): Packet =>
    v === 'original' ? original : v === 'postDnat' ? postDnat : postSnat;
  const hooks = plan.hooks;
  for (let i = 0; i < hooks.length; i++) {
    const h = hooks[i] as Hook;
    if (h.kind === 'failsafe' || h.kind === 'chain') {
      const node = h.node ?? '';
      if (skipTable === h.table && skipNode === node) continue; // a failsafe accepted in this table
      skipTable = undefined;
      const isMarked = marked?.includes(node) === true;
      if (h.kind === 'failsafe') {
        if (h.ifMarked === 'skip' && isMarked) continue;
        const reason = failsafeMatch(world, h, view(h.view));
        if (reason === undefined) continue;
        sink.note('failsafe', h.onHit, reason, endpointRef(h.endpoint));
        if (h.onHit === 'allow') decisions?.push({ stage: 'failsafe', reason });
        skipTable = h.table;
        skipNode = node;
        continue;
      }
      if (h.ifMarked === 'skip' && isMarked) {
        sink.note(h.stage, 'continue', SKIPPED, endpointRef(h.endpoint));
        continue;
      }
      const out = sink.chain(h, view(h.view));
      decisions?.push(out.decision);
      if (out.verdict === 'deny' || (out.verdict === 'none' && h.onNone === 'deny')) return -1 - i;
      if (out.verdict === 'allow' && h.onAllow !== 'continue') {
        marked ??= [];
        marked.push(node);
        if (h.onAllow === 'notrack') state.untracked = true;
      }
      continue;
    }
    skipTable = undefined;
    switch (h.kind) {
      case 'dnat':
        postDnat = { ...original, dst: h.backend.ip, dstPort: h.backend.port };
        postSnat = postDnat;
        sink.note('dnat', 'nat', dnatText(h, original));
        break;
      case 'snat':
        postSnat = { ...postDnat, src: h.address };
        sink.note('snat', 'nat', h.reason);
        break;
      case 'outcome':
        sink.note(h.stage, h.action, h.reason, h.endpoint);
        if (
          decisions &&
          (h.decides === 'always' || (h.decides === 'ifUndecided' && !decisions.some((d) => d !== undefined)))
        )
          decisions.push({ stage: h.stage, reason: h.reason });
        if (h.verdict !== undefined) return h.verdict === 'Allow' ? hooks.length : -1 - i;
        break;
    }
  }
  return hooks.length;
}

/** Whether a run that ended at hook `end` (see {@link runHooks}) stopped before the plan's DNAT. */
function beforeDnat(plan: PathPlan, end: number): boolean {
  if (end >= 0 || plan.backend === undefined) return false;
  const at = -1 - end;
  for (let i = 0; i < at; i++) if ((plan.hooks[i] as Hook).kind === 'dnat') return false;
  return true;
}

function backendRef(b: BackendModel): PathResult['backend'] {
  return { ...endpointRef(b.endpoint), ip: b.ip.text, port: b.port };
}

/**
 * Runs every plan of a flow with the trace recorded (steps are materialised when read).
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
  replyPlans?: ReplyPlanner,
): PathSet {
  const paths: PathDraft[] = [];
  const unsupported: UnsupportedUse[] = [];
  // Paths dropped before kube-proxy picks a backend are one path per entry, without a backend.
  const droppedEarly = new Set<string>();
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i] as PathPlan;
    const own: UnsupportedUse[] = [];
    const rec = new PathRecorder(engine, paths.length, own);
    const sink: Sink = {
      chain: (h, pkt) => rec.chain(h.stage, h.endpoint, h.chain, h.direction, pkt),
      note: (stage, action, reason, endpoint) => rec.note(stage, action, reason, endpoint),
    };
    const decisions: (Decision | undefined)[] = [];
    const state: RunState = { untracked: false };
    let end = runHooks(engine.world, plan, packet, sink, decisions, state);
    if (end >= 0 && state.untracked && replyPlans) {
      const reply = replyPacket(packet);
      sink.note('reply', 'continue', `${UNTRACKED_REPLY}: ${packetText(reply)}`);
      for (const rp of replyPlans(reply)) {
        const replyDecisions: (Decision | undefined)[] = [];
        const r = runHooks(engine.world, rp, reply, sink, replyDecisions, { untracked: false });
        if (r >= 0) continue;
        const d = replyDecisions[replyDecisions.length - 1] ?? pickDecision(replyDecisions);
        decisions.push({
          ...d,
          reason: `reply of an untracked (doNotTrack) connection is dropped: ${d.reason}`,
        });
        end = -1 - plan.hooks.length;
        break;
      }
    }
    const early = beforeDnat(plan, end);
    if (early) {
      const key = `${plan.entryNode ?? ''}|${plan.entryHep?.id ?? ''}|${end}`;
      if (droppedEarly.has(key)) continue;
      droppedEarly.add(key);
    }
    for (const u of own) unsupported.push(u);
    const verdict = end >= 0 ? 'Allow' : 'Deny';
    const decidedBy =
      verdict === 'Deny'
        ? (decisions[decisions.length - 1] ?? pickDecision(decisions))
        : pickDecision(decisions);
    const backend = plan.backend && !early ? backendRef(plan.backend) : undefined;
    paths.push(rec.done(verdict, decidedBy, plan.entry, backend));
  }
  return { paths, unsupported };
}

const NOTE = (): void => {};

/**
 * The verdicts of a flow's plans from the engine's allocation-free chain verdicts (the same
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
  replyPlans?: ReplyPlanner,
): 'Allow' | 'Deny' | 'Mixed' | undefined {
  const verdict = engine.verdict;
  if (verdict === undefined) return undefined;
  const sink: Sink = {
    chain: (h, pkt) => ({ verdict: verdict(h.endpoint, h.chain, h.direction, pkt), decision: undefined }),
    note: NOTE,
  };
  let first: 'Allow' | 'Deny' | undefined;
  const state: RunState = { untracked: false };
  for (let i = 0; i < plans.length; i++) {
    state.untracked = false;
    let v: 'Allow' | 'Deny' =
      runHooks(engine.world, plans[i] as PathPlan, packet, sink, undefined, state) >= 0 ? 'Allow' : 'Deny';
    if (v === 'Allow' && state.untracked && replyPlans) {
      const reply = replyPacket(packet);
      for (const rp of replyPlans(reply))
        if (runHooks(engine.world, rp, reply, sink, undefined, { untracked: false }) < 0) v = 'Deny';
    }
    if (first === undefined) first = v;
    else if (v !== first) return 'Mixed';
  }
  return first ?? 'Deny';
}

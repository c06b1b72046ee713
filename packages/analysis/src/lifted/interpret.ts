/**
 * The evaluator's hook interpreter (`path/interpret.ts` `runHooks` / `runPath`) run over sets of
 * flows: the same plans (`planPaths`), the same control fields (`view`, `ifMarked`, `onAllow`,
 * `onNone`, `onHit`, `decides`, `verdict`, `drops`), each hook splitting its input into the parts
 * that go on differently. A run ends in pieces, each with the path verdict and decision of all
 * its flows.
 */
import {
  type BackendModel,
  boundEndpoint,
  cidrContains,
  conntrackAccepts,
  decisionOfPath,
  dnatRefusal,
  type EncapHook,
  type FailsafeHook,
  type Hook,
  type HostStaticHook,
  type HostStaticRule,
  INVALID_REPLY_PROTOCOLS,
  invalidDrop,
  nodeKey,
  type PathPlan,
  type RoleBinding,
  replyVia,
  serviceLoopDrops,
  snatRuleOf,
  type Topology,
} from '../evaluator-seam.js';
import { ALL_PORTS, type Box, ivsAnd, ivsOf, PORTED, splitBoxes } from './boxes.js';
import { type ChainContext, type LiftedDecision, liftChain } from './chain.js';
import { portBox, type View } from './rule-match.js';

/**
 * The end of one path over a set of flows.
 *
 * @example
 * ```ts
 * // world: pods web (10.0.0.1) and api (10.0.0.2) in prod; NetworkPolicy allow-web lets web reach api on TCP 8080
 * // plan: web → api (workloadEgress, workloadIngress); original: the View web → api
 * const ends: PathEnd[] = runPath(ctx.chain, plan, undefined, { source: web, destination: api }, original,
 *   [{ p: [[6, 6]], s: ALL_PORTS, d: ALL_PORTS }], undefined);
 * ends.map((e) => [e.allow, e.boxes[0]?.d, e.decision.policy?.name]);
 * // [[true, [[8080, 8080]], 'allow-web'], [false, [[0, 8079], [8081, 65535]], undefined]]
 * ```
 */
export interface PathEnd {
  readonly boxes: Box[];
  readonly allow: boolean;
  readonly decision: LiftedDecision;
}

/**
 * Plans of the reply of an untracked connection, region by region of the given flows (its
 * topology depends on the original source port: the reply's destination port).
 */
export type ReplyPlanner = (
  boxes: Box[],
  /** The reply: the packet as delivered (after the path's DNAT and SNAT), answered. */
  reply: View,
  /** Where a reply from outside the model enters (the evaluator's `replyVia`). */
  via: Topology['via'],
) => {
  readonly boxes: Box[];
  readonly plans: readonly PathPlan[];
  readonly bind: RoleBinding;
}[];

interface RunEnd {
  readonly boxes: Box[];
  readonly allow: boolean;
  readonly decisions: readonly (LiftedDecision | undefined)[];
  /** The nodes where an untracked Allow left the connection untracked. */
  readonly untracked: readonly string[];
  /** For an allowed end: the packet as delivered, after the path's DNAT and SNAT. */
  readonly delivered?: View;
}

interface State {
  readonly marked: readonly string[];
  readonly skipTable: string | undefined;
  readonly skipNode: string | undefined;
  readonly decisions: readonly (LiftedDecision | undefined)[];
  readonly untracked: readonly string[];
}

interface Views {
  readonly original: View;
  readonly postDnat: View;
  readonly postSnat: View;
}

/** The flows a failsafe hook hits (§4.6): a listed protocol and port, the remote side in its net. */
function failsafeBoxes(ctx: ChainContext, h: FailsafeHook, view: View): Box[] {
  const world = ctx.match.world;
  const remote = h.direction === 'in' ? view.src : view.dst;
  const out: Box[] = [];
  for (const m of h.matches) {
    const list = m.list === 'inbound' ? world.failsafeInbound : world.failsafeOutbound;
    for (const f of list) {
      if (f.net !== undefined && !cidrContains(f.net, remote)) continue;
      const p = ivsAnd([[f.protocol, f.protocol]], PORTED); // no port, no hit
      const b = portBox(m.port === 'dst' ? view.dstPort : view.srcPort, [[f.port, f.port]], p);
      if (b) out.push(b);
    }
  }
  return out;
}

/**
 * The flows an encapsulation hook drops (the evaluator's `encapDropOf`): its protocol, and for
 * VXLAN the destination port the view carries.
 */
function encapBoxes(h: EncapHook, view: View): Box[] {
  const out: Box[] = [];
  for (const d of h.drops) {
    const p: Box['p'] = [[d.protocol, d.protocol]];
    const b =
      d.dstPort === undefined
        ? { p, s: ALL_PORTS, d: ALL_PORTS }
        : portBox(view.dstPort, [[d.dstPort, d.dstPort]], ivsAnd(p, PORTED));
    if (b) out.push(b);
  }
  return out;
}

/** The flows a host static rule matches (the evaluator's `hostStaticRuleOf`), none when the view's version or peer does not fit it. */
function hostStaticBox(h: HostStaticHook, r: HostStaticRule, view: View): Box | undefined {
  // Lifted flows carry no ICMP type: a rule for some types matches none of them (as in `ruleBoxes`).
  if (r.version !== view.dst.version || r.icmpTypes !== undefined) return undefined;
  const peer = h.stage === 'hostIngress' ? view.src : view.dst;
  if (r.peerIn !== undefined && !r.peerIn.some((c) => cidrContains(c, peer))) return undefined;
  const p: Box['p'] = [[r.protocol, r.protocol]];
  if (r.dstPort === undefined) return { p, s: ALL_PORTS, d: ALL_PORTS };
  return portBox(view.dstPort, [[r.dstPort, r.dstPort]], ivsAnd(p, PORTED));
}

const NO_DECISION: LiftedDecision = { stage: 'exit' };

/** Every flow whose reply conntrack takes as INVALID without its request (the evaluator's `replyInvalid`). */
const INVALID_REPLIES: Box[] = [
  { p: ivsOf(INVALID_REPLY_PROTOCOLS.map((x) => [x, x] as const)), s: ALL_PORTS, d: ALL_PORTS },
];

/** `runHooks` over boxes, from hook `from` on; every piece's end goes to `emit`. */
function runHooks(
  ctx: ChainContext,
  plan: PathPlan,
  backend: BackendModel | undefined,
  bind: RoleBinding,
  views: Views,
  boxes: Box[],
  from: number,
  start: State,
  emit: (end: RunEnd) => void,
  reply?: readonly string[],
): void {
  let st = start;
  let v = views;
  let live = boxes;
  // Boxes dropped at a stage that decides alone (no policy rule): an end of their own.
  const drop = (dropped: Box[], stage: LiftedDecision['stage']) =>
    emit({ boxes: dropped, allow: false, decisions: [...st.decisions, { stage }], untracked: st.untracked });
  const hooks = plan.hooks;
  for (let i = from; i < hooks.length; i++) {
    if (live.length === 0) return;
    const h = hooks[i] as Hook;
    // A reply leg (`reply`: the nodes that left the request untracked): conntrack accepts it on
    // the nodes that tracked the request (the evaluator's `conntrackAccepts`); elsewhere the
    // first tracked chain drops the flows whose reply conntrack takes as INVALID
    // (`replyInvalid`: by protocol), unless this leg left them untracked there too.
    if (reply !== undefined) {
      const node =
        h.kind === 'encap' || h.kind === 'chain' ? boundEndpoint(h.endpoint, backend, bind).node : undefined;
      if (conntrackAccepts(h, node, reply)) continue;
      const at = invalidDrop(ctx.match.world, h, node, st.untracked);
      if (at !== undefined) {
        const { hit, miss } = splitBoxes(live, INVALID_REPLIES);
        if (hit.length > 0) drop(hit, at.stage);
        live = miss;
        if (live.length === 0) return;
      }
    }
    if (h.kind === 'failsafe' || h.kind === 'chain') {
      const node = h.node ?? '';
      if (st.skipTable === h.table && st.skipNode === node) continue; // a failsafe accepted in this table
      if (st.skipTable !== undefined) st = { ...st, skipTable: undefined };
      const isMarked = st.marked.includes(node);
      const pkt = v[h.view];
      if (h.ifMarked === 'skip' && isMarked) continue;
      if (h.kind === 'failsafe') {
        const { hit, miss } = splitBoxes(live, failsafeBoxes(ctx, h, pkt));
        if (hit.length > 0) {
          const decisions = h.onHit === 'allow' ? [...st.decisions, { stage: 'failsafe' }] : st.decisions;
          runHooks(
            ctx,
            plan,
            backend,
            bind,
            v,
            hit,
            i + 1,
            { ...st, decisions, skipTable: h.table, skipNode: node },
            emit,
            reply,
          );
        }
        live = miss;
        continue;
      }
      const endpoint = boundEndpoint(h.endpoint, backend, bind);
      for (const piece of liftChain(ctx, h, endpoint, pkt, live)) {
        const decisions = [
          ...st.decisions,
          piece.decision ? { stage: h.stage, ...piece.decision } : undefined,
        ];
        if (piece.verdict === 'deny' || (piece.verdict === 'none' && h.onNone === 'deny')) {
          emit({ boxes: piece.boxes, allow: false, decisions, untracked: st.untracked });
          continue;
        }
        const marks = piece.verdict === 'allow' && h.onAllow !== 'continue';
        const next: State = {
          ...st,
          decisions,
          marked: marks ? [...st.marked, node] : st.marked,
          untracked:
            piece.verdict === 'allow' && h.onAllow === 'notrack'
              ? [...st.untracked, nodeKey(h.node)]
              : st.untracked,
        };
        runHooks(ctx, plan, backend, bind, v, piece.boxes, i + 1, next, emit, reply);
      }
      return;
    }
    if (st.skipTable !== undefined) st = { ...st, skipTable: undefined };
    switch (h.kind) {
      case 'encap': {
        const pkt = v[h.view];
        const { hit, miss } = splitBoxes(live, encapBoxes(h, pkt));
        if (hit.length > 0) drop(hit, h.stage);
        live = miss;
        break;
      }
      case 'hostStatic': {
        if (h.ifMarked === 'skip' && st.marked.includes(h.node)) break;
        const pkt = v[h.view];
        for (const r of h.rules) {
          const b = live.length === 0 ? undefined : hostStaticBox(h, r, pkt);
          if (b === undefined) continue;
          const { hit, miss } = splitBoxes(live, [b]);
          live = miss;
          if (hit.length === 0) continue;
          const decisions = [...st.decisions, { stage: h.stage }];
          if (r.action === 'deny') emit({ boxes: hit, allow: false, decisions, untracked: st.untracked });
          // An accept passes over the rest of the chain it accepted in.
          else runHooks(ctx, plan, backend, bind, v, hit, i + 1 + h.skips, { ...st, decisions }, emit, reply);
        }
        break;
      }
      case 'dnat': {
        // No DNAT: the packet is untracked here, or kube-proxy's load balancer firewall refuses it.
        if (dnatRefusal(ctx.match.world, h, st.untracked, v.postSnat.src, v.postSnat.dst) !== undefined) {
          drop(live, 'dnat');
          return;
        }
        const b = backend as BackendModel;
        // From the packet as it arrived: a node port on another node may come SNAT'd.
        const postDnat: View = { ...v.postSnat, dst: b.ip, dstPort: { port: b.port } };
        v = { original: v.original, postDnat, postSnat: postDnat };
        break;
      }
      case 'snat': {
        const rule = st.untracked.includes(nodeKey(h.node))
          ? undefined
          : snatRuleOf(h, v.postDnat.src, v.postDnat.dst);
        v = { ...v, postSnat: rule ? { ...v.postDnat, src: rule.address } : v.postDnat };
        break;
      }
      case 'serviceLoop':
        // The view's destination is one address: all of the boxes are dropped, or none.
        if (serviceLoopDrops(h, v[h.view].dst)) {
          drop(live, 'forward');
          return;
        }
        break;
      case 'outcome': {
        const decides =
          h.decides === 'always' ||
          (h.decides === 'ifUndecided' && !st.decisions.some((d) => d !== undefined));
        if (decides) st = { ...st, decisions: [...st.decisions, { stage: h.stage }] };
        if (h.verdict !== undefined) {
          emit({
            boxes: live,
            allow: h.verdict === 'Allow',
            delivered: v.postSnat,
            decisions: st.decisions,
            untracked: st.untracked,
          });
          return;
        }
        break;
      }
      default:
        assertNever(h);
    }
  }
  if (live.length > 0)
    emit({
      boxes: live,
      allow: true,
      decisions: st.decisions,
      untracked: st.untracked,
      delivered: v.postSnat,
    });
}

function assertNever(x: never): never {
  throw new Error(`analysis: unknown hook ${JSON.stringify(x)}`);
}

const FRESH: State = {
  marked: [],
  skipTable: undefined,
  skipNode: undefined,
  decisions: [],
  untracked: [],
};

/**
 * One path (a plan with one backend, or none) over a set of flows, with the reply leg of an
 * untracked connection (§4.4): the lifted `runPath`.
 *
 * @example
 * ```ts
 * declare const ctx: ChainContext; declare const plan: PathPlan; declare const original: View; declare const boxes: Box[];
 * runPath(ctx, plan, undefined, { source: undefined, destination: undefined }, original, boxes, undefined).map((e) => e.allow);
 * ```
 */
export function runPath(
  ctx: ChainContext,
  plan: PathPlan,
  backend: BackendModel | undefined,
  bind: RoleBinding,
  original: View,
  boxes: Box[],
  replies: ReplyPlanner | undefined,
): PathEnd[] {
  const out: PathEnd[] = [];
  const views: Views = { original, postDnat: original, postSnat: original };
  runHooks(ctx, plan, backend, bind, views, boxes, 0, FRESH, (end) => {
    if (!end.allow || end.untracked.length === 0 || !replies) {
      out.push({
        boxes: end.boxes,
        allow: end.allow,
        decision: decisionOfPath(end.allow, end.decisions, NO_DECISION),
      });
      return;
    }
    // The reply answers the packet as delivered: addresses and ports swapped (its destination
    // port is the original's source port dimension; its source port the backend's after DNAT).
    const delivered = end.delivered ?? original;
    const reply: View = {
      src: delivered.dst,
      dst: delivered.src,
      srcPort: delivered.dstPort,
      dstPort: delivered.srcPort,
    };
    for (const r of replies(end.boxes, reply, replyVia(plan))) {
      let live = r.boxes;
      for (const rp of r.plans)
        for (const rb of rp.backends.length === 0 ? [undefined] : rp.backends) {
          if (live.length === 0) continue;
          const passed: Box[] = [];
          const rviews: Views = { original: reply, postDnat: reply, postSnat: reply };
          runHooks(
            ctx,
            rp,
            rb,
            r.bind,
            rviews,
            live,
            0,
            FRESH,
            (re) => {
              if (re.allow) {
                passed.push(...re.boxes);
                return;
              }
              const d = decisionOfPath(false, re.decisions, NO_DECISION);
              out.push({ boxes: re.boxes, allow: false, decision: d });
            },
            end.untracked,
          );
          live = passed;
        }
      if (live.length > 0)
        out.push({ boxes: live, allow: true, decision: decisionOfPath(true, end.decisions, NO_DECISION) });
    }
  });
  return out;
}

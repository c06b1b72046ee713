/**
 * Diagram geometry for lanes of stage boxes: pure numbers and strings, so the layout is unit
 * tested and the SVG renderer only draws what it is given.
 */
import type { Lane } from './lanes.js';

/**
 * A box placed on the canvas, with the text lines it shows (already shortened to fit).
 *
 * @example
 * ```ts
 * const b: PlacedBox = { x: 16, y: 40, width: 168, height: 64, lines: ['preDnat', 'GNP whitelist'], stage: 'preDnat', action: 'allow', decides: true, tooltip: '…' };
 * ```
 */
export interface PlacedBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly string[];
  readonly stage: string;
  readonly action: string;
  readonly decides: boolean;
  /** The full text, for a `<title>` (the box lines are shortened). */
  readonly tooltip: string;
}

/**
 * A lane placed on the canvas: its heading and its boxes, left to right.
 *
 * @example
 * ```ts
 * layout.lanes[0]?.heading; // '3 paths · Deny · entry HostEndpoint kube-wrk1-worker-public …'
 * ```
 */
export interface PlacedLane {
  readonly y: number;
  readonly heading: string;
  readonly verdict: 'Allow' | 'Deny';
  readonly boxes: readonly PlacedBox[];
}

/**
 * The whole diagram.
 *
 * @example
 * ```ts
 * const d: DiagramLayout = layoutLanes(lanesOf(result));
 * `<svg viewBox="0 0 ${d.width} ${d.height}">`;
 * ```
 */
export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly lanes: readonly PlacedLane[];
}

export const BOX_WIDTH = 176;
export const BOX_HEIGHT = 84;
export const GAP = 26;
export const PAD = 12;
const HEADING = 22;
const LANE_GAP = 18;
// What fits a box's 160 px of text: its 12 px bold name line, and the 11 px monospace detail lines.
const NAME_CHARS = 22;
const DETAIL_CHARS = 24;
/** An entry or backend name in a heading (the heading is not clipped: its "+N more" always shows). */
const HEADING_NAME_CHARS = 48;
/** Average width of a heading character at the diagram's 12px font (the SVG grows to fit). */
const HEADING_CHAR_WIDTH = 7;
const MIN_WIDTH = 480;

/**
 * Shortens text to `max` characters with an ellipsis.
 *
 * @example
 * ```ts
 * clip('GlobalNetworkPolicy whitelist', 10); // 'GlobalNet…'
 * ```
 */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

function headingOf(lane: Lane): string {
  const count = lane.count === 1 ? '1 path' : `${lane.count} identical paths`;
  const entry =
    lane.entries.length === 0
      ? ''
      : ` · entry ${clip(lane.entries[0] ?? '', HEADING_NAME_CHARS)}${lane.entries.length > 1 ? ` +${lane.entries.length - 1} more` : ''}`;
  const backend =
    lane.backends.length === 0
      ? ''
      : ` · backend ${clip(lane.backends[0] ?? '', HEADING_NAME_CHARS)}${lane.backends.length > 1 ? ` +${lane.backends.length - 1} more` : ''}`;
  return `${count} · ${lane.verdict}${entry}${backend}`;
}

/**
 * Places lanes top to bottom and their boxes left to right.
 *
 * @example
 * ```ts
 * layoutLanes([]).lanes.length; // 0
 * ```
 */
export function layoutLanes(lanes: readonly Lane[]): DiagramLayout {
  let y = PAD;
  let widest = 0;
  const placed = lanes.map((lane): PlacedLane => {
    const top = y;
    const boxes = lane.boxes.map((box, i): PlacedBox => {
      // NAT in a grouped lane: the first rewritten address, then how many more (all in the tooltip).
      const [nat, ...moreNat] = box.nat?.split(', ') ?? [];
      // The deciding mark keeps its word when it fits, else the arrow alone (the box is outlined too).
      const decides =
        `${box.action} ◀ decides`.length <= DETAIL_CHARS ? `${box.action} ◀ decides` : `${box.action} ◀`;
      const lines = [
        box.title,
        nat ?? box.detail,
        moreNat.length > 0 ? `+${moreNat.length} more` : (box.rule ?? ''),
        box.decides ? decides : box.action,
      ].map((l, n) => clip(l, n === 0 ? NAME_CHARS : DETAIL_CHARS));
      return {
        x: PAD + i * (BOX_WIDTH + GAP),
        y: top + HEADING,
        width: BOX_WIDTH,
        height: BOX_HEIGHT,
        lines,
        stage: box.stage,
        action: box.action,
        decides: box.decides,
        tooltip: [
          box.title,
          box.detail,
          box.rule ?? '',
          box.nat !== undefined ? `rewritten to ${box.nat}` : '',
          box.action,
        ]
          .filter((t) => t !== '')
          .join('\n'),
      };
    });
    const heading = headingOf(lane);
    widest = Math.max(
      widest,
      PAD * 2 + lane.boxes.length * (BOX_WIDTH + GAP) - GAP,
      PAD * 2 + heading.length * HEADING_CHAR_WIDTH,
    );
    y += HEADING + BOX_HEIGHT + LANE_GAP;
    return { y: top, heading, verdict: lane.verdict, boxes };
  });
  return {
    width: Math.ceil(Math.max(MIN_WIDTH, widest)),
    height: Math.max(y, PAD * 2 + HEADING),
    lanes: placed,
  };
}

/**
 * Draws a {@link DiagramLayout} as SVG with DOM calls (never markup from strings: the manifests
 * come from links, and their names must not become markup).
 */
import { type DiagramLayout, GAP } from '../model/layout.js';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Readonly<Record<string, string | number>>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The packet-path diagram as an `<svg>` element.
 *
 * @example
 * ```ts
 * container.replaceChildren(renderDiagram(layoutLanes(lanesOf(result)), 'Packet path of tcp …'));
 * ```
 */
export function renderDiagram(layout: DiagramLayout, label: string): SVGSVGElement {
  const svg = el('svg', {
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    role: 'img',
    'aria-label': label,
  });
  svg.append(el('title', {}, label));
  const defs = el('defs', {});
  const marker = el('marker', {
    id: 'arrow',
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto',
  });
  marker.append(el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }));
  defs.append(marker);
  svg.append(defs);
  for (const lane of layout.lanes) {
    const g = el('g', { class: `lane lane-${lane.verdict.toLowerCase()}` });
    g.append(el('text', { x: 12, y: lane.y + 14, class: 'lane-heading' }, lane.heading));
    lane.boxes.forEach((box, i) => {
      const b = el('g', {
        class: `stage stage-${box.stage} action-${box.action}${box.decides ? ' decides' : ''}`,
        'data-stage': box.stage,
        // Focusable, so the path can be read step by step from the keyboard.
        tabindex: 0,
        role: 'img',
        'aria-label': box.tooltip.replace(/\n/g, ', '),
        ...(box.decides ? { 'data-decides': 'true' } : {}),
      });
      b.append(el('title', {}, box.tooltip));
      b.append(el('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: 6 }));
      box.lines.forEach((line, n) => {
        if (line === '') return;
        b.append(
          el(
            'text',
            { x: box.x + 8, y: box.y + 18 + n * 18, class: n === 0 ? 'stage-name' : 'stage-detail' },
            line,
          ),
        );
      });
      g.append(b);
      if (i > 0) {
        const y = box.y + box.height / 2;
        g.append(
          el('line', {
            x1: box.x - GAP + 2,
            y1: y,
            x2: box.x - 2,
            y2: y,
            class: 'hop',
            'marker-end': 'url(#arrow)',
          }),
        );
      }
    });
    svg.append(g);
  }
  return svg;
}

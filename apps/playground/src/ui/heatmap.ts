/**
 * The matrix of a large world as a canvas (one pixel per cell, see model/heatmap.ts), with a
 * readout naming the cell under the pointer, or the cell the arrow keys moved to (the table's
 * cells are text a screen reader reads; the image needs the keyboard to be read at all).
 */
import {
  cellAt,
  cellPixels,
  type HeatmapCell,
  heatmapPixels,
  rgbOf,
  stepCell,
  verdictCounts,
} from '../model/heatmap.js';
import { clientRowsNote, type MatrixView } from '../model/matrix.js';

const HINT =
  'Point at a cell, or focus the image and use the arrow keys, to read its source, destination and verdict.';

/**
 * Draws `view` into `container` as an image scaled to whole pixels per cell.
 *
 * @example
 * ```ts
 * renderHeatmap(container, matrixView(world, { protocol: 'TCP', port: 8080 }, clients)); // 600 pods: a 600 × 600 image
 * ```
 */
export function renderHeatmap(container: HTMLElement, view: MatrixView): void {
  const width = view.columns.length;
  const height = view.rows.length;
  const counts = verdictCounts(view);
  const summary =
    `${view.protocol}${view.port !== undefined ? ` port ${view.port}` : ''}: ${height} sources (rows) → ` +
    `${width} pods (columns); ${counts.Allow} Allow, ${counts.Deny} Deny, ${counts.Mixed} Mixed.${clientRowsNote(view)}`;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  const caption = document.createElement('p');
  caption.className = 'heatmap-caption';
  caption.textContent = summary;
  if (context === null) {
    caption.textContent = `${summary}. This browser cannot draw the image.`;
    container.replaceChildren(caption);
    return;
  }
  canvas.width = width;
  canvas.height = height;
  canvas.className = 'heatmap';
  canvas.dataset.testid = 'matrix-heatmap';
  // Focusable and read through the readout: arrow keys, Page Up / Down, Home / End (stepCell).
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'heatmap');
  canvas.setAttribute('aria-label', `${summary} Arrow keys read one cell at a time.`);
  const style = getComputedStyle(container);
  const palette = {
    Allow: rgbOf(style.getPropertyValue('--allow')),
    Deny: rgbOf(style.getPropertyValue('--deny')),
    Mixed: rgbOf(style.getPropertyValue('--mixed')),
  };
  context.putImageData(new ImageData(heatmapPixels(view, palette), width, height), 0, 0);
  const scale = cellPixels(width, container.clientWidth || 900);
  canvas.style.width = `${width * scale}px`;
  canvas.style.height = `${height * scale}px`;
  const readout = document.createElement('p');
  readout.className = 'heatmap-readout';
  readout.dataset.testid = 'matrix-readout';
  readout.setAttribute('aria-live', 'polite');
  readout.textContent = HINT;
  // The keyboard's cell, outlined over the image (at least a few pixels, however small a cell is).
  const marker = document.createElement('div');
  marker.className = 'heatmap-marker';
  marker.hidden = true;
  const frame = document.createElement('div');
  frame.className = 'heatmap-frame';
  frame.append(canvas, marker);
  let current: HeatmapCell | undefined;
  const show = (cell: HeatmapCell | undefined) => {
    readout.textContent = cell?.text ?? HINT;
  };
  canvas.addEventListener('mousemove', (event) => {
    const box = canvas.getBoundingClientRect();
    show(cellAt(view, event.clientX - box.left, event.clientY - box.top, box.width, box.height));
  });
  canvas.addEventListener('mouseleave', () => show(current));
  canvas.addEventListener('keydown', (event) => {
    const next = stepCell(view, current, event.key);
    if (next === undefined) return;
    event.preventDefault();
    current = next;
    marker.hidden = false;
    marker.style.left = `${next.column * scale}px`;
    marker.style.top = `${next.row * scale}px`;
    marker.style.width = marker.style.height = `${scale}px`;
    show(next);
  });
  container.replaceChildren(caption, frame, readout);
}

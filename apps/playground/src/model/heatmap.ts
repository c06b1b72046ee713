/**
 * A large matrix as an image: one pixel per cell, coloured by verdict. A table of 600 × 600
 * cells is 360 000 DOM nodes (the tab froze for seconds); one canvas pixel per cell draws at
 * once and stays readable through a readout of the cell under the pointer or the keyboard's cell.
 */
import type { Verdict } from '@calico-dsl/evaluator';
import type { MatrixView } from './matrix.js';

/** Matrices of more cells than this are drawn as an image (50 pods and a few clients fit a table). */
export const TABLE_CELL_LIMIT = 3000;

/**
 * Whether the matrix is small enough for a table of labelled cells.
 *
 * @example
 * ```ts
 * usesTable({ protocol: 'TCP', port: 80, rows: ['a', 'b'], columns: ['a', 'b'], cells: [['Allow', 'Deny'], ['Deny', 'Allow']], clients: 0 }); // true
 * ```
 */
export function usesTable(view: MatrixView): boolean {
  return view.rows.length * view.columns.length <= TABLE_CELL_LIMIT;
}

/** An RGB colour. */
export type Rgb = readonly [number, number, number];

/**
 * `#rrggbb` or `#rgb` (as the style sheet writes its colours) as RGB; grey for anything else.
 *
 * @example
 * ```ts
 * rgbOf('#1a7f37'); // [26, 127, 55]
 * rgbOf(' #fff '); // [255, 255, 255]
 * ```
 */
export function rgbOf(css: string): Rgb {
  const t = css.trim();
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(t);
  if (long)
    return [
      Number.parseInt(long[1] ?? '', 16),
      Number.parseInt(long[2] ?? '', 16),
      Number.parseInt(long[3] ?? '', 16),
    ];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(t);
  if (short)
    return [
      17 * Number.parseInt(short[1] ?? '', 16),
      17 * Number.parseInt(short[2] ?? '', 16),
      17 * Number.parseInt(short[3] ?? '', 16),
    ];
  return [128, 128, 128];
}

/**
 * How many cells have each verdict.
 *
 * @example
 * ```ts
 * verdictCounts({ protocol: 'TCP', port: 80, rows: ['a'], columns: ['a', 'b'], cells: [['Allow', 'Deny']], clients: 0 });
 * // { Allow: 1, Deny: 1, Mixed: 0 }
 * ```
 */
export function verdictCounts(view: MatrixView): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { Allow: 0, Deny: 0, Mixed: 0 };
  for (const row of view.cells) for (const v of row) counts[v]++;
  return counts;
}

/**
 * The image: RGBA bytes, `columns` pixels wide and `rows` high, row-major like the cells.
 *
 * @example
 * ```ts
 * const green: Rgb = [0, 128, 0], red: Rgb = [255, 0, 0];
 * const px = heatmapPixels(
 *   { protocol: 'TCP', port: 80, rows: ['a'], columns: ['a', 'b'], cells: [['Allow', 'Deny']], clients: 0 },
 *   { Allow: green, Deny: red, Mixed: [0, 0, 0] },
 * );
 * [...px]; // [0, 128, 0, 255, 255, 0, 0, 255]
 * ```
 */
export function heatmapPixels(
  view: MatrixView,
  palette: Readonly<Record<Verdict, Rgb>>,
): Uint8ClampedArray<ArrayBuffer> {
  const width = view.columns.length;
  const out = new Uint8ClampedArray(width * view.rows.length * 4);
  view.rows.forEach((_, r) => {
    const row = view.cells[r];
    for (let c = 0; c < width; c++) {
      const [red, green, blue] = palette[row?.[c] ?? 'Deny'];
      const at = (r * width + c) * 4;
      out[at] = red;
      out[at + 1] = green;
      out[at + 2] = blue;
      out[at + 3] = 255;
    }
  });
  return out;
}

/** A cell of the heatmap: its row and column, and what the readout says of it. */
export interface HeatmapCell {
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

/**
 * The cell at `row`, `column` with its readout text, or `undefined` outside the matrix.
 *
 * @example
 * ```ts
 * const view: MatrixView = { protocol: 'TCP', port: 80, rows: ['a', 'b'], columns: ['a', 'b'], cells: [['Allow', 'Deny'], ['Deny', 'Allow']], clients: 0 };
 * cellOf(view, 0, 1); // { row: 0, column: 1, text: 'a → b: Deny' }
 * ```
 */
export function cellOf(view: MatrixView, row: number, column: number): HeatmapCell | undefined {
  const verdict = view.cells[row]?.[column];
  if (verdict === undefined) return undefined;
  return { row, column, text: `${view.rows[row]} → ${view.columns[column]}: ${verdict}` };
}

/**
 * The cell under a point of the drawn image (`x`, `y` in CSS pixels from its top-left corner,
 * the image drawn `width` × `height` CSS pixels), or `undefined` outside it.
 *
 * @example
 * ```ts
 * const view: MatrixView = { protocol: 'TCP', port: 80, rows: ['a', 'b'], columns: ['a', 'b'], cells: [['Allow', 'Deny'], ['Deny', 'Allow']], clients: 0 };
 * cellAt(view, 15, 3, 20, 20); // { row: 0, column: 1, text: 'a → b: Deny' }
 * cellAt(view, 25, 3, 20, 20); // undefined
 * ```
 */
export function cellAt(
  view: MatrixView,
  x: number,
  y: number,
  width: number,
  height: number,
): HeatmapCell | undefined {
  if (!(x >= 0 && y >= 0 && x < width && y < height)) return undefined;
  return cellOf(
    view,
    Math.floor((y / height) * view.rows.length),
    Math.floor((x / width) * view.columns.length),
  );
}

// Rows a Page Up / Page Down moves: a screenful of a 600-row image read one row at a time is too slow.
const PAGE_ROWS = 10;

/**
 * Where a key moves the keyboard's cell: arrows by one cell, Page Up / Page Down by ten rows,
 * Home / End to the row's first or last column; the first key from no cell lands on the top-left
 * cell. `undefined` for a key that does not move (the page keeps it).
 *
 * @example
 * ```ts
 * const view: MatrixView = { protocol: 'TCP', port: 80, rows: ['a', 'b'], columns: ['a', 'b'], cells: [['Allow', 'Deny'], ['Deny', 'Allow']], clients: 0 };
 * stepCell(view, undefined, 'ArrowDown')?.text; // 'a → a: Allow'
 * stepCell(view, { row: 0, column: 0 }, 'ArrowRight')?.text; // 'a → b: Deny'
 * stepCell(view, { row: 0, column: 1 }, 'ArrowRight')?.text; // 'a → b: Deny' (stays at the edge)
 * stepCell(view, { row: 0, column: 0 }, 'Tab'); // undefined
 * ```
 */
export function stepCell(
  view: MatrixView,
  at: { readonly row: number; readonly column: number } | undefined,
  key: string,
): HeatmapCell | undefined {
  const last = { row: view.rows.length - 1, column: view.columns.length - 1 };
  const moves: Record<string, (row: number, column: number) => readonly [number, number]> = {
    ArrowUp: (r, c) => [r - 1, c],
    ArrowDown: (r, c) => [r + 1, c],
    ArrowLeft: (r, c) => [r, c - 1],
    ArrowRight: (r, c) => [r, c + 1],
    PageUp: (r, c) => [r - PAGE_ROWS, c],
    PageDown: (r, c) => [r + PAGE_ROWS, c],
    Home: (r) => [r, 0],
    End: (r) => [r, last.column],
  };
  const move = Object.hasOwn(moves, key) ? moves[key] : undefined;
  if (move === undefined || last.row < 0 || last.column < 0) return undefined;
  if (at === undefined) return cellOf(view, 0, 0);
  const [row, column] = move(at.row, at.column);
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
  return cellOf(view, clamp(row, last.row), clamp(column, last.column));
}

/**
 * CSS pixels per cell for an image that fits `room` CSS pixels across: whole pixels (crisp
 * cells), at least 1, at most 12.
 *
 * @example
 * ```ts
 * cellPixels(600, 900); // 1
 * cellPixels(100, 900); // 9
 * ```
 */
export function cellPixels(columns: number, room: number): number {
  return Math.max(1, Math.min(12, Math.floor(room / Math.max(1, columns))));
}

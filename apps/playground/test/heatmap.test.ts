import { describe, expect, it } from 'vitest';
import {
  cellAt,
  cellOf,
  cellPixels,
  heatmapPixels,
  rgbOf,
  stepCell,
  TABLE_CELL_LIMIT,
  usesTable,
  verdictCounts,
} from '../src/model/heatmap.js';
import type { MatrixView } from '../src/model/matrix.js';

const view = (
  cells: MatrixView['cells'],
  rows = cells.map((_, i) => `r${i}`),
  columns = (cells[0] ?? []).map((_, j) => `c${j}`),
): MatrixView => ({
  protocol: 'TCP',
  port: 8080,
  rows,
  columns,
  cells,
  clients: 0,
});

describe('heatmap', () => {
  it('keeps a table up to the cell limit, an image past it', () => {
    const side = Math.floor(Math.sqrt(TABLE_CELL_LIMIT));
    const square = (n: number) =>
      view(Array.from({ length: n }, () => Array.from({ length: n }, () => 'Deny' as const)));
    expect(usesTable(square(side))).toBe(true);
    expect(usesTable(square(side + 1))).toBe(false);
  });

  it('colours one pixel per cell, row-major, opaque', () => {
    const px = heatmapPixels(
      view([
        ['Allow', 'Deny'],
        ['Mixed', 'Allow'],
      ]),
      {
        Allow: [0, 200, 0],
        Deny: [200, 0, 0],
        Mixed: [9, 9, 9],
      },
    );
    expect([...px]).toEqual([0, 200, 0, 255, 200, 0, 0, 255, 9, 9, 9, 255, 0, 200, 0, 255]);
  });

  it('names the cell under a point of a scaled image, and nothing outside it', () => {
    // 3 rows (two pods, one client) × 2 pod columns, drawn 40 × 60 CSS pixels.
    const v = view(
      [
        ['Allow', 'Deny'],
        ['Deny', 'Allow'],
        ['Mixed', 'Deny'],
      ],
      ['a', 'b', 'you'],
      ['a', 'b'],
    );
    expect(cellAt(v, 0, 0, 40, 60)).toEqual({ row: 0, column: 0, text: 'a → a: Allow' });
    expect(cellAt(v, 39.9, 59.9, 40, 60)).toEqual({ row: 2, column: 1, text: 'you → b: Deny' });
    expect(cellAt(v, 5, 45, 40, 60)?.text).toBe('you → a: Mixed');
    expect(cellAt(v, 40, 10, 40, 60)).toBeUndefined();
    expect(cellAt(v, -1, 10, 40, 60)).toBeUndefined();
    expect(cellAt(v, 10, Number.NaN, 40, 60)).toBeUndefined();
  });

  it('moves the keyboard cell by arrows, pages and Home/End, clamped at the edges', () => {
    const v = view(Array.from({ length: 25 }, (_, r) => ['Allow', r % 2 === 0 ? 'Deny' : 'Mixed', 'Allow']));
    expect(stepCell(v, undefined, 'ArrowLeft')).toEqual(cellOf(v, 0, 0));
    expect(stepCell(v, { row: 0, column: 0 }, 'ArrowRight')).toEqual({
      row: 0,
      column: 1,
      text: 'r0 → c1: Deny',
    });
    expect(stepCell(v, { row: 0, column: 1 }, 'ArrowDown')?.text).toBe('r1 → c1: Mixed');
    expect(stepCell(v, { row: 0, column: 0 }, 'ArrowUp')).toEqual(cellOf(v, 0, 0));
    expect(stepCell(v, { row: 3, column: 1 }, 'PageDown')).toEqual(cellOf(v, 13, 1));
    expect(stepCell(v, { row: 20, column: 1 }, 'PageDown')).toEqual(cellOf(v, 24, 1));
    expect(stepCell(v, { row: 5, column: 1 }, 'PageUp')).toEqual(cellOf(v, 0, 1));
    expect(stepCell(v, { row: 4, column: 1 }, 'End')).toEqual(cellOf(v, 4, 2));
    expect(stepCell(v, { row: 4, column: 2 }, 'Home')).toEqual(cellOf(v, 4, 0));
    expect(stepCell(v, { row: 4, column: 2 }, 'Enter')).toBeUndefined();
    expect(stepCell(v, { row: 4, column: 2 }, 'toString')).toBeUndefined();
    expect(stepCell(view([]), undefined, 'ArrowDown')).toBeUndefined();
    expect(cellOf(v, 25, 0)).toBeUndefined();
  });

  it('counts verdicts', () => {
    expect(
      verdictCounts(
        view([
          ['Allow', 'Deny', 'Deny'],
          ['Mixed', 'Allow', 'Deny'],
        ]),
      ),
    ).toEqual({
      Allow: 2,
      Deny: 3,
      Mixed: 1,
    });
  });

  it('scales cells to whole pixels that fit', () => {
    expect(cellPixels(600, 780)).toBe(1);
    expect(cellPixels(2000, 780)).toBe(1);
    expect(cellPixels(100, 780)).toBe(7);
    expect(cellPixels(10, 780)).toBe(12);
    expect(cellPixels(0, 780)).toBe(12);
  });

  it("reads the style sheet's colours", () => {
    expect(rgbOf('#1a7f37')).toEqual([26, 127, 55]);
    expect(rgbOf(' #F85149')).toEqual([248, 81, 73]);
    expect(rgbOf('#abc')).toEqual([170, 187, 204]);
    expect(rgbOf('rgb(1, 2, 3)')).toEqual([128, 128, 128]);
  });
});

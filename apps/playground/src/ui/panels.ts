/**
 * The list panels (problems, lint findings, verdict changes) and the matrix heatmap, built with
 * DOM calls and `textContent` only.
 */
import type { FindingView } from '../model/analysis-view.js';
import { usesTable } from '../model/heatmap.js';
import type { IssueView } from '../model/manifests.js';
import { clientRowsNote, type MatrixView } from '../model/matrix.js';
import { renderHeatmap } from './heatmap.js';

function item(text: string, className: string, onSelect?: () => void): HTMLLIElement {
  const li = document.createElement('li');
  li.className = className;
  if (onSelect) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = text;
    button.addEventListener('click', onSelect);
    li.append(button);
  } else li.textContent = text;
  return li;
}

/**
 * Fills the problems list: `line N, column M (path): message`; a click moves the cursor there.
 *
 * @example
 * ```ts
 * renderIssues(list, view.issues, (line) => editor.goTo(line));
 * ```
 */
export function renderIssues(
  list: HTMLElement,
  issues: readonly IssueView[],
  goTo: (line: number) => void,
): void {
  if (issues.length === 0) {
    list.replaceChildren(item('No problems.', 'ok'));
    return;
  }
  list.replaceChildren(
    ...issues.map((i) =>
      item(
        `line ${i.line}, column ${i.column}${i.where ? ` (${i.where})` : ''}: ${i.message}`,
        `issue ${i.severity}`,
        () => goTo(i.line),
      ),
    ),
  );
}

/**
 * Fills the lint panel.
 *
 * @example
 * ```ts
 * renderFindings(panel, findingViews(findings, located), goTo);
 * ```
 */
export function renderFindings(
  panel: HTMLElement,
  findings: readonly FindingView[],
  goTo: (line: number) => void,
): void {
  if (findings.length === 0) {
    panel.replaceChildren(item('No findings.', 'ok'));
    return;
  }
  const ul = document.createElement('ul');
  ul.append(
    ...findings.map((f) => {
      const text = `${f.severity} ${f.code}${f.line !== undefined ? ` (line ${f.line})` : ''}: ${f.text}`;
      const line = f.line;
      return item(text, `finding ${f.severity}`, line !== undefined ? () => goTo(line) : undefined);
    }),
  );
  panel.replaceChildren(ul);
}

/**
 * Fills a panel with a message (e.g. that the analysis package is not in this build).
 *
 * @example
 * ```ts
 * renderNote(panel, 'Lint needs @calico-dsl/analysis.');
 * ```
 */
export function renderNote(panel: HTMLElement, text: string): void {
  const p = document.createElement('p');
  p.className = 'hint';
  p.textContent = text;
  panel.replaceChildren(p);
}

/**
 * Fills a panel with a list of lines.
 *
 * @example
 * ```ts
 * renderLines(panel, ['Allow → Deny, e.g. tcp …'], 'No verdict changed.');
 * ```
 */
export function renderLines(panel: HTMLElement, lines: readonly string[], empty: string): void {
  if (lines.length === 0) {
    renderNote(panel, empty);
    return;
  }
  const ul = document.createElement('ul');
  ul.append(...lines.map((l) => item(l, 'change')));
  panel.replaceChildren(ul);
}

/**
 * The heatmap as a table: rows are sources, columns pods; each cell says its verdict in text
 * (✓ / ✗ / ±) and in colour, with a tooltip naming both ends. A matrix too large for a table
 * ({@link usesTable}) is drawn as an image ({@link renderHeatmap}).
 *
 * @example
 * ```ts
 * renderMatrix(container, matrixView(world, { protocol: 'TCP', port: 8080 }, clients));
 * ```
 */
export function renderMatrix(container: HTMLElement, view: MatrixView): void {
  if (view.columns.length === 0) {
    renderNote(container, 'No pods in these manifests.');
    return;
  }
  if (!usesTable(view)) {
    renderHeatmap(container, view);
    return;
  }
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = `${view.protocol}${view.port !== undefined ? ` port ${view.port}` : ''}: row → column.${clientRowsNote(view)}`;
  table.append(caption);
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (const c of view.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  table.append(head);
  view.rows.forEach((row, r) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = row;
    tr.append(th);
    view.columns.forEach((col, c) => {
      const verdict = view.cells[r]?.[c] ?? 'Deny';
      const td = document.createElement('td');
      td.className = `cell cell-${verdict.toLowerCase()}`;
      td.textContent = verdict === 'Allow' ? '✓' : verdict === 'Deny' ? '✗' : '±';
      td.title = `${row} → ${col}: ${verdict}`;
      tr.append(td);
    });
    table.append(tr);
  });
  container.replaceChildren(table);
}

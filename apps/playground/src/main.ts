/**
 * The playground page: wires the editor, the flow box, the presets and the panels to
 * {@link PlaygroundState}, and keeps the URL hash in step so that a link reproduces the view.
 */
import './style.css';
import type { Flow } from '@calico-dsl/evaluator';
import { analysisPort } from './analysis/load.js';
import type { AnalysisPort } from './analysis/port.js';
import { PlaygroundState } from './app-state.js';
import { changeText, findingViews } from './model/analysis-view.js';
import { readHash, writeHash } from './model/hash.js';
import { layoutLanes } from './model/layout.js';
import { formatClients, MATRIX_AUTO_LIMIT, matrixView, parseClients } from './model/matrix.js';
import { lessonPresets, tutorialClients, tutorialQuickPicks } from './model/presets.js';
import { renderDiagram } from './ui/diagram.js';
import { createEditor } from './ui/editor.js';
import { renderFindings, renderIssues, renderLines, renderMatrix, renderNote } from './ui/panels.js';

const MARK_EDIT = 'playground:edit';
const MARK_START = 'playground:evaluate:start';
const MARK_END = 'playground:evaluate:end';
/** Performance measures the browser test reads: the re-evaluation itself (manifests and flow
 * read, result rendered), and from the first edit not yet evaluated to the rendered result. */
const MEASURE = 'playground:reevaluate';
const MEASURE_EDIT = 'playground:edit-to-result';
/** The longest wait after an edit: for worlds whose evaluation is slow, typing stays fluid. */
const MAX_EDIT_DELAY_MS = 400;
const SLOW_MS = 150;
/** Pause in typing after which lint and diff run (they can take much longer than an evaluation). */
const ANALYSIS_DELAY_MS = 300;
/** The lesson the page opens with when the link names no manifests: the tutorial's last state. */
const DEFAULT_LESSON = 4;

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`playground: #${id} is missing from index.html`);
  return node as T;
}

const presets = lessonPresets();
const picks = tutorialQuickPicks();
const initial = readHash(location.hash);
const defaultPreset = presets.find((p) => p.lesson === DEFAULT_LESSON) ?? presets[0];

const ui = {
  preset: byId<HTMLSelectElement>('preset'),
  status: byId<HTMLElement>('status'),
  issues: byId<HTMLElement>('issues'),
  flowForm: byId<HTMLFormElement>('flow-form'),
  flow: byId<HTMLInputElement>('flow'),
  flowError: byId<HTMLElement>('flow-error'),
  picks: byId<HTMLElement>('picks'),
  verdict: byId<HTMLElement>('verdict'),
  decidedBy: byId<HTMLElement>('decided-by'),
  diagram: byId<HTMLElement>('path-diagram'),
  explain: byId<HTMLElement>('explain'),
  matrixForm: byId<HTMLFormElement>('matrix-form'),
  matrixProtocol: byId<HTMLSelectElement>('matrix-protocol'),
  matrixPort: byId<HTMLInputElement>('matrix-port'),
  matrixClients: byId<HTMLInputElement>('matrix-clients'),
  matrix: byId<HTMLElement>('matrix'),
  lint: byId<HTMLElement>('lint'),
  diff: byId<HTMLElement>('diff'),
  copyLink: byId<HTMLButtonElement>('copy-link'),
};

ui.matrixClients.value = formatClients(tutorialClients());
const startText = initial.state.manifests ?? defaultPreset?.manifests ?? '';
const state = new PlaygroundState(startText);
ui.flow.value = initial.state.flow ?? picks[0]?.flow ?? '';

const analysis: AnalysisPort | undefined = analysisPort();
let editTimer: ReturnType<typeof setTimeout> | undefined;
let analysisTimer: ReturnType<typeof setTimeout> | undefined;

let editPending = false;
let lastDuration = 0;
// The manifests the matrix, lint and diff were last built for: a new flow alone keeps them (a
// Show-built matrix stays, and a large world's lint and diff are not redone per evaluation).
let analysedManifests: unknown;

// Re-evaluate on the next task after an edit: keystrokes that arrive during an evaluation are
// coalesced into one. Only worlds whose evaluation is slow (> SLOW_MS) wait about as long as the
// last one took, so that typing is not queued behind evaluations.
let loading = false;
const editor = createEditor(byId('editor'), startText, () => {
  if (loading) return; // a preset or link replaced the text: loadText evaluates it
  // The text is no longer the preset: choosing the preset again reloads it.
  ui.preset.value = '';
  if (!editPending) performance.mark(MARK_EDIT);
  editPending = true;
  clearTimeout(editTimer);
  const delay = lastDuration < SLOW_MS ? 0 : Math.min(MAX_EDIT_DELAY_MS, lastDuration);
  editTimer = setTimeout(() => refresh(), delay);
});

function goToLine(line: number): void {
  const doc = editor.view.state.doc;
  const pos = doc.line(Math.min(Math.max(1, line), doc.lines)).from;
  editor.view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  editor.view.focus();
}

function syncHash(): void {
  const hash = `#${writeHash({ manifests: state.text, flow: ui.flow.value })}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

/** The heatmap; on edits only for worlds of at most MATRIX_AUTO_LIMIT pods (Show builds any). */
function renderMatrixPanel(asked: boolean): void {
  const world = state.manifests.world;
  if (world === undefined) {
    renderNote(ui.matrix, 'Fix the manifest problems to see the matrix.');
    return;
  }
  if (!asked && world.model.workloads.length > MATRIX_AUTO_LIMIT) {
    renderNote(ui.matrix, `${world.model.workloads.length} pods: press Show to build the matrix.`);
    return;
  }
  const portText = ui.matrixPort.value.trim();
  const port = portText === '' ? undefined : Number(portText);
  const protocol = ui.matrixProtocol.value as Flow['protocol'];
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    renderNote(ui.matrix, `Port "${portText}" is not a number 0-65535.`);
    return;
  }
  if (port === undefined && protocol !== 'ICMP') {
    renderNote(ui.matrix, `Enter a port: ${protocol} flows have one.`);
    return;
  }
  const { clients, problems } = parseClients(ui.matrixClients.value);
  if (problems.length > 0) {
    renderNote(ui.matrix, problems.join('; '));
    return;
  }
  // A query the evaluator refuses is a note here, never an exception that stops the refresh.
  let view: ReturnType<typeof matrixView>;
  try {
    view = matrixView(world, { protocol, port: protocol === 'ICMP' ? undefined : port }, clients);
  } catch (error) {
    renderNote(ui.matrix, error instanceof Error ? error.message : String(error));
    return;
  }
  renderMatrix(ui.matrix, view);
}

function renderAnalysis(): void {
  const world = state.manifests.world;
  if (analysis === undefined) {
    const why =
      'This build has no @calico-dsl/analysis: lint findings and the diff appear when it is installed.';
    renderNote(ui.lint, why);
    renderNote(ui.diff, why);
    return;
  }
  if (world === undefined) {
    renderNote(ui.lint, 'Fix the manifest problems to lint.');
    renderNote(ui.diff, 'Fix the manifest problems to compare.');
    return;
  }
  try {
    renderFindings(ui.lint, findingViews(analysis.analyze(world).lint(), state.manifests.located), goToLine);
    const before = state.changedFrom;
    if (before === undefined) renderNote(ui.diff, 'Edit the manifests to see which flows change verdict.');
    else {
      // Typed pings and flows that name where they enter are compared apart: shown as any other change.
      const d = analysis.diff(before, world);
      const all = [...d.changes, ...d.icmpChanges, ...d.viaChanges];
      renderLines(ui.diff, all.map(changeText), 'No flow changes verdict.');
    }
  } catch (error) {
    renderNote(ui.lint, `The analysis failed: ${String(error)}`);
  }
}

/** Re-reads the manifests (when changed), evaluates the flow and renders everything. */
function refresh(): void {
  performance.mark(MARK_START);
  const manifests = state.setText(editor.text());
  const evaluated = state.evaluate(ui.flow.value);
  editor.showIssues(manifests.issues);
  renderIssues(ui.issues, manifests.issues, goToLine);
  ui.flowError.textContent = evaluated.flowError ?? '';
  ui.flow.setAttribute(
    'aria-invalid',
    String(evaluated.flowError !== undefined && manifests.world !== undefined),
  );
  const result = evaluated.result;
  if (result === undefined) {
    ui.verdict.textContent = '—';
    ui.verdict.className = 'verdict';
    ui.decidedBy.textContent = '';
    ui.diagram.replaceChildren();
    ui.explain.textContent = '';
    editor.highlight([]);
  } else {
    ui.verdict.textContent = result.verdict;
    ui.verdict.className = `verdict verdict-${result.verdict.toLowerCase()}`;
    ui.decidedBy.textContent = result.decidedBy;
    const layout = layoutLanes(result.lanes);
    ui.diagram.replaceChildren(
      renderDiagram(layout, `Packet path of ${ui.flow.value.trim()}: ${result.verdict}`),
    );
    if (result.problems.length > 0) ui.flowError.textContent = result.problems.join('; ');
    ui.explain.textContent = result.explain;
    editor.highlight(result.highlights);
  }
  const manifestsChanged = manifests !== analysedManifests;
  analysedManifests = manifests;
  if (manifestsChanged) renderMatrixPanel(false);
  performance.mark(MARK_END);
  const took = performance.measure(MEASURE, MARK_START, MARK_END).duration;
  lastDuration = took;
  if (editPending) {
    editPending = false;
    performance.measure(MEASURE_EDIT, MARK_EDIT, MARK_END);
  }
  ui.status.textContent = `evaluated in ${took.toFixed(1)} ms`;
  syncHash();
  // Lint and diff take longer than an evaluation: once typing pauses, after the verdict is painted.
  if (manifestsChanged) {
    clearTimeout(analysisTimer);
    analysisTimer = setTimeout(renderAnalysis, ANALYSIS_DELAY_MS);
  }
}

function loadText(text: string): void {
  clearTimeout(editTimer);
  editPending = false;
  loading = true;
  try {
    editor.setText(text);
  } finally {
    loading = false;
  }
  state.setText(text);
  state.setBaseline(text);
  analysedManifests = undefined; // a new baseline: the diff is redone even for the same text
  refresh();
}

for (const p of presets) {
  const option = document.createElement('option');
  option.value = String(p.lesson);
  option.textContent = `Lesson ${p.lesson}: ${p.title}`;
  ui.preset.append(option);
}
if (initial.state.manifests === undefined && defaultPreset) ui.preset.value = String(defaultPreset.lesson);
ui.preset.addEventListener('change', () => {
  const p = presets.find((x) => String(x.lesson) === ui.preset.value);
  if (p) loadText(p.manifests);
});

for (const pick of picks) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = pick.label;
  button.title = pick.flow;
  button.addEventListener('click', () => {
    ui.flow.value = pick.flow;
    refresh();
  });
  ui.picks.append(button);
}

ui.flowForm.addEventListener('submit', (event) => {
  event.preventDefault();
  refresh();
});
ui.matrixForm.addEventListener('submit', (event) => {
  event.preventDefault();
  renderMatrixPanel(true);
});
ui.copyLink.addEventListener('click', () => {
  syncHash();
  const done = (text: string) => {
    ui.status.textContent = text;
  };
  if (navigator.clipboard === undefined) done('Copy the address bar: it holds this view.');
  else
    navigator.clipboard.writeText(location.href).then(
      () => done('Link copied.'),
      () => done('Copy the address bar: it holds this view.'),
    );
});
window.addEventListener('hashchange', () => {
  const read = readHash(location.hash);
  if (read.state.flow !== undefined) ui.flow.value = read.state.flow;
  if (read.state.manifests !== undefined && read.state.manifests !== state.text) {
    ui.preset.value = '';
    loadText(read.state.manifests);
  } else refresh();
  // A link the page cannot read says so, as on a fresh load (refresh clears the flow's message).
  if (read.problems.length > 0) ui.flowError.textContent = read.problems.join('; ');
});

if (initial.problems.length > 0) ui.flowError.textContent = initial.problems.join('; ');
refresh();
if (initial.problems.length > 0) ui.flowError.textContent = initial.problems.join('; ');

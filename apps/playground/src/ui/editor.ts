/**
 * The manifests editor: CodeMirror 6 with YAML mode, inline diagnostics (@codemirror/lint) for
 * the manifests' problems, and a line highlight for the deciding rule.
 */

import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { type Extension, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import type { IssueView } from '../model/manifests.js';
import type { LineRange } from '../model/rule-lines.js';

// Colours from CSS variables, so the YAML reads well in light and dark schemes alike.
const yamlColours = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--syntax-key)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--syntax-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--syntax-number)' },
  { tag: [tags.comment, tags.meta, tags.punctuation, tags.separator], color: 'var(--syntax-comment)' },
  { tag: [tags.keyword, tags.typeName, tags.labelName], color: 'var(--syntax-keyword)' },
]);

const setHighlight = StateEffect.define<readonly LineRange[]>();
const decidingLine = Decoration.line({ class: 'cm-deciding-rule', attributes: { title: 'deciding rule' } });

const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setHighlight)) continue;
      const builder = new RangeSetBuilder<Decoration>();
      const lines = new Set<number>();
      for (const r of effect.value) {
        for (let n = r.from; n <= r.to && n <= tr.state.doc.lines; n++) lines.add(n);
      }
      for (const n of [...lines].sort((a, b) => a - b)) {
        const line = tr.state.doc.line(n);
        builder.add(line.from, line.from, decidingLine);
      }
      next = builder.finish();
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/**
 * The editor as the app drives it.
 *
 * @example
 * ```ts
 * const editor = createEditor(document.getElementById('editor')!, text, (t) => schedule(t));
 * editor.showIssues(view.issues);
 * ```
 */
export interface ManifestsEditor {
  readonly view: EditorView;
  text(): string;
  setText(text: string): void;
  showIssues(issues: readonly IssueView[]): void;
  highlight(ranges: readonly LineRange[]): void;
}

function toDiagnostic(view: EditorView, issue: IssueView): Diagnostic {
  const doc = view.state.doc;
  const line = doc.line(Math.min(Math.max(1, issue.line), doc.lines));
  const from = Math.min(line.from + Math.max(0, issue.column - 1), line.to);
  return {
    from,
    to: Math.max(line.to, from),
    severity: issue.severity,
    ...(issue.where !== '' ? { source: issue.where } : {}),
    message: issue.message,
  };
}

/**
 * Creates the editor in `parent`; `onChange` gets the text after each edit.
 *
 * @example
 * ```ts
 * createEditor(parent, 'kind: Pod\n', (text) => console.log(text.length));
 * ```
 */
export function createEditor(
  parent: HTMLElement,
  doc: string,
  onChange: (text: string) => void,
  extra: readonly Extension[] = [],
): ManifestsEditor {
  const view = new EditorView({
    parent,
    doc,
    extensions: [
      basicSetup,
      yaml(),
      syntaxHighlighting(yamlColours),
      lintGutter(),
      highlightField,
      EditorView.contentAttributes.of({ 'aria-label': 'Manifests (YAML)' }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) onChange(u.state.doc.toString());
      }),
      ...extra,
    ],
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    showIssues(issues) {
      view.dispatch(
        setDiagnostics(
          view.state,
          issues.map((i) => toDiagnostic(view, i)),
        ),
      );
    },
    highlight(ranges) {
      const first = ranges[0];
      const effects: StateEffect<unknown>[] = [setHighlight.of(ranges)];
      if (first !== undefined && first.from <= view.state.doc.lines) {
        effects.push(EditorView.scrollIntoView(view.state.doc.line(first.from).from, { y: 'center' }));
      }
      view.dispatch({ effects });
    },
  };
}

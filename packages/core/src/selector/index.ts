/**
 * The Calico selector language: parser, canonical printer, matcher, compiled matcher, AST
 * helpers and the typed `sel` builder — faithful to upstream `libcalico-go/lib/selector`.
 */
export {
  isSelectorLabel,
  MAX_SELECTOR_LABEL_LENGTH,
  type SelectorKind,
  type SelectorNode,
  type SelectorNodeOf,
  type SelectorSetKind,
  type SelectorValueKind,
} from './ast.js';
export {
  isSelectorBuilder,
  type LabelSelectorBuilder,
  resolveSelector,
  type SelectorBuilder,
  type SelectorInput,
  type SelectorLabelKey,
  sel,
} from './builder.js';
export { type CompiledSelector, compileSelector } from './compile.js';
export type { SelectorLabels } from './labels.js';
export { matchSelector } from './match.js';
export { checkSelectorNode } from './node-checks.js';
export { MAX_SELECTOR_DEPTH, parseSelector } from './parser.js';
export { printSelector } from './print.js';
export {
  andSelectors,
  mapSelectorLabels,
  orSelectors,
  prefixSelectorLabels,
  replaceSelectorCalls,
  selectorLabels,
} from './transform.js';
export { selectorUniqueId } from './unique-id.js';

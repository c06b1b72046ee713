/** The flow text grammar: `'tcp 198.51.100.7:40000 -> 169.46.10.20:80'` ⇄ the evaluator's `Flow`. */
export { formatFlow } from './format-flow.js';
export { parseFlow, parseVia } from './parse-flow.js';

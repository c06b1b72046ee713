import { CalicoValidationError } from '../result.js';
import { assertNeverSelector, isLabelCharCode, normalizeSelectorSet, type SelectorNode } from './ast.js';

/** Upstream `appendLabelOpAndQuotedString`: `"` unless the value contains `"`, then `'`. */
function quoteValue(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  throw new CalicoValidationError([
    {
      code: 'invalid_selector',
      path: [],
      message: `Selector value ${JSON.stringify(value)} contains both ' and "; Calico selector strings have no escapes, so it cannot be written`,
    },
  ]);
}

function checkLabel(label: string): string {
  // Prefixing (pcns./pcsa.) may push a label past 512 characters, which upstream prints anyway;
  // only characters that would change the meaning of the text are refused.
  if (label.length > 0) {
    let i = 0;
    while (i < label.length && isLabelCharCode(label.charCodeAt(i))) i++;
    if (i === label.length) return label;
  }
  throw new CalicoValidationError([
    {
      code: 'invalid_selector',
      path: [],
      message: `Selector label ${JSON.stringify(label)} is not a valid label key: use 1–512 characters of A-Z a-z 0-9 _ . / -`,
    },
  ]);
}

const VALUE_OP = {
  eq: ' == ',
  neq: ' != ',
  contains: ' contains ',
  startsWith: ' starts with ',
  endsWith: ' ends with ',
} as const;

/**
 * Appends one node's text. Children are pushed onto `work` (text fragments as strings) rather than
 * recursed into, so arbitrarily deep hand-built trees print without growing the call stack.
 */
function emit(node: SelectorNode, out: string[], work: (SelectorNode | string)[]): void {
  switch (node.kind) {
    case 'all':
      out.push('all()');
      return;
    case 'global':
      out.push('global()');
      return;
    case 'has':
      out.push('has(', checkLabel(node.label), ')');
      return;
    case 'eq':
    case 'neq':
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      out.push(checkLabel(node.label), VALUE_OP[node.kind], quoteValue(node.value));
      return;
    case 'in':
    case 'notIn': {
      out.push(checkLabel(node.label), node.kind === 'in' ? ' in {' : ' not in {');
      normalizeSelectorSet(node.values).forEach((v, i) => {
        out.push(i === 0 ? quoteValue(v) : `, ${quoteValue(v)}`);
      });
      out.push('}');
      return;
    }
    case 'not':
      out.push('!');
      work.push(node.operand);
      return;
    case 'and':
    case 'or': {
      if (node.operands.length === 0) {
        throw new CalicoValidationError([
          {
            code: 'invalid_selector',
            path: [],
            message: `A selector "${node.kind}" group needs at least one operand`,
          },
        ]);
      }
      const sep = node.kind === 'and' ? ' && ' : ' || ';
      out.push('(');
      // LIFO: push the closing text first and the first operand last.
      work.push(')');
      for (let i = node.operands.length - 1; i >= 0; i--) {
        work.push(node.operands[i]!);
        if (i > 0) work.push(sep);
      }
      return;
    }
    default:
      assertNeverSelector(node);
  }
}

/**
 * Prints a selector in Calico's canonical form, byte-for-byte what upstream's
 * `parser.Parse(x).String()` gives: `&&`/`||` groups always parenthesised (also at top level),
 * values in `"…"` unless they contain `"`, set members de-duplicated and sorted, `startswith` as
 * `starts with`, one `!` per `not` node.
 *
 * Every tree {@link parseSelector} returns prints. A hand-built tree that no selector text can
 * express (a value holding both quote kinds, a label with characters outside `[A-Za-z0-9_./-]`,
 * an empty group) throws {@link CalicoValidationError}; use the {@link sel} builder to get such
 * problems as issues instead.
 *
 * @example
 * ```ts
 * const r = parseSelector("! (has( b)||! has(a ))");
 * if (r.ok) printSelector(r.value); // '!(has(b) || !has(a))'
 * printSelector({ kind: 'in', label: 'env', values: ['prod', 'dev', 'prod'] }); // 'env in {"dev", "prod"}'
 * ```
 */
export function printSelector(node: SelectorNode): string {
  const out: string[] = [];
  const work: (SelectorNode | string)[] = [node];
  while (work.length > 0) {
    const next = work.pop()!;
    if (typeof next === 'string') out.push(next);
    else emit(next, out, work);
  }
  return out.join('');
}

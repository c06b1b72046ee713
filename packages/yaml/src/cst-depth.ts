import type { CST } from 'yaml';

/**
 * Why a document is refused before it is composed, and where.
 *
 * @example
 * ```ts
 * const problem: CstProblem = { reason: 'tooDeep', offset: 64 };
 * ```
 */
export interface CstProblem {
  readonly reason: 'tooDeep' | 'tooLong';
  readonly offset: number;
}

/**
 * Checks a parsed-but-not-composed document, without recursion, for the two shapes that would
 * make composing it slow or crash: collections nested deeper than `maxDepth` (yaml's composer
 * recurses once per level, so 10,000 `[` would overflow the stack) and a scalar longer than
 * `maxScalarLength` (decoding a multi-megabyte quoted string takes most of a second, and no
 * Calico or Kubernetes field can hold one: annotations are capped at 256 KiB in total).
 *
 * @returns the first problem found, or `undefined` when the document is within bounds.
 * @example
 * ```ts
 * for (const token of new Parser().parse('[[[]]]'))
 *   if (token.type === 'document') checkDocumentToken(token, 2, 1024); // { reason: 'tooDeep', offset: 2 }
 * ```
 */
export function checkDocumentToken(
  document: CST.Document,
  maxDepth: number,
  maxScalarLength: number,
): CstProblem | undefined {
  const stack: [CST.Token, number][] = [];
  if (document.value) stack.push([document.value, 0]);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [token, depth] = next;
    switch (token.type) {
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > maxDepth) return { reason: 'tooDeep', offset: token.offset };
        for (const item of token.items) {
          if (item.key) stack.push([item.key, depth + 1]);
          if (item.value) stack.push([item.value, depth + 1]);
        }
        break;
      }
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        if (token.source.length > maxScalarLength) return { reason: 'tooLong', offset: token.offset };
        break;
      default:
        break;
    }
  }
  return undefined;
}

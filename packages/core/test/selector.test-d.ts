import { describe, expectTypeOf, it } from 'vitest';
import type { Result } from '../src/result.js';
import {
  type CompiledSelector,
  compileSelector,
  type LabelSelectorBuilder,
  matchSelector,
  parseSelector,
  type SelectorBuilder,
  type SelectorLabelKey,
  type SelectorNode,
  type SelectorNodeOf,
  sel,
} from '../src/selector/index.js';

describe('selector types', () => {
  it('parseSelector returns Result<SelectorNode>', () => {
    expectTypeOf(parseSelector('all()')).toEqualTypeOf<Result<SelectorNode>>();
  });

  it('narrows on kind', () => {
    const n = {} as SelectorNode;
    if (n.kind === 'in') expectTypeOf(n.values).toEqualTypeOf<readonly string[]>();
    if (n.kind === 'eq') expectTypeOf(n.value).toEqualTypeOf<string>();
    if (n.kind === 'not') expectTypeOf(n.operand).toEqualTypeOf<SelectorNode>();
    expectTypeOf<SelectorNodeOf<'has'>>().toEqualTypeOf<{ readonly kind: 'has'; readonly label: string }>();
  });

  it('and/or groups need two operands; nodes are readonly', () => {
    const has: SelectorNode = { kind: 'has', label: 'a' };
    // @ts-expect-error: a group of one operand is not a selector Calico prints
    const one: SelectorNode = { kind: 'and', operands: [has] };
    const node = { kind: 'has', label: 'a' } as SelectorNodeOf<'has'>;
    // @ts-expect-error: readonly
    node.label = 'b';
    void one;
  });

  it('matchSelector takes records or Maps', () => {
    const n = {} as SelectorNode;
    expectTypeOf(matchSelector(n, { a: 'b' })).toEqualTypeOf<boolean>();
    expectTypeOf(matchSelector(n, new Map([['a', 'b']]))).toEqualTypeOf<boolean>();
    // @ts-expect-error: label values are strings
    matchSelector(n, { a: 1 });
    expectTypeOf(compileSelector(n)).toEqualTypeOf<CompiledSelector>();
  });

  it('builder types', () => {
    expectTypeOf(sel.label('a')).toEqualTypeOf<LabelSelectorBuilder>();
    expectTypeOf(sel.label('a').eq('b').and(sel.has('c'), 'd == "e"')).toEqualTypeOf<SelectorBuilder>();
    // @ts-expect-error: in() takes a list
    sel.label('a').in('b');
    // @ts-expect-error: operators live on sel.label(...), not on a finished selector
    sel.has('a').eq('b');
  });

  it('rejects literal label keys with characters Calico does not allow', () => {
    sel.label('ibm.role');
    sel.label('projectcalico.org/namespace');
    sel.has('k8s-app');
    const dynamic: string = 'anything goes at compile time';
    sel.label(dynamic);
    // @ts-expect-error: space in a label key
    sel.label('app name');
    // @ts-expect-error: non-ASCII label key
    sel.has('café');
    // @ts-expect-error: empty label key
    sel.label('');
    expectTypeOf<
      SelectorLabelKey<'a b'>
    >().toEqualTypeOf<'Error: selector label "a b" contains " "; use only A-Z a-z 0-9 _ . / -'>();
    expectTypeOf<SelectorLabelKey<'a.b/c-d_0'>>().toEqualTypeOf<'a.b/c-d_0'>();
  });
});

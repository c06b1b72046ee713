import '@calico-dsl/testkit/setup';
import type { World } from '@calico-dsl/evaluator';
import { describe, expect, expectTypeOf, it } from 'vitest';

declare const w: World;

describe('matcher types', () => {
  it('toAllow/toDeny/toHaveVerdict type-check on expect(world)', () => {
    expect(w).toAllow('tcp 198.51.100.7 -> 169.46.10.20:80');
    expect(w).not.toDeny({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '169.46.10.20', dstPort: 80 });
    expect(w).toDeny('tcp 198.51.100.7 -> 169.46.7.10:31024', { by: 'deny-nodeports' });
    expect(w).toHaveVerdict('tcp 198.51.100.7 -> 169.46.7.10:31024', 'Mixed');
    expectTypeOf(expect(w).toAllow).parameter(0).toEqualTypeOf<import('@calico-dsl/testkit').FlowInput>();
  });

  it('rejects wrong arguments', () => {
    // @ts-expect-error a flow is a string or a Flow object
    expect(w).toAllow(42);
    // @ts-expect-error verdicts are Allow, Deny or Mixed
    expect(w).toHaveVerdict('tcp 1.2.3.4 -> 5.6.7.8:80', 'Maybe');
    // @ts-expect-error unknown option
    expect(w).toDeny('tcp 1.2.3.4 -> 5.6.7.8:80', { because: 'x' });
  });
});

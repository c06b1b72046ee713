// Type-state of ipPool(): toResource() once the pool has a CIDR; modes and uses are Calico's literal
// values, so a misspelt one does not compile.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type IPPool,
  type IPPoolBuilder,
  ipPool,
  type ResourceSource,
  type Result,
  sel,
} from '../src/index.js';

describe('must compile', () => {
  it('a pool with its CIDR, in any order', () => {
    const start = ipPool('pods');
    expectTypeOf(start).toEqualTypeOf<IPPoolBuilder<false>>();
    const pool = start.natOutgoing().vxlanMode('CrossSubnet').cidr('10.244.0.0/16').blockSize(26);
    expectTypeOf(pool).toEqualTypeOf<IPPoolBuilder<true>>();
    expectTypeOf(pool.toResource()).toEqualTypeOf<IPPool>();
    expectTypeOf(pool.build()).toEqualTypeOf<Result<IPPool>>();
    expectTypeOf(pool).toExtend<ResourceSource<IPPool>>();
    pool.nodeSelector(sel.label('zone').eq('a')).allowedUses('Workload', 'Tunnel').assignmentMode('Manual');
  });

  it('build() needs no CIDR: it reports it', () => {
    expectTypeOf(ipPool('pods').build()).toEqualTypeOf<Result<IPPool>>();
  });
});

describe('must not compile', () => {
  it('toResource() before .cidr()', () => {
    // @ts-expect-error this IP pool has no CIDR yet
    ipPool('pods').natOutgoing().toResource();
  });

  it('a pool without a CIDR is no resource source (toYaml, apply and World.from take those)', () => {
    expectTypeOf(ipPool('pods').natOutgoing()).not.toExtend<ResourceSource<IPPool>>();
  });

  it('modes, uses and assignment modes outside the CRD enums', () => {
    const pool = ipPool('pods').cidr('10.244.0.0/16');
    // @ts-expect-error values are case-sensitive: 'CrossSubnet'
    pool.ipipMode('crossSubnet');
    // @ts-expect-error VXLANMode is Never, Always or CrossSubnet
    pool.vxlanMode('Enabled');
    // @ts-expect-error IPPoolAllowedUse is Workload, Tunnel or LoadBalancer
    pool.allowedUses('Workloads');
    // @ts-expect-error at least one use
    pool.allowedUses();
    // @ts-expect-error AssignmentMode is Automatic or Manual
    pool.assignmentMode('Auto');
    // @ts-expect-error blockSize is a number
    pool.blockSize('26');
  });
});

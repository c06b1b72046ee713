import type { GlobalNetworkPolicy, NetworkPolicy } from '@calico-dsl/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { Calicoctl } from './api.js';
import type { ChangeResult } from './commands/command.js';
import type { CalicoctlErrorCode, FailedResource } from './errors.js';
import type { Runner } from './runner.js';
import { createFakeRunner } from './testing/fake-runner.js';

declare const ctl: Calicoctl;

describe('calicoctl types', () => {
  it('change results carry the count under the verb past tense', () => {
    expectTypeOf<ChangeResult<'apply'>['applied']>().toEqualTypeOf<number>();
    expectTypeOf<ChangeResult<'delete'>['deleted']>().toEqualTypeOf<number>();
    expectTypeOf<ChangeResult<'apply'>['kind']>().toEqualTypeOf<string>();
    // @ts-expect-error an apply result has no `deleted`
    expectTypeOf<ChangeResult<'apply'>['deleted']>();
  });

  it('get returns resources of the kind asked for', () => {
    expectTypeOf(ctl.get('GlobalNetworkPolicy')).resolves.toEqualTypeOf<GlobalNetworkPolicy[]>();
    expectTypeOf(ctl.get('NetworkPolicy', 'web', { namespace: 'shop' })).resolves.toEqualTypeOf<
      NetworkPolicy[]
    >();
    // @ts-expect-error Pod is not a Calico kind
    ctl.get('Pod');
  });

  it('delete takes a manifest; deleteNamed a kind and names', () => {
    expectTypeOf(ctl.deleteNamed('GlobalNetworkPolicy', ['a', 'b'])).resolves.toMatchTypeOf<
      ChangeResult<'delete'>
    >();
    expectTypeOf(ctl.delete('apiVersion: projectcalico.org/v3\n')).resolves.toMatchTypeOf<
      ChangeResult<'delete'>
    >();
    // @ts-expect-error names go to deleteNamed, never to delete
    ctl.delete('GlobalNetworkPolicy', ['a']);
    // @ts-expect-error a namespace belongs to the resources of a manifest, not to delete's options
    ctl.delete('apiVersion: projectcalico.org/v3\n', { namespace: 'shop' });
  });

  it('error codes and failed entries', () => {
    expectTypeOf<CalicoctlErrorCode>().toEqualTypeOf<
      | 'BINARY_NOT_FOUND'
      | 'EXIT_NONZERO'
      | 'TIMEOUT'
      | 'OUTPUT_PARSE'
      | 'PARTIAL_FAILURE'
      | 'INVALID_INPUT'
      | 'ABORTED'
    >();
    expectTypeOf<FailedResource['message']>().toEqualTypeOf<string>();
    expectTypeOf(createFakeRunner()).toMatchTypeOf<Runner>();
  });
});

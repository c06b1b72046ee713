// Error lists as calicoctl v3.30 prints them (calico-semantics.md §9.3; error texts from
// libcalico-go lib/errors/errors.go and Kubernetes API status errors).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gnp } from '../../test/helpers.js';
import { createCalicoctl } from '../calicoctl.js';
import { CalicoctlError } from '../errors.js';
import { calicoctlSays, createFakeRunner } from '../testing/fake-runner.js';
import { interpretChange } from './change-outcome.js';
import { splitErrorList } from './error-list.js';

const EXISTS = 'resource already exists: GlobalNetworkPolicy(default.a) with error: <nil>';
const MISSING =
  'resource does not exist: GlobalNetworkPolicy(b) with error: globalnetworkpolicies.crd.projectcalico.org "b" not found';
const FORBIDDEN =
  'connection is unauthorized: globalnetworkpolicies.crd.projectcalico.org "c" is forbidden: User "system:serviceaccount:ci:deployer" cannot create resource "globalnetworkpolicies" in API group "crd.projectcalico.org" at the cluster scope';
const UNSUPPORTED = 'operation Update is not supported on GlobalNetworkPolicy(d): the resource is read-only';
const API_INVALID =
  'networkpolicies.projectcalico.org "default.e" is invalid: metadata.name: Invalid value: "default.e": must be a tier-prefixed name';

describe('splitErrorList', () => {
  it('cuts Go’s `[err1 err2 …]` list at each error', () => {
    expect(splitErrorList([EXISTS, MISSING, FORBIDDEN, UNSUPPORTED, API_INVALID].join(' '))).toEqual([
      EXISTS,
      MISSING,
      FORBIDDEN,
      UNSUPPORTED,
      API_INVALID,
    ]);
  });

  it('keeps an error that wraps another whole (no cut after ": ")', () => {
    expect(splitErrorList(FORBIDDEN)).toEqual([FORBIDDEN]);
    expect(splitErrorList(MISSING)).toEqual([MISSING]);
  });

  it('property: any list of libcalico-go / API errors joined as Go prints it splits back into its errors', () => {
    const name = fc.stringMatching(/^[a-z0-9]([a-z0-9.-]{0,20}[a-z0-9])?$/);
    const error = fc.oneof(
      name.map((n) => `resource already exists: GlobalNetworkPolicy(${n}) with error: <nil>`),
      name.map(
        (n) =>
          `resource does not exist: NetworkPolicy(shop/${n}) with error: networkpolicies.projectcalico.org "${n}" not found`,
      ),
      name.map(
        (n) =>
          `connection is unauthorized: tiers.crd.projectcalico.org "${n}" is forbidden: User "u" cannot create resource "tiers"`,
      ),
      name.map((n) => `operation Update is not supported on Tier(${n})`),
      name.map(
        (n) => `globalnetworksets.crd.projectcalico.org "${n}" is invalid: spec.nets[0]: Invalid value: "x"`,
      ),
      name.map((n) => `update conflict: GlobalNetworkPolicy(${n})`),
    );
    fc.assert(
      fc.property(fc.array(error, { minLength: 1, maxLength: 6 }), (errors) => {
        expect(splitErrorList(errors.join(' '))).toEqual(errors);
      }),
    );
  });

  it('returns unrecognised text as one message', () => {
    expect(splitErrorList('something odd happened to a and b')).toEqual([
      'something odd happened to a and b',
    ]);
    expect(splitErrorList('')).toEqual([]);
  });
});

const refs = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ kind: 'GlobalNetworkPolicy', name }));
// Printed only when successes outnumber errors (§9.3): here 3 applied, 2 failed.
const PARTIAL = "Partial success: applied the first 3 out of 5 'GlobalNetworkPolicy' resources:\n";

describe('each failed resource carries its own message', () => {
  it('apply: Hit error(s) with several errors', () => {
    const seen = interpretChange('apply', refs, 1, PARTIAL, `Hit error(s): [${MISSING} ${FORBIDDEN}]\n`);
    expect(seen.ok).toBe(false);
    if (seen.ok) return;
    expect(seen.applied.map((r) => r.name)).toEqual(['a', 'd', 'e']);
    expect(seen.failed).toEqual([
      { kind: 'GlobalNetworkPolicy', name: 'b', outcome: 'failed', message: MISSING },
      { kind: 'GlobalNetworkPolicy', name: 'c', outcome: 'failed', message: FORBIDDEN },
    ]);
  });

  it('create: nothing created, one message each (`Failed to create any … resources: [...]`)', () => {
    const two = refs.slice(0, 2);
    const seen = interpretChange(
      'create',
      two,
      1,
      '',
      `Failed to create any 'GlobalNetworkPolicy' resources: [${EXISTS} ${MISSING}]\n`,
    );
    expect(seen.ok ? [] : seen.failed.map((f) => f.message)).toEqual([EXISTS, MISSING]);
  });

  it('3.34-dev lower-case `hit error:` and a PARTIAL_FAILURE through createCalicoctl', async () => {
    const runner = createFakeRunner([
      calicoctlSays.exited(1, PARTIAL, `hit error: [${EXISTS} ${UNSUPPORTED}]\n`),
    ]);
    let error: unknown;
    try {
      await createCalicoctl({ runner, parentEnv: {} }).apply(['a', 'b', 'c', 'd', 'e'].map((n) => gnp(n)));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalicoctlError);
    const e = error as CalicoctlError;
    expect(e.code).toBe('PARTIAL_FAILURE');
    expect(e.failed.map((f) => [f.name, f.message])).toEqual([
      ['a', EXISTS],
      ['d', UNSUPPORTED],
    ]);
    expect(e.failed.every((f) => f.outcome === 'failed')).toBe(true);
    expect(e.applied.map((r) => r.name)).toEqual(['b', 'c', 'e']);
  });
});

import { describe, expect, it } from 'vitest';
import type { ResourceRef } from '../errors.js';
import { interpretChange } from './change-outcome.js';

const ref = (name: string, kind = 'GlobalNetworkPolicy', namespace?: string): ResourceRef =>
  namespace === undefined ? { kind, name } : { kind, name, namespace };
const abc = [ref('part-a'), ref('part-b'), ref('part-c')];
const forbidden = (name: string) =>
  `connection is unauthorized: globalnetworkpolicies.crd.projectcalico.org "${name}" is forbidden: User "x" cannot create resource`;

describe('interpretChange: success (exit 0)', () => {
  it('reads the count and kind of "Successfully applied N \'Kind\' resource(s)"', () => {
    expect(
      interpretChange('apply', abc, 0, "Successfully applied 3 'GlobalNetworkPolicy' resource(s)\n", ''),
    ).toEqual({
      ok: true,
      count: 3,
      kind: 'GlobalNetworkPolicy',
    });
  });

  it('reads the mixed-kind form without a kind', () => {
    const refs = [ref('a'), ref('security', 'Tier')];
    expect(interpretChange('create', refs, 0, 'Successfully created 2 resource(s)\n', '')).toEqual({
      ok: true,
      count: 2,
      kind: '',
    });
  });

  it('refuses a count that differs from what was sent (OUTPUT_PARSE)', () => {
    const r = interpretChange(
      'apply',
      abc,
      0,
      "Successfully applied 2 'GlobalNetworkPolicy' resource(s)\n",
      '',
    );
    expect(r).toMatchObject({ ok: false, code: 'OUTPUT_PARSE', applied: [] });
    // Nothing is lost: every resource sent is listed, its outcome unknown.
    if (!r.ok) expect(r.failed.map((f) => [f.name, f.outcome])).toEqual(abc.map((x) => [x.name, 'unknown']));
  });

  it('refuses unknown output on exit 0 and a success line of another verb (OUTPUT_PARSE)', () => {
    expect(interpretChange('apply', abc, 0, 'all good\n', '')).toMatchObject({
      ok: false,
      code: 'OUTPUT_PARSE',
    });
    expect(
      interpretChange('apply', abc, 0, "Successfully deleted 3 'GlobalNetworkPolicy' resource(s)\n", ''),
    ).toMatchObject({
      ok: false,
      code: 'OUTPUT_PARSE',
    });
  });
});

describe('interpretChange: partial failure (exit 1)', () => {
  it('uses the Partial line and the name in the error (v3.30 apply)', () => {
    const r = interpretChange(
      'apply',
      abc,
      1,
      "Partial success: applied the first 2 out of 3 'GlobalNetworkPolicy' resources:\n",
      `Hit error(s): [${forbidden('part-c')}]\n`,
    );
    expect(r).toMatchObject({ ok: false, code: 'PARTIAL_FAILURE', applied: [ref('part-a'), ref('part-b')] });
    if (r.ok) return;
    expect(r.failed).toEqual([{ ...ref('part-c'), outcome: 'failed', message: forbidden('part-c') }]);
    expect(r.message).toContain('2 of 3 resource(s) applied');
  });

  it('finds a failure in the middle: successes are not always "the first N"', () => {
    const r = interpretChange(
      'apply',
      abc,
      1,
      "Partial success: applied the first 2 out of 3 'GlobalNetworkPolicy' resources:\n",
      `Hit error(s): [${forbidden('part-b')}]\n`,
    );
    expect(r).toMatchObject({ code: 'PARTIAL_FAILURE', applied: [ref('part-a'), ref('part-c')] });
  });

  it('without the Partial line (successes <= errors) still proves the rest when all but one are named', () => {
    const two = [ref('part-a'), ref('part-b')];
    const r = interpretChange('apply', two, 1, '', `hit error: [${forbidden('part-b')}]\n`);
    expect(r).toMatchObject({ code: 'PARTIAL_FAILURE', applied: [ref('part-a')] });
    if (r.ok) return;
    expect(r.failed.map((f) => [f.name, f.outcome])).toEqual([['part-b', 'failed']]);
  });

  it('never claims success for resources it cannot account for', () => {
    const four = [ref('a1'), ref('a2'), ref('a3'), ref('a4')];
    // 2 succeeded and 2 failed (no Partial line), one error does not name its resource.
    const r = interpretChange(
      'apply',
      four,
      1,
      '',
      `Hit error(s): [${forbidden('a2')} connection refused]\n`,
    );
    expect(r).toMatchObject({ code: 'PARTIAL_FAILURE', applied: [] });
    if (r.ok) return;
    expect(r.failed.map((f) => [f.name, f.outcome])).toEqual([
      ['a1', 'unknown'],
      ['a2', 'failed'],
      ['a3', 'unknown'],
      ['a4', 'unknown'],
    ]);
    expect(r.failed[0]?.message).toContain('did not say whether');
  });

  it('reports unknown outcomes when the Partial line gives a count but errors name nobody', () => {
    const r = interpretChange(
      'apply',
      abc,
      1,
      "Partial success: applied the first 2 out of 3 'GlobalNetworkPolicy' resources:\n",
      'Hit error(s): [context deadline exceeded]\n',
    );
    expect(r).toMatchObject({ code: 'PARTIAL_FAILURE', applied: [] });
    if (r.ok) return;
    expect(r.failed.every((f) => f.outcome === 'unknown')).toBe(true);
  });

  it('handles the 3.34-dev lower-case messages', () => {
    const r = interpretChange(
      'create',
      abc,
      1,
      "Partial success: created the first 2 out of 3 'GlobalNetworkPolicy' resources:\n",
      'hit error: [resource already exists: GlobalNetworkPolicy(part-a)]\n',
    );
    expect(r).toMatchObject({ code: 'PARTIAL_FAILURE', applied: [ref('part-b'), ref('part-c')] });
  });

  it('matches tier-prefixed names (default.name) but not longer names that contain the name', () => {
    const refs = [ref('web'), ref('web-admin')];
    const r = interpretChange(
      'apply',
      refs,
      1,
      '',
      'Hit error(s): [resource already exists: GlobalNetworkPolicy(default.web)]',
    );
    expect(r).toMatchObject({ code: 'PARTIAL_FAILURE', applied: [ref('web-admin')] });
  });

  it("does not take another resource's dotted name, or a namespace, for this resource's name", () => {
    const timeout = 'Timeout: request did not complete within requested timeout';
    // security.allow-dns failed and one more did: allow-dns is not named, so nothing is proven.
    const tiered = [ref('security.allow-dns'), ref('allow-dns'), ref('deny-all')];
    const r = interpretChange(
      'apply',
      tiered,
      1,
      '',
      `Hit error(s): [${forbidden('security.allow-dns')} ${timeout}]`,
    );
    expect(r).toMatchObject({ code: 'PARTIAL_FAILURE', applied: [] });
    if (r.ok) return;
    expect(r.failed.map((f) => [f.name, f.outcome])).toEqual([
      ['security.allow-dns', 'failed'],
      ['allow-dns', 'unknown'],
      ['deny-all', 'unknown'],
    ]);
    // A NetworkPolicy named prod is not named by `in the namespace "prod"` nor by `prod/web`.
    const np = [
      ref('web', 'NetworkPolicy', 'prod'),
      ref('prod', 'NetworkPolicy', 'default'),
      ref('api', 'NetworkPolicy', 'prod'),
    ];
    const ns = interpretChange(
      'delete',
      np,
      1,
      '',
      'Hit error(s): [resource does not exist: NetworkPolicy(prod/web) with error: networkpolicies "web" not found in the namespace "prod"]',
    );
    if (ns.ok) throw new Error('expected a failure');
    expect(ns.failed.find((f) => f.name === 'prod')?.outcome).toBe('unknown');
    expect(ns.applied).toEqual([]);
  });

  it('needs the namespace when two resources share a name', () => {
    const refs = [ref('web', 'NetworkPolicy', 'a'), ref('web', 'NetworkPolicy', 'b')];
    const r = interpretChange(
      'apply',
      refs,
      1,
      '',
      'Hit error(s): [resource already exists: NetworkPolicy(b/web)]',
    );
    expect(r).toMatchObject({ code: 'PARTIAL_FAILURE', applied: [refs[0]] });
    const vague = interpretChange('apply', refs, 1, '', 'Hit error(s): [networkpolicies "web" is forbidden]');
    expect(vague).toMatchObject({ code: 'PARTIAL_FAILURE', applied: [] });
  });

  it('replace: counts prove nothing (a failed replace is counted as handled); one resource is certain', () => {
    const one = interpretChange(
      'replace',
      [ref('a')],
      1,
      "Partial success: replaced the first 1 out of 1 'GlobalNetworkPolicy' resources:\n",
      'Hit error: resource does not exist: GlobalNetworkPolicy(a) with error: not found',
    );
    expect(one).toMatchObject({
      code: 'EXIT_NONZERO',
      applied: [],
      failed: [{ name: 'a', outcome: 'failed' }],
    });
    const three = interpretChange(
      'replace',
      abc,
      1,
      "Partial success: replaced the first 3 out of 3 'GlobalNetworkPolicy' resources:\n",
      'Hit error: resource does not exist: GlobalNetworkPolicy(part-c) with error: not found',
    );
    expect(three).toMatchObject({ code: 'PARTIAL_FAILURE', applied: [] });
    if (three.ok) return;
    expect(three.failed.map((f) => f.outcome)).toEqual(['unknown', 'unknown', 'failed']);
  });

  it('delete: success line plus one "Failed to delete" line per error', () => {
    const r = interpretChange(
      'delete',
      abc,
      1,
      "Successfully deleted 2 'GlobalNetworkPolicy' resource(s)\n",
      "Failed to delete 'GlobalNetworkPolicy' resource: resource does not exist: GlobalNetworkPolicy(part-b) with error: not found\n\n",
    );
    expect(r).toMatchObject({ code: 'PARTIAL_FAILURE', applied: [ref('part-a'), ref('part-c')] });
    if (r.ok) return;
    expect(r.failed[0]?.message).toBe(
      'resource does not exist: GlobalNetworkPolicy(part-b) with error: not found',
    );
  });

  it('delete: every resource failed → EXIT_NONZERO listing each', () => {
    const two = [ref('x'), ref('y')];
    const r = interpretChange(
      'delete',
      two,
      1,
      '',
      "Failed to delete 'GlobalNetworkPolicy' resource: resource does not exist: GlobalNetworkPolicy(x) with error: nf\nFailed to delete 'GlobalNetworkPolicy' resource: resource does not exist: GlobalNetworkPolicy(y) with error: nf\n",
    );
    expect(r).toMatchObject({ code: 'EXIT_NONZERO', applied: [] });
    if (r.ok) return;
    expect(r.failed.map((f) => [f.name, f.outcome])).toEqual([
      ['x', 'failed'],
      ['y', 'failed'],
    ]);
  });
});

describe('interpretChange: validate (v3.31+, lower-case errors)', () => {
  it('reads success and all-failed validation', () => {
    expect(
      interpretChange(
        'validate',
        [ref('a')],
        0,
        "Successfully validated 1 'GlobalNetworkPolicy' resource(s)\n",
        '',
      ),
    ).toEqual({
      ok: true,
      count: 1,
      kind: 'GlobalNetworkPolicy',
    });
    const r = interpretChange(
      'validate',
      [ref('a')],
      1,
      '',
      "failed to validate 'GlobalNetworkPolicy' resource: [error with field Action = 'deny' (invalid action)]\n",
    );
    expect(r).toMatchObject({
      code: 'EXIT_NONZERO',
      failed: [
        { name: 'a', outcome: 'failed', message: "error with field Action = 'deny' (invalid action)" },
      ],
    });
  });
});

describe('interpretChange: whole-command failures', () => {
  it('"Failed to apply any \'Kind\' resources" → EXIT_NONZERO, each resource failed', () => {
    const r = interpretChange(
      'apply',
      abc,
      1,
      '',
      `Failed to apply any 'GlobalNetworkPolicy' resources: [${forbidden('part-a')} ${forbidden('part-b')} ${forbidden('part-c')}]\n`,
    );
    expect(r).toMatchObject({ code: 'EXIT_NONZERO', applied: [] });
    if (r.ok) return;
    expect(r.failed).toHaveLength(3);
    expect(r.failed.every((f) => f.outcome === 'failed')).toBe(true);
  });

  it('client creation failure (stdout in v3.30) → EXIT_NONZERO with advice', () => {
    const r = interpretChange(
      'apply',
      abc,
      1,
      'Failed to create Calico API client: invalid configuration: no configuration has been provided\n',
      '',
    );
    expect(r).toMatchObject({ code: 'EXIT_NONZERO' });
    if (r.ok) return;
    expect(r.message).toContain('DATASTORE_TYPE');
    expect(r.failed.every((f) => f.outcome === 'failed')).toBe(true);
  });

  it('version mismatch → EXIT_NONZERO naming allowVersionMismatch', () => {
    const r = interpretChange(
      'apply',
      abc,
      1,
      '',
      'Version mismatch.\nClient Version:   v3.30.0\nCluster Version:  v3.29.2\nUse --allow-version-mismatch to override.\n',
    );
    expect(r).toMatchObject({ code: 'EXIT_NONZERO' });
    if (r.ok) return;
    expect(r.message).toContain('allowVersionMismatch');
  });

  it('unrecognised failure → EXIT_NONZERO, every resource unknown', () => {
    const r = interpretChange('apply', abc, 2, '', 'panic: runtime error\n');
    expect(r).toMatchObject({ code: 'EXIT_NONZERO', applied: [] });
    if (r.ok) return;
    expect(r.failed.every((f) => f.outcome === 'unknown')).toBe(true);
    expect(r.message).toContain('panic: runtime error');
  });

  it('a signal (exitCode null) is reported as such', () => {
    const r = interpretChange('apply', abc, null, '', '');
    expect(r).toMatchObject({ code: 'EXIT_NONZERO' });
    if (r.ok) return;
    expect(r.message).toContain('ended by a signal');
    const named = interpretChange('apply', abc, null, '', '', 'SIGKILL');
    expect(named.ok ? '' : named.message).toContain('calicoctl apply was ended by signal SIGKILL');
  });
});

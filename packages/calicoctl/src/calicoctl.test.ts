import { kubernetesNetworkPolicy } from '@calico-dsl/core';
import { fromYaml, toYaml } from '@calico-dsl/yaml';
import { describe, expect, it } from 'vitest';
import { gnp, np } from '../test/helpers.js';
import { createCalicoctl } from './calicoctl.js';
import { CalicoctlError } from './errors.js';
import { calicoctlSays, createFakeRunner } from './testing/fake-runner.js';

const parentEnv = { PATH: '/usr/bin', HOME: '/home/me', SECRET: 'x' };
const rejection = async (p: Promise<unknown>): Promise<CalicoctlError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof CalicoctlError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
};

describe('createCalicoctl: change commands', () => {
  it('apply sends `apply -f -` with the YAML of every resource on stdin', async () => {
    const runner = createFakeRunner([calicoctlSays.success('apply', 2, 'GlobalNetworkPolicy')]);
    const ctl = createCalicoctl({ runner, parentEnv });
    const r = await ctl.apply([gnp('web-a'), gnp('web-b')]);
    expect(r).toMatchObject({ verb: 'apply', applied: 2, count: 2, kind: 'GlobalNetworkPolicy' });
    expect(r.resources).toEqual([
      { kind: 'GlobalNetworkPolicy', name: 'web-a' },
      { kind: 'GlobalNetworkPolicy', name: 'web-b' },
    ]);
    const [command] = runner.commands;
    expect(command?.bin).toBe('calicoctl');
    expect(command?.args).toEqual(['apply', '-f', '-']);
    const sent = fromYaml(command?.stdin ?? '');
    expect(sent.ok && sent.value.map((x) => x.metadata.name)).toEqual(['web-a', 'web-b']);
    expect(runner.limits[0]).toEqual({ timeoutMs: 30_000, maxOutputBytes: 16 * 1024 * 1024 });
  });

  it('accepts YAML text, validates it, and sends it re-rendered', async () => {
    const runner = createFakeRunner([calicoctlSays.success('create', 1, 'Tier')]);
    const ctl = createCalicoctl({ runner, parentEnv });
    const r = await ctl.create(
      'apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: security\nspec:\n  order: 100\n',
      {
        skipExists: true,
      },
    );
    expect(r.created).toBe(1);
    expect(runner.commands[0]?.args).toEqual(['create', '-f', '-', '--skip-exists']);
    expect(runner.commands[0]?.stdin).toContain('name: security');
  });

  it('adds --config, --context and --allow-version-mismatch and per-call timeouts', async () => {
    const runner = createFakeRunner([calicoctlSays.success('replace', 1, 'GlobalNetworkPolicy')]);
    const ctl = createCalicoctl({
      runner,
      parentEnv,
      config: '/etc/calico/calicoctl.cfg',
      context: 'kind-calico',
      allowVersionMismatch: true,
      timeoutMs: 5000,
    });
    await ctl.replace(gnp('a'), { timeoutMs: 123 });
    expect(runner.commands[0]?.args).toEqual([
      'replace',
      '-f',
      '-',
      '--config=/etc/calico/calicoctl.cfg',
      '--context=kind-calico',
      '--allow-version-mismatch',
    ]);
    expect(runner.limits[0]?.timeoutMs).toBe(123);
    expect(runner.commands[0]?.env.K8S_CURRENT_CONTEXT).toBe('kind-calico');
  });

  it('calicoctl inherits the whole environment; cleanEnv keeps the filtered set; env entries override', async () => {
    const runner = createFakeRunner([], calicoctlSays.success('apply', 1, 'GlobalNetworkPolicy'));
    const user = { ...parentEnv, AWS_PROFILE: 'prod-eks', IC_API_KEY: 'k', KUBECONFIG: '/user' };
    await createCalicoctl({ runner, parentEnv: user }).apply(gnp('a'));
    expect(runner.commands[0]?.env).toEqual(user);
    await createCalicoctl({
      runner,
      parentEnv: user,
      cleanEnv: true,
      env: { KUBECONFIG: '/k', EXTRA: '1' },
    }).apply(gnp('a'));
    expect(runner.commands[1]?.env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/me',
      KUBECONFIG: '/k',
      EXTRA: '1',
    });
    await createCalicoctl({
      runner,
      parentEnv: user,
      env: { KUBECONFIG: '/k', IC_API_KEY: undefined },
    }).apply(gnp('a'));
    expect(runner.commands[2]?.env).toEqual({ ...parentEnv, AWS_PROFILE: 'prod-eks', KUBECONFIG: '/k' });
  });

  it('passes datastore settings from options and env, never inventing any', async () => {
    const runner = createFakeRunner([], calicoctlSays.success('apply', 1, 'GlobalNetworkPolicy'));
    await createCalicoctl({ runner, parentEnv, cleanEnv: true, env: { KUBECONFIG: '/k' } }).apply(gnp('a'));
    expect(runner.commands[0]?.env).toEqual({ PATH: '/usr/bin', HOME: '/home/me', KUBECONFIG: '/k' });
    await createCalicoctl({
      runner,
      parentEnv: { ...parentEnv, CALICO_DATASTORE_TYPE: 'etcdv3' },
      datastoreType: 'kubernetes',
    }).apply(gnp('a'));
    expect(runner.commands[1]?.env).toMatchObject({ DATASTORE_TYPE: 'kubernetes' });
    expect(runner.commands[1]?.env.CALICO_DATASTORE_TYPE).toBeUndefined();
  });

  it('refuses invalid resources with INVALID_INPUT and the issues; nothing runs', async () => {
    const runner = createFakeRunner();
    const ctl = createCalicoctl({ runner, parentEnv });
    const e = await rejection(ctl.apply([gnp('ok'), gnp('bad', 'deny' as 'Deny')]));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.length).toBeGreaterThan(0);
    expect(e.issues[0]).toMatchObject({ document: 1 });
    expect(e.message).toContain('action');
    expect(runner.commands).toHaveLength(0);
  });

  it('refuses a non-positive timeout before running', async () => {
    const runner = createFakeRunner();
    expect(() => createCalicoctl({ runner, parentEnv, timeoutMs: -1 })).toThrow(CalicoctlError);
    expect(
      (await rejection(createCalicoctl({ runner, parentEnv }).version({ timeoutMs: Number.NaN }))).code,
    ).toBe('INVALID_INPUT');
    expect(runner.commands).toHaveLength(0);
  });

  it('refuses empty input, bad YAML and Kubernetes kinds', async () => {
    const ctl = createCalicoctl({ runner: createFakeRunner(), parentEnv });
    expect((await rejection(ctl.apply([]))).code).toBe('INVALID_INPUT');
    expect((await rejection(ctl.apply('kind: [unclosed'))).code).toBe('INVALID_INPUT');
    const pod = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
    const e = await rejection(ctl.apply(pod));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('kubectl');
  });

  it('refuses a ClusterNetworkPolicy (a kubectl resource), as YAML and as an object', async () => {
    const ctl = createCalicoctl({ runner: createFakeRunner(), parentEnv });
    const cnp = {
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'guard' },
      spec: { tier: 'Admin', priority: 1, subject: { namespaces: {} } },
    };
    const fromText = await rejection(
      ctl.apply(
        'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: guard}\nspec: {tier: Admin, priority: 1, subject: {namespaces: {}}}\n',
      ),
    );
    expect(fromText.code).toBe('INVALID_INPUT');
    expect(fromText.message).toContain('kubectl');
    const fromObject = await rejection(ctl.apply(cnp as never));
    expect(fromObject.code).toBe('INVALID_INPUT');
    expect(fromObject.message).toContain(
      'apply policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy with kubectl',
    );
  });

  it("refuses Kubernetes' own NetworkPolicy, which shares its kind name with Calico's", async () => {
    const runner = createFakeRunner();
    const ctl = createCalicoctl({ runner, parentEnv });
    const knp = kubernetesNetworkPolicy('default-deny', 'shop').ingress().egress();
    const fromBuilder = await rejection(ctl.apply(knp as never));
    expect(fromBuilder.code).toBe('INVALID_INPUT');
    expect(fromBuilder.message).toContain('apply networking.k8s.io/v1 NetworkPolicy with kubectl');
    const fromText = await rejection(ctl.apply(toYaml(knp)));
    expect(fromText.message).toContain('apply networking.k8s.io/v1 NetworkPolicy with kubectl');
    expect(runner.commands).toEqual([]);
  });

  it('PARTIAL_FAILURE lists applied and failed resources with the failure message', async () => {
    const runner = createFakeRunner([
      calicoctlSays.partial(
        'apply',
        2,
        3,
        'GlobalNetworkPolicy',
        'connection is unauthorized: globalnetworkpolicies.crd.projectcalico.org "part-c" is forbidden',
      ),
    ]);
    const e = await rejection(
      createCalicoctl({ runner, parentEnv }).apply([gnp('part-a'), gnp('part-b'), gnp('part-c')]),
    );
    expect(e.code).toBe('PARTIAL_FAILURE');
    expect(e.applied.map((r) => r.name)).toEqual(['part-a', 'part-b']);
    expect(e.failed).toEqual([
      {
        kind: 'GlobalNetworkPolicy',
        name: 'part-c',
        outcome: 'failed',
        message:
          'connection is unauthorized: globalnetworkpolicies.crd.projectcalico.org "part-c" is forbidden',
      },
    ]);
    expect(e.exitCode).toBe(1);
    expect(e.args).toEqual(['apply', '-f', '-']);
    expect(e.stdout).toContain('Partial success');
  });

  it('EXIT_NONZERO keeps exit code, output and args; every resource is accounted for', async () => {
    const runner = createFakeRunner([
      calicoctlSays.failedAll(
        'create',
        1,
        'GlobalNetworkPolicy',
        'resource already exists: GlobalNetworkPolicy(a)',
      ),
    ]);
    const e = await rejection(createCalicoctl({ runner, parentEnv }).create(gnp('a')));
    expect(e).toMatchObject({ code: 'EXIT_NONZERO', exitCode: 1, applied: [] });
    expect(e.stderr).toContain('resource already exists');
    expect(e.failed).toMatchObject([
      { name: 'a', outcome: 'failed', message: 'resource already exists: GlobalNetworkPolicy(a)' },
    ]);
  });

  it('TIMEOUT marks every resource sent as outcome unknown', async () => {
    const runner = createFakeRunner([calicoctlSays.timeout()]);
    const e = await rejection(createCalicoctl({ runner, parentEnv, timeoutMs: 500 }).apply(gnp('a')));
    expect(e.code).toBe('TIMEOUT');
    expect(e.exitCode).toBeNull();
    expect(e.failed).toMatchObject([{ name: 'a', outcome: 'unknown' }]);
    expect(e.message).toContain('500 ms');
  });

  it('BINARY_NOT_FOUND says how to fix it', async () => {
    const e = await rejection(
      createCalicoctl({ runner: createFakeRunner([calicoctlSays.notFound()]), parentEnv }).apply(gnp('a')),
    );
    expect(e.code).toBe('BINARY_NOT_FOUND');
    expect(e.message).toContain('bin');
  });

  it('OUTPUT_PARSE keeps the raw text', async () => {
    const runner = createFakeRunner([calicoctlSays.exited(0, 'something new\n')]);
    const e = await rejection(createCalicoctl({ runner, parentEnv }).apply(gnp('a')));
    expect(e.code).toBe('OUTPUT_PARSE');
    expect(e.stdout).toBe('something new\n');
  });

  it('delete by resource (stdin) and by kind + names', async () => {
    const runner = createFakeRunner([
      calicoctlSays.success('delete', 1, 'GlobalNetworkPolicy'),
      calicoctlSays.deleted(
        1,
        'NetworkPolicy',
        'resource does not exist: NetworkPolicy(shop/gone) with error: not found',
      ),
    ]);
    const ctl = createCalicoctl({ runner, parentEnv });
    expect((await ctl.delete(gnp('a'), { skipNotExists: true })).deleted).toBe(1);
    expect(runner.commands[0]?.args).toEqual(['delete', '-f', '-', '--skip-not-exists']);
    const e = await rejection(ctl.deleteNamed('NetworkPolicy', ['web', 'gone'], { namespace: 'shop' }));
    expect(runner.commands[1]?.args).toEqual(['delete', 'NetworkPolicy', 'web', 'gone', '--namespace=shop']);
    expect(runner.commands[1]?.stdin).toBeUndefined();
    expect(e.code).toBe('PARTIAL_FAILURE');
    expect(e.applied).toEqual([{ kind: 'NetworkPolicy', name: 'web', namespace: 'shop' }]);
    expect(e.failed).toMatchObject([{ name: 'gone', namespace: 'shop', outcome: 'failed' }]);
  });

  it('refuses names that calicoctl would read as flags, and unknown kinds', async () => {
    const runner = createFakeRunner();
    const ctl = createCalicoctl({ runner, parentEnv });
    expect((await rejection(ctl.get('GlobalNetworkPolicy', '--config=/tmp/evil'))).code).toBe(
      'INVALID_INPUT',
    );
    expect((await rejection(ctl.deleteNamed('GlobalNetworkPolicy', ''))).code).toBe('INVALID_INPUT');
    expect((await rejection(ctl.get('Pod' as 'Tier'))).code).toBe('INVALID_INPUT');
    expect((await rejection(ctl.get('GlobalNetworkPolicy', undefined, { namespace: 'x' }))).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      (await rejection(ctl.get('NetworkPolicy', undefined, { namespace: 'x', allNamespaces: true }))).code,
    ).toBe('INVALID_INPUT');
    expect(runner.commands).toHaveLength(0);
  });
});

const LIST = `apiVersion: projectcalico.org/v3
items:
- apiVersion: projectcalico.org/v3
  kind: NetworkPolicy
  metadata:
    creationTimestamp: "2026-08-20T10:11:12Z"
    name: web
    namespace: shop
    resourceVersion: "1201"
    uid: 6c3e3c1a-93f4-4a8e-9e8e-1d2f3a4b5c6d
  spec:
    ingress:
    - action: Allow
      destination:
        ports:
        - 8080
      protocol: TCP
    selector: app == "shop"
    tier: default
    types:
    - Ingress
kind: NetworkPolicyList
metadata:
  resourceVersion: "1250"
`;

describe('createCalicoctl: get, version, patch, validate', () => {
  it('get asks for -o yaml with namespace flags and parses the list', async () => {
    const runner = createFakeRunner([calicoctlSays.yaml(LIST), calicoctlSays.yaml(LIST)]);
    const ctl = createCalicoctl({ runner, parentEnv });
    const items = await ctl.get('NetworkPolicy', undefined, { namespace: 'shop' });
    expect(items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['shop/web']);
    expect(items[0]?.spec.types).toEqual(['Ingress']);
    expect(runner.commands[0]?.args).toEqual(['get', 'NetworkPolicy', '--output=yaml', '--namespace=shop']);
    await ctl.get('NetworkPolicy', ['web', 'api'], { allNamespaces: true });
    expect(runner.commands[1]?.args).toEqual([
      'get',
      'NetworkPolicy',
      'web',
      'api',
      '--output=yaml',
      '--all-namespaces',
    ]);
  });

  it('get: a named resource that does not exist → EXIT_NONZERO with calicoctl message', async () => {
    const runner = createFakeRunner([
      calicoctlSays.exited(
        1,
        '',
        'resource does not exist: GlobalNetworkPolicy(nope) with error: not found\n',
      ),
    ]);
    const e = await rejection(createCalicoctl({ runner, parentEnv }).get('GlobalNetworkPolicy', 'nope'));
    expect(e.code).toBe('EXIT_NONZERO');
    expect(e.message).toContain('resource does not exist');
  });

  it('get: unparsable or wrong-kind output → OUTPUT_PARSE with the raw text', async () => {
    const runner = createFakeRunner([
      calicoctlSays.yaml('NAME   TIER\nweb    default\n'),
      calicoctlSays.yaml(LIST),
      calicoctlSays.yaml(''),
    ]);
    const ctl = createCalicoctl({ runner, parentEnv });
    const table = await rejection(ctl.get('GlobalNetworkPolicy'));
    expect(table.code).toBe('OUTPUT_PARSE');
    expect(table.stdout).toContain('NAME');
    expect((await rejection(ctl.get('GlobalNetworkPolicy'))).code).toBe('OUTPUT_PARSE');
    expect((await rejection(ctl.get('GlobalNetworkPolicy'))).code).toBe('OUTPUT_PARSE');
  });

  it('version parses client and cluster versions; --client and --config', async () => {
    const runner = createFakeRunner([
      calicoctlSays.version('v3.30.0', { version: 'v3.30.0', type: 'typha,kdd,k8s' }),
      calicoctlSays.version('v3.31.1'),
    ]);
    const ctl = createCalicoctl({ runner, parentEnv, config: '/c.cfg', context: 'ignored-by-version' });
    expect(await ctl.version()).toEqual({
      client: 'v3.30.0',
      gitCommit: '0123abcd',
      cluster: { version: 'v3.30.0', type: ['typha', 'kdd', 'k8s'] },
    });
    expect(runner.commands[0]?.args).toEqual(['version', '--config=/c.cfg']);
    expect(await ctl.version({ clientOnly: true })).toEqual({ client: 'v3.31.1', gitCommit: '0123abcd' });
    expect(runner.commands[1]?.args).toEqual(['version', '--config=/c.cfg', '--client']);
  });

  it('patch sends the JSON as one argument', async () => {
    const runner = createFakeRunner([
      calicoctlSays.exited(0, "Successfully patched 1 'GlobalNetworkPolicy' resource\n"),
    ]);
    const r = await createCalicoctl({ runner, parentEnv }).patch('GlobalNetworkPolicy', 'a', {
      spec: { order: 10 },
    });
    expect(r).toMatchObject({ patched: 1, kind: 'GlobalNetworkPolicy' });
    expect(runner.commands[0]?.args).toEqual([
      'patch',
      'GlobalNetworkPolicy',
      'a',
      '--patch={"spec":{"order":10}}',
    ]);
  });

  it('validate runs `validate -f -` without datastore flags', async () => {
    const runner = createFakeRunner([calicoctlSays.success('validate', 1, 'NetworkPolicy')]);
    const r = await createCalicoctl({ runner, parentEnv, config: '/c.cfg' }).validate(np('web', 'shop'));
    expect(r.validated).toBe(1);
    expect(runner.commands[0]?.args).toEqual(['validate', '-f', '-']);
  });
});

describe('createCalicoctl options', () => {
  it('refuses options that are not an object, and a bin that is not a path or a name, before anything runs', () => {
    for (const [options, path] of [
      [null, []],
      [42, []],
      [{ bin: 42 }, ['bin']],
      [{ bin: '' }, ['bin']],
    ] as const) {
      try {
        createCalicoctl(options as never);
        throw new Error('expected INVALID_INPUT');
      } catch (e) {
        expect(e).toBeInstanceOf(CalicoctlError);
        expect((e as CalicoctlError).code).toBe('INVALID_INPUT');
        expect((e as CalicoctlError).message).toContain('calicoctl was not run');
        expect(path.length === 0 || (e as CalicoctlError).message.includes('bin')).toBe(true);
      }
    }
  });
});

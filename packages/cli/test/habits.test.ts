/** kubectl/calicoctl habits: -f/-R, --via checked, completion, usage errors, write failures. */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AS_NOBODY,
  BIN,
  CAN_TEST_PERMISSIONS,
  FIXTURES,
  fixture,
  runCli,
  runInProcess,
  tempDir,
} from './run-cli.js';

// Each case starts a Node process; under load that takes seconds, so no tight limits.
const SLOW = { timeout: 120_000 };
const NODEPORT_FLOW = 'tcp 198.51.100.7:40000 -> 169.46.7.10:31024';
const GNP =
  'kind: GlobalNetworkPolicy\napiVersion: projectcalico.org/v3\nmetadata:\n  name: b\nspec:\n  selector: all()\n';

/** Writes `docs` as one manifest and runs `calico-dsl matrix` on it with `args`: its JSON table. */
async function matrixOf(docs: readonly string[], args: readonly string[]) {
  const dir = tempDir();
  writeFileSync(join(dir, 'world.yaml'), docs.join('---\n'));
  const r = await runInProcess(['matrix', 'world.yaml', ...args, '--json'], { cwd: dir });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}
describe('-f and -R', SLOW, () => {
  function tree() {
    const dir = tempDir();
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    copyFileSync(fixture('deny-nodeports.yaml'), join(dir, 'top.yaml'));
    copyFileSync(fixture('invalid.yaml'), join(dir, 'a', 'b', 'deep.yaml'));
    writeFileSync(join(dir, 'notes.txt'), 'not a manifest');
    return dir;
  }

  it('a directory without -R reads only its top level (.yaml, .yml, .json)', async () => {
    const dir = tree();
    const r = await runInProcess(['validate', '-f', dir, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual([join(dir, 'top.yaml')]);
  });

  it('-R reads subdirectories too (and finds the invalid file: exit 1)', async () => {
    const dir = tree();
    const r = await runInProcess(['validate', '-f', dir, '-R', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual([
      join(dir, 'a', 'b', 'deep.yaml'),
      join(dir, 'top.yaml'),
    ]);
  });

  it('a file named twice is read once; positional and -f mix', async () => {
    const r = await runInProcess([
      'validate',
      'deny-nodeports.yaml',
      '-f',
      'deny-nodeports.yaml',
      '-f',
      './deny-nodeports.yaml',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
  });

  it('validate . does not fail with EISDIR', () => {
    const dir = tree();
    const r = runCli(['validate', '.'], { cwd: dir });
    expect(r.all).not.toContain('EISDIR');
    expect(r.code).toBe(0);
  });

  it('-f - reads standard input', () => {
    const r = runCli(['validate', '-f', '-'], {
      input: readFileSync(fixture('deny-nodeports.yaml'), 'utf8'),
    });
    expect(r.code).toBe(0);
  });

  it('standard input is read once: - for two inputs (eval -f - --flows -, diff - --after -) is a usage error', () => {
    const input = readFileSync(fixture('world.yaml'), 'utf8');
    const evaluated = runCli(['eval', '-f', '-', '--flows', '-'], { input });
    expect([evaluated.code, evaluated.stdout]).toEqual([2, '']);
    expect(evaluated.stderr).toContain(
      'error: standard input can be read only once, but - is given for the manifests and for --flows',
    );
    const diffed = runCli(['diff', '-', '--after', '-', 'deny-nodeports.yaml'], { input });
    expect([diffed.code, diffed.stdout]).toEqual([2, '']);
    expect(diffed.stderr).toContain('standard input can be read only once');
    // One reader is fine.
    const flows = runCli(['eval', ...['world.yaml', 'deny-nodeports.yaml'], '--flows', '-'], {
      input: readFileSync(fixture('flows.txt'), 'utf8'),
    });
    expect(flows.code).toBe(0);
  });

  it('an empty directory is an issue, no input at all a usage error', async () => {
    expect((await runInProcess(['validate', '-f', tempDir()])).stdout).toContain(
      'no .yaml, .yml or .json files',
    );
    expect((await runInProcess(['validate'])).code).toBe(2);
  });

  it('lint, search and diff take -f and -R too', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    copyFileSync(fixture('world.yaml'), join(dir, 'world.yaml'));
    copyFileSync(fixture('deny-nodeports.yaml'), join(dir, 'sub', 'deny-nodeports.yaml'));
    const lint = await runInProcess(['lint', '-f', dir, '-R', '--json']);
    expect([0, 1]).toContain(lint.code);
    expect(() => JSON.parse(lint.stdout)).not.toThrow();
    const diff = await runInProcess(['diff', '-f', join(dir, 'world.yaml'), '--after', dir, '-R', '--json']);
    expect(JSON.stringify(JSON.parse(diff.stdout))).toContain('Deny');
  });

  it('eval takes its world with -f', async () => {
    const r = await runInProcess([
      'eval',
      '-f',
      'world.yaml',
      '-f',
      'deny-nodeports.yaml',
      '--flow',
      NODEPORT_FLOW,
      '--expect',
      'deny',
    ]);
    expect(r.code).toBe(0);
  });
});

describe('usage errors (exit 2)', SLOW, () => {
  it('--via naming a node the world does not have lists the nodes', async () => {
    const r = await runInProcess([
      'eval',
      'world.yaml',
      'deny-nodeports.yaml',
      '--flow',
      NODEPORT_FLOW,
      '--via',
      'worker-1-public',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no node "worker-1-public"');
    expect(r.stderr).toContain('is a host endpoint on node worker-1');
    expect(r.stderr).toContain('its nodes: worker-1');
  });

  it('--via naming an interface the node has no host endpoint for lists its interfaces', async () => {
    const r = await runInProcess([
      'eval',
      'world.yaml',
      'deny-nodeports.yaml',
      '--flow',
      NODEPORT_FLOW,
      '--via',
      'worker-1/eth9',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no host endpoint for interface "eth9"; its interfaces: eth1');
    const ok = await runInProcess([
      'eval',
      'world.yaml',
      'deny-nodeports.yaml',
      '--flow',
      NODEPORT_FLOW,
      '--via',
      'worker-1/eth1',
      '--expect',
      'deny',
    ]);
    expect(ok.code).toBe(0);
  });

  it('a malformed --flow', async () => {
    const r = await runInProcess(['eval', 'world.yaml', '--flow', 'tcp nonsense']);
    expect(r.code).toBe(2);
  });

  it.each(['abc', '0', '-5', '2147483648', '1.5'])('--timeout %s', async (value) => {
    const r = await runInProcess(['get', 'gnp', '--calicoctl', '/bin/true', '--timeout', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('whole milliseconds from 1 to 2147483647');
  });
});

describe('completion', SLOW, () => {
  it('bash: a valid script completing commands and their options', () => {
    const script = runCli(['completion', 'bash']).stdout;
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    const probe = spawnSync(
      'bash',
      [
        '-c',
        `${script}\nCOMP_WORDS=(calico-dsl validate --fil); COMP_CWORD=2; _calico_dsl; echo "\${COMPREPLY[*]}"`,
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(probe.stdout.trim()).toBe('--filename');
  });

  it.each(['zsh', 'fish'])('%s: names every command', async (shell) => {
    const r = await runInProcess(['completion', shell]);
    expect(r.code).toBe(0);
    for (const cmd of ['validate', 'eval', 'apply', 'completion']) expect(r.stdout).toContain(cmd);
  });

  it('an unknown shell is a usage error', async () => {
    expect((await runInProcess(['completion', 'tcsh'])).code).toBe(2);
  });
});

describe('bounded input and write failures', SLOW, () => {
  it('stdin and files past 16 MiB end with a clear message', () => {
    const big = 'x'.repeat(16 * 1024 * 1024 + 1);
    const r = runCli(['validate', '-'], { input: big });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('over the 16777216 limit; split it into smaller files');
    const z = runCli(['synth', '/dev/zero']);
    expect(z.code).toBe(1);
    expect(z.stderr).toContain('/dev/zero: the text is');
  });

  it.runIf(CAN_TEST_PERMISSIONS)(
    'fmt reports a read-only file, formats the others, prints --json, exit 1',
    () => {
      const dir = tempDir();
      const ro = join(dir, 'ro.yaml');
      const rw = join(dir, 'rw.yaml');
      writeFileSync(ro, GNP);
      writeFileSync(rw, GNP.replace('name: b', 'name: c'));
      chmodSync(ro, 0o444);
      chmodSync(rw, 0o666);
      chmodSync(dir, 0o777);
      const r = runCli(['fmt', '--json', ro, rw], { asNobody: AS_NOBODY });
      expect(r.code).toBe(1);
      const doc = JSON.parse(r.stdout);
      expect(doc.files[0]).toMatchObject({ file: ro, status: 'write-failed' });
      expect(doc.files[1]).toMatchObject({ file: rw, status: 'formatted' });
      expect(readFileSync(rw, 'utf8')).toMatch(/^apiVersion/);
      expect(r.all).not.toMatch(/at .*\.js:\d/);
    },
  );

  it.runIf(CAN_TEST_PERMISSIONS)('synth -o into an unwritable folder reports each file, exit 1', () => {
    const dir = tempDir();
    chmodSync(dir, 0o555);
    const r = runCli(['synth', 'policies.ts', '-o', join(dir, 'out'), '--no-typecheck'], {
      asNobody: AS_NOBODY,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not written');
    expect(r.all).not.toMatch(/at .*\.js:\d/);
  });

  // The bin in a shell pipeline whose reader closes its end at once, as `| head` does when done.
  function withReaderGone(args: readonly string[]): { status: string; stderr: string } {
    const quoted = args.map((a) => `'${a}'`).join(' ');
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${BIN}" ${quoted} | (exec 0<&-; sleep 0.5); echo "\${PIPESTATUS[0]}"`],
      { encoding: 'utf8', cwd: FIXTURES },
    );
    return { status: r.stdout.trim(), stderr: r.stderr };
  }

  it('a reader that leaves early (| head) ends nothing: output is dropped, the command finishes', () => {
    const dir = tempDir();
    const file = join(dir, 'messy.yaml');
    writeFileSync(
      file,
      `spec:\n  selector: all()\n${GNP.replace(/\nspec:[\s\S]*$/, '\n').replace('name: b', 'name: e')}`,
    );
    const r = withReaderGone(['fmt', file, '--json']);
    expect(r).toEqual({ status: '0', stderr: '' });
    expect(readFileSync(file, 'utf8')).toMatch(/^apiVersion[\s\S]*name: e[\s\S]*selector: all\(\)/);
    // A finding keeps its status: the same rule, exit 1.
    expect(withReaderGone(['validate', 'invalid.yaml'])).toEqual({ status: '1', stderr: '' });
  });

  it.runIf(existsSync('/dev/full'))(
    'output that cannot be written (a full disk) is said on stderr, exit 1',
    () => {
      const r = spawnSync(
        'bash',
        ['-c', `"${process.execPath}" "${BIN}" validate deny-nodeports.yaml > /dev/full`],
        {
          encoding: 'utf8',
          cwd: FIXTURES,
        },
      );
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('calico-dsl: output lost: ENOSPC: no space left on device, write\n');
    },
  );

  it("fmt formats a file whose only '#' is inside a quoted string", () => {
    const dir = tempDir();
    const file = join(dir, 'hash.yaml');
    writeFileSync(file, `${GNP.replace('  name: b\n', '  name: d\n  annotations:\n    note: "see #42"\n')}`);
    const r = runCli(['fmt', file]);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^apiVersion[\s\S]*see #42/);
  });
});

describe('matrix --endpoints', SLOW, () => {
  it('accepts IPs and services (ClusterIP, LB IP, NodePort on each node)', async () => {
    const r = await runInProcess([
      'matrix',
      'world.yaml',
      'deny-nodeports.yaml',
      '--port',
      '80',
      '--endpoints',
      '198.51.100.7,svc/default/webserver-lb',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.sources).toEqual(['198.51.100.7']);
    expect(j.destinations).toEqual([
      '198.51.100.7',
      'default/webserver-lb clusterIP 172.21.10.10:80',
      'default/webserver-lb lb 169.46.10.20:80',
      'default/webserver-lb nodePort on worker-1 169.46.7.10:31024',
    ]);
    // deny-nodeports blocks the node port from outside; the load balancer still answers.
    expect(j.cells[0].slice(2)).toEqual(['Allow', 'Deny']);
  });

  it('--protocol icmpv6 between dual-stack pods uses their IPv6 addresses, with an IP in the list too', async () => {
    const pod = (name: string, ips: string[]) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: default, labels: {app: ${name}}}\nstatus: {podIP: "${ips[0]}", podIPs: [${ips.map((ip) => `{ip: "${ip}"}`).join(', ')}]}\n`;
    const j = await matrixOf(
      [
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: default}\n',
        pod('web', ['10.0.0.1', 'fd00::1']),
        pod('cli', ['10.0.0.2', 'fd00::2']),
        'apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: no-ping6}\nspec:\n  selector: "app == \'web\'"\n  types: [Ingress]\n  ingress: [{action: Deny, protocol: ICMPv6}, {action: Allow}]\n',
      ],
      ['--protocol', 'icmpv6', '--endpoints', 'default/web,default/cli,fd00::9'],
    );
    expect(j.cells.map((row: string[]) => row.slice(0, 2))).toEqual([
      ['Allow', 'Allow'],
      ['Deny', 'Allow'],
      ['Deny', 'Allow'],
    ]);
  });

  it("a dual-stack Service's node port is listed on each node's address of each of its families", async () => {
    const j = await matrixOf(
      [
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: default}\n',
        'apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus: {addresses: [{type: InternalIP, address: 10.0.0.11}, {type: InternalIP, address: "fd00::11"}]}\n',
        'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: default}\nspec: {type: NodePort, clusterIP: 10.96.0.5, clusterIPs: [10.96.0.5, "fd00:96::5"], ipFamilies: [IPv4, IPv6], ipFamilyPolicy: RequireDualStack, selector: {app: web}, ports: [{port: 80, protocol: TCP, targetPort: 8080, nodePort: 30080}]}\n',
      ],
      ['--port', '80', '--endpoints', '198.51.100.7,svc/default/web'],
    );
    expect(j.destinations).toEqual([
      '198.51.100.7',
      'default/web clusterIP 10.96.0.5:80',
      'default/web clusterIP [fd00:96::5]:80',
      'default/web nodePort on n1 10.0.0.11:30080',
      'default/web nodePort on n1 [fd00::11]:30080',
    ]);
  });

  it("a node port is listed only on node addresses kube-proxy's nodePortAddresses admit", async () => {
    const node = (name: string, addresses: string) =>
      `apiVersion: v1\nkind: Node\nmetadata: {name: ${name}}\nstatus: {addresses: [${addresses}]}\n`;
    const j = await matrixOf(
      [
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: default}\n',
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: kube-system}\n',
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kube-proxy, namespace: kube-system}\ndata:\n  config.conf: |\n    apiVersion: kubeproxy.config.k8s.io/v1alpha1\n    kind: KubeProxyConfiguration\n    nodePortAddresses: [10.0.0.0/24]\n',
        node('n1', '{type: ExternalIP, address: 203.0.113.11}, {type: InternalIP, address: 10.0.0.11}'),
        node('n2', '{type: ExternalIP, address: 203.0.113.12}, {type: InternalIP, address: 10.0.1.12}'),
        'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: default}\nspec: {type: NodePort, clusterIP: 10.96.0.5, selector: {app: web}, ports: [{port: 80, protocol: TCP, targetPort: 8080, nodePort: 30080}]}\n',
      ],
      ['--port', '80', '--endpoints', '198.51.100.7,svc/default/web'],
    );
    // n1 serves it at its InternalIP only; n2 has no address in 10.0.0.0/24.
    expect(j.destinations).toEqual([
      '198.51.100.7',
      'default/web clusterIP 10.96.0.5:80',
      'default/web nodePort on n1 10.0.0.11:30080',
    ]);
  });

  it('an unknown entry is a usage error, never an empty table', async () => {
    const r = await runInProcess(['matrix', 'world.yaml', '--port', '80', '--endpoints', 'default/nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('default/nope (no pod or service default/nope)');
    expect(r.stdout).toBe('');
  });
});

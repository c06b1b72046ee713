import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GlobalNetworkPolicy, NetworkPolicy } from '@calico-dsl/core';

/** The fake calicoctl executable (test/fixtures/fake-calicoctl). */
export const FAKE_CALICOCTL = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'fake-calicoctl');
// git may check the fixture out without its executable bit on some setups.
chmodSync(FAKE_CALICOCTL, 0o755);

export function gnp(name: string, action: 'Allow' | 'Deny' = 'Allow'): GlobalNetworkPolicy {
  return {
    apiVersion: 'projectcalico.org/v3',
    kind: 'GlobalNetworkPolicy',
    metadata: { name },
    spec: { selector: 'role == "web"', ingress: [{ action, protocol: 'TCP', destination: { ports: [80] } }] },
  };
}

export function np(name: string, namespace: string): NetworkPolicy {
  return {
    apiVersion: 'projectcalico.org/v3',
    kind: 'NetworkPolicy',
    metadata: { name, namespace },
    spec: {
      selector: 'app == "shop"',
      ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [8080] } }],
    },
  };
}

/** A fresh temp directory removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'calicoctl-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Whether a process is still running (a zombie waiting for a reaper counts as gone). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // Linux: the state letter follows the parenthesised command name in /proc/<pid>/stat.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\)\s+Z\s/.test(stat);
  } catch {
    return true;
  }
}

// Runs only when CALICOCTL_BIN is set (vitest.shared.ts excludes *.integration.test.ts otherwise).
// Read-only by default: `version --client` and, when `validate` exists (v3.31+), offline validation.
// Set CALICOCTL_IT_CLUSTER=1 (with DATASTORE_TYPE/KUBECONFIG pointing at a disposable cluster, e.g.
// kind) to also apply, read back, plan and delete a uniquely named GlobalNetworkPolicy.
import { describe, expect, it } from 'vitest';
import { createCalicoctl } from '../src/calicoctl.js';
import { CalicoctlError } from '../src/errors.js';
import { gnp } from './helpers.js';

const bin = process.env.CALICOCTL_BIN ?? 'calicoctl';
// The whole environment is inherited by default: kubeconfig exec plugins (e.g. ibmcloud) need it.
const ctl = createCalicoctl({ bin, timeoutMs: 60_000, allowVersionMismatch: true });

describe('real calicoctl', () => {
  it('reports its client version', async () => {
    const v = await ctl.version({ clientOnly: true });
    expect(v.client).toMatch(/^v?\d+\.\d+/);
  });

  it('validates offline (calicoctl v3.31+) or says the command is unknown', async () => {
    try {
      expect(await ctl.validate(gnp('it-validate'))).toMatchObject({ validated: 1 });
    } catch (e) {
      expect(e).toBeInstanceOf(CalicoctlError);
      expect((e as CalicoctlError).code).toBe('EXIT_NONZERO');
    }
  });

  it.skipIf(process.env.CALICOCTL_IT_CLUSTER !== '1')(
    'apply, get, plan, delete against a cluster',
    async () => {
      const name = `calico-dsl-it-${process.pid}`;
      const policy = gnp(name);
      try {
        expect(await ctl.apply(policy)).toMatchObject({ applied: 1 });
        const [live] = await ctl.get('GlobalNetworkPolicy', name);
        expect(live?.metadata.name).toBe(name);
        const plan = await ctl.plan(policy);
        expect(plan.steps.map((s) => s.action)).toEqual(['unchanged']);
      } finally {
        await ctl.deleteNamed('GlobalNetworkPolicy', name, { skipNotExists: true });
      }
    },
  );
});

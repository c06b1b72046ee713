import { preDnat } from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../src/index.js';
import { CLIENT_IP, LB_IP } from './fixtures/resources.js';

// The tutorial's policies written with the DSL print exactly the golden files the IR fixtures
// print (test/fixtures/golden/tutorial-*.yaml): builders go straight into toYaml.
const WORKER_PUBLIC = "ibm.role=='worker_public'";

const DSL = {
  'deny-nodeports': preDnat('deny-nodeports')
    .order(1100)
    .selector(WORKER_PUBLIC)
    .deny()
    .tcp()
    .ports('30000:32767')
    .deny()
    .udp()
    .ports('30000:32767'),
  'deny-lb-port-80': preDnat('deny-lb-port-80')
    .order(800)
    .selector(WORKER_PUBLIC)
    .deny()
    .tcp()
    .toNets(`${LB_IP}/32`)
    .ports(80)
    .deny()
    .udp()
    .toNets(`${LB_IP}/32`)
    .ports(80),
  whitelist: preDnat('whitelist')
    .order(500)
    .selector(WORKER_PUBLIC)
    .allow()
    .tcp()
    .fromNets(`${CLIENT_IP}/32`)
    .toNets(`${LB_IP}/32`)
    .ports(80),
  blacklist: preDnat('blacklist')
    .order(500)
    .selector(WORKER_PUBLIC)
    .deny()
    .tcp()
    .fromNets(`${CLIENT_IP}/32`)
    .toNets(`${LB_IP}/32`)
    .ports(80)
    .deny()
    .udp()
    .fromNets(`${CLIENT_IP}/32`)
    .toNets(`${LB_IP}/32`)
    .ports(80),
};

describe('toYaml golden output (DSL)', () => {
  for (const [name, builder] of Object.entries(DSL)) {
    it(`tutorial policy ${name}`, async () => {
      await expect(toYaml(builder)).toMatchFileSnapshot(`./fixtures/golden/tutorial-${name}.yaml`);
    });
  }
  it('a list of builders', async () => {
    await expect(toYaml(Object.values(DSL), { list: true })).toMatchFileSnapshot(
      './fixtures/golden/tutorial-list.yaml',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { resolveEnvironment } from './environment.js';

const parent = {
  PATH: '/usr/bin',
  HOME: '/home/me',
  DATASTORE_TYPE: 'etcdv3',
  CALICO_KUBECONFIG: '/from/calico',
  CALICO_NETWORKING_BACKEND: 'bird',
  ETCD_ENDPOINTS: 'https://etcd:2379',
  AWS_SECRET_ACCESS_KEY: 'secret',
  HTTPS_PROXY: 'http://proxy:3128',
};

describe('resolveEnvironment', () => {
  it('inherits the whole parent environment by default (kubeconfig exec plugins need AWS_*, IC_*, …)', () => {
    expect(resolveEnvironment(parent)).toEqual(parent);
  });

  it("'standard' inherits system, datastore and CALICO_* variables only", () => {
    expect(resolveEnvironment(parent, { inherit: 'standard' })).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/me',
      DATASTORE_TYPE: 'etcdv3',
      CALICO_KUBECONFIG: '/from/calico',
      CALICO_NETWORKING_BACKEND: 'bird',
      ETCD_ENDPOINTS: 'https://etcd:2379',
      HTTPS_PROXY: 'http://proxy:3128',
    });
  });

  it("'all' inherits everything, 'none' nothing", () => {
    expect(resolveEnvironment(parent, { inherit: 'all' })).toMatchObject({ AWS_SECRET_ACCESS_KEY: 'secret' });
    expect(resolveEnvironment(parent, { inherit: 'none', env: { PATH: '/bin' } })).toEqual({ PATH: '/bin' });
  });

  it('env overrides inherited values and undefined removes one; CALICO_ twins stay for calicoctl to prefer', () => {
    const env = resolveEnvironment(parent, { env: { KUBECONFIG: '/mine', ETCD_ENDPOINTS: undefined } });
    expect(env.KUBECONFIG).toBe('/mine');
    expect(env.CALICO_KUBECONFIG).toBe('/from/calico');
    expect('ETCD_ENDPOINTS' in env).toBe(false);
  });

  it('datastore options win over everything, removing the CALICO_ twin', () => {
    const env = resolveEnvironment(parent, {
      env: { DATASTORE_TYPE: 'etcdv3', CALICO_DATASTORE_TYPE: 'etcdv3' },
      datastore: {
        datastoreType: 'kubernetes',
        kubeconfig: '/k',
        etcdEndpoints: ['https://a:2379', 'https://b:2379'],
      },
      context: 'kind-calico',
    });
    expect(env).toMatchObject({
      DATASTORE_TYPE: 'kubernetes',
      KUBECONFIG: '/k',
      ETCD_ENDPOINTS: 'https://a:2379,https://b:2379',
      K8S_CURRENT_CONTEXT: 'kind-calico',
    });
    expect(env.CALICO_DATASTORE_TYPE).toBeUndefined();
    expect(env.CALICO_KUBECONFIG).toBeUndefined();
  });

  it('never invents datastore settings', () => {
    expect(resolveEnvironment({ PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });
});

// bgpConfiguration(): every field is optional, so toResource() compiles from the start; enums are
// Calico's literal values and communities and AS numbers have their forms, so a misspelt one does
// not compile.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type BGPConfiguration,
  type BGPConfigurationBuilder,
  bgpConfiguration,
  type ResourceSource,
  type Result,
} from '../src/index.js';

describe('must compile', () => {
  it('a configuration with any fields, in any order', () => {
    const config = bgpConfiguration('default').asNumber(64512).serviceClusterIPs('10.96.0.0/12');
    expectTypeOf(config).toEqualTypeOf<BGPConfigurationBuilder>();
    expectTypeOf(config.toResource()).toEqualTypeOf<BGPConfiguration>();
    expectTypeOf(config.build()).toEqualTypeOf<Result<BGPConfiguration>>();
    expectTypeOf(config).toExtend<ResourceSource<BGPConfiguration>>();
    expectTypeOf(bgpConfiguration('default').toResource().spec.serviceClusterIPs).toEqualTypeOf<
      readonly { readonly cidr?: string }[] | undefined
    >();
    config
      .asNumber('1.10')
      .community('peers', '65001:100')
      .community('large', '65001:100:7')
      .prefixAdvertisement('192.168.10.0/28', 'peers', '65001:200')
      .nodeMeshPassword({ name: 'bgp-secrets', key: 'mesh-password' })
      .bindMode('NodeIP')
      .programClusterRoutes('Disabled')
      .serviceLoadBalancerAggregation('Disabled')
      .logSeverityScreen('Debug');
  });
});

describe('must not compile', () => {
  it('enums outside the CRD values, malformed communities and AS numbers', () => {
    const config = bgpConfiguration('default');
    // @ts-expect-error LogSeverity is Trace, Debug, Info, Warning, Error or Fatal
    config.logSeverityScreen('Critical');
    // @ts-expect-error BGPBindMode is None or NodeIP (case-sensitive)
    config.bindMode('nodeIP');
    // @ts-expect-error ProgramClusterRoutes has no 'Never'
    config.programClusterRoutes('Never');
    // @ts-expect-error ServiceLoadBalancerAggregation is Enabled or Disabled
    config.serviceLoadBalancerAggregation('Off');
    // @ts-expect-error a community value is aa:nn or aa:nn:mm
    config.community('peers', '65001');
    // @ts-expect-error an AS number is a number or the dotted form
    config.asNumber('AS64512');
    // @ts-expect-error at least one block
    config.serviceClusterIPs();
    // @ts-expect-error a prefix advertisement names at least one community
    config.prefixAdvertisement('192.168.10.0/28');
    // @ts-expect-error the Secret key is required
    config.nodeMeshPassword({ name: 'bgp-secrets' });
    // @ts-expect-error listenPort is a number
    config.listenPort('179');
  });
});

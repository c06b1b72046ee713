// Every public entry point × values that break naive code (getters and Proxies that throw, cycles,
// bigints, symbols, wrong types): each either answers or throws its package's typed error with
// issues — never a TypeError, a RangeError (stack overflow) or the caller's own exception.

import { AnalysisInputError, analyze, diff } from '@calico-dsl/analysis';
import {
  CalicoValidationError,
  comparableForm,
  parseCidr,
  parseIp,
  parsePort,
  toResources,
  validate,
} from '@calico-dsl/core';
import { EvaluatorInputError, formatFlow, parseFlow, parseVia, World } from '@calico-dsl/evaluator';
import { fromYaml, toJson, toYaml } from '@calico-dsl/yaml';
import { describe, expect, it } from 'vitest';
import { revokedProxy, throwingProxy as trap } from '../../core/test/helpers/hostile.js';

const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;
const throwing = {
  get kind() {
    throw new Error('getter');
  },
  get protocol() {
    throw new Error('getter');
  },
};
const revoked = revokedProxy();
const gnp = (spec: unknown) => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'GlobalNetworkPolicy',
  metadata: { name: 'a' },
  spec,
});
const HOSTILE: Record<string, unknown> = {
  undefined: undefined,
  null: null,
  NaN: Number.NaN,
  bigint: 10n,
  symbol: Symbol('s'),
  text: 'x',
  function: () => 1,
  list: [],
  'sparse list': new Array(2).concat([1]),
  cyclic,
  'throwing getters': throwing,
  'throwing Proxy': trap,
  'revoked Proxy': revoked,
  'null prototype': Object.create(null),
  Date: new Date(0),
  '__proto__ key': JSON.parse('{"__proto__":{"x":1}}'),
  'bigint in a spec': gnp({ order: 10n }),
  'cycle in a spec': gnp(cyclic),
  'Proxy spec': gnp(trap),
  'bigint port': { protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80n },
};

const world = World.from([]);
const ENTRY_POINTS: Record<string, (value: unknown) => unknown> = {
  validate: (v) => validate(v),
  parseIp: (v) => parseIp(v as string),
  parseCidr: (v) => parseCidr(v as string),
  parsePort: (v) => parsePort(v as string),
  comparableForm: (v) => comparableForm(v as never),
  toResources: (v) => toResources(v as never),
  fromYaml: (v) => fromYaml(v as string),
  toYaml: (v) => toYaml(v as never),
  'toYaml([v])': (v) => toYaml([v] as never),
  toJson: (v) => toJson(v as never),
  'World.from': (v) => World.from(v),
  'World.from([v])': (v) => World.from([v]),
  'World.from options': (v) => World.from([], v as never),
  evaluate: (v) => {
    const r = world.evaluate(v as never);
    r.explain();
    return JSON.stringify(r);
  },
  evaluateMany: (v) => world.evaluateMany(v as never),
  matrix: (v) => world.matrix(v as never),
  parseFlow: (v) => parseFlow(v as string),
  parseVia: (v) => parseVia(v as string),
  formatFlow: (v) => formatFlow(v as never),
  analyze: (v) => analyze(v as never).lint(),
  'analysis search': (v) => analyze(world).search(v as never, 'Allow'),
  'analysis matrix': (v) => analyze(world).matrix(v as never),
  diff: (v) => diff(world, v as never),
  'diff space': (v) => diff(world, world, v as never),
};
const TYPED = [CalicoValidationError, EvaluatorInputError, AnalysisInputError];

describe('hostile values through every public entry point', () => {
  it.each(Object.keys(ENTRY_POINTS))('%s answers or throws a typed error', (name) => {
    const run = ENTRY_POINTS[name] as (value: unknown) => unknown;
    const untyped: string[] = [];
    for (const [label, value] of Object.entries(HOSTILE)) {
      try {
        run(value);
      } catch (e) {
        if (!TYPED.some((T) => e instanceof T)) untyped.push(`${label}: ${String(e)}`);
      }
    }
    expect(untyped).toEqual([]);
  });
});

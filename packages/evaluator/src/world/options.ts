/**
 * `World.from`'s options, checked where they enter: a typo or an unknown value is an input error
 * that lists what is allowed, never a silent default.
 */

import { type Issue, plainCopy } from '@calico-dsl/core';
import { ENGINE_NAMES } from '../engine.js';
import { EvaluatorInputError } from '../errors.js';
import type { WorldOptions } from '../world-api.js';
import { ENDPOINT_TO_HOST_ACTIONS } from './model.js';
import { CALICO_VERSIONS } from './policies.js';

/** Each option and the values it takes (`undefined`: any string, checked later). */
const ALLOWED: Readonly<Record<keyof WorldOptions, readonly string[] | undefined>> = {
  engine: ENGINE_NAMES,
  defaultEndpointToHostAction: ENDPOINT_TO_HOST_ACTIONS,
  calicoVersion: CALICO_VERSIONS,
  // An unknown mode is a world issue (`unsupported_kube_proxy_mode`), as in a kube-proxy ConfigMap.
  kubeProxyMode: undefined,
};

const list = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * The options as a plain object whose every field is one `World.from` knows with a value it
 * takes; throws {@link EvaluatorInputError} with an issue per problem (paths start `options`).
 *
 * @example
 * ```ts
 * readWorldOptions({ engine: 'reference' }); // { engine: 'reference' }
 * readWorldOptions({ engnie: 'reference' }); // throws: options.engnie is not an option (engine, …)
 * ```
 */
export function readWorldOptions(options: unknown): WorldOptions {
  if (options === undefined) return {};
  const { value, problems } = plainCopy(options);
  const issues: Issue[] = problems.map((p) => ({ ...p, path: ['options', ...p.path] }));
  if (issues.length === 0 && (typeof value !== 'object' || value === null || Array.isArray(value)))
    issues.push({
      code: 'invalid_input',
      path: ['options'],
      message: 'World.from options must be an object like { engine: "reference" }.',
    });
  const read = (issues.length === 0 ? value : {}) as Record<string, unknown>;
  for (const [key, v] of Object.entries(read)) {
    if (!Object.hasOwn(ALLOWED, key)) {
      issues.push({
        code: 'invalid_option',
        path: ['options', key],
        message: `${key} is not a World.from option; use ${Object.keys(ALLOWED).join(', ')}.`,
      });
      continue;
    }
    const allowed = ALLOWED[key as keyof WorldOptions];
    if (typeof v !== 'string' || (allowed !== undefined && !allowed.includes(v)))
      issues.push({
        code: 'invalid_option',
        path: ['options', key],
        message: `options.${key} must be ${allowed ? `one of ${list(allowed)}` : 'a string'}, not ${JSON.stringify(v)}.`,
      });
  }
  if (issues.length > 0) throw new EvaluatorInputError(issues);
  return read as WorldOptions;
}

import {
  type CalicoResource,
  issue as coreIssue,
  describeThrown,
  type Issue,
  type IssueCode,
  isCalicoKind,
  isCalicoResource,
  isResourceSource,
  type ResourceSource,
  type Result,
  validate,
} from '@calico-dsl/core';
import { fromYaml, toYaml } from '@calico-dsl/yaml';
import type { ResourceRef } from './errors.js';

/**
 * What the change methods accept: resources, DSL builders, a list of them, or manifest YAML text.
 *
 * @example
 * ```ts
 * const input: ManifestInput = [preDnat().name('deny-nodeports').deny().tcp().ports('30000:32767')];
 * ```
 */
export type ManifestInput =
  | string
  | CalicoResource
  | ResourceSource
  | readonly (CalicoResource | ResourceSource)[];

/**
 * Validated resources ready to send on stdin, and how to refer to each one.
 *
 * @example
 * ```ts
 * const m: Result<Manifest> = prepareManifest([preDnat('deny-nodeports').deny().tcp().ports('30000:32767')]);
 * if (m.ok) {
 *   m.value.refs; // [{ kind: 'GlobalNetworkPolicy', name: 'deny-nodeports' }]
 *   m.value.yaml; // 'apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: deny-nodeports\n…'
 * }
 * ```
 */
export interface Manifest {
  readonly resources: readonly CalicoResource[];
  readonly refs: readonly ResourceRef[];
  readonly yaml: string;
}

const issue = (code: IssueCode, path: (string | number)[], message: string): Issue =>
  coreIssue(code, path, message);

/**
 * Validates the input with core's `validate` (YAML text through `fromYaml`, which does the same)
 * and renders it with `toYaml`, so calicoctl only ever sees resources Calico accepts.
 *
 * @example
 * ```ts
 * const m = prepareManifest([{ apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'security' }, spec: { order: 100 } }]);
 * if (m.ok) m.value.refs; // [{ kind: 'Tier', name: 'security' }]
 * ```
 */
export function prepareManifest(input: ManifestInput): Result<Manifest> {
  const checked = typeof input === 'string' ? fromText(input) : fromObjects(input);
  if (!checked.ok) return checked;
  const resources = checked.value;
  if (resources.length === 0) {
    return {
      ok: false,
      issues: [
        issue('empty_manifest', [], 'No resources given: pass at least one resource or YAML document.'),
      ],
    };
  }
  return { ok: true, value: { resources, refs: resources.map(refOf), yaml: toYaml(resources) } };
}

function fromText(text: string): Result<CalicoResource[]> {
  const parsed = fromYaml(text);
  if (!parsed.ok) return parsed;
  const issues: Issue[] = [];
  const out: CalicoResource[] = [];
  parsed.value.forEach((resource, document) => {
    if (isCalicoResource(resource)) out.push(resource);
    else
      issues.push({
        ...issue(
          'not_calico',
          ['kind'],
          `calicoctl manages projectcalico.org/v3 resources only; apply ${resource.apiVersion} ${resource.kind} with kubectl.`,
        ),
        document,
      });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
}

function fromObjects(input: Exclude<ManifestInput, string>): Result<CalicoResource[]> {
  let list: readonly unknown[];
  try {
    list = Array.isArray(input) ? Array.from(input) : [input];
  } catch {
    return { ok: false, issues: [issue('unreadable', [], 'The input could not be read (a Proxy threw).')] };
  }
  const issues: Issue[] = [];
  const out: CalicoResource[] = [];
  list.forEach((item, document) => {
    let candidate: unknown = item;
    if (isResourceSource(item)) {
      try {
        candidate = item.toResource();
      } catch (e) {
        issues.push({
          ...issue('builder_failed', [], `The builder could not produce a resource: ${describeThrown(e)}`),
          document,
        });
        return;
      }
    }
    const result = validate(candidate);
    if (!result.ok) for (const i of result.issues) issues.push({ ...i, document });
    else if (isCalicoResource(result.value)) out.push(result.value);
    else
      issues.push({
        ...issue(
          'not_calico',
          ['kind'],
          `calicoctl manages projectcalico.org/v3 resources only; apply ${result.value.apiVersion} ${result.value.kind} with kubectl.`,
        ),
        document,
      });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
}

/**
 * The reference calicoctl uses for a resource: kind, name and (for namespaced kinds) namespace.
 *
 * @example
 * ```ts
 * refOf(preDnat('deny-nodeports').deny().toResource()); // { kind: 'GlobalNetworkPolicy', name: 'deny-nodeports' }
 * ```
 */
export function refOf(resource: CalicoResource): ResourceRef {
  const { kind, metadata } = resource;
  return metadata.namespace === undefined
    ? { kind, name: metadata.name }
    : { kind, name: metadata.name, namespace: metadata.namespace };
}

/**
 * Checks a value that goes into calicoctl's argument list (a name, namespace, context or config
 * path). No shell ever sees it; this only stops values docopt/cobra would read as a flag.
 *
 * @example
 * ```ts
 * checkArgument('--config=/etc/x', ['name']); // issue: must not start with "-"
 * ```
 */
export function checkArgument(value: unknown, path: (string | number)[]): Issue[] {
  if (typeof value !== 'string' || value === '')
    return [issue('invalid_argument', path, `Expected a non-empty string, got ${JSON.stringify(value)}.`)];
  if (value.startsWith('-'))
    return [
      issue(
        'invalid_argument',
        path,
        `"${value}" starts with "-", so calicoctl would read it as a flag; Kubernetes names start with a letter or digit.`,
      ),
    ];
  if (value.includes('\0'))
    return [issue('invalid_argument', path, 'Remove the NUL character: it cannot be passed as an argument.')];
  return [];
}

/**
 * Checks that `kind` is one of the Calico kinds the SDK models (what `get` can parse back).
 *
 * @example
 * ```ts
 * checkKind('GlobalNetworkPolicy'); // []
 * ```
 */
export function checkKind(kind: unknown): Issue[] {
  if (isCalicoKind(kind)) return [];
  return [
    issue(
      'unknown_kind',
      ['kind'],
      `Unsupported kind ${JSON.stringify(kind)}: use the exact kind name, e.g. "GlobalNetworkPolicy" or "NetworkPolicy".`,
    ),
  ];
}

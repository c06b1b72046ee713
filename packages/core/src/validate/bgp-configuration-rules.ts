/**
 * The BGPConfiguration rules beyond one field's type and schema: `validateBGPConfigurationSpec`
 * (libcalico-go `validator.go`: community values, and what a prefix advertisement may name), the
 * `required` tags of `Community` and `PrefixAdvertisement`, the CRD's set and CEL rules
 * (`x-kubernetes-validations` on BGPConfigurationSpec, which see the spec after Go's
 * `omitempty`), and calicoctl's client (`ValidateDefaultOnlyFields` in libcalico-go
 * `clientv3/bgpconfig.go`: some fields only on the configuration named `default`).
 */
import { formatPath } from '../result.js';
import type { IssueCollector } from './issue-collector.js';
import { isJsonArray, isJsonObject, type Json, type JsonObject, type Path } from './json.js';

// validator.go:93-95 standardCommunity, largeCommunity: `aa:nn` of 16-bit and `aa:nn:mm` of 32-bit numbers.
const STANDARD_COMMUNITY = /^(\d+):(\d+)$/;
const LARGE_COMMUNITY = /^(\d+):(\d+):(\d+)$/;

const isSet = (v: Json | undefined): boolean => v !== undefined && v !== null;
const items = (v: Json | undefined): readonly Json[] => (isJsonArray(v) ? v : []);
/** Set as CEL's `has()` sees it after `omitempty`: present, and not an empty list. */
const hasItems = (v: Json | undefined): boolean => isSet(v) && (!isJsonArray(v) || v.length > 0);

/**
 * `isValidCommunity` and `validateCommunityValue`: `undefined` when `value` is a community, what
 * is wrong otherwise (`format`: neither form; `bits`: a part too large for its form).
 */
function communityProblem(
  value: string,
): { readonly kind: 'format' | 'bits'; readonly text: string } | undefined {
  const large = LARGE_COMMUNITY.test(value);
  if (!large && !STANDARD_COMMUNITY.test(value)) {
    return {
      kind: 'format',
      text: 'write aa:nn (a standard community) or aa:nn:mm (a large one), e.g. "65001:100"',
    };
  }
  const max = large ? 0xffffffff : 0xffff;
  if (value.split(':').every((part) => Number(part) <= max)) return undefined;
  const bits = large ? 32 : 16;
  return {
    kind: 'bits',
    text: `invalid community value, expected ${bits} bit value: each part of ${large ? 'a large (aa:nn:mm)' : 'a standard (aa:nn)'} community is 0-${max}`,
  };
}

/** Go's `validate:"required"` on a string: missing and "" alike. */
function requireText(ctx: IssueCollector, obj: JsonObject, key: string, at: Path, example: string): void {
  const v = obj.get(key);
  if (v === undefined || v === null || v === '') {
    ctx.report(
      'required',
      [...at, key],
      `${formatPath([...at, key])} is required: set it, e.g. ${key}: ${example}`,
    );
  }
}

/** `Community` entries: name and value required, the value a community. The names they define. */
function checkCommunities(ctx: IssueCollector, spec: JsonObject, path: Path): Set<string> {
  const names = new Set<string>();
  items(spec.get('communities')).forEach((item, i) => {
    if (!isJsonObject(item)) return;
    const at = [...path, 'communities', i];
    requireText(ctx, item, 'name', at, 'no-export-peers');
    requireText(ctx, item, 'value', at, '"65001:100"');
    const name = item.get('name');
    if (typeof name === 'string') names.add(name);
    const value = item.get('value');
    const problem = typeof value === 'string' && value !== '' ? communityProblem(value) : undefined;
    if (problem !== undefined) {
      ctx.report(
        'invalid_community',
        [...at, 'value'],
        `Invalid community value ${JSON.stringify(value)} in ${formatPath([...at, 'value'])}: ${problem.text}`,
      );
    }
  });
  return names;
}

/** `PrefixAdvertisement` entries: cidr and communities required; each community a value or a defined name. */
function checkPrefixAdvertisements(
  ctx: IssueCollector,
  spec: JsonObject,
  path: Path,
  names: Set<string>,
): void {
  items(spec.get('prefixAdvertisements')).forEach((item, i) => {
    if (!isJsonObject(item)) return;
    const at = [...path, 'prefixAdvertisements', i];
    requireText(ctx, item, 'cidr', at, '192.168.10.0/28');
    // `required` on a slice wants it non-nil: an empty list passes, as Go decodes it.
    if (!isSet(item.get('communities'))) {
      ctx.report(
        'required',
        [...at, 'communities'],
        `${formatPath([...at, 'communities'])} is required: list community values or names from spec.communities, e.g. communities: ["65001:100"]`,
      );
    }
    items(item.get('communities')).forEach((community, j) => {
      if (typeof community !== 'string') return;
      const problem = communityProblem(community);
      // A value that is no community may still name one of spec.communities.
      if (problem === undefined || (problem.kind === 'format' && names.has(community))) return;
      const where = formatPath([...at, 'communities', j]);
      ctx.report(
        'invalid_community',
        [...at, 'communities', j],
        problem.kind === 'bits'
          ? `Invalid community ${JSON.stringify(community)} in ${where}: ${problem.text}`
          : `community used is invalid or not defined: ${JSON.stringify(community)} in ${where} is not a community value (aa:nn or aa:nn:mm) nor the name of one in spec.communities`,
      );
    });
  });
}

/** The CRD's CEL rules on BGPConfigurationSpec. */
function checkCelRules(ctx: IssueCollector, spec: JsonObject, path: Path): void {
  if (spec.get('nodeToNodeMeshEnabled') === false) {
    for (const key of ['nodeMeshPassword', 'nodeMeshMaxRestartTime']) {
      if (!isSet(spec.get(key))) continue;
      ctx.report(
        'forbidden_field',
        [...path, key],
        `${key} cannot be set when nodeToNodeMeshEnabled is false: it configures the mesh's sessions; remove it or enable the mesh`,
      );
    }
  }
  if (hasItems(spec.get('communities')) && !hasItems(spec.get('prefixAdvertisements'))) {
    ctx.report(
      'required',
      [...path, 'prefixAdvertisements'],
      'communities are defined but not used in prefixAdvertisements: add a prefix advertisement that names them, or remove spec.communities',
    );
  }
}

/** `ignoredInterfaces` is `+listType=set`: the CRD refuses a repeated name. */
function checkIgnoredInterfacesSet(ctx: IssueCollector, spec: JsonObject, path: Path): void {
  const seen = new Set<Json>();
  items(spec.get('ignoredInterfaces')).forEach((name, i) => {
    if (typeof name === 'string' && seen.has(name)) {
      ctx.report(
        'duplicate_value',
        [...path, 'ignoredInterfaces', i],
        `interface ${JSON.stringify(name)} is listed twice: ignoredInterfaces is a set`,
      );
    }
    seen.add(name);
  });
}

/** `ValidateDefaultOnlyFields` (clientv3 bgpconfig.go): the fields calicoctl takes only on `default`. */
const DEFAULT_ONLY = [
  'nodeToNodeMeshEnabled',
  'asNumber',
  'serviceLoadBalancerIPs',
  'serviceExternalIPs',
  'serviceClusterIPs',
  'nodeMeshPassword',
  'nodeMeshMaxRestartTime',
] as const;

function checkDefaultOnly(ctx: IssueCollector, spec: JsonObject, path: Path, name: string): void {
  if (name === 'default') return;
  for (const key of DEFAULT_ONLY) {
    // The service IP lists only when they hold a block (`len(...) > 0`); the rest whenever set.
    if (!hasItems(spec.get(key))) continue;
    ctx.report(
      'forbidden_field',
      [...path, key],
      `Cannot set ${key} on a non default BGP Configuration: move it to the BGPConfiguration named "default"`,
    );
  }
}

/**
 * Runs the BGPConfiguration rules on a spec whose fields were read (`name` is the resource's
 * `metadata.name`). Not checked: what needs the cluster (that the Secret exists).
 *
 * @example
 * ```ts
 * checkBGPConfigurationRules(ctx, spec, ['spec'], 'node.worker-1');
 * // spec.serviceClusterIPs set: [{ code: 'forbidden_field', path: ['spec', 'serviceClusterIPs'], message: 'Cannot set serviceClusterIPs on a non default BGP Configuration: …' }]
 * ```
 */
export function checkBGPConfigurationRules(
  ctx: IssueCollector,
  spec: JsonObject,
  path: Path,
  name: string,
): void {
  const names = checkCommunities(ctx, spec, path);
  checkPrefixAdvertisements(ctx, spec, path, names);
  checkCelRules(ctx, spec, path);
  checkIgnoredInterfacesSet(ctx, spec, path);
  checkDefaultOnly(ctx, spec, path, name);
}

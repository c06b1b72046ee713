import { SPEC_KEYS } from '../resources/field-order.js';
import { ASSIGNMENT_MODES, IP_POOL_ALLOWED_USES, IPIP_MODES, VXLAN_MODES } from '../resources/ip-pool.js';
import { formatPath } from '../result.js';
import { parseCidr, parseIp } from '../values/cidr.js';
import { type CanonicalObject, setOwn } from './canonical.js';
import { checkEnumSet } from './enum-set.js';
import { readFelixField } from './felix/check-field.js';
import { BOOL, enumOf, type FelixFieldRule, pointerEnum } from './felix/field-rule.js';
import { readString, readStringList, readStruct } from './field-readers.js';
import { checkIPPoolRules, type PoolCidr } from './ip-pool-rules.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, JsonObject, Path } from './json.js';
import { checkSelector, SELECTOR_MAX_LENGTH } from './selector-field.js';

type IPPoolSpecKey = (typeof SPEC_KEYS.IPPool)[number];

/**
 * The IPPoolSpec fields whose whole check is their Go type and their CRD schema (enum, bounds).
 * They are the same kinds of field as FelixConfiguration's, so the one field checker reads them.
 */
const SCALAR_FIELDS = {
  // ippool.go: a plain `string` enum is omitempty ("" is unset), the `*AssignmentMode` pointer is not.
  vxlanMode: enumOf(...VXLAN_MODES),
  ipipMode: enumOf(...IPIP_MODES),
  natOutgoing: BOOL,
  disabled: BOOL,
  disableBGPExport: BOOL,
  // CRD minimum 0, maximum 128; the range per IP version is a CEL rule (ip-pool-rules.ts).
  blockSize: { kind: 'int', min: 0, max: 128 },
  assignmentMode: pointerEnum(...ASSIGNMENT_MODES),
} as const satisfies Partial<Record<IPPoolSpecKey, FelixFieldRule>>;

// CRD: cidr `maxLength: 48`, allowedUses `maxItems: 10` (the selectors' limit is SELECTOR_MAX_LENGTH).
const MAX_CIDR = 48;
const MAX_USES = 10;

/**
 * `spec.cidr` as `validateIPPoolSpec` (validator.go) and the CRD (`format: cidr`, `maxLength`)
 * check it: present, a CIDR, strictly masked. The parsed network when it is one.
 */
function readPoolCidr(ctx: IssueCollector, spec: JsonObject, path: Path): PoolCidr | undefined {
  const at = [...path, 'cidr'];
  const raw = spec.get('cidr');
  if (raw === undefined || raw === null || raw === '') {
    ctx.report(
      'required',
      at,
      'IPPool CIDR must be specified: set spec.cidr to the pool network, e.g. 10.244.0.0/16',
    );
    return undefined;
  }
  const text = readString(ctx, spec, 'cidr', path);
  if (text === undefined) return undefined;
  if ([...text].length > MAX_CIDR) {
    ctx.report(
      'too_long',
      at,
      `${formatPath(at)} is longer than ${MAX_CIDR} characters: write it in its short form`,
    );
  }
  // validateIPPoolSpec would take a bare IP as a /32 or /128, but the CRD's `format: cidr` does not.
  if (!text.includes('/') && parseIp(text).ok) {
    ctx.report(
      'invalid_cidr',
      at,
      `Invalid CIDR ${JSON.stringify(text)}: an IP pool needs a prefix length, like 10.244.0.0/16 or fd00:10:244::/64`,
    );
    return undefined;
  }
  const parsed = parseCidr(text);
  if (!parsed.ok) {
    for (const i of parsed.issues) ctx.report(i.code, at, i.message);
    return undefined;
  }
  if (!parsed.value.masked) {
    ctx.report('cidr_not_masked', at, `IP pool CIDR is not strictly masked: write "${parsed.value.text}"`);
  }
  return { text, cidr: parsed.value };
}

/** `nodeSelector` / `namespaceSelector`: Calico's `selector` tag, the CRD's `maxLength`, and no `global()` (CEL). */
function readPoolSelector(
  ctx: IssueCollector,
  spec: JsonObject,
  key: IPPoolSpecKey,
  path: Path,
): string | undefined {
  const text = readString(ctx, spec, key, path);
  if (text !== undefined && text !== '') {
    checkSelector(ctx, text, [...path, key], { maxLength: SELECTOR_MAX_LENGTH, global: 'forbid' });
  }
  return text;
}

/** `allowedUses`: the CRD enum, `maxItems`, and a set (`+listType=set`: no repeats). */
function readAllowedUses(ctx: IssueCollector, spec: JsonObject, path: Path): string[] | undefined {
  const uses = readStringList(ctx, spec, 'allowedUses', path, MAX_USES);
  if (uses !== undefined) {
    checkEnumSet(
      ctx,
      uses,
      [...path, 'allowedUses'],
      IP_POOL_ALLOWED_USES,
      'allowed use',
      (use) => `allowed use ${JSON.stringify(use)} is listed twice: allowedUses is a set`,
    );
  }
  return uses;
}

/**
 * Reads and checks an `IPPool.spec` as Calico does: the field tags of ippool.go and
 * `validateIPPoolSpec` (validator.go), the CRD schema, then its CEL rules (ip-pool-rules.ts).
 * Values are kept as given: no CRD or client defaults are filled in.
 */
export function readIPPoolSpec(ctx: IssueCollector, v: Json | undefined, path: Path): CanonicalObject {
  const spec = readStruct(ctx, v, path, SPEC_KEYS.IPPool) ?? new Map<string, Json>();
  const out: CanonicalObject = {};
  const cidr = readPoolCidr(ctx, spec, path);
  for (const key of SPEC_KEYS.IPPool) {
    switch (key) {
      case 'cidr':
        setOwn(out, key, cidr?.text);
        break;
      case 'nodeSelector':
      case 'namespaceSelector':
        setOwn(out, key, readPoolSelector(ctx, spec, key, path));
        break;
      case 'allowedUses':
        setOwn(out, key, readAllowedUses(ctx, spec, path));
        break;
      case 'vxlanMode':
      case 'ipipMode':
      case 'natOutgoing':
      case 'disabled':
      case 'disableBGPExport':
      case 'blockSize':
      case 'assignmentMode': {
        const value = spec.get(key);
        // A null field is unset, as Go decodes it.
        if (value !== undefined && value !== null) {
          setOwn(out, key, readFelixField(ctx, SCALAR_FIELDS[key], value, [...path, key]));
        }
        break;
      }
      default:
        key satisfies never;
    }
  }
  checkIPPoolRules(ctx, spec, path, cidr);
  return out;
}

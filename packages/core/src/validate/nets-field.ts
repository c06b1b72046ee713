import { formatPath } from '../result.js';
import { type Cidr, parseCidr, parseCidrOrIp } from '../values/cidr.js';
import { readStringList } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { JsonObject, Path } from './json.js';
import { crdLimit, type RuleChecks } from './rule-checks.js';

/** CRD `maxItems` of rule `nets` / `notNets`. */
export const MAX_NETS = 256;

/** A rule `nets` / `notNets` list: the raw strings and the CIDRs that parsed strictly. */
export interface NetList {
  readonly out: readonly string[];
  readonly cidrs: readonly { readonly index: number; readonly text: string; readonly cidr: Cidr }[];
}

/**
 * Reads a rule `nets` / `notNets` list. Each entry must be a CIDR with a prefix length (Calico's
 * `validateRule` uses `ParseCIDR`) and strictly masked (the `net` tag); the CRD allows at most
 * {@link MAX_NETS}.
 */
export function readRuleNets(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
  checks: RuleChecks,
): NetList | undefined {
  const list = readStringList(ctx, obj, key, path, crdLimit(checks, MAX_NETS));
  if (list === undefined) return undefined;
  const cidrs: { index: number; text: string; cidr: Cidr }[] = [];
  list.forEach((text, index) => {
    const at = [...path, key, index];
    const r = parseCidr(text);
    if (!r.ok) {
      for (const issue of r.issues) ctx.report('invalid_cidr', at, issue.message);
      return;
    }
    if (!r.value.masked) {
      ctx.report(
        'cidr_not_masked',
        at,
        `CIDR ${JSON.stringify(text)} in ${formatPath(at)} has host bits set: write the network address, e.g. "${r.value.text}"`,
      );
    }
    cidrs.push({ index, text, cidr: r.value });
  });
  return { out: list, cidrs };
}

/**
 * Reads a (Global)NetworkSet `nets` list: IPs or CIDRs, host bits allowed (the `cidr` tag).
 */
export function readSetNets(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
): string[] | undefined {
  const list = readStringList(ctx, obj, key, path);
  if (list === undefined) return undefined;
  list.forEach((text, index) => {
    const r = parseCidrOrIp(text);
    if (!r.ok) {
      ctx.report(
        'invalid_cidr',
        [...path, key, index],
        `Invalid CIDR ${JSON.stringify(text)}: write an IP like "10.0.0.1" or a CIDR like "10.0.0.0/8"`,
      );
    }
  });
  return list;
}

import type { CalicoKind } from '../resources/kinds.js';
import type { NetworkPolicyApiKind } from '../resources/network-policy-api.js';
import type { IssueCollector } from './issue-collector.js';
import type { Path } from './json.js';
import { DNS_LABEL_FMT, DNS_SUBDOMAIN_FMT, utf8Length } from './k8s-names.js';

const LABEL = DNS_LABEL_FMT;
const SUBDOMAIN = DNS_SUBDOMAIN_FMT;
// Calico's nameRegex: a DNS-1123 subdomain without the 63-character limit per label.
const NAME = new RegExp(`^${SUBDOMAIN}$`);
const TIER_NAME = new RegExp(`^${LABEL}$`);
const GNP_NAME = new RegExp(`^(${LABEL}\\.)?${LABEL}$`);
const NP_NAME = new RegExp(`^((${LABEL})(\\.${LABEL})?|((?:knp|ossg)\\.default\\.(${SUBDOMAIN})))$`);

/** A kind-specific naming rule on top of the generic subdomain rule. */
interface NameRule {
  readonly regex: RegExp;
  readonly maxLength: number;
  readonly explain: string;
}

const GENERIC: NameRule = {
  regex: NAME,
  maxLength: 253,
  explain: 'lower case alphanumeric characters, "-" or ".", starting and ending with an alphanumeric',
};

/** The kinds whose names are checked: Calico's, network-policy-api's, and Kubernetes' NetworkPolicy. */
export type NamedKind = CalicoKind | NetworkPolicyApiKind | 'KubernetesNetworkPolicy';

const EXTRA_RULES: Partial<Record<NamedKind, NameRule>> = {
  GlobalNetworkPolicy: {
    regex: GNP_NAME,
    maxLength: 253,
    explain:
      'lower case alphanumeric characters or "-", with at most one "." (e.g. "allow-dns" or "security.allow-dns")',
  },
  StagedGlobalNetworkPolicy: {
    regex: GNP_NAME,
    maxLength: 253,
    explain: 'lower case alphanumeric characters or "-", with at most one "."',
  },
  NetworkPolicy: {
    regex: NP_NAME,
    maxLength: 253,
    explain:
      'lower case alphanumeric characters or "-", with at most one "." (or "knp.default."/"ossg.default." followed by a DNS subdomain)',
  },
  StagedNetworkPolicy: {
    regex: NP_NAME,
    maxLength: 253,
    explain: 'lower case alphanumeric characters or "-", with at most one "."',
  },
  Tier: {
    regex: TIER_NAME,
    maxLength: 63,
    explain: 'lower case alphanumeric characters or "-" (no dots), at most 63 characters',
  },
};

/** Suggests a conforming spelling of a bad name (lower-cased, bad characters replaced). */
function suggestName(name: string): string | undefined {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return s.length > 0 && s !== name ? s : undefined;
}

function checkRule(ctx: IssueCollector, name: string, path: Path, rule: NameRule, what: string): boolean {
  const len = utf8Length(name);
  if (len > rule.maxLength) {
    ctx.report(
      'invalid_name',
      path,
      `${what} is too long by ${len - rule.maxLength} bytes: use at most ${rule.maxLength} characters`,
    );
    return false;
  }
  if (!rule.regex.test(name)) {
    const hint = suggestName(name);
    ctx.report(
      'invalid_name',
      path,
      `${what} ${JSON.stringify(name)} is invalid: use ${rule.explain}${hint !== undefined && rule.regex.test(hint) ? `, e.g. ${JSON.stringify(hint)}` : ''}`,
    );
    return false;
  }
  return true;
}

/**
 * Checks `metadata.name` for `kind`: every kind must be a DNS-1123 subdomain (≤ 253, no per-label
 * limit); policies, staged policies and tiers add their own rule (calico-semantics.md §8.1).
 */
export function checkResourceName(ctx: IssueCollector, kind: NamedKind, name: string, path: Path): void {
  if (name === '') {
    ctx.report('required', path, 'metadata.name is required: give the resource a name');
    return;
  }
  if (!checkRule(ctx, name, path, GENERIC, 'metadata.name')) return;
  const extra = EXTRA_RULES[kind];
  if (extra !== undefined) checkRule(ctx, name, path, extra, `${kind} name`);
}

/** Checks a reference to another resource by name (tier, profile, node, service): Calico's `name` tag. */
export function checkNameRef(ctx: IssueCollector, value: string, path: Path, what: string): void {
  checkRule(ctx, value, path, { ...GENERIC, maxLength: Number.MAX_SAFE_INTEGER }, what);
}

/** Whether `value` passes Calico's generic `name` tag (DNS-1123 subdomain, no per-label limit). */
export function isCalicoName(value: string): boolean {
  return NAME.test(value);
}

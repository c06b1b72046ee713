/**
 * Profiles: explicit Profile resources plus the ones Calico derives from Namespaces
 * (`kns.<ns>`) and ServiceAccounts (`ksa.<ns>.<sa>`), and `projectcalico-default-allow`
 * (calico-semantics.md §1.1, §4.4).
 */
import type { Rule } from '@calico-dsl/core';
import type { ProfileModel, RuleModel, WorldModel } from './model.js';
import { allowAllProfile, type Loose, labelMap, prefixed, type ResourceIndex } from './read.js';
import { compileRule } from './rules.js';
import { type LabelMap, SelectorCache } from './selector.js';

/** The profile table; `ksa()` creates service-account profiles on first use. */
export interface ProfileTable {
  readonly profiles: Map<string, ProfileModel>;
  /** The name of the `ksa.<ns>.<sa>` profile, created when first asked for. */
  ksa(ns: string, sa: string): string;
  /**
   * Whether profile `name` exists; when it does not, it is added as Felix programs it, with
   * {@link DEFAULT_DROP_RULES}, and `false` says so (the caller reports it).
   */
  resolve(name: string): boolean;
}

/**
 * The rules Felix gives a profile an endpoint names that does not exist: one Deny each way, so
 * the endpoint's chain drops there instead of going on to its later profiles (`DummyDropRules`,
 * `felix/calc/active_rules_calculator.go` `sendProfileUpdate`: "generating default-drop profile").
 *
 * @example
 * ```ts
 * DEFAULT_DROP_RULES[0]?.action; // 'Deny'
 * ```
 */
export const DEFAULT_DROP_RULES: readonly RuleModel[] = Object.freeze([
  compileRule({ action: 'Deny' }, 0, undefined, new SelectorCache(), []),
]);

/**
 * The profile Felix programs for a profile name that does not exist: {@link DEFAULT_DROP_RULES}
 * both ways, no labels.
 *
 * @example
 * ```ts
 * defaultDropProfile('nope').egress[0]?.action; // 'Deny'
 * ```
 */
export function defaultDropProfile(name: string): ProfileModel {
  return { name, ingress: DEFAULT_DROP_RULES, egress: DEFAULT_DROP_RULES, labelsToApply: labelMap() };
}

/**
 * The profile an endpoint names, as Felix programs it: the world's, which holds every name an
 * endpoint lists (`ProfileTable.resolve` adds {@link defaultDropProfile} for one that does not
 * exist); the drop profile too for a name the world never resolved. Every engine reads profiles
 * through this.
 *
 * @example
 * ```ts
 * profileOf(world.model, 'kns.prod').ingress.length; // 1: allow all
 * profileOf(world.model, 'no-such-profile').ingress[0]?.action; // 'Deny'
 * ```
 */
export function profileOf(world: Pick<WorldModel, 'profiles'>, name: string): ProfileModel {
  return world.profiles.get(name) ?? defaultDropProfile(name);
}

/**
 * Builds the profile table.
 *
 * @example
 * ```ts
 * buildProfiles(index, pods, selectors).profiles.get('kns.default')?.labelsToApply;
 * ```
 */
export function buildProfiles(index: ResourceIndex, pods: readonly Loose[], sc: SelectorCache): ProfileTable {
  // The kube-apiserver labels every namespace with its name (`kubernetes.io/metadata.name`, since
  // Kubernetes 1.22), over whatever the manifest says; Calico copies it as `pcns.*` like the rest.
  const namespaceLabels = (name: string, labels?: LabelMap) =>
    labelMap(labels, { 'kubernetes.io/metadata.name': name });
  const nsLabels = new Map<string, LabelMap>();
  for (const [r] of index.of('Namespace'))
    nsLabels.set(r.metadata.name, namespaceLabels(r.metadata.name, r.metadata.labels));
  // A pod's or NetworkSet's namespace always exists in a real cluster; give it an implicit one.
  for (const r of [...pods, ...index.of('NetworkSet').map(([set]) => set)]) {
    const ns = r.metadata.namespace ?? 'default';
    if (!nsLabels.has(ns)) nsLabels.set(ns, namespaceLabels(ns));
  }
  const saLabels = new Map<string, LabelMap>();
  for (const [r] of index.of('ServiceAccount')) {
    saLabels.set(`${r.metadata.namespace ?? 'default'}/${r.metadata.name}`, labelMap(r.metadata.labels));
  }

  const profiles = new Map<string, ProfileModel>();
  profiles.set('projectcalico-default-allow', allowAllProfile('projectcalico-default-allow', labelMap()));
  // kns.<ns>: allow-all rules; namespace labels as pcns.* plus pcns.projectcalico.org/name.
  for (const [ns, labels] of nsLabels) {
    const inherited = labelMap(prefixed(labels, 'pcns.'), { 'pcns.projectcalico.org/name': ns });
    profiles.set(`kns.${ns}`, allowAllProfile(`kns.${ns}`, inherited));
  }
  for (const [r, i] of index.of('Profile')) {
    const spec = r.spec ?? {};
    const rules = (dir: 'ingress' | 'egress') =>
      ((spec[dir] ?? []) as Rule[]).map((rule, k) =>
        compileRule(rule, k, undefined, sc, [i, 'spec', dir, k]),
      );
    profiles.set(r.metadata.name, {
      name: r.metadata.name,
      ingress: rules('ingress'),
      egress: rules('egress'),
      labelsToApply: labelMap(spec.labelsToApply),
    });
  }
  const ksa = (ns: string, sa: string): string => {
    // ksa.<ns>.<sa>: no rules; SA labels as pcsa.* plus pcsa.projectcalico.org/name.
    const name = `ksa.${ns}.${sa}`;
    if (!profiles.has(name)) {
      const inherited = labelMap(prefixed(saLabels.get(`${ns}/${sa}`), 'pcsa.'), {
        'pcsa.projectcalico.org/name': sa,
      });
      profiles.set(name, { name, ingress: [], egress: [], labelsToApply: inherited });
    }
    return name;
  };
  return {
    profiles,
    ksa,
    resolve(name: string): boolean {
      if (profiles.has(name)) return true;
      // Every ServiceAccount has its ksa.<ns>.<sa> profile, used by a pod or not (a namespace is a
      // DNS label, so the first dot ends it: the profile client's ProfileNameToServiceAccount).
      const sa = /^ksa\.([^.]+)\.(.+)$/.exec(name);
      if (sa && saLabels.has(`${sa[1]}/${sa[2]}`)) {
        ksa(sa[1] as string, sa[2] as string);
        return true;
      }
      profiles.set(name, defaultDropProfile(name));
      return false;
    },
  };
}

import {
  ENTITY_RULE_KEYS,
  SERVICE_ACCOUNT_MATCH_KEYS,
  SERVICE_MATCH_KEYS,
} from '../resources/field-order.js';
import { formatPath } from '../result.js';
import { type CanonicalObject, setOwn } from './canonical.js';
import { readString, readStringList, readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, Path } from './json.js';
import { checkNameRef } from './names.js';
import { type NetList, readRuleNets } from './nets-field.js';
import { type PortList, readPortList } from './ports-field.js';
import { crdLimit, type RuleChecks } from './rule-checks.js';
import { checkSelector, SELECTOR_MAX_LENGTH } from './selector-field.js';

/** What the rule- and policy-level checks need to know about a source/destination. */
export interface EntityRuleInfo {
  readonly out: CanonicalObject;
  readonly ports: PortList | undefined;
  readonly notPorts: PortList | undefined;
  readonly nets: NetList | undefined;
  readonly notNets: NetList | undefined;
  /** `services` is present (non-null), even when empty. */
  readonly hasServices: boolean;
  readonly servicesNamespace: string;
}

/** An absent source/destination. */
export const EMPTY_ENTITY_RULE: EntityRuleInfo = {
  out: {},
  ports: undefined,
  notPorts: undefined,
  nets: undefined,
  notNets: undefined,
  hasServices: false,
  servicesNamespace: '',
};

/**
 * Reads and checks a rule `source` / `destination` (Calico `EntityRule`): selectors, nets, ports,
 * services and service accounts, and (`checks` `'crd'`) the CRD's limits and its CEL rules: no
 * `global()` in `selector`, and no mixing of services with other matches.
 */
export function readEntityRule(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  checks: RuleChecks,
): EntityRuleInfo {
  const obj = readStruct(ctx, v, path, ENTITY_RULE_KEYS);
  if (obj === undefined) return EMPTY_ENTITY_RULE;
  const out: CanonicalObject = {};
  const maxLength = crdLimit(checks, SELECTOR_MAX_LENGTH);

  const nets = readRuleNets(ctx, obj, 'nets', path, checks);
  setOwn(out, 'nets', nets?.out);

  const selector = readString(ctx, obj, 'selector', path);
  if (selector !== undefined && selector !== '') {
    checkSelector(ctx, selector, [...path, 'selector'], {
      maxLength,
      global: checks === 'crd' ? 'forbid' : 'unchecked',
    });
  }
  setOwn(out, 'selector', selector);

  const namespaceSelector = readString(ctx, obj, 'namespaceSelector', path);
  if (namespaceSelector !== undefined && namespaceSelector !== '') {
    // validateEntityRule (Go): global() stands alone here.
    checkSelector(ctx, namespaceSelector, [...path, 'namespaceSelector'], { maxLength, global: 'alone' });
  }
  setOwn(out, 'namespaceSelector', namespaceSelector);

  const servicesRaw = obj.get('services');
  const services = readStruct(ctx, servicesRaw, [...path, 'services'], SERVICE_MATCH_KEYS);
  let servicesNamespace = '';
  let serviceName = '';
  if (services !== undefined) {
    const sOut: CanonicalObject = {};
    for (const key of SERVICE_MATCH_KEYS) {
      const s = readString(ctx, services, key, [...path, 'services']);
      if (s !== undefined && s !== '') {
        const at = [...path, 'services', key];
        if (checks === 'crd' && [...s].length > 253) {
          ctx.report('too_long', at, `${formatPath(at)} is longer than 253 characters`);
        }
        checkNameRef(ctx, s, at, `Service ${key}`);
      }
      if (key === 'name') serviceName = s ?? '';
      else servicesNamespace = s ?? '';
      setOwn(sOut, key, s);
    }
    setOwn(out, 'services', sOut);
  }

  const ports = readPortList(ctx, obj, 'ports', path, checks);
  setOwn(out, 'ports', ports?.out);

  const notNets = readRuleNets(ctx, obj, 'notNets', path, checks);
  setOwn(out, 'notNets', notNets?.out);

  const notSelector = readString(ctx, obj, 'notSelector', path);
  if (notSelector !== undefined && notSelector !== '') {
    // Calico does not apply the global() rule to notSelector.
    checkSelector(ctx, notSelector, [...path, 'notSelector'], { maxLength, global: 'unchecked' });
  }
  setOwn(out, 'notSelector', notSelector);

  const notPorts = readPortList(ctx, obj, 'notPorts', path, checks);
  setOwn(out, 'notPorts', notPorts?.out);

  const accounts = readStruct(
    ctx,
    obj.get('serviceAccounts'),
    [...path, 'serviceAccounts'],
    SERVICE_ACCOUNT_MATCH_KEYS,
  );
  if (accounts !== undefined) {
    const aOut: CanonicalObject = {};
    setOwn(aOut, 'names', readStringList(ctx, accounts, 'names', [...path, 'serviceAccounts']));
    const sel = readString(ctx, accounts, 'selector', [...path, 'serviceAccounts']);
    if (sel !== undefined && sel !== '') {
      checkSelector(ctx, sel, [...path, 'serviceAccounts', 'selector'], { global: 'unchecked' });
    }
    setOwn(aOut, 'selector', sel);
    setOwn(out, 'serviceAccounts', aOut);
  }

  // The CRD's CEL rules on EntityRule.
  if (checks === 'crd' && services !== undefined) {
    const conflict = (field: string, message: string) =>
      ctx.report(
        'services_conflict',
        [...path, field],
        `${message}: match the service alone, or use a separate rule`,
      );
    if (namespaceSelector)
      conflict('namespaceSelector', 'cannot specify NamespaceSelector and Services on the same rule');
    if (accounts !== undefined)
      conflict('serviceAccounts', 'cannot specify ServiceAccounts and Services on the same rule');
    if (serviceName === '') {
      ctx.report(
        'services_need_name',
        [...path, 'services', 'name'],
        'services must specify a service name: set services.name to the Kubernetes Service',
      );
    }
    if (selector || notSelector) {
      conflict(
        selector ? 'selector' : 'notSelector',
        'cannot specify Selector/NotSelector and Services on the same rule',
      );
    }
    if ((nets?.out.length ?? 0) > 0 || (notNets?.out.length ?? 0) > 0) {
      conflict(
        (nets?.out.length ?? 0) > 0 ? 'nets' : 'notNets',
        'cannot specify Nets/NotNets and Services on the same rule',
      );
    }
  }

  return { out, ports, notPorts, nets, notNets, hasServices: services !== undefined, servicesNamespace };
}

/**
 * Which of Calico's checks a rule gets. The policy kinds have CRDs, whose OpenAPI schema
 * (`maxItems`, `maxLength`) and CEL rules (the kubebuilder markers on `Rule`, `EntityRule`,
 * `ICMPFields` and `HTTPMatch` in `api/pkg/apis/projectcalico/v3/policy_common.go`) the
 * kube-apiserver enforces on top of the Go validator: `'crd'`. Profile has no CRD
 * (`api/config/crd` has none), so `libcalico-go/lib/validator/v3` alone checks its rules: `'go'`.
 *
 * @example
 * ```ts
 * const checks: RuleChecks = 'go'; // a Profile's rules
 * ```
 */
export type RuleChecks = 'crd' | 'go';

/**
 * A CRD `maxItems` / `maxLength`: `limit` where the CRD applies, none where only Go checks.
 *
 * @example
 * ```ts
 * crdLimit('crd', 50); // 50
 * crdLimit('go', 50); // undefined
 * ```
 */
export function crdLimit(checks: RuleChecks, limit: number): number | undefined {
  return checks === 'crd' ? limit : undefined;
}

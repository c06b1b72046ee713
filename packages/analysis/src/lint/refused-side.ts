/**
 * Rule sides the evaluator's model makes match nothing although a selector is not the cause
 * (`selector-matches-nothing.ts` says those): a net or port Calico refuses (the model keeps an
 * empty `nets`), and a `services` match without a namespace (Felix keys its IP set
 * `/<name>`, `felix/calc/rule_scanner.go` ruleToParsedRule, which no EndpointSlice fills).
 */
import type { RuleModel } from '../evaluator-seam.js';

/**
 * Why a side of `r` matches nothing, in words (`the source side has a net or port Calico
 * refuses …`); empty when no side is refused.
 *
 * @example
 * ```ts
 * declare const r: RuleModel; // source: { nets: ['10.0.0.0/8', 'ten'] }
 * refusedSides(r); // ["the source side has a net or port Calico refuses (the world's issues name it)"]
 * ```
 */
export function refusedSides(r: RuleModel): string[] {
  return (['source', 'destination'] as const).flatMap((name) => {
    const side = r[name];
    // Only a refused net or port leaves `nets` empty (an empty list in the input is no condition).
    if (side.nets?.length === 0)
      return [`the ${name} side has a net or port Calico refuses (the world's issues name it)`];
    const svc = side.services;
    if (svc?.namespace === '')
      return [
        `the ${name} services match "${svc.name}" has no namespace, which Felix reads as the Service "/${svc.name}" (none)`,
      ];
    return [];
  });
}

import { SPEC_KEYS } from '../../resources/field-order.js';
import type { CanonicalObject } from '../canonical.js';
import type { IssueCollector } from '../issue-collector.js';
import type { Json, Path } from '../json.js';
import { readFelixField } from './check-field.js';
import { FELIX_FIELDS } from './fields.js';
import { readFields } from './read-fields.js';
import { checkFelixSpecRules } from './spec-rules.js';

/**
 * Reads a `FelixConfiguration.spec` as calicoctl does: a field name the Go struct does not have
 * is an issue (strict decoding), and every field is checked against its rule in `FELIX_FIELDS`
 * (Go type, `validate:` tags, CRD enums, patterns and bounds), then the cross-field rules run
 * (`name` is the resource's `metadata.name`, which the nodeSelector rule needs). The result
 * lists the fields in struct order, each as given, the failsafe ports in Go field order.
 *
 * @example
 * ```ts
 * const ctx = new IssueCollector();
 * readFelixSpec(ctx, snapshot({ logSeverityScreen: 'Critical' }).value, ['spec'], 'default');
 * // ctx.issues: [{ code: 'invalid_value', path: ['spec', 'logSeverityScreen'], message:
 * //   'Invalid spec.logSeverityScreen "Critical": use Trace, Debug, Info, Warning, Error or Fatal (any case)' }]
 * ```
 */
export function readFelixSpec(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  name: string,
): CanonicalObject {
  const read = readFields(ctx, v, path, SPEC_KEYS.FelixConfiguration, (key, value, at) =>
    readFelixField(ctx, FELIX_FIELDS[key], value, at),
  );
  if (read === undefined) return {};
  checkFelixSpecRules(ctx, read.spec, path, name);
  return read.out;
}

import {
  type CreateNodeOptions,
  Document,
  type DocumentOptions,
  type SchemaOptions,
  type ToStringOptions,
} from 'yaml';
import { stringTag } from 'yaml/util';
import { goYamlKeyOrder } from './go-yaml-order.js';
import { canonicalResources, listOf, type PrintInput, type PrintOptions } from './input.js';
import { OUTPUT_STRING_TAG } from './string-tag.js';

// Block sequences flush with their key (as calicoctl and kubectl print them), no line folding,
// and strings that YAML 1.1 readers (calicoctl's go-yaml v2, or a reader of the 1.1 spec) would
// take for booleans or numbers (`yes`, `on`, `1_000`, `0X1F`, `1:20`) are quoted; `30000:32767`
// stays plain, it is a string in both. Control characters, NEL and U+2028/2029 are escaped.
const YAML_OPTIONS: DocumentOptions & SchemaOptions & ToStringOptions & CreateNodeOptions = {
  compat: 'yaml-1.1',
  customTags: (tags) => tags.map((tag) => (tag === stringTag ? OUTPUT_STRING_TAG : tag)),
  indentSeq: false,
  lineWidth: 0,
  minContentWidth: 0,
  aliasDuplicateObjects: false,
};

/**
 * Prints resources and builders as YAML the way calicoctl lays them out: `apiVersion`, `kind`,
 * `metadata`, `spec`, and inside `spec` and rules the upstream struct order. Several resources
 * become documents separated by `---` (no leading `---`); `{ list: true }` prints one
 * `<Kind>List` (or `v1 List`) instead. `undefined` fields are left out; the output is the same,
 * byte for byte, for the same input, and `fromYaml` reads it back to the same resources. Input
 * that is not plain data (a cycle, a getter that throws, a bigint, a Map) throws
 * `CalicoValidationError` with the path of each problem.
 *
 * @example
 * ```ts
 * toYaml(preDnat().name('deny-nodeports').order(1100).selector('ibm.role == "worker_public"')
 *   .deny().tcp().ports('30000:32767'));
 * // apiVersion: projectcalico.org/v3
 * // kind: GlobalNetworkPolicy
 * // metadata:
 * //   name: deny-nodeports
 * // spec:
 * //   order: 1100
 * //   ingress:
 * //   - action: Deny
 * //     protocol: TCP
 * //     destination:
 * //       ports:
 * //       - 30000:32767
 * //   selector: ibm.role == "worker_public"
 * //   types:
 * //   - Ingress
 * //   preDNAT: true
 * //   applyOnForward: true
 * ```
 */
export function toYaml(input: PrintInput, options: PrintOptions = {}): string {
  const resources = canonicalResources(input, goYamlKeyOrder);
  if (options.list === true) return printDocument(listOf(resources));
  let out = '';
  for (const resource of resources) out += (out === '' ? '' : '---\n') + printDocument(resource);
  return out;
}

/**
 * Prints resources and builders as JSON (2-space indent, trailing newline) in the same field
 * order as {@link toYaml}: one resource as an object, several as an array (calicoctl reads both),
 * or with `{ list: true }` one `<Kind>List` / `v1 List` object. Throws as {@link toYaml} does.
 *
 * @example
 * ```ts
 * toJson({ apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'security' },
 *   spec: { order: 100 } });
 * // {
 * //   "apiVersion": "projectcalico.org/v3",
 * //   "kind": "Tier",
 * //   "metadata": {
 * //     "name": "security"
 * //   },
 * //   "spec": {
 * //     "order": 100
 * //   }
 * // }
 * ```
 */
export function toJson(input: PrintInput, options: PrintOptions = {}): string {
  const resources = canonicalResources(input);
  const value =
    options.list === true ? listOf(resources) : Array.isArray(input) ? resources : (resources[0] ?? null);
  return `${goJsonEscape(JSON.stringify(value, null, 2))}\n`;
}

// Go's json.Marshal (under calicoctl's `-o json` json.MarshalIndent) writes <, >, & and U+2028/2029
// as \u escapes (encoding/json "HTMLEscape"). Outside strings JSON text never holds them.
const GO_JSON_ESCAPED = /[<>&\u2028\u2029]/g;

/**
 * `JSON.stringify` text with the characters Go's `encoding/json` escapes for HTML safety escaped
 * the same way, lower-case hex as Go writes it.
 *
 * @example
 * ```ts
 * goJsonEscape(JSON.stringify({ selector: "a == 'x' && b == 'y'" }));
 * // '{"selector":"a == \'x\' \\u0026\\u0026 b == \'y\'"}'
 * ```
 */
function goJsonEscape(json: string): string {
  return json.replace(GO_JSON_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Prints one value as a YAML document with `toYaml`'s layout and quoting (no key reordering).
 *
 * @example
 * ```ts
 * printDocument({ a: 'on' }); // 'a: "on"\n'
 * ```
 */
export function printDocument(value: unknown): string {
  return new Document(value, YAML_OPTIONS).toString(YAML_OPTIONS);
}

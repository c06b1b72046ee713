/**
 * What a FelixConfiguration field is, as data: its Go type and the constraints Calico puts on it
 * (`validate:` tags, CRD enums, patterns, bounds and list limits). `FELIX_FIELDS` holds one rule
 * per field; `readFelixField` checks a value against its rule.
 */
import type { IssueCollector } from '../issue-collector.js';
import type { JsonObject, Path } from '../json.js';
import type { CrdPattern } from './crd-patterns.js';
import type { StringFormat } from './string-formats.js';

/** `*bool`. */
export interface BoolRule {
  readonly kind: 'bool';
}

/** `*int`, `*int64` or `int` (Go decodes any int64); bounds from `validate:` tags or the CRD. */
export interface IntRule {
  readonly kind: 'int';
  readonly min?: number;
  readonly max?: number;
}

/**
 * A string. A plain `string` field is `omitempty`: `""` is unset, so Go's `omitempty` validators
 * skip it and the CRD never sees it. `checkEmpty` marks a value where `""` is checked like any
 * other: a Go `*string` or `*EnumType`, a list item, a field without `omitempty`.
 */
export interface StringRule {
  readonly kind: 'string';
  readonly checkEmpty?: boolean;
  /** CRD `enum` / Go `oneof=` (case-sensitive). */
  readonly oneOf?: readonly string[];
  /** CRD `pattern`. */
  readonly pattern?: CrdPattern;
  /** CRD `maxLength`. */
  readonly maxLength?: number;
  /** A named Go validator. */
  readonly format?: StringFormat;
}

/**
 * A `metav1.Duration`: a Go duration string (`"90s"`, `"1m30s"`, `"0"`). `pattern` is the CRD
 * pattern, tested on the text Go marshals; `nonNegative` is `validateHealthTimeoutOverride`'s.
 */
export interface DurationRule {
  readonly kind: 'duration';
  readonly pattern?: CrdPattern;
  readonly nonNegative?: boolean;
}

/** A `numorstring.Port`: a number, `"min:max"`, or (when `named`) an IANA port name. */
export interface PortRule {
  readonly kind: 'port';
  readonly named: boolean;
}

/** A `numorstring.DSCP`: a uint8 or any string (Calico's validator does not check it further). */
export interface DscpRule {
  readonly kind: 'dscp';
}

/** A list; `maxItems` is the CRD's (or `validateFelixConfigSpec`'s) limit. */
export interface ListRule {
  readonly kind: 'list';
  readonly item: FelixFieldRule;
  readonly maxItems?: number;
  /** What the list holds, for a type message (`a list of CIDRs`). */
  readonly want: string;
}

/** A `map[string]string` whose keys pass `key`. */
export interface StringMapRule {
  readonly kind: 'stringMap';
  readonly key: StringFormat;
}

/** A struct-level Go validator (`validateRouteTableRange`, …), run after the fields. */
export type StructCheck = (ctx: IssueCollector, obj: JsonObject, path: Path) => void;

/** A struct: its fields in Go order, the CRD's `required` ones (with an example), a Go check. */
export interface StructRule {
  readonly kind: 'struct';
  readonly keys: readonly string[];
  readonly fields: Readonly<Record<string, FelixFieldRule>>;
  readonly required?: Readonly<Record<string, string>>;
  readonly check?: StructCheck;
  /** What belongs there, for a type message (`a range like { min: 1, max: 250 }`). */
  readonly want: string;
}

/** A failsafe `ProtoPort` (read by the evaluator, so normalised). */
export interface ProtoPortRule {
  readonly kind: 'protoPort';
}

/** The rule of one FelixConfiguration field (or of a list item or struct field inside one). */
export type FelixFieldRule =
  | BoolRule
  | IntRule
  | StringRule
  | DurationRule
  | PortRule
  | DscpRule
  | ListRule
  | StringMapRule
  | StructRule
  | ProtoPortRule;

// The rule shapes FelixConfiguration, BGPConfiguration and IPPool fields share.

/** `*bool` / `bool`. */
export const BOOL: BoolRule = { kind: 'bool' };
/** A `*EnumType` (kubebuilder `Enum`, often also Go `oneof=`): a pointer, so "" is a value, and not one of them. */
export const pointerEnum = (...values: readonly string[]): StringRule => ({
  kind: 'string',
  checkEmpty: true,
  oneOf: values,
});
/** A plain `string` with kubebuilder `Enum` or Go `oneof=`: "" is unset. */
export const enumOf = (...values: readonly string[]): StringRule => ({ kind: 'string', oneOf: values });
/** `validate:"omitempty,gte=1,lte=2147483646"` and the CRDs' minimum and maximum (felixconfig.go:1094-1107, bgpconfig.go). */
export const ROUTE_PRIORITY: IntRule = { kind: 'int', min: 1, max: 2147483646 };

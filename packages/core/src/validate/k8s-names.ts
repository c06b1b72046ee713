/**
 * The Kubernetes name and label rules Calico reuses (`k8s.io/apimachinery/pkg/util/validation`).
 * Each check returns a problem text, or `undefined` when the value is fine.
 */

const DNS_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS_SUBDOMAIN = new RegExp(`^${DNS_LABEL}(\\.${DNS_LABEL})*$`);
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** The regex text of a DNS-1123 label, as Calico's messages quote it. */
export const DNS_LABEL_FMT = DNS_LABEL;
/** The regex text of a DNS-1123 subdomain, as Calico's messages quote it. */
export const DNS_SUBDOMAIN_FMT = `${DNS_LABEL}(\\.${DNS_LABEL})*`;

/** Byte length of `s` in UTF-8 (Go's `len` of a string). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Checks a DNS-1123 subdomain (≤ 253 bytes, lowercase labels joined by dots). */
export function dns1123SubdomainProblem(value: string): string | undefined {
  if (utf8Length(value) > 253) return 'must be no more than 253 characters';
  if (!DNS_SUBDOMAIN.test(value)) {
    return `must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (regex: ${DNS_SUBDOMAIN_FMT})`;
  }
  return undefined;
}

/**
 * Checks a namespace name as the kube-apiserver does for every namespaced object
 * (`ValidateNamespaceName`: a DNS-1123 label, ≤ 63, no dots).
 */
export function namespaceNameProblem(value: string): string | undefined {
  if (utf8Length(value) > 63) return 'must be no more than 63 characters';
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value))
    return "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (a DNS-1123 label)";
  return undefined;
}

/** Checks a qualified name (`[prefix/]name`), the rule for label and annotation keys. */
export function qualifiedNameProblem(value: string): string | undefined {
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) return 'the prefix part before "/" must not be empty';
    const p = dns1123SubdomainProblem(prefix);
    if (p !== undefined) return `the prefix part ${p}`;
  } else {
    return "a qualified name must consist of an optional DNS subdomain prefix and a name, separated by one '/' (e.g. 'example.com/MyName')";
  }
  if (name.length === 0) return 'the name part must not be empty';
  if (utf8Length(name) > 63) return 'the name part must be no more than 63 characters';
  if (!QUALIFIED_NAME_PART.test(name)) {
    return "the name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

/** Checks a label value (≤ 63, alphanumeric at both ends, `-_.` inside; empty is fine). */
export function labelValueProblem(value: string): string | undefined {
  if (utf8Length(value) > 63) return 'must be no more than 63 characters';
  if (!LABEL_VALUE.test(value)) {
    return "must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

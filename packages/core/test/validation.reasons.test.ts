// Every invalid row of the shared validation data is rejected for the reason upstream gives: the
// row's own words (its name and `reason`, written by whoever added the row) decide the issue code
// we expect, and each code's message must say what it is about. The table below was written from
// those words, not from validate's output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type IssueCode, validate } from '../src/index.js';

interface ValidationRow {
  readonly name: string;
  readonly resource: Record<string, unknown>;
  readonly valid: boolean;
  readonly reason: string;
}

const rows = (
  JSON.parse(readFileSync(new URL('./fixtures/validation.json', import.meta.url), 'utf8')) as ValidationRow[]
).filter((r) => !r.valid);

/** What the row's name and reason say is wrong, most specific first. */
const BY_WORDS: readonly (readonly [RegExp, IssueCode])[] = [
  [/applyOnForward must be true|but not ApplyOnForward|without applyOnForward/i, 'apply_on_forward_required'],
  [/catch-all|::\/0/i, 'catch_all_not_net'],
  [/strictly masked|host bits/i, 'cidr_not_masked'],
  [/global\(\) cannot be combined|namespaceSelector '!global\(\)'|AND'd|OR'd/i, 'global_selector_not_alone'],
  [/global\(/i, 'global_selector_not_allowed'],
  [/interfaceName 16 chars/i, 'invalid_interface_name'],
  [/missing node|no interfaceName|blank interface|no config/i, 'host_endpoint_incomplete'],
  [/HTTP (match )?on Deny|HTTP match with non-TCP|HTTP in egress|Deny rule with HTTP/i, 'http_not_allowed'],
  [/HTTP (Path|Method)|HTTP path/i, 'invalid_http_match'],
  [/code without type|code requires type|with code and no type/i, 'icmp_code_without_type'],
  [/code too high|type max 254|ICMP type 255/i, 'out_of_range'],
  [
    /protocol with ipVersion|ipversion for icmp|IPv6 protocol and an IPVersion|requires ipVersion/i,
    'ip_version_mismatch',
  ],
  [/icmp (fields|block)|ICMP fields without/i, 'icmp_needs_protocol'],
  [/StagedAction value 'Delete'/i, 'staged_delete_not_empty'],
  [
    /Tier (default|kube-[a-z]+) with|Tier: disallow (default|kube-)|default tier|kube-baseline tier|e2e: should reject (default|kube)/,
    'tier_builtin',
  ],
  [/services without name/i, 'services_need_name'],
  [/Service match AND|services with|services\+serviceAccounts/i, 'services_conflict'],
  [/Service match (on a GNP|in an)|services not allowed/i, 'services_misplaced'],
  [/no protocol|protocol type 100|protocol ICMP with a|UDPLite number/i, 'ports_need_protocol'],
  [/port "0"|port range 0:|port 0\b|MinPort 0|\(port 0\)|port 0:456/i, 'port_out_of_range'],
  [
    /invalid (dest|source) !?ports|port "80:"|port ":80"|port "65536"|port "80 - 90"|port -1|port range 100:80/i,
    'invalid_port',
  ],
  [/named port|port name/i, 'invalid_port_name'],
  [/protocol/i, 'invalid_protocol'],
  [/rule with no action|GNP name ''/i, 'required'],
  [/action '|unknown action/i, 'invalid_action'],
  [/annotation/i, 'invalid_annotation'],
  [/ipVersion 5|IP version 0/i, 'invalid_ip_version'],
  [/mixed IPv?\d? ?(version|IPVersion)|ipVersion \d with IPv\d/i, 'ip_version_mismatch'],
  [/mixed IPv4 \(src\)|mixed IPv6 \(src\)|v4 with notNets v6|mixed families/i, 'mixed_ip_versions'],
  [/dupes|repeated|types with three/i, 'duplicate_value'],
  [/Tier custom defaultAction|PerformanceHints|unexpected value|types lowercase/i, 'invalid_value'],
  [/label (key|value)|empty label key|reserved labels|value in labels/i, 'invalid_label'],
  [/\bname\b|tier|node uppercase/i, 'invalid_name'],
  [/pre-?DNAT/i, 'prednat_conflict'],
  [/51 ports/i, 'too_many_items'],
  [/selector/i, 'invalid_selector'],
  [/nets|CIDR/i, 'invalid_cidr'],
];

/** What the message of each code must mention, so that it explains the problem it names. */
const MESSAGE_SAYS: Partial<Record<IssueCode, RegExp>> = {
  apply_on_forward_required: /applyOnForward/,
  catch_all_not_net: /notNets|0\.0\.0\.0\/0|::\/0/,
  cidr_not_masked: /host bits|CIDR/i,
  global_selector_not_alone: /global\(\)/,
  global_selector_not_allowed: /global\(\)/,
  host_endpoint_incomplete: /node|interfaceName|expectedIPs/,
  http_not_allowed: /http|HTTP/,
  invalid_http_match: /path|method/i,
  icmp_code_without_type: /type/,
  icmp_needs_protocol: /ICMP/,
  ip_version_mismatch: /ipVersion|IPv[46]/,
  mixed_ip_versions: /IPv4|IPv6/,
  invalid_action: /action/i,
  invalid_annotation: /annotation/i,
  invalid_ip_version: /ipVersion|4 or 6/,
  invalid_label: /label/i,
  invalid_name: /name|tier|node|DNS/i,
  services_conflict: /services/i,
  services_misplaced: /services/i,
  services_need_name: /name/,
  staged_delete_not_empty: /Delete/,
  prednat_conflict: /preDNAT|pre-DNAT/,
  tier_builtin: /tier|order|defaultAction/i,
  duplicate_value: /more than once|repeat|duplicate|unique/i,
  too_many_items: /at most/,
  invalid_protocol: /protocol/i,
  port_out_of_range: /port/i,
  ports_need_protocol: /protocol/,
  invalid_port_name: /port name/,
  invalid_port: /port/i,
  invalid_selector: /selector/i,
  invalid_cidr: /CIDR|IP/,
  out_of_range: /from|at most|\d/,
  invalid_value: /Invalid|one of|must be/,
  required: /required|empty/i,
};

function expectedCode(row: ValidationRow): IssueCode | undefined {
  const words = `${row.name} | ${row.reason}`;
  return BY_WORDS.find(([re]) => re.test(words))?.[1];
}

describe('validation.json: the reason of every invalid row', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const code = expectedCode(row);
    expect(code, `no expectation written for "${row.name}" (${row.reason})`).toBeDefined();
    const r = validate(row.resource);
    expect(r.ok).toBe(false);
    if (r.ok || code === undefined) return;
    const found = r.issues.filter((i) => i.code === code);
    expect(found.length, `${row.reason}: want ${code}, got ${JSON.stringify(r.issues)}`).toBeGreaterThan(0);
    const says = MESSAGE_SAYS[code];
    if (says) for (const issue of found) expect(issue.message).toMatch(says);
  });
});

// Every row of the shared conformance data (copied from /work/shared/conformance/ports.json;
// rows keep their `source`/`upstream` fields) against parsePort() and validate().
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePort, validate } from '../src/index.js';

interface PortRow {
  input: number | string;
  inputType: string;
  parseOk: boolean;
  min?: number;
  max?: number;
  name?: string;
  valid: boolean;
  reason: string;
  source: string;
  upstream?: string;
  note?: string;
}

const rows = JSON.parse(readFileSync(new URL('./fixtures/ports.json', import.meta.url), 'utf8')) as PortRow[];

const tcpRuleWith = (port: number | string) => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'GlobalNetworkPolicy',
  metadata: { name: 'test' },
  spec: { ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [port] } }] },
});

describe('ports.json', () => {
  it('has the documented number of rows', () => {
    expect(rows.length).toBe(34);
  });

  it.each(rows.map((r) => [JSON.stringify(r.input), r] as const))('parsePort(%s)', (_label, row) => {
    const p = parsePort(row.input);
    expect(p.ok).toBe(row.parseOk);
    if (p.ok) {
      expect(p.value).toEqual(row.name !== undefined ? { name: row.name } : { min: row.min, max: row.max });
    } else {
      expect(p.issues[0]?.code).toBe('invalid_port');
    }
  });

  it.each(rows.map((r) => [JSON.stringify(r.input), r] as const))('TCP rule with port %s', (_label, row) => {
    const r = validate(tcpRuleWith(row.input));
    expect(r.ok, row.reason).toBe(row.valid);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toContainEqual(['spec', 'ingress', 0, 'destination', 'ports', 0]);
    }
  });
});

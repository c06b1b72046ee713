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

const load = (file: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as PortRow[];
// The shared rows and the upstream port cases they leave out (numorstring_test.go, the port
// cases of validator_test.go; each row's `upstream` names its line), with their row counts.
const files: [string, PortRow[], number][] = [
  ['ports.json', load('ports.json'), 34],
  ['ports-upstream-extra.json', load('ports-upstream-extra.json'), 14],
];

const tcpRuleWith = (port: number | string) => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'GlobalNetworkPolicy',
  metadata: { name: 'test' },
  spec: { ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [port] } }] },
});

for (const [file, rows, count] of files) {
  describe(file, () => {
    it('has the documented number of rows', () => {
      expect(rows.length).toBe(count);
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

    it.each(rows.map((r) => [JSON.stringify(r.input), r] as const))(
      'TCP rule with port %s',
      (_label, row) => {
        const r = validate(tcpRuleWith(row.input));
        expect(r.ok, row.reason).toBe(row.valid);
        if (!r.ok) {
          expect(r.issues.map((i) => i.path)).toContainEqual([
            'spec',
            'ingress',
            0,
            'destination',
            'ports',
            0,
          ]);
        }
      },
    );
  });
}

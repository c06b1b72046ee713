import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url, readHash, writeHash } from '../src/model/hash.js';

describe('URL hash', () => {
  it('encodes as the acceptance links do (base64url, no padding)', () => {
    const text = 'kind: Pod\n# ünïcødé ✓ ~~~>>>???';
    const node = Buffer.from(text, 'utf8')
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(encodeBase64Url(text)).toBe(node);
    expect(decodeBase64Url(node)).toBe(text);
  });

  it('round-trips any text and flow', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (manifests, flow) => {
        expect(readHash(`#${writeHash({ manifests, flow })}`)).toEqual({
          state: { manifests, flow },
          problems: [],
        });
      }),
    );
  });

  it('reads the flow as the CLI writes it, with %-escapes', () => {
    const flow = 'tcp 198.51.100.7:51000 -> 169.46.10.20:80';
    expect(readHash(`#flow=${encodeURIComponent(flow)}`).state).toEqual({ flow });
  });

  it("reads '+' in a hand-written flow as a space", () => {
    expect(readHash('#flow=tcp+10.0.0.1+->+10.0.0.2:80').state).toEqual({
      flow: 'tcp 10.0.0.1 -> 10.0.0.2:80',
    });
  });

  it('accepts padded and plain base64 too', () => {
    expect(decodeBase64Url('a2luZDogUG9kCg==')).toBe('kind: Pod\n');
    expect(decodeBase64Url('a2luZDogUG9kCg')).toBe('kind: Pod\n');
  });

  it('reports unreadable parts instead of throwing, and ignores unknown keys', () => {
    const r = readHash('#manifests=%%%&flow=%E0%A4%A&x=1&nokey');
    expect(r.state).toEqual({});
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/^manifests: .*copy the link again/);
    expect(r.problems[1]).toMatch(/^flow: /);
  });

  it('rejects base64 that is not UTF-8 text', () => {
    expect(decodeBase64Url('_w')).toBeUndefined(); // 0xFF
    expect(decodeBase64Url('a')).toBeUndefined(); // one char cannot be base64
  });

  it('writes only what it is given', () => {
    expect(writeHash({})).toBe('');
    expect(writeHash({ flow: 'a b' })).toBe('flow=a%20b');
  });
});

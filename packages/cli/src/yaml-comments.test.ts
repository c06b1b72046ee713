import { describe, expect, it } from 'vitest';
import { hasYamlComments } from './yaml-comments.js';

describe('hasYamlComments (from YAML tokens)', () => {
  it.each([
    ['note: "see #42"\n', false],
    ["note: 'a # b'\n", false],
    ['url: http://x/#frag\n', false],
    ['script: |\n  # not a comment: block scalar text\n', false],
    ['{"a": "#"}', false],
    ['# leading\nkind: Tier\n', true],
    ['kind: Tier # trailing\n', true],
    ['items:\n  - a\n  # between\n  - b\n', true],
  ])('%j → %s', (text, expected) => {
    expect(hasYamlComments(text)).toBe(expected);
  });
});
